import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import type { GroupColumn } from '../../src/modules/analytics/discretion.sql';
import { t975 } from '../../src/modules/analytics/statistics';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { exactTotals, meanOf, sdOf } from '../utils/exact-totals';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const RESULTS = `query($input: DiscretionResultsInput!) { discretionResults(input: $input) {
  measure measureKind waveId unitId category n mean sd ciLow ciHigh suppressed unit { name } } }`;
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
    pilotId = (
      await makePilot(t.ds, { code: 'DISC-1', startsOn: day(-100), endsOn: null }, [{ organisationId: root.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;

    const likert = { scale: 'LIKERT_5', labelsSv: ['1', '2', '3', '4', '5'], labelsEn: ['1', '2', '3', '4', '5'] };
    const inst = await t.gql(
      'mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }',
      {
        input: {
          name: 'Hand-checked',
          items: [
            { code: 'D1', textSv: 'a', textEn: 'a', dimension: 'DECISION_AUTHORITY', ...likert },
            { code: 'D2', textSv: 'b', textEn: 'b', dimension: 'DECISION_AUTHORITY', ...likert, reverseScored: true },
            { code: 'T1', textSv: 'c', textEn: 'c', dimension: 'TIME_FOR_CORE_WORK', scale: 'NUMBER', min: 0, max: 100 },
          ],
        },
      },
      admin,
    );
    instrumentId = inst.data!.createSurveyInstrument.id;
    const wave = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      {
        input: { pilotId, instrumentId, label: 'Baseline', opensOn: day(-1), closesOn: day(10), unitIds: units.map((u) => u.id) },
      },
      admin,
    );
    const r = (unit: number, answers: (number | null)[], category = 'FRONT_LINE_STAFF') => ({ unitId: units[unit].id, category, answers });
    const responses = [
      ...[5, 4, 5, 4, 5, 4].map((d1, i) => r(0, [d1, 1, 60], i < 2 ? 'FIRST_LINE_MANAGER' : 'FRONT_LINE_STAFF')),
      ...Array.from({ length: 5 }, () => r(1, [2, 3, 40])),
      r(1, [null, 3, null]),
      ...Array.from({ length: 3 }, () => r(2, [3, 3, 50])),
    ];
    const sub = await t.gql(
      'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
      { input: { waveId: wave.data!.openSurveyWave.id, responses } },
      admin,
    );
    expect(sub.data!.submitSurveyResponses.stored).toBe(15);
  });
  afterAll(() => t.close());

  const results = async (input: Record<string, unknown>, token = admin) => {
    const res = await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId, ...input } }, token);
    if (res.errors) throw new Error(res.text);
    return res.data!.discretionResults as any[];
  };
  const exact = async (over: Record<string, unknown>, groups: GroupColumn[] = []) =>
    (await exactTotals(t, { pilotIds: [pilotId], instrumentId, ...over }, groups)).filter((c) => c.src === 'cell');

  it('scores dimensions on 0–100 with the half-answered rule (hand-computed totals, before disclosure control)', async () => {
    const cells = await exact({ dimensions: ['DECISION_AUTHORITY', 'TIME_FOR_CORE_WORK'] });
    const da = cells.find((c) => c.measure === 'DECISION_AUTHORITY')!;
    expect(da).toMatchObject({ kind: 'DIMENSION', n: 15 });
    expect(da.sum).toBeCloseTo(950, 6); // 6·93.75 + 5·37.5 + 50 + 3·50
    const time = cells.find((c) => c.measure === 'TIME_FOR_CORE_WORK')!;
    expect(time.n).toBe(14); // the response without T1 has no score
    expect(time.sum).toBeCloseTo(6 * 60 + 5 * 40 + 3 * 50, 6);
    // U1 alone (its reporter's view): SD √(6 · 6.25² / 5) = 6.8465.
    const [u1] = await exact({ dimensions: ['DECISION_AUTHORITY'], unitScope: { sql: 'sr.unit_id = CAST(:u AS uuid)', params: { u: units[0].id } } });
    expect(meanOf(u1)).toBeCloseTo(93.75, 6);
    expect(sdOf(u1)).toBeCloseTo(6.846532, 5);
  });

  it('publishes every group as a wave’s cell, with perturbed n and mean and an interval from the pooled spread', async () => {
    const rows = await results({ dimensions: ['DECISION_AUTHORITY', 'TIME_FOR_CORE_WORK'] });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({ suppressed: false, waveId: expect.any(String) });
      expect(r.n).toBeGreaterThanOrEqual(5);
      expect(r.mean).toBeGreaterThanOrEqual(0);
      expect(r.mean).toBeLessThanOrEqual(100);
      // Sampling error with the pooled spread, plus the published noise's own variance (2 · (0.5 · 100 / n)²).
      const half = t975(r.n - 1) * Math.sqrt((r.sd * r.sd) / r.n + 2 * ((0.5 * 100) / r.n) ** 2);
      expect(r.ciLow).toBeCloseTo(r.mean - half, 9);
      expect(r.ciHigh).toBeCloseTo(r.mean + half, 9);
    }
    // Asked again, through another filter, or as part of a larger request: the very same numbers.
    expect(await results({ dimensions: ['DECISION_AUTHORITY', 'TIME_FOR_CORE_WORK'] })).toEqual(rows);
    const da = rows.find((r) => r.measure === 'DECISION_AUTHORITY');
    expect((await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['WAVE', 'PILOT'] }))[0]).toEqual(da);
  });

  it('suppresses groups below the threshold, with no statistic at all', async () => {
    const byUnit = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'] });
    expect(byUnit.map((r) => [r.unit.name, r.suppressed])).toEqual([
      ['U1', false],
      ['U2', false],
      ['U3', true],
    ]);
    expect(byUnit[2]).toMatchObject({ n: null, mean: null, sd: null, ciLow: null, ciHigh: null });
    const byCategory = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['RESPONDENT_CATEGORY'] });
    expect(byCategory.map((r) => [r.category, r.suppressed])).toEqual([
      ['FIRST_LINE_MANAGER', true],
      ['FRONT_LINE_STAFF', false],
    ]);
  });

  it('rolls units up the tree', async () => {
    const top = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'], unitDepth: 0 });
    expect(top.map((r) => [r.unit.name, r.suppressed])).toEqual([['Kommunen', false]]);
    // Kommunen holds exactly the wave's population: the same respondents, so the same published numbers.
    const [all] = await results({ dimensions: ['DECISION_AUTHORITY'] });
    expect([top[0].n, top[0].mean]).toEqual([all.n, all.mean]);
  });

  it('reports single items on their own scale', async () => {
    const [d1] = await exact({ itemCodes: ['D1'] });
    expect(d1).toMatchObject({ kind: 'ITEM', measure: 'D1', n: 14 });
    expect(d1.sum).toBeCloseTo(27 + 10 + 9, 6);
    const [published] = await results({ itemCodes: ['d1'] });
    expect(published).toMatchObject({ measure: 'D1', measureKind: 'ITEM', suppressed: false });
    expect(published.mean).toBeGreaterThanOrEqual(1);
    expect(published.mean).toBeLessThanOrEqual(5);
    const bad = onlyError(await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId, itemCodes: ['ZZ'] } }, admin));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.itemCodes.0' }] });
  });

  it('keeps each role in its scope', async () => {
    const stranger = await userWithToken(t, { role: Role.RESEARCHER });
    expect(onlyError(await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId } }, stranger.token)).extensions!.code).toBe('NOT_FOUND');
    // U1's reporter sees U1's cell only, and never a group above it, even when asking for the top.
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: units[0].id })).token;
    const own = await results({ dimensions: ['DECISION_AUTHORITY'] }, reporter);
    const u1 = (await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'] })).find((r) => r.unit.name === 'U1');
    expect(own).toEqual([expect.objectContaining({ suppressed: false, n: u1.n, mean: u1.mean })]);
    const top = await results({ dimensions: ['DECISION_AUTHORITY'], groupBy: ['UNIT'], unitDepth: 0 }, reporter);
    expect(top.map((r) => [r.unit.name, r.n, r.mean])).toEqual([['U1', u1.n, u1.mean]]);
  });

  it('logs analysts’ queries for admins to read', async () => {
    await results({ dimensions: ['TIME_FOR_CORE_WORK'], groupBy: ['WAVE'] }, analyst.token);
    const log = await t.gql(
      'query($u: ID) { analyticsAccessLog(filter: { userId: $u }) { totalCount edges { node { operation arguments user { id } } } } }',
      { u: analyst.user.id },
      admin,
    );
    const [latest] = log.data!.analyticsAccessLog.edges.map((e: any) => e.node);
    expect(latest).toMatchObject({
      operation: 'discretionResults',
      user: { id: analyst.user.id },
      arguments: { groupBy: ['WAVE'], dimensions: ['TIME_FOR_CORE_WORK'] },
    });
    expect(onlyError(await t.gql('{ analyticsAccessLog { totalCount } }', {}, analyst.token)).extensions!.code).toBe('FORBIDDEN');
  });
});
