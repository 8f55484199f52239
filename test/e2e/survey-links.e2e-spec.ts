import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { SurveyLinkService } from '../../src/modules/survey-link/survey-link.service';
import { DEFAULT_SURVEY_INSTRUMENT_ID, RespondentCategory } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ANSWERS = [3, 4, 3, 2, 50, 30, 3, 4, 4, 3, 3, 4, 3, 3, 4, 3];
const CREATE =
  'mutation($input: CreateSurveyLinkInput!) { createSurveyLink(input: $input) { id url invited responseCount responseRate unit { name } wave { label } } }';
const REVOKE = 'mutation($input: RevokeSurveyLinkInput!) { revokeSurveyLink(input: $input) { id revokedAt revokeReason } }';
const INVITED = 'mutation($input: SetSurveyLinkInvitedInput!) { setSurveyLinkInvited(input: $input) { invited responseCount responseRate } }';
const LINKS = '{ surveyWaves { edges { node { id responseCount links { id unit { name } responseCount } } } } }';

/** Survey links: made and revoked by those who submit for the unit, listed for them only; answers through a link count at once. */
describe('survey links', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let otherReporter: string;
  let analyst: string;
  let researcher: string;
  let waveId: string;
  const unit: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    researcher = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    unit.a = (await makeOrganisation(t.ds, { name: 'Hemtjänst A', parentId: kommun.id })).id;
    unit.b = (await makeOrganisation(t.ds, { name: 'Hemtjänst B', parentId: kommun.id })).id;
    const granne = await makeOrganisation(t.ds, { name: 'Grannkommunen' });
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    otherReporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: granne.id })).token;
    const pilotId = (
      await makePilot(t.ds, { code: 'LANK-1', startsOn: day(-30), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const wave = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      {
        input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Våren', opensOn: day(-1), closesOn: day(10), unitIds: [unit.a, unit.b] },
      },
      admin,
    );
    waveId = wave.data!.openSurveyWave.id;
  });
  afterAll(() => t.close());

  const answer = (token: string, formId = randomUUID()) =>
    t.app.get(SurveyLinkService).answer(token, formId, { category: RespondentCategory.FRONT_LINE_STAFF, tenureBand: null, panelKey: null, answers: ANSWERS });
  const waveAs = async (token: string) => (await t.gql(LINKS, {}, token)).data!.surveyWaves.edges.map((e: any) => e.node).find((w: any) => w.id === waveId);
  const tokenOf = (url: string) => url.split('/s/')[1];

  it('is made by a reporter for a unit of theirs, with an unguessable address', async () => {
    const res = await t.gql(CREATE, { input: { waveId, unitId: unit.a, invited: 12 } }, reporter);
    expect(res.errors).toBeUndefined();
    const link = res.data!.createSurveyLink;
    expect(link).toMatchObject({ invited: 12, responseCount: 0, responseRate: 0, unit: { name: 'Hemtjänst A' }, wave: { label: 'Våren' } });
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43}$/);
    // The token is the capability: the audit trail never holds it.
    const [{ changes }] = await t.ds.query(`SELECT changes::text FROM audit_log WHERE entity = 'SURVEY_LINK' AND entity_id = $1`, [link.id]);
    expect(changes).not.toContain(tokenOf(link.url));
  });

  it('is refused to those who do not submit for the unit, and for units outside the wave', async () => {
    expect(onlyError(await t.gql(CREATE, { input: { waveId, unitId: unit.a } }, otherReporter)).extensions!.code).toBe('NOT_FOUND');
    expect(onlyError(await t.gql(CREATE, { input: { waveId, unitId: unit.a } }, analyst)).extensions!.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(CREATE, { input: { waveId, unitId: unit.a } }, researcher)).extensions!.code).toBe('FORBIDDEN');
    const outside = onlyError(await t.gql(CREATE, { input: { waveId, unitId: (await makeOrganisation(t.ds, { name: 'Annan' })).id } }, admin));
    expect([outside.extensions!.code, outside.message]).toEqual(['BAD_USER_INPUT', 'input.unitId: is not one of the wave’s units that you report for']);
  });

  it('counts the answers that come through it at once, one per form however often it is sent', async () => {
    const link = (await t.gql(CREATE, { input: { waveId, unitId: unit.b } }, reporter)).data!.createSurveyLink;
    const formId = randomUUID();
    expect(await answer(tokenOf(link.url), formId)).toEqual({ stored: true });
    expect(await answer(tokenOf(link.url), formId)).toEqual({ stored: false });
    await answer(tokenOf(link.url));
    const wave = await waveAs(reporter);
    expect(wave.links.find((l: any) => l.id === link.id).responseCount).toBe(2);
    expect(wave.responseCount).toBe(2);
    const rate = (await t.gql(INVITED, { input: { id: link.id, invited: 8, reason: 'Åtta i arbetsgruppen' } }, reporter)).data!.setSurveyLinkInvited;
    expect(rate).toEqual({ invited: 8, responseCount: 2, responseRate: 0.25 });
  });

  it('keeps nothing finer than the day: the response carries its date, the link’s batch midnight', async () => {
    const rows = await t.asSuperuser(
      `SELECT r.submitted_on::text AS day, b.source::text AS source, to_char(b.created_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS at
         FROM survey_response r JOIN survey_batch b ON b.id = r.batch_id WHERE r.wave_id = $1`,
      [waveId],
    );
    expect(rows).toEqual([expect.objectContaining({ source: 'LINK', at: '00:00:00' }), expect.objectContaining({ source: 'LINK', at: '00:00:00' })]);
    expect(rows[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the wave its staff invited and response rate, over the links that say how many they went to', async () => {
    const q = '{ surveyWaves { edges { node { id invited responseRate } } } }';
    const wave = async (token: string) => (await t.gql(q, {}, token)).data!.surveyWaves.edges.map((e: any) => e.node).find((w: any) => w.id === waveId);
    // Links A (12 invited, no answer yet) and B (8 invited, 2 answers): 2 of 20.
    expect(await wave(reporter)).toEqual({ id: waveId, invited: 20, responseRate: 0.1 });
    expect(await wave(analyst)).toEqual({ id: waveId, invited: 20, responseRate: 0.1 });
    // Fewer invited than MIN_GROUP_SIZE: the rate would tell who did not answer, so it is not shown.
    const small = (
      await t.gql(
        'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id pilot { id } } }',
        {
          input: {
            pilotId: (await t.asSuperuser('SELECT pilot_id FROM survey_wave WHERE id = $1', [waveId]))[0].pilot_id,
            instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
            label: 'Liten',
            opensOn: day(-1),
            closesOn: day(5),
            unitIds: [unit.a],
          },
        },
        admin,
      )
    ).data!.openSurveyWave.id;
    const tiny = (await t.gql(CREATE, { input: { waveId: small, unitId: unit.a, invited: 3 } }, reporter)).data!.createSurveyLink;
    await answer(tokenOf(tiny.url));
    const smallWave = (await t.gql(q, {}, reporter)).data!.surveyWaves.edges.map((e: any) => e.node).find((w: any) => w.id === small);
    expect(smallWave).toEqual({ id: small, invited: 3, responseRate: null });
  });

  it('puts the response rate into the wave’s discretion results, and leaves it out where no invited count fits or the cell is suppressed', async () => {
    const [{ token }] = await t.asSuperuser(`SELECT token FROM survey_link WHERE wave_id = $1 AND unit_id = $2 AND invited = 8`, [waveId, unit.b]);
    for (let i = 0; i < 5; i++) await answer(token); // link B: 7 answers of 8 invited; the wave: 7 of 20
    const pilotId = (await t.asSuperuser('SELECT pilot_id FROM survey_wave WHERE id = $1', [waveId]))[0].pilot_id;
    const results = async (groupBy: string[]) =>
      (
        await t.gql(
          'query($input: DiscretionResultsInput!) { discretionResults(input: $input) { unitId category suppressed responseRate } }',
          { input: { pilotIds: [pilotId], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, waveIds: [waveId], dimensions: ['DECISION_AUTHORITY'], groupBy } },
          analyst,
        )
      ).data!.discretionResults;
    expect(await results([])).toEqual([{ unitId: null, category: null, suppressed: false, responseRate: 0.35 }]);
    const byUnit = await results(['UNIT']);
    expect(byUnit.find((r: any) => r.unitId === unit.b)).toEqual({ unitId: unit.b, category: null, suppressed: false, responseRate: 0.875 });
    for (const r of byUnit.filter((r: any) => r.unitId !== unit.b)) expect(r).toMatchObject({ suppressed: true, responseRate: null });
    for (const r of await results(['RESPONDENT_CATEGORY'])) expect(r.responseRate).toBeNull();
  });

  it('looks the response rates up only when asked for, in one statement for every row', async () => {
    const pilotId = (await t.asSuperuser('SELECT pilot_id FROM survey_wave WHERE id = $1', [waveId]))[0].pilot_id;
    const statements = async (fields: string) => {
      t.queries.reset();
      const res = await t.gql(
        `query($input: DiscretionResultsInput!) { discretionResults(input: $input) { ${fields} } }`,
        {
          input: { pilotIds: [pilotId], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, waveIds: [waveId], groupBy: ['UNIT'] },
        },
        analyst,
      );
      expect(res.data!.discretionResults.length).toBeGreaterThan(1);
      return t.queries.reset();
    };
    const without = await statements('unitId suppressed');
    expect(await statements('unitId suppressed responseRate')).toBe(without + 1);
  });

  it('lets a reporter open, close and reopen waves of its own units, and no other', async () => {
    const pilotId = (await t.asSuperuser('SELECT pilot_id FROM survey_wave WHERE id = $1', [waveId]))[0].pilot_id;
    const OPEN = 'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }';
    const base = { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, opensOn: day(0), closesOn: day(14) };
    const own = await t.gql(OPEN, { input: { ...base, label: 'Egen', unitIds: [unit.b] } }, reporter);
    expect(own.errors).toBeUndefined();
    const ownId = own.data!.openSurveyWave.id;
    // The neighbour reports for none of these units: it cannot open, close or even see the wave.
    expect(onlyError(await t.gql(OPEN, { input: { ...base, label: 'Kapad', unitIds: [unit.b] } }, otherReporter)).extensions!.code).toBe('FORBIDDEN');
    const CLOSE = 'mutation($input: CloseSurveyWaveInput!) { closeSurveyWave(input: $input) { closedAt } }';
    expect(onlyError(await t.gql(CLOSE, { input: { id: ownId, reason: 'Kapad' } }, otherReporter)).extensions!.code).toBe('NOT_FOUND');
    const closed = await t.gql(CLOSE, { input: { id: ownId, reason: 'Fel datum' } }, reporter);
    expect(closed.data!.closeSurveyWave.closedAt).toEqual(expect.any(String));
    const reopened = await t.gql(
      'mutation($input: ReopenSurveyWaveInput!) { reopenSurveyWave(input: $input) { closedAt } }',
      { input: { id: ownId, reason: 'Rätt ändå' } },
      reporter,
    );
    expect(reopened.data!.reopenSurveyWave.closedAt).toBeNull();
    // Deleting stays with admins and researchers.
    expect(
      onlyError(await t.gql('mutation($input: DeleteSurveyWaveInput!) { deleteSurveyWave(input: $input) }', { input: { id: ownId, reason: 'x' } }, reporter))
        .extensions!.code,
    ).toBe('FORBIDDEN');
  });

  it('is listed on the wave for admins and reporters of the unit, and for nobody else', async () => {
    const names = async (token: string) => (await waveAs(token)).links.map((l: any) => l.unit.name).sort();
    expect(await names(admin)).toEqual(['Hemtjänst A', 'Hemtjänst B']);
    expect(await names(reporter)).toEqual(['Hemtjänst A', 'Hemtjänst B']);
    expect(await names(researcher)).toEqual([]);
    expect(await names(analyst)).toEqual([]);
  });

  it('is revoked with a reason, after which it takes no answer', async () => {
    const link = (await t.gql(CREATE, { input: { waveId, unitId: unit.a } }, reporter)).data!.createSurveyLink;
    expect(onlyError(await t.gql(REVOKE, { input: { id: link.id, reason: 'Delad i fel kanal' } }, otherReporter)).extensions!.code).toBe('NOT_FOUND');
    const revoked = (await t.gql(REVOKE, { input: { id: link.id, reason: 'Delad i fel kanal' } }, reporter)).data!.revokeSurveyLink;
    expect(revoked).toMatchObject({ revokeReason: 'Delad i fel kanal', revokedAt: expect.any(String) });
    const [entry] = await t.ds.query(`SELECT action::text, reason FROM audit_log WHERE entity = 'SURVEY_LINK' AND entity_id = $1 AND reason IS NOT NULL`, [
      link.id,
    ]);
    expect(entry).toEqual({ action: 'DELETE', reason: 'Delad i fel kanal' });
    await expect(answer(tokenOf(link.url))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This survey link has been revoked; ask whoever sent it for a new one',
    });
  });
});
