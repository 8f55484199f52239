import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { exactChange, meanOf, sdOf } from '../utils/exact-totals';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const CHANGE = `query($input: WaveChangeInput!) { waveChange(input: $input) {
  measure unit { name } nFrom meanFrom nTo meanTo change changeCiLow changeCiHigh suppressed
  pairs pairedChange pairedCiLow pairedCiHigh pairsSuppressed } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * One Likert item D1 (score = (answer − 1) · 25). Everyone answers one step higher in the
 * follow-up, linked by panel key:
 *   U1: baseline 2,2,3,3,4,4 → 25,25,50,50,75,75; follow-up 3,3,4,4,5,5 → 50,50,75,75,100,100
 *   U2: baseline 1,1,1 → 0; follow-up 2,2,2 → 25
 * All 9: means 33.33 → 58.33, change 25; SDs 30.62 each. Pairs: 9, every difference 25.
 * These exact totals are checked below the API; the API publishes them perturbed (disclosure.ts).
 */
describe('wave change', () => {
  let t: TestApp;
  let admin: string;
  let input: Record<string, unknown>;
  let scope: { pilotIds: string[]; instrumentId: string; dimensions: string[] };
  let waves: [string, string];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const root = await makeOrganisation(t.ds, { name: 'Kommunen' });
    const u1 = await makeOrganisation(t.ds, { name: 'U1', parentId: root.id });
    const u2 = await makeOrganisation(t.ds, { name: 'U2', parentId: root.id });
    const pilotId = (
      await makePilot(t.ds, { code: 'CHG-1', startsOn: day(-100), endsOn: null }, [{ organisationId: root.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const likert = { scale: 'LIKERT_5', labelsSv: ['1', '2', '3', '4', '5'], labelsEn: ['1', '2', '3', '4', '5'] };
    const instrumentId = (
      await t.gql(
        'mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }',
        {
          input: { name: 'One item', items: [{ code: 'D1', textSv: 'a', textEn: 'a', dimension: 'DECISION_AUTHORITY', ...likert }] },
        },
        admin,
      )
    ).data!.createSurveyInstrument.id;
    const open = async (label: string) =>
      (
        await t.gql(
          'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
          {
            input: { pilotId, instrumentId, label, opensOn: day(-1), closesOn: day(10), unitIds: [u1.id, u2.id] },
          },
          admin,
        )
      ).data!.openSurveyWave.id;
    const [w1, w2] = [await open('Baseline'), await open('Follow-up')];
    const submit = (waveId: string, rows: [string, number, string][]) =>
      t.gql(
        'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
        {
          input: { waveId, responses: rows.map(([unitId, d1, panelKey]) => ({ unitId, category: 'FRONT_LINE_STAFF', panelKey, answers: [d1] })) },
        },
        admin,
      );
    const base: [string, number, string][] = [
      ...[2, 2, 3, 3, 4, 4].map((v, i) => [u1.id, v, `p${i}`] as [string, number, string]),
      ...[1, 1, 1].map((v, i) => [u2.id, v, `q${i}`] as [string, number, string]),
    ];
    await submit(w1, base);
    await submit(
      w2,
      base.map(([u, v, k]) => [u, v + 1, k]),
    );
    input = { pilotIds: [pilotId], instrumentId, fromWaveId: w1, toWaveId: w2, dimensions: ['DECISION_AUTHORITY'] };
    scope = { pilotIds: [pilotId], instrumentId, dimensions: ['DECISION_AUTHORITY'] };
    waves = [w1, w2];
  });
  afterAll(() => t.close());

  const change = async (over: Record<string, unknown> = {}) => {
    const res = await t.gql(CHANGE, { input: { ...input, ...over } }, admin);
    if (res.errors) throw new Error(res.text);
    return res.data!.waveChange as any[];
  };

  it('computes the waves’ totals and the pairs’ changes (hand-computed, before disclosure control)', async () => {
    const rows = await exactChange(t, scope, [], ...waves);
    const [from, to] = waves.map((w) => rows.find((r) => r.src === 'cell' && r.wave_id === w)!);
    expect([from.n, meanOf(from), to.n, meanOf(to)]).toEqual([9, 100 / 3, 9, 175 / 3]);
    expect(sdOf(from)).toBeCloseTo(30.6186, 3);
    const pairs = rows.find((r) => r.src === 'pairs')!;
    expect([pairs.n, meanOf(pairs), pairs.sumsq]).toEqual([9, 25, 9 * 625]); // every difference is 25
  });

  it('publishes the change from the waves’ published cells, with a Welch interval, and the pairs as a cell of their own', async () => {
    const [all] = await change();
    expect(all).toMatchObject({ suppressed: false, pairsSuppressed: false });
    expect(all.change).toBeCloseTo(all.meanTo - all.meanFrom, 9);
    expect(all.changeCiLow).toBeLessThan(all.change);
    expect(all.changeCiHigh).toBeGreaterThan(all.change);
    expect(all.pairs).toBeGreaterThanOrEqual(5);
    expect(all.pairedCiLow).toBeLessThanOrEqual(all.pairedChange);
    // The waves' numbers are the very cells discretionResults publishes.
    const res = await t.gql(
      'query($input: DiscretionResultsInput!) { discretionResults(input: $input) { waveId n mean } }',
      {
        input: { pilotIds: input.pilotIds, instrumentId: input.instrumentId, dimensions: input.dimensions },
      },
      admin,
    );
    const byWave = new Map(res.data!.discretionResults.map((r: any) => [r.waveId, r]));
    expect(byWave.get(waves[0])).toEqual({ waveId: waves[0], n: all.nFrom, mean: all.meanFrom });
    expect(byWave.get(waves[1])).toEqual({ waveId: waves[1], n: all.nTo, mean: all.meanTo });
  });

  it('suppresses small groups and small sets of pairs', async () => {
    const byUnit = await change({ groupBy: ['UNIT'] });
    expect(byUnit.map((r) => [r.unit.name, r.suppressed, r.pairsSuppressed])).toEqual([
      ['U1', false, false],
      ['U2', true, true],
    ]);
    expect([byUnit[1].meanFrom, byUnit[1].pairs, byUnit[1].pairedChange]).toEqual([null, null, null]);
  });

  it('refuses WAVE as a grouping and the same wave twice', async () => {
    expect(onlyError(await t.gql(CHANGE, { input: { ...input, groupBy: ['WAVE'] } }, admin)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.groupBy' }],
    });
    expect(onlyError(await t.gql(CHANGE, { input: { ...input, toWaveId: input.fromWaveId } }, admin)).extensions!.code).toBe('BAD_USER_INPUT');
  });
});
