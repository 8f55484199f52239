import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, makeUser, userWithToken } from '../factories';
import { PageClient } from '../utils/page-client';
import { startTestApp, TestApp } from '../utils/test-app';

const RANGE = 'from=2019-01-01&to=2019-03-31';

/** An organisation reports on its pages: what is due, a form per period, corrections with a reason. */
describe('reporting pages', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  let indicatorId: string;
  const users: Record<string, { email: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    org.kommun = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    org.unit = (await makeOrganisation(t.ds, { name: 'Hemtjänst Norr', parentId: org.kommun })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    org.granneUnit = (await makeOrganisation(t.ds, { name: 'Grannens enhet', parentId: org.granne })).id;
    await makePilot(t.ds, { code: 'WEB-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: org.kommun, level: SteeringLevel.POLITICAL_PRINCIPAL }]);
    const instrument = await t.gql(
      'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
      {
        input: {
          name: 'Nämndens plan',
          kind: 'PRINCIPAL_FOLLOW_UP',
          governanceForm: 'PRESTATION',
          imposedById: org.kommun,
          appliesToIds: [org.unit, org.granneUnit],
          validFrom: '2019-01-01',
        },
      },
      admin,
    );
    const indicator = await t.gql(
      'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
      {
        input: {
          name: 'Besöksregistrering',
          instrumentId: instrument.data!.createSteeringInstrument.id,
          measureType: 'PROCESS',
          aggregationLevel: 'UNIT',
          reportingFrequency: 'MONTHLY',
          introducedOn: '2019-01-01',
        },
      },
      admin,
    );
    indicatorId = indicator.data!.defineIndicator.id;
    users.reporter = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.kommun });
    users.neighbour = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.granne });
    for (const role of [Role.ADMIN, Role.ANALYST, Role.RESEARCHER]) users[role] = await makeUser(t.ds, { role });
  });
  afterAll(() => t.close());

  async function as(who: string): Promise<PageClient> {
    const browser = new PageClient(t.url);
    await browser.get('/logga-in');
    expect((await browser.post('/logga-in', { email: users[who].email, password: 'correct horse battery staple' })).status).toBe(303);
    return browser;
  }
  const formPath = (unit: string, start: string, end: string) =>
    `/rapportering/rapportera?indicator=${indicatorId}&unit=${unit}&start=${start}&end=${end}&${RANGE}`;
  const stored = () => t.asSuperuser(`SELECT period_start::text, staff_hours::float8, revision FROM burden_report ORDER BY period_start`);
  const values = {
    staffHours: '12,5',
    staffCount: '3',
    recordCount: '',
    doubleRegistration: 'no',
    usedForImprovement: 'PARTLY',
    perceivedUsefulness: '4',
    comment: '',
  };

  it('shows a reporter each missing period of their units; reporting one makes it go, once however often it is sent', async () => {
    const browser = await as('reporter');
    expect((await browser.get(`/rapportering?${RANGE}`)).status).toBe(200);
    expect(browser.text()).toContain('Att rapportera (3)');
    expect(browser.html).not.toContain('Grannens enhet');
    const path = formPath(org.unit, '2019-02-01', '2019-02-28');
    expect(browser.html).toContain(path.replace(/&/g, '&amp;'));

    await browser.get(path);
    expect(browser.text()).toContain('Rapportera: Besöksregistrering');
    expect(browser.text()).toContain('Hemtjänst Norr, 2019-02-01 – 2019-02-28');
    const formId = browser.field('formId')!;
    const sent = await browser.post(path, { formId, ...values });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/rapportering?from=2019-01-01&to=2019-03-31&saved=${encodeURIComponent(`${indicatorId}/2019-02-01`)}`);
    expect((await browser.post(path, { formId, ...values })).status).toBe(303); // a double click
    expect(await stored()).toEqual([{ period_start: '2019-02-01', staff_hours: 12.5, revision: 1 }]);

    await browser.get(sent.location!);
    expect(browser.text()).toContain('Rapporten för Besöksregistrering, 2019-02-01 – 2019-02-28, är sparad.');
    expect(browser.text()).toContain('Att rapportera (2)');
    const [todo, reported] = browser.text().split('Att rapportera (2)')[1].split('Rapporterade perioder');
    expect(todo).not.toContain('2019-02-01 – 2019-02-28');
    // Sent now, long after it was due: reported late.
    expect(reported).toMatch(/Hemtjänst Norr Besöksregistrering 2019-02-01 – 2019-02-28 2019-03-30 Sen Rätta/);
  });

  it('offers last period’s values as a start, and corrects a reported period only with a reason', async () => {
    const browser = await as('reporter');
    await browser.get(formPath(org.unit, '2019-03-01', '2019-03-31'));
    expect(browser.text()).toContain('Förra periodens värden är ifyllda');
    expect(browser.field('staffHours')).toBe('12.5');

    const path = formPath(org.unit, '2019-02-01', '2019-02-28');
    await browser.get(path);
    expect(browser.text()).toContain('Den här perioden är redan rapporterad');
    const revision = browser.field('revision')!;
    const noReason = await browser.post(path, { formId: browser.field('formId')!, revision, ...values, staffHours: '14' });
    expect(noReason.status).toBe(400);
    expect(browser.text()).toContain('Skriv varför värdena rättas.');
    const fixed = await browser.post(path, { formId: browser.field('formId')!, revision, ...values, staffHours: '14', reason: 'Räknade fel timmar' });
    expect(fixed.status).toBe(303);
    expect(await stored()).toEqual([{ period_start: '2019-02-01', staff_hours: 14, revision: 2 }]);
    const [{ reason }] = await t.asSuperuser(`SELECT reason FROM audit_log WHERE entity = 'BURDEN_REPORT' AND action = 'UPDATE'`);
    expect(reason).toBe('Räknade fel timmar');
  });

  it('keeps what was typed and says what is wrong beside each field, storing nothing', async () => {
    const browser = await as('reporter');
    const path = formPath(org.unit, '2019-01-01', '2019-01-31');
    await browser.get(path);
    const res = await browser.post(path, { formId: browser.field('formId')!, staffHours: 'tolv', staffCount: '-1', comment: 'Mitt utkast' });
    expect(res.status).toBe(400);
    expect(browser.html).toContain('id="staffHours-error">Ange ett tal från 0 till');
    expect(browser.html).toContain('id="staffCount-error">Ange ett tal från 0 till');
    expect(browser.html).toContain('id="doubleRegistration-error">Välj ett svar.');
    expect(browser.field('staffHours')).toBe('tolv');
    expect(browser.html).toContain('Mitt utkast');
    expect((await stored()).length).toBe(1);
  });

  it('answers another organisation’s unit exactly like one that does not exist', async () => {
    const browser = await as('neighbour');
    const theirs = await browser.get(formPath(org.unit, '2019-01-01', '2019-01-31'));
    const theirsPage = browser.text();
    const missing = await browser.get(formPath('00000000-0000-4000-8000-0000000000ee', '2019-01-01', '2019-01-31'));
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    expect(theirsPage).toBe(browser.text());
    expect(theirsPage).toContain('Sidan finns inte');
    await browser.get(`/rapportering?${RANGE}`);
    expect(browser.html).toContain('Grannens enhet');
    expect(browser.html).not.toContain('Hemtjänst Norr');
    const posted = await browser.post(formPath(org.unit, '2019-01-01', '2019-01-31'), { formId: crypto.randomUUID(), ...values });
    expect(posted.status).toBe(404);
    expect((await stored()).length).toBe(1);
  });

  it.each([Role.ADMIN, Role.ANALYST, Role.RESEARCHER])('is not a page for %s, who has no organisation to report for', async (role) => {
    const browser = await as(role);
    expect((await browser.get(`/rapportering?${RANGE}`)).status).toBe(403);
    expect(browser.text()).toContain('Din roll har inte tillgång');
    expect((await browser.get(formPath(org.unit, '2019-01-01', '2019-01-31'))).status).toBe(403);
    await browser.get('/');
    expect(browser.html).not.toContain('href="/rapportering"');
  });

  it('refuses a report sent without the session’s form token', async () => {
    const browser = await as('reporter');
    const res = await browser.post(formPath(org.unit, '2019-01-01', '2019-01-31'), { _csrf: 'from another site', formId: crypto.randomUUID(), ...values });
    expect(res.status).toBe(403);
    expect((await stored()).length).toBe(1);
  });
});
