import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const CREATE = 'mutation($input: CreateSurveyLinkInput!) { createSurveyLink(input: $input) { id url } }';
/** The default instrument's items (D1, D2, S1, S2, T1, A1, …): Likert 1–5, except T1 and A1 (0–100). */
const ITEMS = ['D1', 'D2', 'S1', 'S2', 'T1', 'A1', 'A2', 'F1', 'F2', 'R1', 'R2', 'R3', 'R4', 'P1', 'P2', 'P3'];

/** The anonymous survey page behind a link, over HTTP as a browser without JavaScript would use it. */
describe('survey link page', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let pilotId: string;
  let unitId: string;
  let waveId: string;

  beforeAll(async () => {
    t = await startTestApp({ SURVEY_LINK_MAX_PER_WINDOW: '6' }, { captureLogs: true });
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    unitId = (await makeOrganisation(t.ds, { name: 'Hemtjänst Söder', parentId: kommun.id })).id;
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    pilotId = (
      await makePilot(t.ds, { code: 'SIDA-1', startsOn: day(-60), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    waveId = await openWave('Hösten', day(-1), day(10));
  });
  afterAll(() => t.close());

  async function openWave(label: string, opensOn: string, closesOn: string): Promise<string> {
    const res = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      {
        input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label, opensOn, closesOn, unitIds: [unitId] },
      },
      admin,
    );
    if (res.errors) throw new Error(res.text);
    return res.data!.openSurveyWave.id;
  }
  const link = async (wave = waveId) => {
    const res = await t.gql(CREATE, { input: { waveId: wave, unitId } }, reporter);
    if (res.errors) throw new Error(res.text);
    return new URL(res.data!.createSurveyLink.url).pathname;
  };
  const page = (path: string) => fetch(`${t.url}${path}`, { redirect: 'manual' });
  const send = (path: string, fields: Record<string, string>) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const count = async () => (await t.asSuperuser<{ n: number }>('SELECT count(*)::int AS n FROM survey_response WHERE wave_id = $1', [waveId]))[0].n;
  const full = (formId: string) => ({
    formId,
    category: 'FRONT_LINE_STAFF',
    tenureBand: 'YEARS_1_TO_3',
    ...Object.fromEntries(ITEMS.map((c) => [`item.${c}`, c === 'T1' || c === 'A1' ? '40' : '4'])),
  });

  it('shows the survey in Swedish, English on request, with nothing that identifies the visitor', async () => {
    const path = await link();
    const res = await page(path);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toContain('<html lang="sv">');
    expect(body).toContain('Enkät: Hösten');
    expect(body).toContain('>Skicka</button>');
    expect(body).toMatch(/name="formId" value="[0-9a-f-]{36}"/);
    expect(body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // no CDN, nothing from elsewhere
    const css = await page('/assets/app.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/css')]);
    const en = await (await page(`${path}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('>Send</button>');
    // The instrument's introduction in the respondent's language.
    expect(body).toContain('Det finns inga rätta eller felaktiga svar.');
    expect(en).toContain('There are no right or wrong answers.');
    expect(en).not.toContain('Det finns inga rätta');
  });

  it('stores an answer, thanks the respondent, and stores one however often the form is sent', async () => {
    const path = await link();
    const formId = randomUUID();
    const before = await count();
    const first = await send(path, full(formId));
    expect([first.status, first.headers.get('location')]).toEqual([303, `${path}/tack`]);
    expect(await (await page(`${path}/tack`)).text()).toContain('<h1>Tack</h1>');
    const again = await send(path, full(formId));
    expect(again.status).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('asks only the respondent categories and tenure band the wave asks for, and takes no other', async () => {
    const res = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id respondentCategories asksTenureBand } }',
      {
        input: {
          pilotId,
          instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
          label: 'Bara medarbetare',
          opensOn: day(-1),
          closesOn: day(10),
          unitIds: [unitId],
          respondentCategories: ['FRONT_LINE_STAFF'],
          asksTenureBand: false,
        },
      },
      admin,
    );
    expect(res.data!.openSurveyWave).toMatchObject({ respondentCategories: ['FRONT_LINE_STAFF'], asksTenureBand: false });
    const path = await link(res.data!.openSurveyWave.id);
    const body = await (await page(path)).text();
    expect(body).toContain('Du svarar som: Medarbetare.');
    expect(body).toContain('<input type="hidden" name="category" value="FRONT_LINE_STAFF"/>');
    expect(body).not.toContain('name="tenureBand"');
    const forged = await send(path, { ...full(randomUUID()), category: 'MIDDLE_MANAGER' });
    expect(forged.status).toBe(400);
    const stored = await send(path, { ...full(randomUUID()), tenureBand: 'YEARS_1_TO_3' }); // a tenure band it does not ask is dropped
    expect(stored.status).toBe(303);
    const [row] = await t.asSuperuser(`SELECT category::text, tenure_band::text FROM survey_response WHERE wave_id = $1`, [res.data!.openSurveyWave.id]);
    expect(row).toEqual({ category: 'FRONT_LINE_STAFF', tenure_band: null });
    // The API's own submissions are held to the same.
    const api = await t.gql(
      'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
      { input: { waveId: res.data!.openSurveyWave.id, responses: [{ unitId, category: 'MIDDLE_MANAGER', tenureBand: 'YEARS_1_TO_3', answers: [4] }] } },
      admin,
    );
    expect(api.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(api.errors![0].message).toContain('the wave asks only FRONT_LINE_STAFF');
    expect(api.errors![0].message).toContain('the wave does not ask for a tenure band');
  });

  it('sends a half-filled form back with messages next to the questions, keeping what was given', async () => {
    const path = await link();
    const res = await send(path, { formId: randomUUID(), 'item.D1': '4', 'item.T1': '140', panel1: 'K' });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('Välj din roll.');
    expect(body).toContain('Svaret måste vara ett tal från 0 till 100.');
    expect(body).toContain('Fyll i alla tre delarna av koden, eller ingen.');
    expect(body).toMatch(/id="item\.T1"[^>]*value="140"/);
    expect(body).toMatch(/id="item\.D1-4"[^>]*checked/);
  });

  it('answers a form too large to take with a page, in the respondent’s language, not the API’s JSON', async () => {
    const path = await link();
    const res = await send(`${path}?lang=en`, { ...full(randomUUID()), 'item.D1': 'x'.repeat(70_000) });
    expect([res.status, res.headers.get('content-type')]).toEqual([413, expect.stringContaining('text/html')]);
    expect(await res.text()).toContain('The answers were too long to be taken.');
  });

  it('says clearly when a link does not open: unknown, revoked, not yet open, closed', async () => {
    const unknown = await page(`/s/${'x'.repeat(43)}`);
    expect([unknown.status, await unknown.text()]).toEqual([404, expect.stringContaining('Länken fungerar inte')]);

    const revokedPath = await link();
    const [{ id }] = await t.asSuperuser<{ id: string }>('SELECT id FROM survey_link WHERE token = $1', [revokedPath.slice(3)]);
    await t.gql('mutation($input: RevokeSurveyLinkInput!) { revokeSurveyLink(input: $input) { id } }', { input: { id, reason: 'Fel enhet' } }, reporter);
    const revoked = await page(revokedPath);
    expect([revoked.status, await revoked.text()]).toEqual([410, expect.stringContaining('Länken är stängd')]);
    expect((await send(revokedPath, full(randomUUID()))).status).toBe(410);

    const laterWave = await openWave('Våren', day(5), day(20));
    const later = await page(await link(laterWave));
    expect([later.status, await later.text()]).toEqual([200, expect.stringContaining(`öppnar ${day(5)}`)]);

    const closedPath = await link();
    await t.gql('mutation($input: CloseSurveyWaveInput!) { closeSurveyWave(input: $input) { id } }', { input: { id: waveId, reason: 'Klar' } }, admin);
    const closed = await page(closedPath);
    expect([closed.status, await closed.text()]).toEqual([410, expect.stringContaining('Enkäten är stängd')]);
    await t.gql('mutation($input: ReopenSurveyWaveInput!) { reopenSurveyWave(input: $input) { id } }', { input: { id: waveId, reason: 'En dag till' } }, admin);
  });

  it('asks people to wait when one link takes too many answers at once, counted per link', async () => {
    const path = await link();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await send(path, full(randomUUID()))).status);
    expect(statuses.slice(0, 6)).toEqual([303, 303, 303, 303, 303, 303]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    // Another link of the same unit is not held up.
    expect((await send(await link(), full(randomUUID()))).status).toBe(303);
  });

  it('writes no log line about the pages, and no audit entry per answer', async () => {
    // (The route table at start-up names the paths, with no token.)
    expect(t.logs.filter((l) => l.includes('/s/') && !l.includes('"context":"RouterExplorer"'))).toEqual([]);
    const [{ n }] = await t.asSuperuser<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'SURVEY_WAVE' AND changes::text LIKE '%responses%' AND entity_id = $1`,
      [waveId],
    );
    expect(n).toBe(0);
  });
});
