import { Role } from '../../src/common/auth/role.enum';
import { makeOrganisation, userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Hand-checked pro-rata numbers. 2019 has 365 days; Q1 2019 has 90 (31 + 28 + 31).
 *   A, indicator X: Q1 2019, 90 hours (1 h per day), 3 staff, used YES; April, 30 hours, 2 staff, NO
 *   B, indicator Y: all of 2019, 365 hours (1 h per day), 5 staff, PARTLY
 * So every month gets exactly its number of days in hours from each report that covers it.
 */
describe('burden, indicator load and time thieves over time', () => {
  let t: TestApp;
  let admin: string;
  let a: { id: string };
  let b: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const state = await makeOrganisation(t.ds, { name: 'Staten' });
    const k = await makeOrganisation(t.ds, { name: 'Kommunen' });
    a = await makeOrganisation(t.ds, { name: 'A', parentId: k.id });
    b = await makeOrganisation(t.ds, { name: 'B', parentId: k.id });
    const m = async (q: string, input: Record<string, unknown>) => {
      const res = await t.gql(q, { input }, admin);
      if (res.errors) throw new Error(res.text);
      return res.data!;
    };
    const inst = (
      await m('mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }', {
        name: 'Register',
        kind: 'QUALITY_REGISTRY',
        governanceForm: 'PRESTATION',
        imposedById: state.id,
        appliesToIds: [a.id, b.id],
        validFrom: '2018-01-01',
      })
    ).createSteeringInstrument.id;
    const indicator = async (name: string, measureType: string, introducedOn: string, retiredOn?: string) =>
      (
        await m('mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }', {
          name,
          instrumentId: inst,
          measureType,
          aggregationLevel: 'UNIT',
          reportingFrequency: 'MONTHLY',
          introducedOn,
          retiredOn,
        })
      ).defineIndicator.id;
    const x = await indicator('X', 'PROCESS', '2019-01-01');
    const y = await indicator('Y', 'RESULT', '2019-04-01', '2019-09-30');
    const report = (
      indicatorId: string,
      organisationId: string,
      periodKind: string,
      periodStart: string,
      periodEnd: string,
      staffHours: number,
      staffCount: number,
      used: string,
    ) =>
      m('mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }', {
        indicatorId,
        organisationId,
        periodKind,
        periodStart,
        periodEnd,
        staffHours,
        staffCount,
        usedForImprovement: used,
      });
    await report(x, a.id, 'QUARTER', '2019-01-01', '2019-03-31', 90, 3, 'YES');
    await report(x, a.id, 'MONTH', '2019-04-01', '2019-04-30', 30, 2, 'NO');
    await report(y, b.id, 'YEAR', '2019-01-01', '2019-12-31', 365, 5, 'PARTLY');

    const thief = async (organisationId: string, reportedOn: string, minutesPerWeek: number, staffAffected: number) =>
      (
        await m('mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }', {
          organisationId,
          task: 'T',
          minutesPerWeek,
          staffAffected,
          reportedOn,
        })
      ).reportTimeThief.id;
    const status = (id: string, s: string, changedOn: string, reason?: string) =>
      m('mutation($input: UpdateTimeThiefStatusInput!) { updateTimeThiefStatus(input: $input) { id } }', { id, status: s, changedOn, reason });
    const t1 = await thief(a.id, '2019-02-10', 30, 10);
    await status(t1, 'REMOVED', '2019-05-01');
    const t2 = await thief(b.id, '2019-02-20', 60, 4);
    await status(t2, 'UNDER_REVIEW', '2019-03-01');
    await status(t2, 'KEPT', '2019-06-15', 'Lagkrav');
  });
  afterAll(() => t.close());

  const q = async (query: string, input: Record<string, unknown>, token = admin) => {
    const res = await t.gql(query, { input }, token);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as any[];
  };
  const BURDEN = `query($input: BurdenSeriesInput!) { burdenSeries(input: $input) {
    bucketStart bucketEnd organisation { name } measureType staffHours staffCount hoursPerStaff reports shareUsedForImprovement sharePartlyUsed } }`;

  it('splits reports over months by days', async () => {
    const rows = await q(BURDEN, { from: '2019-01-01', to: '2019-06-30', bucket: 'MONTH' });
    expect(rows.map((r) => [r.bucketStart, r.bucketEnd, Math.round(r.staffHours * 1e6) / 1e6, r.reports])).toEqual([
      ['2019-01-01', '2019-01-31', 62, 2],
      ['2019-02-01', '2019-02-28', 56, 2],
      ['2019-03-01', '2019-03-31', 62, 2],
      ['2019-04-01', '2019-04-30', 60, 2],
      ['2019-05-01', '2019-05-31', 31, 1],
      ['2019-06-01', '2019-06-30', 30, 1],
    ]);
    expect(rows[0].staffCount).toBeCloseTo((3 * 31) / 90 + (5 * 31) / 365, 6);
    expect(rows[0].hoursPerStaff).toBeCloseTo(62 / ((3 * 31) / 90 + (5 * 31) / 365), 6);
    expect([rows[0].shareUsedForImprovement, rows[0].sharePartlyUsed]).toEqual([0.5, 0.5]);
    expect([rows[3].shareUsedForImprovement, rows[3].sharePartlyUsed]).toEqual([0, 0.5]);
  });

  it('answers the same from the rollup as from the reports, also after a resubmission', async () => {
    const [k] = await t.ds.query(`SELECT id FROM organisation WHERE name = 'Kommunen'`);
    const [april] = await t.ds.query(`SELECT indicator_id, organisation_id FROM burden_report WHERE period_start = '2019-04-01'`);
    const res = await t.gql(
      'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { revision } }',
      {
        input: {
          indicatorId: april.indicator_id,
          organisationId: april.organisation_id,
          periodKind: 'MONTH',
          periodStart: '2019-04-01',
          periodEnd: '2019-04-30',
          staffHours: 42.5,
          staffCount: 4,
          usedForImprovement: 'PARTLY',
          expectedRevision: 1,
          reason: 'Rättelse',
        },
      },
      admin,
    );
    expect(res.data!.reportIndicatorBurden.revision).toBe(2);
    const input = { from: '2019-01-01', to: '2019-12-31', bucket: 'QUARTER' };
    const fromTotals = await q(BURDEN, input); // every organisation, nothing narrowed: the rollup
    const fromReports = await q(BURDEN, { ...input, organisationId: k.id }); // the same reports, read one by one
    expect(fromTotals).toEqual(fromReports);
    expect(fromTotals[1]).toMatchObject({ bucketStart: '2019-04-01', reports: 2, sharePartlyUsed: 1 });
    expect(fromTotals[1].staffHours).toBeCloseTo(42.5 + 91, 6);
    const drift = await t.ds.query(`SELECT 1 FROM burden_period_total t FULL JOIN (
        SELECT indicator_id, period_start, period_end, count(*)::int AS reports, sum(staff_hours) AS staff_hours FROM burden_report GROUP BY 1, 2, 3) r
        USING (indicator_id, period_start, period_end) WHERE t.reports IS DISTINCT FROM r.reports OR t.staff_hours IS DISTINCT FROM r.staff_hours`);
    expect(drift).toEqual([]);
    // Put April back as the other tests expect it.
    await t.gql(
      'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { revision } }',
      {
        input: {
          indicatorId: april.indicator_id,
          organisationId: april.organisation_id,
          periodKind: 'MONTH',
          periodStart: '2019-04-01',
          periodEnd: '2019-04-30',
          staffHours: 30,
          staffCount: 2,
          usedForImprovement: 'NO',
          expectedRevision: 2,
          reason: 'Tillbaka',
        },
      },
      admin,
    );
  });

  it('clips the first and last buckets to the range asked for', async () => {
    const rows = await q(BURDEN, { from: '2019-02-15', to: '2019-03-31', bucket: 'MONTH' });
    expect(rows.map((r) => [r.bucketStart, r.bucketEnd, Math.round(r.staffHours * 1e6) / 1e6])).toEqual([
      ['2019-02-15', '2019-02-28', 28], // 14 days from each report
      ['2019-03-01', '2019-03-31', 62],
    ]);
  });

  it('groups by quarter and organisation, or by measure type, and rolls organisations up', async () => {
    const byOrg = await q(BURDEN, { from: '2019-01-01', to: '2019-06-30', bucket: 'QUARTER', groupBy: ['ORGANISATION'] });
    expect(byOrg.map((r) => [r.bucketStart, r.organisation.name, Math.round(r.staffHours * 1e6) / 1e6])).toEqual(
      [
        ['2019-01-01', 'A', 90],
        ['2019-01-01', 'B', 90],
        ['2019-04-01', 'A', 30],
        ['2019-04-01', 'B', 91],
      ].sort((x, y) => (x[0] === y[0] ? 0 : x[0] < y[0] ? -1 : 1)),
    );
    const top = await q(BURDEN, { from: '2019-01-01', to: '2019-03-31', bucket: 'QUARTER', groupBy: ['ORGANISATION'], organisationDepth: 0 });
    expect(top.map((r) => [r.organisation.name, Math.round(r.staffHours)])).toEqual([['Kommunen', 180]]);
    const byType = await q(BURDEN, { from: '2019-01-01', to: '2019-12-31', bucket: 'YEAR', groupBy: ['MEASURE_TYPE'] });
    expect(byType.map((r) => [r.measureType, Math.round(r.staffHours)])).toEqual([
      ['PROCESS', 120],
      ['RESULT', 365],
    ]);
  });

  it('counts the indicators in force per organisation and quarter', async () => {
    const rows = await q('query($input: IndicatorLoadInput!) { indicatorLoad(input: $input) { bucketStart organisation { name } indicators } }', {
      from: '2019-01-01',
      to: '2019-12-31',
      bucket: 'QUARTER',
      organisationId: a.id,
    });
    expect(rows.map((r) => [r.bucketStart, r.organisation.name, r.indicators])).toEqual([
      ['2019-01-01', 'A', 1],
      ['2019-04-01', 'A', 2],
      ['2019-07-01', 'A', 2],
      ['2019-10-01', 'A', 1],
    ]);
  });

  it('summarises time thieves per quarter, with the hours freed by removals', async () => {
    const rows = await q('query($input: TimeThiefSummaryInput!) { timeThiefSummary(input: $input) { bucketStart reported removed kept hoursFreedPerWeek } }', {
      from: '2019-01-01',
      to: '2019-12-31',
      bucket: 'QUARTER',
    });
    expect(rows).toEqual([
      { bucketStart: '2019-01-01', reported: 2, removed: 0, kept: 0, hoursFreedPerWeek: 0 },
      { bucketStart: '2019-04-01', reported: 0, removed: 1, kept: 1, hoursFreedPerWeek: 5 }, // 30 min × 10 staff
    ]);
  });

  it('keeps org reporters to their own units', async () => {
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: a.id })).token;
    const rows = await q(BURDEN, { from: '2019-01-01', to: '2019-01-31', bucket: 'MONTH' }, reporter);
    expect(rows.map((r) => Math.round(r.staffHours * 1e6) / 1e6)).toEqual([31]);
  });
});
