import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const INSTRUMENT = `mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) {
  id name kind amountSek conditions imposedBy { name } appliesTo { name } } }`;
const INDICATOR = 'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id name measureType instrument { name } } }';
const BURDEN = `mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) {
  id revision staffHours staffCount usedForImprovement perceivedUsefulness history { revision values } } }`;
const THIEF = 'mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id status } }';
const STATUS = 'mutation($input: UpdateTimeThiefStatusInput!) { updateTimeThiefStatus(input: $input) { id status statusHistory { status reason changedOn } } }';

describe('steering instruments, indicators, burden and time thieves', () => {
  let t: TestApp;
  let admin: string;
  let state: { id: string };
  let halland: { id: string };
  let unit: { id: string };
  let other: { id: string };
  let reporter: string;
  let instrumentId: string;
  let indicatorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    state = await makeOrganisation(t.ds, { name: 'Regeringen' });
    halland = await makeOrganisation(t.ds, { name: 'Region Halland' });
    unit = await makeOrganisation(t.ds, { name: 'Vårdcentral Falkenberg', parentId: halland.id });
    other = await makeOrganisation(t.ds, { name: 'Stockholms stad' });
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: halland.id })).token;

    const inst = await t.gql(
      INSTRUMENT,
      {
        input: {
          name: 'Sammanhållen vård och omsorg om de mest sjuka äldre (2012)',
          kind: 'STATE_SKL_AGREEMENT',
          governanceForm: 'EKONOMI',
          imposedById: state.id,
          appliesToIds: [halland.id, other.id],
          validFrom: '2012-01-01',
          validTo: null, // still in force: the reports below are for 2016–2020
          amountSek: 325_000_000,
          conditions: '10 % minskning av olämpliga läkemedel, september 2011 till september 2012',
        },
      },
      admin,
    );
    expect(inst.errors).toBeUndefined();
    instrumentId = inst.data!.createSteeringInstrument.id;
    const ind = await t.gql(
      INDICATOR,
      {
        input: {
          name: 'Riskbedömningar i Senior alert',
          instrumentId,
          measureType: 'PROCESS',
          aggregationLevel: 'UNIT',
          reportingFrequency: 'MONTHLY',
          paymentDependent: true,
          introducedOn: '2012-01-01',
        },
      },
      admin,
    );
    expect(ind.errors).toBeUndefined();
    indicatorId = ind.data!.defineIndicator.id;
  });
  afterAll(() => t.close());

  it('registers an agreement with its money, conditions and the organisations it applies to', async () => {
    const query = 'query($id: ID!) { steeringInstrument(id: $id) { amountSek appliesTo { name } indicators { name paymentDependent } } }';
    expect((await t.gql(query, { id: instrumentId }, admin)).data!.steeringInstrument).toEqual({
      amountSek: 325_000_000,
      appliesTo: [{ name: 'Region Halland' }, { name: 'Stockholms stad' }],
      indicators: [{ name: 'Riskbedömningar i Senior alert', paymentDependent: true }],
    });
    // The reporter for Halland sees the instrument, but of the organisations it applies to only its own.
    expect((await t.gql(query, { id: instrumentId }, reporter)).data!.steeringInstrument.appliesTo).toEqual([{ name: 'Region Halland' }]);
    const law = onlyError(
      await t.gql(
        INSTRUMENT,
        {
          input: {
            name: 'HSL',
            kind: 'LAW_OR_REGULATION',
            governanceForm: 'REGEL',
            imposedById: state.id,
            appliesToIds: [halland.id],
            validFrom: '2017-01-01',
            amountSek: 1,
          },
        },
        admin,
      ),
    );
    expect(law.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.amountSek' }] });
    const inForce = await t.gql('query($d: LocalDate) { indicators(filter: { inForceOn: $d }) { totalCount } }', { d: '2013-06-01' }, reporter);
    expect(inForce.data!.indicators.totalCount).toBe(1);
  });

  it('lets a reporter register instruments only for its own organisation', async () => {
    const own = await t.gql(
      INSTRUMENT,
      {
        input: {
          name: 'Regionens uppföljningsplan',
          kind: 'PRINCIPAL_FOLLOW_UP',
          governanceForm: 'PRESTATION',
          imposedById: halland.id,
          appliesToIds: [unit.id],
          validFrom: '2017-01-01',
        },
      },
      reporter,
    );
    expect(own.errors).toBeUndefined();
    const foreign = onlyError(
      await t.gql(
        INSTRUMENT,
        {
          input: {
            name: 'Stadens plan',
            kind: 'PRINCIPAL_FOLLOW_UP',
            governanceForm: 'PRESTATION',
            imposedById: other.id,
            appliesToIds: [other.id],
            validFrom: '2017-01-01',
          },
        },
        reporter,
      ),
    );
    expect(foreign.extensions!.code).toBe('NOT_FOUND');
  });

  describe('burden reports', () => {
    const base = (over: Record<string, unknown> = {}) => ({
      indicatorId,
      organisationId: unit.id,
      periodKind: 'MONTH',
      periodStart: '2017-03-01',
      periodEnd: '2017-03-31',
      staffHours: 12.5,
      staffCount: 4,
      doubleRegistration: true,
      usedForImprovement: 'PARTLY',
      perceivedUsefulness: 2,
      ...over,
    });

    it('replaces a period only with the revision it replaces and a reason, keeping the earlier values', async () => {
      const first = (await t.gql(BURDEN, { input: base() }, reporter)).data!.reportIndicatorBurden;
      // Sent again as a first report: refused, naming the revision to replace.
      const blind = onlyError(await t.gql(BURDEN, { input: base({ staffHours: 99 }) }, reporter));
      expect(blind.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.expectedRevision' }] });
      expect(blind.message).toMatch(/exists \(revision 1\): to replace it, send expectedRevision: 1 and a reason/);
      const noReason = onlyError(await t.gql(BURDEN, { input: base({ staffHours: 14, expectedRevision: 1 }) }, reporter));
      expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.reason' }] });
      const again = await t.gql(
        BURDEN,
        { input: base({ staffHours: 14, perceivedUsefulness: 1, expectedRevision: 1, reason: 'Räknade fel timmar' }) },
        reporter,
      );
      expect(again.errors).toBeUndefined();
      // Another reporter still holding revision 1 cannot overwrite it unseen.
      const stale = onlyError(await t.gql(BURDEN, { input: base({ staffHours: 3, expectedRevision: 1, reason: 'Min siffra' }) }, admin));
      expect([stale.extensions!.code, stale.message]).toEqual(['CONFLICT', expect.stringMatching(/at revision 2, not 1/)]);
      const other = onlyError(
        await t.gql(BURDEN, { input: base({ periodStart: '2016-01-01', periodEnd: '2016-01-31', expectedRevision: 1, reason: 'x' }) }, reporter),
      );
      expect([other.extensions!.code, other.message]).toEqual(['CONFLICT', expect.stringMatching(/no report .* to replace/)]);
      expect(again.data!.reportIndicatorBurden).toMatchObject({ id: first.id, revision: 2, staffHours: 14, perceivedUsefulness: 1 });
      expect(again.data!.reportIndicatorBurden.history).toEqual([
        { revision: 1, values: expect.objectContaining({ staffHours: 12.5, perceivedUsefulness: 2, usedForImprovement: 'PARTLY' }) },
      ]);
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM burden_report WHERE indicator_id = $1 AND organisation_id = $2', [indicatorId, unit.id]);
      expect(n).toBe(1);
    });

    it('refuses a period that overlaps another report for the same indicator and unit', async () => {
      const overlap = onlyError(await t.gql(BURDEN, { input: base({ periodKind: 'QUARTER', periodStart: '2017-01-01', periodEnd: '2017-03-31' }) }, reporter));
      expect(overlap.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.periodStart' }] });
      expect(overlap.message).toMatch(/2017-03-01 – 2017-03-31/);
      expect((await t.gql(BURDEN, { input: base({ periodStart: '2017-04-01', periodEnd: '2017-04-30' }) }, reporter)).errors).toBeUndefined();
    });

    it('checks that a period is a whole calendar month, quarter or year', async () => {
      const midMonth = onlyError(await t.gql(BURDEN, { input: base({ periodStart: '2017-05-15', periodEnd: '2017-06-14' }) }, reporter));
      expect(midMonth.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.periodStart' }] });
      const wrongEnd = onlyError(await t.gql(BURDEN, { input: base({ periodKind: 'QUARTER', periodStart: '2018-04-01', periodEnd: '2018-05-31' }) }, reporter));
      expect(wrongEnd.message).toMatch(/quarter starting 2018-04-01 ends 2018-06-30/);
      const leap = await t.gql(BURDEN, { input: base({ periodStart: '2020-02-01', periodEnd: '2020-02-29' }) }, reporter);
      expect(leap.errors).toBeUndefined();
    });

    it('lets a reporter write and read only for its own organisation', async () => {
      const foreign = onlyError(
        await t.gql(BURDEN, { input: base({ organisationId: other.id, periodStart: '2017-07-01', periodEnd: '2017-07-31' }) }, reporter),
      );
      expect(foreign.extensions!.code).toBe('NOT_FOUND');
      await t.gql(BURDEN, { input: base({ organisationId: other.id, periodStart: '2017-07-01', periodEnd: '2017-07-31' }) }, admin);
      const mine = await t.gql('{ burdenReports(first: 100) { edges { node { organisation { name } } } } }', {}, reporter);
      expect(new Set(mine.data!.burdenReports.edges.map((e: any) => e.node.organisation.name))).toEqual(new Set(['Vårdcentral Falkenberg']));
      const all = await t.gql('{ burdenReports(first: 100) { totalCount } }', {}, admin);
      expect(all.data!.burdenReports.totalCount).toBeGreaterThan(mine.data!.burdenReports.edges.length);
    });

    it('lets researchers report for the organisations in the pilots they follow, and only those', async () => {
      const researcher = await userWithToken(t, { role: Role.RESEARCHER });
      await makePilot(t.ds, { code: 'REP-1' }, [{ organisationId: halland.id, level: SteeringLevel.POLITICAL_PRINCIPAL }], [{ userId: researcher.user.id }]);
      expect((await t.gql(BURDEN, { input: base({ periodStart: '2017-08-01', periodEnd: '2017-08-31' }) }, researcher.token)).errors).toBeUndefined();
      const outside = onlyError(
        await t.gql(BURDEN, { input: base({ organisationId: other.id, periodStart: '2017-08-01', periodEnd: '2017-08-31' }) }, researcher.token),
      );
      expect(outside.extensions!.code).toBe('FORBIDDEN');
    });

    it('resolves indicators, organisations and history with a constant number of SQL statements', async () => {
      const q = `query($f: BurdenReportFilter) { burdenReports(first: 100, filter: $f) { edges { node { periodStart
        indicator { name instrument { name appliesTo { name } } } organisation { name } history { revision } } } } }`;
      const measure = async (months: string[]) => {
        for (const m of months)
          await t.gql(
            BURDEN,
            { input: base({ periodStart: `2019-${m}-01`, periodEnd: new Date(Date.UTC(2019, Number(m), 0)).toISOString().slice(0, 10) }) },
            admin,
          );
        t.queries.reset();
        const res = await t.gql(q, { f: { from: '2019-01-01', to: '2019-12-31' } }, admin);
        expect(res.errors).toBeUndefined();
        return t.queries.reset();
      };
      expect(await measure(['01', '02'])).toBe(await measure(['03', '04', '05', '06', '07', '08']));
    });

    it('stores a batch all or none, names the failing report by its place, and stores a retried batch once', async () => {
      const BATCH = 'mutation($input: ReportIndicatorBurdenBatchInput!) { reportIndicatorBurdenBatch(input: $input) { id periodStart staffHours } }';
      const month = (m: number) => ({ periodStart: `2014-0${m}-01`, periodEnd: new Date(Date.UTC(2014, m, 0)).toISOString().slice(0, 10) });
      const centre = await makeOrganisation(t.ds, { name: 'Vårdcentral Varberg', parentId: halland.id });
      const count = async () => (await t.asSuperuser(`SELECT count(*)::int AS n FROM burden_report WHERE organisation_id = $1`, [centre.id]))[0].n;
      const reports = [1, 2, 3, 4].map((m) => base({ ...month(m), organisationId: centre.id, clientId: randomUUID(), staffHours: m }));

      // The third claims more hours than four staff could work in a month: nothing is stored.
      const tooMany = onlyError(await t.gql(BATCH, { input: { reports: reports.map((r, i) => (i === 2 ? { ...r, staffHours: 10_000 } : r)) } }, reporter));
      expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.reports.2.staffHours' }] });
      expect(await count()).toBe(0);
      // A report for an organisation the reporter does not report for: not found for them (as for one report), nothing stored.
      const foreign = onlyError(await t.gql(BATCH, { input: { reports: [...reports, base({ ...month(5), organisationId: other.id })] } }, reporter));
      expect([foreign.extensions!.code, foreign.message]).toEqual(['NOT_FOUND', expect.stringMatching(/^input\.reports\.4: /)]);
      expect(await count()).toBe(0);
      // A bad period is named before anything is checked in the database.
      const midMonth = onlyError(
        await t.gql(
          BATCH,
          { input: { reports: [reports[0], base({ organisationId: centre.id, periodStart: '2014-05-15', periodEnd: '2014-06-14' })] } },
          reporter,
        ),
      );
      expect(midMonth.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: expect.stringMatching(/^input\.reports\.1\.period/) }] });

      const stored = (await t.gql(BATCH, { input: { reports } }, reporter)).data!.reportIndicatorBurdenBatch;
      expect(stored.map((r: { staffHours: number }) => r.staffHours)).toEqual([1, 2, 3, 4]);
      const retried = (await t.gql(BATCH, { input: { reports } }, reporter)).data!.reportIndicatorBurdenBatch;
      expect(retried.map((r: { id: string }) => r.id)).toEqual(stored.map((r: { id: string }) => r.id));
      expect(await count()).toBe(4);
      const [{ n: audited }] = await t.asSuperuser(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'BURDEN_REPORT' AND action = 'CREATE' AND entity_id = ANY($1::uuid[])`,
        [stored.map((r: { id: string }) => r.id)],
      );
      expect(audited).toBe(4);
      const tooLarge = onlyError(await t.gql(BATCH, { input: { reports: Array.from({ length: 1_001 }, () => base()) } }, reporter));
      expect(tooLarge.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.reports' }] });

      // Conflicts inside one batch are found as if its reports were stored one by one.
      const twice = onlyError(
        await t.gql(
          BATCH,
          { input: { reports: [base({ ...month(7), organisationId: centre.id }), base({ ...month(7), organisationId: centre.id })] } },
          reporter,
        ),
      );
      expect(twice.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.reports.1.expectedRevision' }] });
      const quarter = onlyError(
        await t.gql(
          BATCH,
          {
            input: {
              reports: [
                base({ ...month(7), organisationId: centre.id }),
                base({ organisationId: centre.id, periodKind: 'QUARTER', periodStart: '2014-07-01', periodEnd: '2014-09-30' }),
              ],
            },
          },
          reporter,
        ),
      );
      expect(quarter.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.reports.1.periodStart' }] });
      const levels = onlyError(
        await t.gql(
          BATCH,
          { input: { reports: [base({ ...month(8), organisationId: centre.id }), base({ ...month(8), organisationId: halland.id, staffCount: 40 })] } },
          admin,
        ),
      );
      expect(levels.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.reports.1.organisationId', message: expect.stringMatching(/^"Vårdcentral Varberg" \(below it\) already reports/) }],
      });
      // A batch mixing a retried report with new ones: the retried one is the stored one, the new ones are added.
      const mixed = (
        await t.gql(BATCH, { input: { reports: [reports[1], base({ ...month(9), organisationId: centre.id, clientId: randomUUID() })] } }, reporter)
      ).data!.reportIndicatorBurdenBatch;
      expect(mixed[0].id).toBe(stored[1].id);
      expect(await count()).toBe(5);
      // The rollup moved by exactly what was stored.
      const [rollup] = await t.asSuperuser(
        `SELECT bool_and(t.reports = s.reports AND t.staff_hours = s.staff_hours) AS equal FROM burden_period_total t
           JOIN (SELECT indicator_id, period_start, period_end, count(*)::int AS reports, sum(staff_hours) AS staff_hours FROM burden_report
                  WHERE withdrawn_at IS NULL GROUP BY 1, 2, 3) s USING (indicator_id, period_start, period_end)
          WHERE t.indicator_id = $1`,
        [indicatorId],
      );
      expect(rollup.equal).toBe(true);
    });
  });

  describe('time thieves', () => {
    let id: string;
    beforeAll(async () => {
      const res = await t.gql(
        THIEF,
        {
          input: {
            organisationId: unit.id,
            task: 'Avvikelserapport när ett besök drar över två minuter',
            process: 'Hemtjänstbesök',
            imposedByOrganisationId: halland.id,
            minutesPerWeek: 45,
            staffAffected: 30,
            proposedRemedy: 'Ta bort kravet',
            reportedOn: '2017-04-03',
          },
        },
        reporter,
      );
      expect(res.errors).toBeUndefined();
      id = res.data!.reportTimeThief.id;
    });

    it('moves through review to a decision, each change dated, and keeps the history', async () => {
      await t.gql(STATUS, { input: { id, status: 'UNDER_REVIEW', changedOn: '2017-05-01' } }, reporter);
      const kept = onlyError(await t.gql(STATUS, { input: { id, status: 'KEPT', changedOn: '2017-06-01' } }, reporter));
      expect(kept.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.reason' }] });
      const early = onlyError(await t.gql(STATUS, { input: { id, status: 'REMOVED', changedOn: '2017-04-01' } }, reporter));
      expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.changedOn' }] });
      const removed = await t.gql(STATUS, { input: { id, status: 'REMOVED', changedOn: '2017-06-01' } }, reporter);
      expect(removed.data!.updateTimeThiefStatus.statusHistory).toEqual([
        { status: 'REPORTED', reason: null, changedOn: '2017-04-03' },
        { status: 'UNDER_REVIEW', reason: null, changedOn: '2017-05-01' },
        { status: 'REMOVED', reason: null, changedOn: '2017-06-01' },
      ]);
      const again = onlyError(await t.gql(STATUS, { input: { id, status: 'KEPT', reason: 'Lagkrav', changedOn: '2017-07-01' } }, reporter));
      expect(again.extensions!.code).toBe('CONFLICT');
    });

    it('is hidden from reporters of other organisations', async () => {
      const stranger = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: other.id })).token;
      expect((await t.gql('{ timeThieves { totalCount } }', {}, stranger)).data!.timeThieves.totalCount).toBe(0);
      expect(onlyError(await t.gql(STATUS, { input: { id, status: 'UNDER_REVIEW', changedOn: '2018-01-01' } }, stranger)).extensions!.code).toBe('NOT_FOUND');
    });
  });

  it('audits every write', async () => {
    const log = await t.gql(
      'query { auditLog(first: 100, filter: { entity: [STEERING_INSTRUMENT, INDICATOR, BURDEN_REPORT, TIME_THIEF] }) { edges { node { entity action } } } }',
      {},
      admin,
    );
    const seen = new Set(log.data!.auditLog.edges.map((e: any) => `${e.node.entity} ${e.node.action}`));
    for (const s of [
      'STEERING_INSTRUMENT CREATE',
      'INDICATOR CREATE',
      'BURDEN_REPORT CREATE',
      'BURDEN_REPORT UPDATE',
      'TIME_THIEF CREATE',
      'TIME_THIEF UPDATE',
    ]) {
      expect([s, seen.has(s)]).toEqual([s, true]);
    }
  });
});
