import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const BURDEN = 'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }';
const OBLIGATIONS = `query($org: ID!, $from: LocalDate!, $to: LocalDate!, $status: [ObligationStatus!], $indicator: ID) {
  reportingObligations(organisationId: $org, from: $from, to: $to, status: $status, indicatorId: $indicator) {
    organisation { name } indicator { name } periodStart periodEnd dueOn status coveredDays periodDays reportedBy { name } } }`;
const COMPLETENESS = `query($input: ReportingCompletenessInput!) { reportingCompleteness(input: $input) {
  pilot { code } organisation { name } indicator { name } bucketStart bucketEnd expected received onTime late partial missing notYetDue reportingRate onTimeRate } }`;

/** What each organisation owes, and how completely they report: missing periods show, and go once reported. */
describe('reporting obligations and completeness', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let analyst: string;
  const org: Record<string, string> = {};
  const ind: Record<string, string> = {};
  let instrumentId: string;

  /** An indicator of the pilot's instrument (applies to the administration's units). */
  const define = async (name: string, reportingFrequency: string, retiredOn: string | null) =>
    (
      await t.gql(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        { input: { name, instrumentId, measureType: 'PROCESS', aggregationLevel: 'UNIT', reportingFrequency, introducedOn: '2019-01-01', retiredOn } },
        admin,
      )
    ).data!.defineIndicator.id;

  const month = (start: string) => {
    const [y, m] = start.split('-').map(Number);
    return { periodKind: 'MONTH', periodStart: start, periodEnd: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
  };
  const report = async (indicatorId: string, organisationId: string, start: string, receivedOn?: string) => {
    const res = await t.gql(
      BURDEN,
      { input: { indicatorId, organisationId, ...month(start), staffHours: 8, staffCount: 2, usedForImprovement: 'NO' } },
      reporter,
    );
    if (res.errors) throw new Error(res.text);
    // When it arrived: set as if sent then (the API stamps the time of the call).
    if (receivedOn) await t.asSuperuser('UPDATE burden_report SET created_at = $2 WHERE id = $1', [res.data!.reportIndicatorBurden.id, receivedOn]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    org.kommun = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    org.forv = (await makeOrganisation(t.ds, { name: 'Socialförvaltningen', parentId: org.kommun })).id;
    org.u1 = (await makeOrganisation(t.ds, { name: 'Enhet 1', parentId: org.forv })).id;
    org.u2 = (await makeOrganisation(t.ds, { name: 'Enhet 2', parentId: org.forv })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.kommun })).token;
    await makePilot(t.ds, { code: 'OBL-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: org.kommun, level: SteeringLevel.POLITICAL_PRINCIPAL }]);
    // The instrument applies to the administration: its units owe the reports.
    instrumentId = (
      await t.gql(
        'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
        {
          input: {
            name: 'Nämndens plan',
            kind: 'PRINCIPAL_FOLLOW_UP',
            governanceForm: 'PRESTATION',
            imposedById: org.kommun,
            appliesToIds: [org.forv],
            validFrom: '2019-01-01',
          },
        },
        admin,
      )
    ).data!.createSteeringInstrument.id;
    ind.m = await define('Månadsmått', 'MONTHLY', null);
    ind.q = await define('Kvartalsmått', 'QUARTERLY', '2019-06-30');

    await report(ind.m, org.u1, '2019-01-01', '2019-02-10'); // on time (due 30 days after the month)
    await report(ind.m, org.u1, '2019-02-01'); // late: sent now
    await report(ind.m, org.forv, '2019-04-01', '2019-05-02'); // the administration, for both its units
    await report(ind.q, org.u2, '2019-01-01', '2019-02-01'); // a month of a quarter: partial
  });
  afterAll(() => t.close());

  const obligations = async (token: string, vars: Record<string, unknown>) =>
    t.gql(OBLIGATIONS, { org: org.kommun, from: '2019-01-01', to: '2019-04-30', ...vars }, token);

  it('lists, for each unit, each indicator that applies from above, each period by its frequency, and where it stands', async () => {
    const res = await obligations(reporter, {});
    const rows = res.data!.reportingObligations.map((o: any) => [
      o.organisation.name,
      o.indicator.name,
      o.periodStart,
      o.status,
      o.coveredDays,
      o.reportedBy?.name ?? null,
    ]);
    expect(rows).toEqual([
      ['Enhet 1', 'Kvartalsmått', '2019-01-01', 'MISSING', 0, null],
      ['Enhet 1', 'Kvartalsmått', '2019-04-01', 'MISSING', 0, null],
      ['Enhet 1', 'Månadsmått', '2019-01-01', 'REPORTED', 31, 'Enhet 1'],
      ['Enhet 1', 'Månadsmått', '2019-02-01', 'LATE', 28, 'Enhet 1'],
      ['Enhet 1', 'Månadsmått', '2019-03-01', 'MISSING', 0, null],
      ['Enhet 1', 'Månadsmått', '2019-04-01', 'REPORTED', 30, 'Socialförvaltningen'],
      ['Enhet 2', 'Kvartalsmått', '2019-01-01', 'PARTIAL', 31, 'Enhet 2'],
      ['Enhet 2', 'Kvartalsmått', '2019-04-01', 'MISSING', 0, null],
      ['Enhet 2', 'Månadsmått', '2019-01-01', 'MISSING', 0, null],
      ['Enhet 2', 'Månadsmått', '2019-02-01', 'MISSING', 0, null],
      ['Enhet 2', 'Månadsmått', '2019-03-01', 'MISSING', 0, null],
      ['Enhet 2', 'Månadsmått', '2019-04-01', 'REPORTED', 30, 'Socialförvaltningen'],
    ]);
    expect(res.data!.reportingObligations[0]).toMatchObject({ periodEnd: '2019-03-31', dueOn: '2019-04-30', periodDays: 90 });
    // The instruments that apply to a unit include those applying to an organisation above it.
    const applies = await t.gql('query($id: ID) { steeringInstruments(filter: { appliesToId: $id }) { edges { node { name } } } }', { id: org.u1 }, reporter);
    expect(applies.data!.steeringInstruments.edges).toEqual([{ node: { name: 'Nämndens plan' } }]);
  });

  it('shows a missing period, which goes once it is reported', async () => {
    const missing = async () =>
      (await obligations(reporter, { org: org.u1, status: ['MISSING'], indicator: ind.m })).data!.reportingObligations.map((o: any) => o.periodStart);
    expect(await missing()).toEqual(['2019-03-01']);
    await report(ind.m, org.u1, '2019-03-01');
    expect(await missing()).toEqual([]);
    const march = (await obligations(reporter, { org: org.u1, indicator: ind.m })).data!.reportingObligations.find((o: any) => o.periodStart === '2019-03-01');
    expect(march.status).toBe('LATE');
  });

  it('marks a period not yet ended, or within its grace days, as due', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await obligations(reporter, { org: org.u2, indicator: ind.m, from: today, to: today });
    expect(res.data!.reportingObligations).toEqual([expect.objectContaining({ status: 'DUE', periodStart: `${today.slice(0, 7)}-01` })]);
  });

  it('answers only for organisations whose reports the caller reads', async () => {
    const elsewhere = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.granne })).token;
    expect(onlyError(await obligations(elsewhere, {})).extensions!.code).toBe('NOT_FOUND');
    expect((await obligations(analyst, {})).data!.reportingObligations).toHaveLength(12);
    // A reporter for a unit sees its own obligations only.
    const unitReporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.u2 })).token;
    expect(onlyError(await obligations(unitReporter, {})).extensions!.code).toBe('NOT_FOUND');
    const own = (await obligations(unitReporter, { org: org.u2 })).data!.reportingObligations;
    expect(new Set(own.map((o: any) => o.organisation.name))).toEqual(new Set(['Enhet 2']));
  });

  it('gives expected against received reports by pilot, organisation, indicator and period, for analysts and admins', async () => {
    const input = { from: '2019-01-01', to: '2019-04-30', groupBy: ['ORGANISATION', 'INDICATOR'] };
    const res = await t.gql(COMPLETENESS, { input }, analyst);
    const rows = res.data!.reportingCompleteness.map((r: any) => [
      r.organisation.name,
      r.indicator.name,
      r.expected,
      r.received,
      r.onTime,
      r.late,
      r.partial,
      r.missing,
    ]);
    expect(rows).toEqual([
      ['Enhet 1', 'Kvartalsmått', 2, 0, 0, 0, 0, 2],
      ['Enhet 1', 'Månadsmått', 4, 4, 2, 2, 0, 0],
      ['Enhet 2', 'Kvartalsmått', 2, 0, 0, 0, 1, 1],
      ['Enhet 2', 'Månadsmått', 4, 1, 1, 0, 0, 3],
    ]);
    const pilot = await t.gql(COMPLETENESS, { input: { from: '2019-01-01', to: '2019-04-30', groupBy: ['PILOT', 'PERIOD'], bucket: 'QUARTER' } }, admin);
    expect(pilot.data!.reportingCompleteness.map((r: any) => [r.pilot.code, r.bucketStart, r.bucketEnd, r.expected, r.received, r.reportingRate])).toEqual([
      ['OBL-1', '2019-01-01', '2019-03-31', 8, 3, 3 / 8],
      ['OBL-1', '2019-04-01', '2019-04-30', 4, 2, 0.5], // clipped to the range
    ]);
    expect(onlyError(await t.gql(COMPLETENESS, { input }, reporter)).extensions!.code).toBe('FORBIDDEN');
  });

  it('gives researchers the completeness of the pilots they follow, and nothing of others', async () => {
    const input = { from: '2019-01-01', to: '2019-04-30', groupBy: ['PILOT'] };
    const following = await userWithToken(t, { role: Role.RESEARCHER });
    const stranger = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    await makePilot(t.ds, { code: 'OBL-2', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: org.granne }], [{ userId: following.user.id }]);
    await makePilot(t.ds, { code: 'OBL-3', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: org.kommun }], [{ userId: following.user.id }]);
    const rows = async (token: string) => (await t.gql(COMPLETENESS, { input }, token)).data!.reportingCompleteness.map((r: any) => [r.pilot.code, r.expected]);
    expect(await rows(following.token)).toEqual([
      ['OBL-1', 12],
      ['OBL-3', 12],
    ]);
    expect(await rows(stranger)).toEqual([]);
  });

  it('counts, by pilot, a unit taking part on its own with what is owed and reported above it', async () => {
    // Only Enhet 2 takes part: the instrument applies to the administration above it, and the
    // administration's April report covers it.
    await makePilot(t.ds, { code: 'OBL-4', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: org.u2 }]);
    const input = { from: '2019-01-01', to: '2019-04-30', groupBy: ['PILOT'] };
    const rows = (await t.gql(COMPLETENESS, { input }, analyst)).data!.reportingCompleteness;
    const unit = rows.find((r: any) => r.pilot.code === 'OBL-4');
    expect([unit.expected, unit.received, unit.onTime, unit.partial, unit.missing]).toEqual([6, 1, 1, 1, 4]);
    // Without the break-down by pilot, every unit counts, in a pilot or not.
    const all = (await t.gql(COMPLETENESS, { input: { ...input, groupBy: [] } }, analyst)).data!.reportingCompleteness;
    expect(all.map((r: any) => [r.expected, r.received])).toEqual([[12, 5]]);
  });

  it('counts a report in every period it overlaps, also when the range asked for begins inside a period', async () => {
    const monthly = await define('Månadsmått 2', 'MONTHLY', '2019-12-31');
    const halfYearly = await define('Halvårsmått', 'TWICE_A_YEAR', '2019-12-31');
    const send = async (indicatorId: string, periodKind: string, periodStart: string, periodEnd: string) => {
      const input = { indicatorId, organisationId: org.u1, periodKind, periodStart, periodEnd, staffHours: 8, staffCount: 2, usedForImprovement: 'NO' };
      expect((await t.gql(BURDEN, { input }, reporter)).errors).toBeUndefined();
    };
    await send(monthly, 'QUARTER', '2019-04-01', '2019-06-30');
    await send(halfYearly, 'QUARTER', '2019-04-01', '2019-06-30');
    await send(halfYearly, 'MONTH', '2019-07-01', '2019-07-31');
    const rows = async (indicator: string, from: string, to: string) =>
      (await obligations(reporter, { org: org.u1, indicator, from, to })).data!.reportingObligations.map((o: any) => [
        o.periodStart,
        o.periodEnd,
        o.status,
        o.coveredDays,
      ]);
    // One quarter's report covers each of its months.
    expect(await rows(monthly, '2019-05-15', '2019-06-20')).toEqual([
      ['2019-05-01', '2019-05-31', 'LATE', 31],
      ['2019-06-01', '2019-06-30', 'LATE', 30],
    ]);
    // Half-years from mid-May: the first still counts April, the second its July.
    expect(await rows(halfYearly, '2019-05-15', '2019-08-20')).toEqual([
      ['2019-01-01', '2019-06-30', 'PARTIAL', 91],
      ['2019-07-01', '2019-12-31', 'PARTIAL', 31],
    ]);
    // From mid-August, July is before the range but inside the half-year it asks about.
    expect(await rows(halfYearly, '2019-08-15', '2019-08-20')).toEqual([['2019-07-01', '2019-12-31', 'PARTIAL', 31]]);
  });
});
