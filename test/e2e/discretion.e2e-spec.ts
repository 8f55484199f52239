import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const RESULTS = `query($input: DiscretionResultsInput!) { discretionResults(input: $input) {
  measure measureKind unitId category n mean sd ciLow ciHigh suppressed unit { name } } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Hand-checked numbers. Items: D1 (Likert), D2 (Likert, reverse-scored), both DECISION_AUTHORITY;
 * T1 (0–100), TIME_FOR_CORE_WORK.
 *   U1, 6 responses: D1 = 5,4,5,4,5,4; D2 = 1; T1 = 60 → authority (100+100)/2 = 100 or (75+100)/2 = 87.5
 *   U2, 6 responses: five with D1 = 2, D2 = 3 → (25+50)/2 = 37.5; one with D1 missing, D2 = 3 → 50
 *       (1 of 2 items: exactly half, so scored); T1 = 40, missing in that last one
 *   U3, 3 responses: D1 = 3, D2 = 3 → 50; T1 = 50
 */
describe('discretion results', () => {
  let t: TestApp;
  let admin: string;
  let analyst: { user: { id: string }; token: string };
  let pilotId: string;
  let instrumentId: string;
  let units: { id: string; name: string }[];
  let root: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = await userWithToken(t, { role: Role.ANALYST });
    root = await makeOrganisation(t.ds, { name: 'Kommunen' });
    const adm = await makeOrganisation(t.ds, { name: 'Förvaltningen', parentId: root.id });
    units = [];
    for (const name of ['U1', 'U2', 'U3']) units.push(await makeOrganisation(t.ds, { name, parentId: adm.id }));
    pilotId = (await makePilot(t.ds, { code: 'DISC-1', startsOn: day(-100), endsOn: null }, [{ organisationId: root.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])).id;

    const likert = { scale: 'LIKERT_5', labelsSv: ['1', '2', '3', '4', '5'], labelsEn: ['1', '2', '3', '4', '5'] };
    const inst = await t.gql('mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }', {
      input: {
        name: 'Hand-checked',
        items: [
          { code: 'D1', textSv: 'a', textEn: 'a', dimension: 'DECISION_AUTHORITY', ...likert },
          { code: 'D2', textSv: 'b', textEn: 'b', dimension: 'DECISION_AUTHORITY', ...likert, reverseScored: true },
          { code: 'T1', textSv: 'c', textEn: 'c', dimension: 'TIME_FOR_CORE_WORK', scale: 'NUMBER', min: 0, max: 100 },
        ],
      },
    }, admin);
    instrumentId = inst.data!.createSurveyInstrument.id;
    const wave = await t.gql('mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }', {
      input: { pilotId, instrumentId, label: 'Baseline', opensOn: day(-1), closesOn: day(10), unitIds: units.map((u) => u.id) },
    }, admin);
    const r = (unit: number, answers: (number | null)[], category = 'FRONT_LINE_STAFF') => ({ unitId: units[unit].id, category, answers });
    const responses = [
      ...[5, 4, 5, 4, 5, 4].map((d1, i) => r(0, [d1, 1, 60], i < 2 ? 'FIRST_LINE_MANAGER' : 'FRONT_LINE_STAFF')),
      ...Array.from({ length: 5 }, () => r(1, [2, 3, 40])),
      r(1, [null, 3, null]),
      ...Array.from({ length: 3 }, () => r(2, [3, 3, 50])),
    ];
    const sub = await t.gql('mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }', { input: { waveId: wave.data!.openSurveyWave.id, responses } }, admin);
    expect(sub.data!.submitSurveyResponses.stored).toBe(15);
  });
  afterAll(() => t.close());

  const results = async (input: Record<string, unknown>, token = admin) => {
    const res = await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId, ...input } }, token);
    if (res.errors) throw new Error(res.text);
    return res.data!.discretionResults as any[];
  };

  it('scores dimensions on 0–100 with the half-answered rule (hand-computed totals)', async () => {
    const rows = await results({ dimensions: ['DECISION_AUTHORITY', 'TIME_FOR_CORE_WORK'] });
    const da = rows.find((r) => r.measure === 'DECISION_AUTHORITY');
    expect(da).toMatchObject({ measureKind: 'DIMENSION', n: 15, suppressed: false });
    expect(da.mean).toBeCloseTo(950 / 15, 6); // (6·93.75 + 5·37.5 + 50 + 3·50) / 15
    const time = rows.find((r) => r.measure === 'TIME_FOR_CORE_WORK');
    expect(time.n).toBe(14); // the response without T1 has no score
    expect(time.mean).toBeCloseTo((6 * 60 + 5 * 40 + 3 * 50) / 14, 6);
  });

  it('gives the SD and a Student-t 95 % interval (hand-computed for U1)', async () => {
    // U1's reporter sees U1 only: the whole result is U1's six responses, never suppressed.
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: units[0].id })).token;
    const [u1] = await results({ dimensions: ['DECISION_AUTHORITY'] }, reporter);
    expect(u1.n).toBe(6);
    expect(u1.mean).toBeCloseTo(93.75, 6);
    expect(u1.sd).toBeCloseTo(Math.sqrt((6 * 6.25 ** 2) / 5), 6); // 6.8465
    expect(u1.ciLow).toBeCloseTo(93.75 - (2.571 * 6.846532) / Math.sqrt(6), 2); // 86.56
    expect(u1.ciHigh).toBeCloseTo(93.75 + (2.571 * 6.846532) / Math.sqrt(6), 2); // 100.94
  });

  it('suppresses small groups, and one more so a total minus the others reveals nothing (differencing attempt)', async () => {
    const total = (await results({ dimensions: ['DECISION_AUTHORITY'] }))[0];
    const byUnit = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'] });
    const u3 = byUnit.find((r) => r.unit.name === 'U3');
    expect(u3).toMatchObject({ suppressed: true, n: null, mean: null, sd: null, ciLow: null });
    expect(byUnit.filter((r) => r.suppressed)).toHaveLength(2);

    // The attack: U3's sum = total's sum − the sums of the visible units. With two hidden, it fails.
    const visible = byUnit.filter((r) => !r.suppressed);
    const leftover = total.n * total.mean - visible.reduce((s, r) => s + r.n * r.mean, 0);
    const leftoverN = total.n - visible.reduce((s, r) => s + r.n, 0);
    expect(leftoverN).toBeGreaterThan(3); // U3 hides among more respondents than its own
    expect(leftover / leftoverN).not.toBeCloseTo(50, 1); // U3's true mean is not recovered

    const time = await results({ dimensions: ['TIME_FOR_CORE_WORK'], groupBy: ['UNIT'] });
    expect(time.filter((r) => r.suppressed).map((r) => r.unit.name).sort()).toEqual(['U2', 'U3']); // next smallest: U2, n = 5
  });

  it('groups by respondent category, and rolls units up the tree', async () => {
    const byCategory = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['RESPONDENT_CATEGORY'] });
    expect(byCategory.map((r) => [r.category, r.suppressed])).toEqual([['FIRST_LINE_MANAGER', true], ['FRONT_LINE_STAFF', true]]);
    const top = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'], unitDepth: 0 });
    expect(top.map((r) => [r.unit.name, r.n])).toEqual([['Kommunen', 15]]);
  });

  it('reports single items on their own scale', async () => {
    const [d1] = await results({ itemCodes: ['d1'] });
    expect(d1).toMatchObject({ measure: 'D1', measureKind: 'ITEM', n: 14 });
    expect(d1.mean).toBeCloseTo((27 + 10 + 9) / 14, 6);
    const bad = onlyError(await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId, itemCodes: ['ZZ'] } }, admin));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.itemCodes.0' }] });
  });

  it('keeps each role in its scope', async () => {
    const stranger = await userWithToken(t, { role: Role.RESEARCHER });
    expect(onlyError(await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId } }, stranger.token)).extensions!.code).toBe('NOT_FOUND');
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: units[0].id })).token;
    const own = await results({ dimensions: ['DECISION_AUTHORITY'] }, reporter);
    expect(own).toEqual([expect.objectContaining({ n: 6, suppressed: false })]); // only U1's responses
    expect((await results({ dimensions: ['DECISION_AUTHORITY'] }, analyst.token))[0].n).toBe(15);
  });

  it('logs analysts’ queries for admins to read', async () => {
    await results({ dimensions: ['TIME_FOR_CORE_WORK'], groupBy: ['WAVE'] }, analyst.token);
    const log = await t.gql('query($u: ID) { analyticsAccessLog(filter: { userId: $u }) { totalCount edges { node { operation arguments user { id } } } } }', { u: analyst.user.id }, admin);
    const [latest] = log.data!.analyticsAccessLog.edges.map((e: any) => e.node);
    expect(latest).toMatchObject({ operation: 'discretionResults', user: { id: analyst.user.id }, arguments: { groupBy: ['WAVE'], dimensions: ['TIME_FOR_CORE_WORK'] } });
    expect(onlyError(await t.gql('{ analyticsAccessLog { totalCount } }', {}, analyst.token)).extensions!.code).toBe('FORBIDDEN');
  });
});
