import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { login, makeOrganisation, makePilot, makeUser, TEST_PASSWORD, userWithToken } from '../factories';
import { PageClient } from '../utils/page-client';
import { startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A reporter's survey pages: links per unit, invited counts, closing a link, responses from a CSV file. */
describe('survey pages for reporters', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const wave: Record<string, string> = {};
  const users: Record<string, { email: string }> = {};
  let pilot: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    org.kommun = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    org.a = (await makeOrganisation(t.ds, { name: 'Hemtjänst A', parentId: org.kommun })).id;
    org.b = (await makeOrganisation(t.ds, { name: 'Hemtjänst B', parentId: org.kommun })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    org.granneUnit = (await makeOrganisation(t.ds, { name: 'Grannens enhet', parentId: org.granne })).id;
    pilot = await makePilot(t.ds, { code: 'ENK-1', startsOn: day(-60), endsOn: null }, [
      { organisationId: org.kommun, level: SteeringLevel.POLITICAL_PRINCIPAL },
      { organisationId: org.granne, level: SteeringLevel.POLITICAL_PRINCIPAL },
    ]);
    const open = async (label: string, unitIds: string[]) =>
      (
        await t.gql(
          'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
          { input: { pilotId: pilot.id, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label, opensOn: day(-1), closesOn: day(20), unitIds } },
          admin,
        )
      ).data!.openSurveyWave.id;
    wave.ours = await open('Våren', [org.a, org.b]);
    wave.theirs = await open('Grannens våg', [org.granneUnit]);
    users.reporter = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.kommun });
    for (const role of [Role.ADMIN, Role.ANALYST, Role.RESEARCHER]) users[role] = await makeUser(t.ds, { role });
  });
  afterAll(() => t.close());

  async function as(who: string): Promise<PageClient> {
    const browser = new PageClient(t.url);
    await browser.get('/logga-in');
    expect((await browser.post('/logga-in', { email: users[who].email, password: TEST_PASSWORD })).status).toBe(303);
    return browser;
  }
  const links = () => t.asSuperuser(`SELECT unit_id, invited, revoke_reason FROM survey_link ORDER BY created_at`);
  const responses = async () => (await t.asSuperuser<{ n: number }>(`SELECT count(*)::int AS n FROM survey_response WHERE wave_id = $1`, [wave.ours]))[0].n;

  it('lists the waves of the reporter’s units, and another organisation’s wave is a page that does not exist', async () => {
    const browser = await as('reporter');
    await browser.get('/enkater');
    expect(browser.text()).toContain('Våren');
    expect(browser.text()).not.toContain('Grannens våg');
    const theirs = await browser.get(`/enkater/${wave.theirs}`);
    const theirsText = browser.text();
    const missing = await browser.get('/enkater/00000000-0000-4000-8000-0000000000ee');
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    expect(theirsText).toBe(browser.text());
    expect((await browser.post(`/enkater/${wave.theirs}/lankar`, { unitId: org.granneUnit, formId: crypto.randomUUID() })).status).toBe(404);
    expect(await links()).toEqual([]);
  });

  it('makes one link per form however often it is sent, and shows its address', async () => {
    const browser = await as('reporter');
    await browser.get(`/enkater/${wave.ours}`);
    const formId = browser.field('formId')!;
    const made = await browser.post(`/enkater/${wave.ours}/lankar`, { formId, unitId: org.b, invited: '' });
    expect(made.status).toBe(303);
    expect((await browser.post(`/enkater/${wave.ours}/lankar`, { formId, unitId: org.b, invited: '' })).status).toBe(303);
    expect(await links()).toEqual([{ unit_id: org.b, invited: null, revoke_reason: null }]);
    await browser.get(made.location!);
    expect(browser.text()).toContain('Länken är skapad.');
    expect(browser.html).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43}"/);
  });

  it('records how many were invited, and shows the rate only from five invited', async () => {
    const browser = await as('reporter');
    await browser.get(`/enkater/${wave.ours}`);
    const [{ id }] = await t.asSuperuser(`SELECT id FROM survey_link`);
    expect((await browser.post(`/enkater/${wave.ours}/lankar/${id}/inbjudna`, { invited: 'tolv', reason: '' })).status).toBe(400);
    expect(browser.text()).toContain('Ange antalet inbjudna som ett heltal');
    expect((await browser.post(`/enkater/${wave.ours}/lankar/${id}/inbjudna`, { invited: '4', reason: '' })).status).toBe(303);
    await browser.get(`/enkater/${wave.ours}`);
    expect(browser.html).toContain('<dd id="response-rate">–</dd>'); // 4 invited: not shown
    expect((await browser.post(`/enkater/${wave.ours}/lankar/${id}/inbjudna`, { invited: '12', reason: 'Fler fick länken' })).status).toBe(303);
    await browser.get(`/enkater/${wave.ours}`);
    expect(browser.html).toContain('<dd id="response-rate">0\u00a0%</dd>');
    const reasons = await t.asSuperuser(`SELECT reason FROM audit_log WHERE entity = 'SURVEY_LINK' AND action = 'UPDATE' ORDER BY seq`);
    expect(reasons.map((r) => r.reason)).toEqual(['Antal inbjudna angivet', 'Fler fick länken']);
  });

  it('closes a link only with a reason', async () => {
    const browser = await as('reporter');
    await browser.get(`/enkater/${wave.ours}`);
    const [{ id }] = await t.asSuperuser(`SELECT id FROM survey_link`);
    expect((await browser.post(`/enkater/${wave.ours}/lankar/${id}/stang`, { reason: ' ' })).status).toBe(400);
    expect((await browser.post(`/enkater/${wave.ours}/lankar/${id}/stang`, { reason: 'Delad i fel grupp' })).status).toBe(303);
    expect(await links()).toEqual([{ unit_id: org.b, invited: 12, revoke_reason: 'Delad i fel grupp' }]);
  });

  it('shows every bad line of a CSV file and stores nothing; a good file is stored once', async () => {
    const browser = await as('reporter');
    await browser.get(`/enkater/${wave.ours}`);
    // The wave's template (the reporter's session downloads it like any file), then rows answering D1 and D2.
    const header = (await (await fetch(`${t.url}/surveys/waves/${wave.ours}/template.csv`, { headers: { cookie: browser.sessionCookie! } })).text()).trim();
    const rest = ','.repeat(header.split(',').length - 7);
    const row = (cells: string) => cells + rest;
    const bad = [header, row(',Hemtjänst A,Medarbetare,,,4,9'), row(',Okänd enhet,Medarbetare,,,3,3'), row(',Hemtjänst B,Medarbetare,,,2,2')].join('\n');
    const refused = await browser.upload(`/enkater/${wave.ours}/csv`, { field: 'file', name: 'svar.csv', content: bad });
    expect(refused.status).toBe(400);
    expect(browser.text()).toContain('Filen sparades inte. 2 rader behöver rättas:');
    expect(browser.text()).toMatch(/line 2/);
    expect(browser.text()).toMatch(/line 3/);
    expect(await responses()).toBe(0);
    const good = [header, row(',Hemtjänst A,Medarbetare,,,4,2'), row(',Hemtjänst B,Första linjens chef,3–10 år,,3,3')].join('\n');
    expect((await browser.upload(`/enkater/${wave.ours}/csv`, { field: 'file', name: 'svar.csv', content: good })).status).toBe(200);
    expect(browser.text()).toContain('2 svar från filen är sparade.');
    await browser.upload(`/enkater/${wave.ours}/csv`, { field: 'file', name: 'svar.csv', content: good });
    expect(browser.text()).toContain('Den här filen har redan skickats');
    expect(await responses()).toBe(2);
    expect((await browser.upload(`/enkater/${wave.ours}/csv`, { field: 'file', name: 'svar.csv', content: good }, { _csrf: 'forged' })).status).toBe(403);
  });

  it('opens, closes and reopens a wave of the reporter’s own units, and refuses another organisation’s unit', async () => {
    const browser = await as('reporter');
    await browser.get('/enkater');
    const fields = {
      formId: browser.field('formId')!,
      pilotId: pilot.id,
      instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
      label: 'Hösten',
      opensOn: day(0),
      closesOn: day(21),
      categories: 'FRONT_LINE_STAFF',
      asksTenure: 'no',
    };
    expect((await browser.post('/enkater', fields)).status).toBe(400);
    expect(browser.text()).toContain('Välj minst en enhet.');
    const opened = await browser.post('/enkater', { ...fields, unitIds: org.a });
    expect(opened.status).toBe(303);
    const waveId = /\/enkater\/([0-9a-f-]{36})\?klart=oppnad/.exec(opened.location!)![1];
    await browser.get(opened.location!);
    expect(browser.text()).toContain('Omgången är öppnad.');
    const [asks] = await t.asSuperuser(`SELECT respondent_categories::text, asks_tenure_band FROM survey_wave WHERE id = $1`, [waveId]);
    expect(asks).toEqual({ respondent_categories: '{FRONT_LINE_STAFF}', asks_tenure_band: false });
    expect((await browser.post(`/enkater/${waveId}/stang`, { reason: '' })).status).toBe(400);
    expect((await browser.post(`/enkater/${waveId}/stang`, { reason: 'Fel datum' })).status).toBe(303);
    await browser.get(`/enkater/${waveId}`);
    expect(browser.text()).toMatch(/Läge Stängd/);
    expect((await browser.post(`/enkater/${waveId}/oppna-igen`, { reason: 'Rätt ändå', closesOn: day(21) })).status).toBe(303);
    await browser.get(`/enkater/${waveId}`);
    expect(browser.text()).toMatch(/Läge Öppen/);
    // A unit of another organisation, typed into the form by hand: refused, nothing opened.
    await browser.get('/enkater');
    const tampered = await browser.post('/enkater', { ...fields, formId: crypto.randomUUID(), label: 'Kapad', unitIds: org.granneUnit });
    expect(tampered.status).toBe(403);
    const [{ n }] = await t.asSuperuser(`SELECT count(*)::int AS n FROM survey_wave WHERE label = 'Kapad'`);
    expect(n).toBe(0);
  });

  it('shows the organisation’s own results as the API publishes them, a small group only as suppressed', async () => {
    const browser = await as('reporter');
    const range = `from=${day(-30)}&to=${day(30)}`;
    await browser.get(`/resultat?${range}`);
    // Two responses so far (the CSV above): below MIN_GROUP_SIZE.
    expect(browser.text()).toMatch(/Beslutsutrymme i det egna arbetet För få svar/);
    const token = await login(t, users.reporter.email);
    const answers = (d1: number) => [d1, 3, null, null, null, null, null, null, null, null, null, null, null, null, null, null];
    const responses = Array.from({ length: 8 }, (_, i) => ({ unitId: i % 2 ? org.a : org.b, category: 'FRONT_LINE_STAFF', answers: answers(1 + (i % 5)) }));
    const sent = await t.gql(
      'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
      { input: { waveId: wave.ours, responses } },
      token,
    );
    expect(sent.errors).toBeUndefined();
    const api = await t.gql(
      `query($input: DiscretionResultsInput!) { discretionResults(input: $input) { measure waveId n mean suppressed } }`,
      { input: { pilotIds: [pilot.id], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, waveIds: [wave.ours], dimensions: ['DECISION_AUTHORITY'] } },
      token,
    );
    const [cell] = api.data!.discretionResults;
    expect(cell.suppressed).toBe(false);
    await browser.get(`/resultat?${range}`);
    const shown = `${cell.mean.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} (n = ${cell.n})`;
    expect(browser.text()).toContain(`Beslutsutrymme i det egna arbetet ${shown}`);
  });

  it.each([Role.ADMIN, Role.ANALYST, Role.RESEARCHER])('is not a page for %s, who has no organisation of their own', async (role) => {
    const browser = await as(role);
    expect((await browser.get('/enkater')).status).toBe(403);
    expect((await browser.get(`/enkater/${wave.ours}`)).status).toBe(403);
    expect((await browser.get('/resultat')).status).toBe(403);
  });
});
