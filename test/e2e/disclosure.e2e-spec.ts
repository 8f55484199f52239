import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const RESULTS = `query($input: DiscretionResultsInput!) { discretionResults(input: $input) {
  measure waveId unitId category n mean sd ciLow ciHigh suppressed } }`;
const CHANGE = `query($input: WaveChangeInput!) { waveChange(input: $input) { unitId pairs pairedChange pairsSuppressed } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const score = (answer: number) => (answer - 1) * 25; // one Likert item: 0, 25, 50, 75, 100

/**
 * The attacks of issue 10 against discretionResults, waveChange, pilotSignals and discretion.csv,
 * made over the API as an analyst would. Structural ones (pooling waves, changing filters) must
 * give nothing at all; numerical ones (a total minus the visible groups) must miss the hidden
 * group by more than the scale's resolution. The noise depends on the responses' random record
 * keys, so the numerical attacks are repeated over 25 draws of those keys (set deterministically
 * below), and judged by their error over all draws — the attacker's best, not one lucky case.
 */
describe('disclosure control under attack', () => {
  let t: TestApp;
  let analyst: string;
  let admin: string;
  let pilotId: string;
  let otherPilotId: string;
  let instrumentId: string;
  const unit: Record<string, string> = {};
  const wave: Record<string, string> = {};
  /** The true answers (scores) of the hidden respondents. */
  const truth = { lone: 0, pair: [] as number[], loneChange: 0 };
  /** True group sizes, which the attacker is assumed to know (the worst case). */
  const sizes: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    for (const name of ['U1', 'U2', 'U3', 'Solo', 'A', 'B']) unit[name] = (await makeOrganisation(t.ds, { name, parentId: kommun.id })).id;
    pilotId = (
      await makePilot(t.ds, { code: 'ATT-1', startsOn: day(-100), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    otherPilotId = (
      await makePilot(t.ds, { code: 'ATT-2', startsOn: day(-100), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const likert = { scale: 'LIKERT_5', labelsSv: ['1', '2', '3', '4', '5'], labelsEn: ['1', '2', '3', '4', '5'] };
    instrumentId = (
      await t.gql(
        'mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }',
        {
          input: { name: 'Ett påstående', items: [{ code: 'D1', textSv: 'a', textEn: 'a', dimension: 'DECISION_AUTHORITY', ...likert }] },
        },
        admin,
      )
    ).data!.createSurveyInstrument.id;
    const open = async (key: string, units: string[]) => {
      const res = await t.gql(
        'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
        {
          input: { pilotId, instrumentId, label: key, opensOn: day(-1), closesOn: day(10), unitIds: units.map((u) => unit[u]) },
        },
        admin,
      );
      wave[key] = res.data!.openSurveyWave.id;
    };
    type Row = [unit: string, answer: number, category: string, panelKey?: string];
    const submit = async (key: string, rows: Row[]) => {
      const responses = rows.map(([u, answer, category, panelKey]) => ({ unitId: unit[u], category, answers: [answer], panelKey }));
      const res = await t.gql(
        'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
        { input: { waveId: wave[key], responses } },
        admin,
      );
      expect(res.data!.submitSurveyResponses.stored).toBe(rows.length);
    };
    const staff = (u: string, answers: number[], prefix?: string): Row[] =>
      answers.map((a, i) => [u, a, 'FRONT_LINE_STAFF', prefix ? `${prefix}${i}` : undefined]);

    // Wave "lone": three units of 8, 7 and 6, and one respondent alone in unit Solo.
    await open('lone', ['U1', 'U2', 'U3', 'Solo']);
    await submit('lone', [
      ...staff('U1', [2, 3, 4, 3, 2, 5, 4, 3], 'a'),
      ...staff('U2', [1, 2, 2, 3, 4, 2, 3], 'b'),
      ...staff('U3', [5, 4, 4, 3, 5, 4], 'c'),
      ['Solo', 4, 'FRONT_LINE_STAFF', 'solo'],
    ]);
    truth.lone = score(4);
    // Its follow-up: everyone again, by panel key; the lone respondent one step lower.
    await open('loneAgain', ['U1', 'U2', 'U3', 'Solo']);
    await submit('loneAgain', [
      ...staff('U1', [3, 3, 4, 4, 2, 5, 5, 3], 'a'),
      ...staff('U2', [2, 2, 3, 3, 4, 3, 3], 'b'),
      ...staff('U3', [5, 5, 4, 4, 5, 4], 'c'),
      ['Solo', 3, 'FRONT_LINE_STAFF', 'solo'],
    ]);
    truth.loneChange = score(3) - score(4);
    // Wave "pair": two hidden groups of two (first-line managers in units A and B), 4 < 5 together.
    await open('pair', ['U1', 'U2', 'U3', 'A', 'B']);
    await submit('pair', [
      ...staff('U1', [3, 3, 2, 4, 3, 3]),
      ...staff('U2', [2, 4, 4, 3, 2, 3]),
      ...staff('U3', [4, 4, 5, 3, 4]),
      ['A', 5, 'FIRST_LINE_MANAGER'],
      ['A', 5, 'FIRST_LINE_MANAGER'],
      ['B', 4, 'FIRST_LINE_MANAGER'],
      ['B', 5, 'FIRST_LINE_MANAGER'],
    ]);
    truth.pair = [5, 5, 4, 5].map(score);
    // Wave "one": a single respondent, to be pooled with "lone".
    await open('one', ['U1']);
    await submit('one', [['U1', 1, 'FRONT_LINE_STAFF']]);
    Object.assign(sizes, { loneTotal: 22, U1: 8, U2: 7, U3: 6, pairTotal: 21, pairU1: 6, pairU2: 6, pairU3: 5, pairStaff: 17 });
  });
  afterAll(() => t.close());

  const results = async (input: Record<string, unknown>, token = analyst) => {
    const res = await t.gql(RESULTS, { input: { pilotIds: [pilotId], instrumentId, dimensions: ['DECISION_AUTHORITY'], ...input } }, token);
    if (res.errors) throw new Error(res.text);
    return res.data!.discretionResults as any[];
  };
  const cellOf = (rows: any[], pick: (r: any) => boolean) => rows.find(pick);

  it('pools no waves: W1 + W3 minus W1 is W3’s own cell, and that is suppressed', async () => {
    const both = await results({ waveIds: [wave.lone, wave.one] });
    expect(both.map((r) => r.waveId).sort()).toEqual([wave.lone, wave.one].sort()); // one row per wave, never a union
    const one = both.find((r) => r.waveId === wave.one);
    expect(one).toMatchObject({ suppressed: true, n: null, mean: null, sd: null });
    const alone = await results({ waveIds: [wave.lone] });
    expect(both.find((r) => r.waveId === wave.lone)).toEqual(alone[0]); // the same cell, the same numbers: the difference is nothing

    // pilotSignals over a period holding both waves: one entry per wave, the same cells.
    const signals = await t.gql(
      `query($input: PilotSignalsInput!) { pilotSignals(input: $input) { discretion { waveLabel n mean suppressed } } }`,
      {
        input: { pilotId, instrumentId, from: day(-30), to: day(30), bucket: 'YEAR', dimensions: ['DECISION_AUTHORITY'] },
      },
      analyst,
    );
    const entries = signals.data!.pilotSignals.flatMap((b: any) => b.discretion);
    expect(entries.find((e: any) => e.waveLabel === 'one')).toEqual({ waveLabel: 'one', n: null, mean: null, suppressed: true });
    expect(entries.find((e: any) => e.waveLabel === 'lone')).toEqual({ waveLabel: 'lone', n: alone[0].n, mean: alone[0].mean, suppressed: false });
    // discretion.csv: one line per wave too, the single respondent's suppressed.
    const csv = await (
      await fetch(`${t.url}/export/discretion.csv?pilotId=${pilotId}&instrumentId=${instrumentId}`, { headers: { authorization: `Bearer ${analyst}` } })
    ).text();
    const oneLine = csv.split('\n').find((l) => l.includes(wave.one) && l.startsWith('DECISION_AUTHORITY'))!;
    expect(oneLine.split(',').slice(7)).toEqual(['', '', '', '', '', 'true']);
  });

  it('gives a cell the same numbers through every filter, grouping and role that reaches it', async () => {
    const u1 = (rows: any[]) => cellOf(rows, (r) => r.unitId === unit.U1 && r.waveId === wave.lone);
    const reference = u1(await results({ groupBy: ['UNIT'] }));
    expect(reference.suppressed).toBe(false);
    const variants = [
      await results({ groupBy: ['UNIT'], waveIds: [wave.lone] }),
      await results({ groupBy: ['UNIT'], waveIds: [wave.lone, wave.pair, wave.one] }),
      await results({ groupBy: ['UNIT', 'WAVE', 'PILOT'] }),
      await results({ groupBy: ['UNIT'], pilotIds: [pilotId, otherPilotId] }),
      await results({ groupBy: ['UNIT'], unitDepth: 5 }),
    ];
    for (const rows of variants) expect(u1(rows)).toEqual(reference);
    // U1's own reporter: its whole view is U1, so its total is U1's cell.
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unit.U1 })).token;
    const own = cellOf(await results({ waveIds: [wave.lone] }, reporter), () => true);
    expect([own.n, own.mean, own.suppressed]).toEqual([reference.n, reference.mean, false]);
    // The same cell through pilotSignals and discretion.csv: the same published numbers.
    const csv = await (
      await fetch(`${t.url}/export/discretion.csv?pilotId=${pilotId}&instrumentId=${instrumentId}&groupBy=UNIT`, {
        headers: { authorization: `Bearer ${analyst}` },
      })
    ).text();
    const line = csv.split('\n').find((l) => l.includes(unit.U1) && l.startsWith('DECISION_AUTHORITY') && l.includes(wave.lone))!;
    expect(line.split(',')[7]).toBe(String(reference.n));
    expect(Number(line.split(',')[8])).toBe(reference.mean);
  });

  /** Record keys drawn afresh (deterministically per draw): what the attacker cannot choose. */
  const rekey = (draw: number) =>
    t.asSuperuser(`UPDATE survey_response SET record_key = (('x' || substr(md5(id::text || $1::text), 1, 8))::bit(32)::int) & 2147483647`, [draw]);

  /** Attack errors over 25 key draws: root mean square and the share that landed within `half`. */
  async function overDraws(attack: () => Promise<number>, half: number) {
    const errors: number[] = [];
    for (let draw = 1; draw <= 25; draw++) {
      await rekey(draw);
      errors.push(await attack());
    }
    return {
      rmse: Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length),
      within: errors.filter((e) => Math.abs(e) < half).length / errors.length,
      exact: errors.some((e) => Math.abs(e) < 1e-9),
    };
  }

  it('keeps a lone respondent hidden from the total minus the visible units', async () => {
    const outcome = await overDraws(async () => {
      const [total] = await results({ waveIds: [wave.lone] });
      const units = await results({ waveIds: [wave.lone], groupBy: ['UNIT'] });
      expect(cellOf(units, (r) => r.unitId === unit.Solo).suppressed).toBe(true);
      const visible = ['U1', 'U2', 'U3'].reduce((s, u) => s + cellOf(units, (r) => r.unitId === unit[u]).mean * sizes[u], 0);
      return total.mean * sizes.loneTotal - visible - truth.lone;
    }, 12.5);
    expect(outcome.exact).toBe(false);
    expect(outcome.rmse).toBeGreaterThan(25); // more than a whole step of the scale
    expect(outcome.within).toBeLessThan(0.5);
  });

  it('keeps two hidden groups whose sizes add up to less than the threshold hidden, by unit and by category', async () => {
    const trueMean = truth.pair.reduce((a, b) => a + b, 0) / truth.pair.length;
    const byUnit = await overDraws(async () => {
      const [total] = await results({ waveIds: [wave.pair] });
      const units = await results({ waveIds: [wave.pair], groupBy: ['UNIT'] });
      expect(['A', 'B'].map((u) => cellOf(units, (r) => r.unitId === unit[u]).suppressed)).toEqual([true, true]);
      const visible = ['U1', 'U2', 'U3'].reduce((s, u) => s + cellOf(units, (r) => r.unitId === unit[u]).mean * sizes[`pair${u}`], 0);
      return (total.mean * sizes.pairTotal - visible) / 4 - trueMean;
    }, 12.5 / 4);
    const byCategory = await overDraws(async () => {
      const [total] = await results({ waveIds: [wave.pair] });
      const categories = await results({ waveIds: [wave.pair], groupBy: ['RESPONDENT_CATEGORY'] });
      expect(cellOf(categories, (r) => r.category === 'FIRST_LINE_MANAGER').suppressed).toBe(true);
      const staff = cellOf(categories, (r) => r.category === 'FRONT_LINE_STAFF');
      return (total.mean * sizes.pairTotal - staff.mean * sizes.pairStaff) / 4 - trueMean;
    }, 12.5 / 4);
    for (const outcome of [byUnit, byCategory]) {
      expect(outcome.exact).toBe(false);
      expect(outcome.rmse).toBeGreaterThan(25 / 4); // more than the resolution of a mean of four
      expect(outcome.within).toBeLessThan(0.5);
    }
  });

  it('keeps a lone respondent’s own change hidden from the panel pairs of waveChange', async () => {
    const outcome = await overDraws(async () => {
      const input = { pilotIds: [pilotId], instrumentId, dimensions: ['DECISION_AUTHORITY'], fromWaveId: wave.lone, toWaveId: wave.loneAgain };
      const [all] = (await t.gql(CHANGE, { input }, analyst)).data!.waveChange;
      const units = (await t.gql(CHANGE, { input: { ...input, groupBy: ['UNIT'] } }, analyst)).data!.waveChange as any[];
      expect(cellOf(units, (r) => r.unitId === unit.Solo).pairsSuppressed).toBe(true);
      const visible = ['U1', 'U2', 'U3'].reduce((s, u) => s + cellOf(units, (r) => r.unitId === unit[u]).pairedChange * sizes[u], 0);
      return all.pairedChange * sizes.loneTotal - visible - truth.loneChange;
    }, 12.5);
    expect(outcome.exact).toBe(false);
    expect(outcome.rmse).toBeGreaterThan(25);
    expect(outcome.within).toBeLessThan(0.5);
  });
});
