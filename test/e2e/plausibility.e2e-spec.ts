import { parse } from 'csv-parse/sync';
import { Role } from '../../src/common/auth/role.enum';
import { makeOrganisation, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const BURDEN = 'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id workingHours shareOfWorkingTime } }';
const STAFF = 'mutation($input: ReportStaffSizeInput!) { reportStaffSize(input: $input) { id version } }';
const monthEnd = (start: string) => {
  const [y, m] = start.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Numbers that cannot be true are refused at the door, naming the field, the limit and why. */
describe('plausibility of burden reports', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  const org: Record<string, string> = {};
  const indicator: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    org.kommun = kommun.id;
    org.forvaltning = (await makeOrganisation(t.ds, { name: 'Socialförvaltningen', parentId: kommun.id })).id;
    org.u1 = (await makeOrganisation(t.ds, { name: 'Hemtjänst Norr', parentId: org.forvaltning })).id;
    org.u2 = (await makeOrganisation(t.ds, { name: 'Hemtjänst Söder', parentId: org.forvaltning })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    const instrument = async (name: string, validFrom: string, validTo: string | null) =>
      (
        await t.gql(
          'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
          {
            input: {
              name,
              kind: 'PRINCIPAL_FOLLOW_UP',
              governanceForm: 'PRESTATION',
              imposedById: org.kommun,
              appliesToIds: [org.forvaltning],
              validFrom,
              validTo,
            },
          },
          admin,
        )
      ).data!.createSteeringInstrument.id;
    const define = async (name: string, instrumentId: string, introducedOn: string, retiredOn: string | null = null) =>
      (
        await t.gql(
          'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
          {
            input: { name, instrumentId, measureType: 'PROCESS', aggregationLevel: 'UNIT', reportingFrequency: 'MONTHLY', introducedOn, retiredOn },
          },
          admin,
        )
      ).data!.defineIndicator.id;
    const plan = await instrument('Nämndens uppföljningsplan', '2018-01-01', null);
    indicator.visits = await define('Dokumenterade besök', plan, '2018-01-01');
    indicator.retired = await define('Avvikelser per brukare', plan, '2018-01-01', '2019-06-30');
    indicator.old = await define('Gammal enkät', await instrument('Gamla planen', '2018-01-01', '2018-12-31'), '2018-01-01');
  });
  afterAll(() => t.close());

  const input = (over: Record<string, unknown>) => {
    const periodStart = (over.periodStart as string) ?? '2019-01-01';
    return {
      indicatorId: indicator.visits,
      organisationId: org.u1,
      periodKind: 'MONTH',
      periodStart,
      periodEnd: monthEnd(periodStart),
      staffHours: 10,
      staffCount: 3,
      usedForImprovement: 'NO',
      ...over,
    };
  };
  const refused = async (over: Record<string, unknown>, token = reporter) => {
    const e = onlyError(await t.gql(BURDEN, { input: input(over) }, token));
    return { code: e.extensions!.code, fields: e.extensions!.fields as { field: string; message: string }[], message: e.message };
  };
  const reported = async (over: Record<string, unknown>, token = reporter) => {
    const res = await t.gql(BURDEN, { input: input(over) }, token);
    if (res.errors) throw new Error(res.text);
    return res.data!.reportIndicatorBurden;
  };

  it('refuses a period outside the indicator’s or the instrument’s time in force, or ending in the future', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const thisMonth = `${today.slice(0, 7)}-01`;
    expect((await refused({ periodStart: thisMonth })).message).toBe(
      `input.periodEnd: the period ends on ${monthEnd(thisMonth)}, after today (${today}): report it once it has ended`,
    );
    expect((await refused({ periodStart: '2017-12-01' })).message).toBe(
      'input.periodStart: the indicator "Dokumenterade besök" was introduced on 2018-01-01: nothing is reported for a period before it',
    );
    expect((await refused({ indicatorId: indicator.retired, periodStart: '2019-07-01' })).message).toBe(
      'input.periodStart: the indicator "Avvikelser per brukare" was retired on 2019-06-30: nothing is reported for a period after it',
    );
    expect((await refused({ indicatorId: indicator.old, periodStart: '2019-01-01' })).message).toBe(
      'input.periodStart: the indicator\'s instrument "Gamla planen" is in force from 2018-01-01 to 2018-12-31, not in this period',
    );
    await reported({ indicatorId: indicator.retired, periodStart: '2019-06-01' });
  });

  it('refuses an indicator whose instrument applies neither to the unit nor above it', async () => {
    expect(await refused({ organisationId: org.granne }, admin)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'input.indicatorId: the indicator\'s instrument "Nämndens uppföljningsplan" applies to "Socialförvaltningen" and their units, not to "Grannkommunen"',
    });
    expect((await refused({ organisationId: org.kommun })).fields).toEqual([
      { field: 'input.indicatorId', message: expect.stringContaining('not to "Kommunen"') },
    ]);
  });

  it('refuses more hours than the staff could work, at the configured norm, and lists every problem at once', async () => {
    expect((await refused({ periodStart: '2019-02-01', staffHours: 600, staffCount: 3 })).message).toBe(
      'input.staffHours: 600 hours is more than 3 staff can work in 28 days at 40 hours a week (WORKING_HOURS_PER_WEEK): at most 480',
    );
    expect((await refused({ periodStart: '2019-02-01', staffHours: 1, staffCount: 0 })).fields[0].field).toBe('input.staffHours');
    const both = await refused({ periodStart: '2017-12-01', staffHours: 9999 });
    expect(both.fields.map((f) => f.field)).toEqual(['input.periodStart', 'input.staffHours']);
  });

  describe('with the unit’s staff size', () => {
    beforeAll(async () => {
      const res = await t.gql(STAFF, { input: { organisationId: org.u2, validFrom: '2018-01-01', fte: 2.5, headcount: 3 } }, reporter);
      expect(res.errors).toBeUndefined();
    });

    it('refuses more staff than the unit has, and more hours than its full-time equivalents work', async () => {
      expect((await refused({ organisationId: org.u2, periodStart: '2019-03-01', staffCount: 4 })).message).toBe(
        'input.staffCount: 4 staff is more than the 3 people "Hemtjänst Söder" has in this period (its staff size)',
      );
      expect((await refused({ organisationId: org.u2, periodStart: '2019-03-01', staffHours: 500, staffCount: 3 })).message).toBe(
        'input.staffHours: 500 hours is more than "Hemtjänst Söder" works in 31 days with its 2.5 full-time equivalents at 40 hours a week (WORKING_HOURS_PER_WEEK): at most 442.9',
      );
    });

    it('gives reporting time as a share of working time, in GraphQL and the CSV export', async () => {
      const report = await reported({ organisationId: org.u2, periodStart: '2019-03-01', staffHours: 44.29, staffCount: 3 });
      expect(report.workingHours).toBeCloseTo((2.5 * 40 * 31) / 7, 6);
      expect(report.shareOfWorkingTime).toBeCloseTo(0.1, 3);
      expect((await reported({ organisationId: org.u1, periodStart: '2019-03-01' })).shareOfWorkingTime).toBeNull();
      const csv = await (await fetch(`${t.url}/export/burden-reports.csv?organisationId=${org.u2}`, { headers: { authorization: `Bearer ${admin}` } })).text();
      const [row] = parse(csv, { columns: true }) as Record<string, string>[];
      expect({ working: row.working_hours, share: row.share_of_working_time }).toEqual({ working: '442.9', share: '0.1000' });
    });

    it('keeps one size per period, and corrects it with the version read and a reason', async () => {
      const overlap = onlyError(await t.gql(STAFF, { input: { organisationId: org.u2, validFrom: '2019-01-01', fte: 3 } }, reporter));
      expect(overlap.extensions!.code).toBe('CONFLICT');
      expect(overlap.message).toBe(
        'input.validFrom: the period overlaps another staff size of this organisation: correct that one (updateStaffSize), or end it first',
      );
      const sizes = await t.gql('query($id: ID!) { organisation(id: $id) { staffSizes { id fte headcount version } } }', { id: org.u2 }, reporter);
      const [size] = sizes.data!.organisation.staffSizes;
      const fixed = await t.gql(
        'mutation($input: UpdateStaffSizeInput!) { updateStaffSize(input: $input) { fte version history { action reason } } }',
        {
          input: { id: size.id, expectedVersion: 1, fte: 2.75, reason: 'En halvtid till sedan januari' },
        },
        reporter,
      );
      expect(fixed.data!.updateStaffSize).toEqual({
        fte: 2.75,
        version: 2,
        history: [
          { action: 'CREATE', reason: null },
          { action: 'UPDATE', reason: 'En halvtid till sedan januari' },
        ],
      });
      const elsewhere = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.granne })).token;
      const hidden = await t.gql('query($id: ID!) { organisation(id: $id) { staffSizes { id } } }', { id: org.u2 }, elsewhere);
      expect(hidden.data?.organisation?.staffSizes ?? []).toEqual([]);
    });
  });

  it('refuses the same hours counted twice: a unit and the administration above it for overlapping periods', async () => {
    await reported({ organisationId: org.u1, periodStart: '2019-04-01' });
    expect(
      (await refused({ organisationId: org.forvaltning, periodKind: 'QUARTER', periodStart: '2019-04-01', periodEnd: '2019-06-30', staffCount: 10 })).message,
    ).toBe(
      'input.organisationId: "Hemtjänst Norr" (below it) already reports this indicator for 2019-04-01 – 2019-04-30: a report here would count those hours twice; report for the units, or withdraw their reports first',
    );
    const above = await reported({ organisationId: org.forvaltning, periodStart: '2019-05-01', staffCount: 10 });
    expect((await refused({ organisationId: org.u2, periodStart: '2019-05-01' })).message).toBe(
      'input.organisationId: "Socialförvaltningen" (above it) already reports this indicator for 2019-05-01 – 2019-05-31: a report here would count those hours twice; leave it to "Socialförvaltningen", or withdraw that report first',
    );
    await t.gql(
      'mutation($input: WithdrawBurdenReportInput!) { withdrawBurdenReport(input: $input) { id } }',
      { input: { id: above.id, reason: 'Enheterna rapporterar själva' } },
      reporter,
    );
    await reported({ organisationId: org.u2, periodStart: '2019-05-01' });
  });
});
