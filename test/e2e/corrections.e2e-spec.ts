import { parse } from 'csv-parse/sync';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { exactTotals } from '../utils/exact-totals';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const BURDEN = 'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id revision } }';
const WITHDRAW = 'mutation($input: WithdrawBurdenReportInput!) { withdrawBurdenReport(input: $input) { id withdrawnAt withdrawReason } }';
const RESTORE = 'mutation($input: RestoreBurdenReportInput!) { restoreBurdenReport(input: $input) { id withdrawnAt withdrawReason } }';
const SERIES = 'query($input: BurdenSeriesInput!) { burdenSeries(input: $input) { bucketStart staffHours reports } }';

/** Every record can be corrected, with a reason, and the correction reaches every result at once. */
describe('corrections', () => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let analyst: string;
  let pilotId: string;
  let units: string[];
  let indicatorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    units = [(await makeOrganisation(t.ds, { name: 'U1', parentId: kommun.id })).id, (await makeOrganisation(t.ds, { name: 'U2', parentId: kommun.id })).id];
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    pilotId = (
      await makePilot(t.ds, { code: 'KORR-1', startsOn: '2018-01-01', endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const instrument = await t.gql(
      'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
      {
        input: {
          name: 'Uppföljning',
          kind: 'PRINCIPAL_FOLLOW_UP',
          governanceForm: 'PRESTATION',
          imposedById: kommun.id,
          appliesToIds: units,
          validFrom: '2018-01-01',
        },
      },
      admin,
    );
    indicatorId = (
      await t.gql(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        {
          input: {
            name: 'Mått',
            instrumentId: instrument.data!.createSteeringInstrument.id,
            measureType: 'PROCESS',
            aggregationLevel: 'UNIT',
            reportingFrequency: 'MONTHLY',
            paymentDependent: false,
            introducedOn: '2018-01-01',
          },
        },
        admin,
      )
    ).data!.defineIndicator.id;
  });
  afterAll(() => t.close());

  const report = async (unit: number, month: number, staffHours: number) => {
    const start = `2019-0${month}-01`;
    const end = new Date(Date.UTC(2019, month, 0)).toISOString().slice(0, 10);
    const res = await t.gql(
      BURDEN,
      {
        input: {
          indicatorId,
          organisationId: units[unit],
          periodKind: 'MONTH',
          periodStart: start,
          periodEnd: end,
          staffHours,
          staffCount: 3,
          usedForImprovement: 'PARTLY',
        },
      },
      reporter,
    );
    if (res.errors) throw new Error(res.text);
    return res.data!.reportIndicatorBurden.id as string;
  };
  /** The first quarter's staff hours: for the pilot (read from the reports) and nationwide (from the rollup). */
  const quarter = async () => {
    const input = { from: '2019-01-01', to: '2019-03-31', bucket: 'QUARTER' };
    const pilot = (await t.gql(SERIES, { input: { ...input, pilotId } }, admin)).data!.burdenSeries[0];
    const national = (await t.gql(SERIES, { input }, admin)).data!.burdenSeries[0];
    return { pilot: pilot?.staffHours ?? 0, national: national?.staffHours ?? 0, reports: pilot?.reports ?? 0 };
  };

  describe('a mistaken burden report', () => {
    let mistaken: string;
    beforeAll(async () => {
      for (const m of [1, 2, 3]) await report(0, m, 30);
      for (const m of [1, 2]) await report(1, m, 20);
      mistaken = await report(1, 3, 400); // 40 typed as 400
    });

    it('is refused at the door when it cannot be true (4000 hours for 3 staff in a month)', async () => {
      const start = '2019-03-01';
      const impossible = onlyError(
        await t.gql(
          BURDEN,
          {
            input: {
              indicatorId,
              organisationId: units[1],
              periodKind: 'MONTH',
              periodStart: start,
              periodEnd: '2019-03-31',
              staffHours: 4000,
              staffCount: 3,
              usedForImprovement: 'PARTLY',
              expectedRevision: 1,
              reason: 'x',
            },
          },
          reporter,
        ),
      );
      expect(impossible.message).toBe(
        'input.staffHours: 4000 hours is more than 3 staff can work in 31 days at 40 hours a week (WORKING_HOURS_PER_WEEK): at most 531.4',
      );
    });

    it('is taken out of every result and the rollup at once, restoring the quarter’s hours exactly', async () => {
      expect(await quarter()).toEqual({ pilot: 530, national: 530, reports: 6 });
      const noReason = onlyError(await t.gql(WITHDRAW, { input: { id: mistaken, reason: '  ' } }, reporter));
      expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.reason' }] });
      const withdrawn = await t.gql(WITHDRAW, { input: { id: mistaken, reason: 'Skrivfel: 40 timmar, inte 400' } }, reporter);
      expect(withdrawn.data!.withdrawBurdenReport).toMatchObject({ withdrawnAt: expect.any(String), withdrawReason: 'Skrivfel: 40 timmar, inte 400' });
      expect(await quarter()).toEqual({ pilot: 130, national: 130, reports: 5 });
      const drift = await t.asSuperuser(`SELECT 1 FROM burden_period_total t FULL JOIN (
          SELECT indicator_id, period_start, period_end, count(*)::int AS reports, sum(staff_hours) AS staff_hours FROM burden_report
           WHERE withdrawn_at IS NULL GROUP BY 1, 2, 3) r USING (indicator_id, period_start, period_end)
        WHERE coalesce(t.reports, 0) IS DISTINCT FROM coalesce(r.reports, 0) OR coalesce(t.staff_hours, 0) IS DISTINCT FROM coalesce(r.staff_hours, 0)`);
      expect(drift).toEqual([]);
      // Withdrawing again changes nothing.
      await t.gql(WITHDRAW, { input: { id: mistaken, reason: 'igen' } }, reporter);
      expect(await quarter()).toEqual({ pilot: 130, national: 130, reports: 5 });
    });

    it('stays in history with its reason, for admins and its reporters only, and in no list, export or count for others', async () => {
      const listed = (token: string, withdrawn: boolean) =>
        t.gql('query($w: Boolean) { burdenReports(filter: { withdrawn: $w }) { edges { node { id withdrawReason } } } }', { w: withdrawn }, token);
      for (const token of [admin, reporter]) {
        expect((await listed(token, true)).data!.burdenReports.edges).toEqual([{ node: { id: mistaken, withdrawReason: 'Skrivfel: 40 timmar, inte 400' } }]);
        expect((await listed(token, false)).data!.burdenReports.edges.map((e: any) => e.node.id)).not.toContain(mistaken);
      }
      expect((await listed(analyst, true)).data!.burdenReports.edges).toEqual([]);
      const csv = await (await fetch(`${t.url}/export/burden-reports.csv`, { headers: { authorization: `Bearer ${analyst}` } })).text();
      expect((parse(csv, { columns: true }) as { report_id: string }[]).map((r) => r.report_id)).not.toContain(mistaken);
      const audit = await t.gql('query($id: ID) { auditLog(filter: { entityId: $id }) { edges { node { action reason changes } } } }', { id: mistaken }, admin);
      const [latest] = audit.data!.auditLog.edges.map((e: any) => e.node);
      expect(latest).toMatchObject({
        action: 'DELETE',
        reason: 'Skrivfel: 40 timmar, inte 400',
        changes: { withdrawReason: { before: null, after: 'Skrivfel: 40 timmar, inte 400' } },
      });
    });

    it('can be restored with a reason, and replaced by the right value', async () => {
      const restored = await t.gql(RESTORE, { input: { id: mistaken, reason: 'Återställd för att rätta värdet' } }, reporter);
      expect(restored.data!.restoreBurdenReport).toMatchObject({ withdrawnAt: null, withdrawReason: null });
      expect(await quarter()).toEqual({ pilot: 530, national: 530, reports: 6 });
      const fixed = await t.gql(
        BURDEN,
        {
          input: {
            indicatorId,
            organisationId: units[1],
            periodKind: 'MONTH',
            periodStart: '2019-03-01',
            periodEnd: '2019-03-31',
            staffHours: 40,
            staffCount: 3,
            usedForImprovement: 'PARTLY',
            expectedRevision: 1,
            reason: 'Rätt värde: 40',
          },
        },
        reporter,
      );
      expect(fixed.data!.reportIndicatorBurden).toEqual({ id: mistaken, revision: 2 });
      expect(await quarter()).toEqual({ pilot: 170, national: 170, reports: 6 });
    });

    it('cannot be withdrawn by someone who does not report for its organisation', async () => {
      const elsewhere = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: (await makeOrganisation(t.ds)).id })).token;
      expect(onlyError(await t.gql(WITHDRAW, { input: { id: mistaken, reason: 'x' } }, elsewhere)).extensions!.code).toBe('NOT_FOUND');
      expect(onlyError(await t.gql(WITHDRAW, { input: { id: mistaken, reason: 'x' } }, analyst)).extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('a mistaken batch of survey responses', () => {
    const SUBMIT = 'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored batchId alreadySubmitted } }';
    const CORRECT = (m: string) => `mutation($input: CorrectSurveyBatchInput!) { ${m}(input: $input) { id responseCount withdrawnAt withdrawReason } }`;
    let waveId: string;
    let good: string;
    let mistaken: string;
    const today = new Date().toISOString().slice(0, 10);
    const answers = (v: number) => Array.from({ length: 16 }, (_, i) => (i === 4 || i === 5 ? 50 : v));
    const batch = (v: number, clientId?: string) => ({
      waveId,
      clientId,
      responses: Array.from({ length: 6 }, () => ({ unitId: units[0], category: 'FRONT_LINE_STAFF', answers: answers(v) })),
    });
    const counted = async () => ({
      responses: (await t.gql('query($p: ID) { surveyWaves(filter: { pilotId: $p }) { edges { node { responseCount } } } }', { p: pilotId }, admin)).data!
        .surveyWaves.edges[0].node.responseCount,
      scored:
        (await exactTotals(t, { pilotIds: [pilotId], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, dimensions: ['DECISION_AUTHORITY'] })).find(
          (c) => c.src === 'cell',
        )?.n ?? 0,
    });

    beforeAll(async () => {
      const wave = await t.gql(
        'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
        {
          input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Baslinje', opensOn: today, closesOn: today, unitIds: units },
        },
        admin,
      );
      waveId = wave.data!.openSurveyWave.id;
      const clientId = randomUUID();
      good = (await t.gql(SUBMIT, { input: batch(4, clientId) }, reporter)).data!.submitSurveyResponses.batchId;
      // The same call retried (a lost answer): recognised by its clientId, nothing stored twice.
      expect((await t.gql(SUBMIT, { input: batch(4, clientId) }, reporter)).data!.submitSurveyResponses).toEqual({
        stored: 0,
        batchId: good,
        alreadySubmitted: true,
      });
      mistaken = (await t.gql(SUBMIT, { input: batch(1) }, reporter)).data!.submitSurveyResponses.batchId; // typed into the wrong wave
    });

    it('is withdrawn by an admin with a reason, and leaves results and counts at once', async () => {
      expect(await counted()).toEqual({ responses: 12, scored: 12 });
      expect(onlyError(await t.gql(CORRECT('withdrawSurveyBatch'), { input: { id: mistaken, reason: 'Fel våg' } }, reporter)).extensions!.code).toBe(
        'FORBIDDEN',
      );
      const withdrawn = await t.gql(CORRECT('withdrawSurveyBatch'), { input: { id: mistaken, reason: 'Fel våg: svaren hör till enhet U2:s enkät' } }, admin);
      expect(withdrawn.data!.withdrawSurveyBatch).toMatchObject({ id: mistaken, responseCount: 6, withdrawnAt: expect.any(String) });
      expect(await counted()).toEqual({ responses: 6, scored: 6 });
      const audit = await t.gql('query($id: ID) { auditLog(filter: { entityId: $id }) { edges { node { entity action reason } } } }', { id: mistaken }, admin);
      expect(audit.data!.auditLog.edges[0].node).toEqual({ entity: 'SURVEY_BATCH', action: 'DELETE', reason: 'Fel våg: svaren hör till enhet U2:s enkät' });
      // The reporter sees its own batches with the reason; the good one untouched.
      const listed = await t.gql(
        'query($p: ID) { surveyWaves(filter: { pilotId: $p }) { edges { node { batches { id source responseCount withdrawReason } } } } }',
        { p: pilotId },
        reporter,
      );
      expect(listed.data!.surveyWaves.edges[0].node.batches).toEqual([
        { id: mistaken, source: 'API', responseCount: 6, withdrawReason: 'Fel våg: svaren hör till enhet U2:s enkät' },
        { id: good, source: 'API', responseCount: 6, withdrawReason: null },
      ]);
      await t.gql(CORRECT('restoreSurveyBatch'), { input: { id: mistaken, reason: 'Återställd för prov' } }, admin);
      expect(await counted()).toEqual({ responses: 12, scored: 12 });
      await t.gql(CORRECT('withdrawSurveyBatch'), { input: { id: mistaken, reason: 'Fel våg' } }, admin);
      expect(await counted()).toEqual({ responses: 6, scored: 6 });
    });
  });
});
