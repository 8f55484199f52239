import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { Role } from '../../src/common/auth/role.enum';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../factories';
import { PageClient } from '../utils/page-client';
import { startTestApp, TestApp } from '../utils/test-app';

/** Admins manage accounts on the pages; reporters follow their time thieves there. */
describe('admin and time-thief pages', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    org.kommun = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    org.unit = (await makeOrganisation(t.ds, { name: 'Hemtjänst Öst', parentId: org.kommun })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    org.ivo = (await makeOrganisation(t.ds, { name: 'IVO', kind: OrganisationKind.SUPERVISORY_AGENCY })).id;
    users.admin = await makeUser(t.ds, { role: Role.ADMIN, displayName: 'Ada Admin' });
    users.reporter = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.kommun, displayName: 'Rut Rapportör' });
    users.neighbour = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.granne });
    users.analyst = await makeUser(t.ds, { role: Role.ANALYST });
  });
  afterAll(() => t.close());

  async function as(who: string): Promise<PageClient> {
    const browser = new PageClient(t.url);
    await browser.get('/logga-in');
    expect((await browser.post('/logga-in', { email: users[who].email, password: TEST_PASSWORD })).status).toBe(303);
    return browser;
  }

  describe('users (admins)', () => {
    it('invites a reporter and shows the one-time link once', async () => {
      const admin = await as('admin');
      await admin.get('/anvandare');
      expect(admin.text()).toContain('Rut Rapportör');
      const formId = admin.field('formId')!;
      const fields = { formId, email: 'Ny.Person@Kommunen.se', displayName: 'Ny Person', role: 'ORG_REPORTER', organisationId: org.unit };
      const res = await admin.post('/anvandare', fields);
      expect(res.status).toBe(201);
      const url = admin.field('link') ?? /value="(http[^"]+inbjudan[^"]+)"/.exec(admin.html)?.[1];
      expect(url).toMatch(/\/inbjudan\/[A-Za-z0-9_-]{43}$/);
      // A resent form is the same invitation: one account, and a fresh link that works.
      await admin.post('/anvandare', fields);
      const again = /value="(http[^"]+inbjudan[^"]+)"/.exec(admin.html)![1];
      const [{ n }] = await t.asSuperuser(`SELECT count(*)::int AS n FROM app_user WHERE email = 'ny.person@kommunen.se'`);
      expect(n).toBe(1);
      const invited = new PageClient(t.url);
      expect((await invited.get(new URL(url!).pathname)).status).toBe(410);
      expect((await invited.get(new URL(again).pathname)).status).toBe(200);
    });

    it('says what is wrong with an invitation, and keeps what was typed', async () => {
      const admin = await as('admin');
      await admin.get('/anvandare');
      const res = await admin.post('/anvandare', {
        formId: crypto.randomUUID(),
        email: 'inte en adress',
        displayName: 'X',
        role: 'ANALYST',
        organisationId: '',
      });
      expect(res.status).toBe(400);
      expect(admin.text()).toContain('email must be an e-mail address');
      expect(admin.field('email')).toBe('inte en adress');
    });

    it('deactivates an account with a reason, ending its sessions', async () => {
      const admin = await as('admin');
      const victim = await makeUser(t.ds, { role: Role.ANALYST });
      users.victim = victim;
      const session = await as('victim');
      await admin.get(`/anvandare/${victim.id}`);
      expect((await admin.post(`/anvandare/${victim.id}/stang-av`, { activeReason: '' })).status).toBe(400);
      expect((await admin.post(`/anvandare/${victim.id}/stang-av`, { activeReason: 'Slutat' })).status).toBe(303);
      expect((await session.get('/')).status).toBe(303);
      await admin.get(`/anvandare/${victim.id}?klart=stangd`);
      expect(admin.text()).toContain('Kontot är avstängt');
      const [{ reason }] = await t.asSuperuser(`SELECT reason FROM audit_log WHERE entity = 'USER' AND entity_id = $1 AND action = 'UPDATE'`, [victim.id]);
      expect(reason).toBe('Slutat');
    });

    it.each(['reporter', 'analyst'])('is not a page for the %s', async (who) => {
      const browser = await as(who);
      expect((await browser.get('/anvandare')).status).toBe(403);
      expect((await browser.get(`/anvandare/${users.admin.id}`)).status).toBe(403);
      expect((await browser.post('/anvandare', { email: 'x@y.se', displayName: 'X', role: 'ADMIN' })).status).toBe(403);
      expect(browser.html).not.toContain('href="/anvandare"');
    });
  });

  describe('supervision (reporters)', () => {
    const contact = (formId: string, extra: Record<string, string> = {}) => ({
      formId,
      organisationId: org.unit,
      supervisorId: org.ivo,
      occurredOn: '2026-10-05',
      kind: 'DATA_REQUEST',
      dataRequested: 'Avvikelser per månad',
      frequency: 'QUARTERLY',
      staffHours: '12,5',
      overlapsInteractionId: '',
      character: 'CONTROLLING',
      feedback: '',
      supportedLearning: '',
      ...extra,
    });

    it('reports a supervisory contact once however often the form is sent, and a second one repeating its demand', async () => {
      const reporter = await as('reporter');
      expect((await reporter.get('/tillsyn')).status).toBe(200);
      expect(reporter.html).toContain('href="/tillsyn"');
      const formId = reporter.field('formId')!;
      expect(await reporter.post('/tillsyn', contact(formId))).toMatchObject({ status: 303, location: '/tillsyn?klart=1' });
      expect(await reporter.post('/tillsyn', contact(formId))).toMatchObject({ status: 303 });
      const stored = await t.asSuperuser(`SELECT id, staff_hours::float8 AS hours, supported_learning FROM supervision_interaction`);
      expect(stored).toEqual([{ id: expect.any(String), hours: 12.5, supported_learning: null }]);
      await reporter.get('/tillsyn?klart=1');
      expect(reporter.text()).toContain('Tillsynskontakten är rapporterad.');
      expect(reporter.text()).toContain('2026-10-05 Hemtjänst Öst IVO Begäran om uppgifter 12,5');
      const second = contact(reporter.field('formId')!, {
        occurredOn: '2026-11-02',
        kind: 'INSPECTION',
        staffHours: '30',
        overlapsInteractionId: stored[0].id,
        character: 'ENABLING',
        supportedLearning: 'yes',
      });
      expect((await reporter.post('/tillsyn', second)).status).toBe(303);
      await reporter.get('/tillsyn');
      expect(reporter.text()).toContain('2026-11-02 Hemtjänst Öst IVO Inspektion 30 Ja');
      expect(reporter.text()).toContain('2026-10-05 Hemtjänst Öst IVO Begäran om uppgifter 12,5 Ja');
      // The neighbour sees none of it; an analyst has no such page.
      const neighbour = await as('neighbour');
      await neighbour.get('/tillsyn');
      expect(neighbour.text()).toContain('Ingen tillsynskontakt är rapporterad ännu.');
      expect((await (await as('analyst')).get('/tillsyn')).status).toBe(403);
    });

    it('keeps what was typed and says which field is wrong', async () => {
      const reporter = await as('reporter');
      await reporter.get('/tillsyn');
      const res = await reporter.post('/tillsyn', contact(crypto.randomUUID(), { staffHours: 'många', supervisorId: org.granne }));
      expect(res.status).toBe(400);
      expect(reporter.html).toContain('id="staffHours-error"');
      expect(reporter.field('staffHours')).toBe('många');
      const notAgency = await reporter.post('/tillsyn', contact(crypto.randomUUID(), { supervisorId: org.granne }));
      expect(notAgency.status).toBe(400);
      expect(reporter.html).toContain('id="supervisorId-error"');
    });
  });

  describe('time thieves (reporters)', () => {
    it('reports a time thief and follows its status history', async () => {
      const reporter = await as('reporter');
      await reporter.get('/tidstjuvar');
      const sent = await reporter.post('/tidstjuvar', {
        formId: reporter.field('formId')!,
        organisationId: org.unit,
        task: 'Dubbel dokumentation av besök',
        process: 'Dokumentation',
        minutesPerWeek: '45',
        staffAffected: '8',
        proposedRemedy: 'En registrering räcker',
        reportedOn: '2026-11-30',
      });
      expect(sent).toMatchObject({ status: 303, location: '/tidstjuvar?klart=1' });
      await reporter.get('/tidstjuvar?klart=1');
      expect(reporter.text()).toContain('Dubbel dokumentation av besök Hemtjänst Öst 6 Rapporterad 2026-11-30');
      const [{ id }] = await t.asSuperuser(`SELECT id FROM time_thief`);
      await reporter.get(`/tidstjuvar/${id}`);
      expect((await reporter.post(`/tidstjuvar/${id}/status`, { status: 'KEPT', changedOn: '2026-12-01', reason: '' })).status).toBe(400);
      expect((await reporter.post(`/tidstjuvar/${id}/status`, { status: 'UNDER_REVIEW', changedOn: '2026-12-01', reason: '' })).status).toBe(303);
      await reporter.get(`/tidstjuvar/${id}`);
      expect(reporter.text()).toMatch(/Historik .*2026-11-30 Rapporterad .*2026-12-01 Under prövning/);
    });

    it('keeps what was typed and says which field is wrong', async () => {
      const reporter = await as('reporter');
      await reporter.get('/tidstjuvar');
      const res = await reporter.post('/tidstjuvar', {
        formId: crypto.randomUUID(),
        organisationId: org.unit,
        task: 'x'.repeat(600),
        minutesPerWeek: 'många',
        staffAffected: '2',
        reportedOn: '2026-11-30',
      });
      expect(res.status).toBe(400);
      expect(reporter.html).toContain('id="task-error"');
      expect(reporter.html).toContain('id="minutesPerWeek-error"');
      expect(reporter.field('minutesPerWeek')).toBe('många');
    });

    it('answers another organisation’s time thief like a missing one, and refuses to report for its units', async () => {
      const neighbour = await as('neighbour');
      const [{ id }] = await t.asSuperuser(`SELECT id FROM time_thief`);
      const theirs = await neighbour.get(`/tidstjuvar/${id}`);
      const theirsText = neighbour.text();
      const missing = await neighbour.get('/tidstjuvar/00000000-0000-4000-8000-0000000000ee');
      expect([theirs.status, missing.status]).toEqual([404, 404]);
      expect(theirsText).toBe(neighbour.text());
      await neighbour.get('/tidstjuvar');
      expect(neighbour.text()).not.toContain('Dubbel dokumentation');
      expect((await neighbour.post(`/tidstjuvar/${id}/status`, { status: 'REMOVED', changedOn: '2026-12-02' })).status).toBe(404);
      const res = await neighbour.post('/tidstjuvar', {
        formId: crypto.randomUUID(),
        organisationId: org.unit,
        task: 'Kapad',
        minutesPerWeek: '1',
        staffAffected: '1',
        reportedOn: '2026-11-30',
      });
      expect(res.status).toBe(404);
      const [{ n }] = await t.asSuperuser(`SELECT count(*)::int AS n FROM time_thief`);
      expect(n).toBe(1);
    });
  });
});
