import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Survey waves, indicators, steering instruments and time thieves: corrected with a reason, versioned, in the audit trail. */
describe('record corrections', () => {
  let t: TestApp;
  let admin: string;
  let researcher: string;
  let reporter: string;
  let otherReporter: string;
  let analyst: string;
  let kommunId: string;
  let pilotId: string;
  let units: string[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    kommunId = kommun.id;
    units = [(await makeOrganisation(t.ds, { name: 'U1', parentId: kommun.id })).id, (await makeOrganisation(t.ds, { name: 'U2', parentId: kommun.id })).id];
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    otherReporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: units[1] })).token;
    const r = await userWithToken(t, { role: Role.RESEARCHER });
    researcher = r.token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'KORR-2', startsOn: '2018-01-01', endsOn: null },
        [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: r.user.id, fromDate: '2018-01-01' }],
      )
    ).id;
  });
  afterAll(() => t.close());

  const ok = async (query: string, input: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, { input }, token);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as any;
  };
  const fails = async (query: string, input: Record<string, unknown>, token: string) => {
    const e = onlyError(await t.gql(query, { input }, token));
    return { code: e.extensions!.code, message: e.message };
  };
  const audit = async (entityId: string) =>
    (
      await t.gql('query($id: ID) { auditLog(filter: { entityId: $id }) { edges { node { action reason changes } } } }', { id: entityId }, admin)
    ).data!.auditLog.edges.map((e: any) => e.node);

  describe('survey waves', () => {
    const OPEN = 'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id closesOn closedAt } }';
    const CLOSE = 'mutation($input: CloseSurveyWaveInput!) { closeSurveyWave(input: $input) { id closedAt } }';
    const REOPEN = 'mutation($input: ReopenSurveyWaveInput!) { reopenSurveyWave(input: $input) { id closesOn closedAt } }';
    const DELETE = 'mutation($input: DeleteSurveyWaveInput!) { deleteSurveyWave(input: $input) }';
    const SUBMIT = 'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }';
    const wave = (label: string, unitIds: string[], opensOn = day(-3), closesOn = day(3)) => ({
      pilotId,
      instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
      label,
      opensOn,
      closesOn,
      unitIds,
    });
    const response = { unitId: units?.[0], category: 'FRONT_LINE_STAFF', answers: Array(16).fill(3) };

    it('refuses a twin: same label, pilot, overlapping dates and a shared unit', async () => {
      const first = await ok(OPEN, wave('Uppföljning 1', [units[0]]), researcher);
      expect(await fails(OPEN, wave(' uppföljning 1', units, day(2), day(20)), admin)).toEqual({
        code: 'CONFLICT',
        message: `Wave ${first.id} ("Uppföljning 1", ${day(-3)} to ${day(3)}) already surveys one of these units under this label in overlapping dates; use it, or give this wave another label or other dates`,
      });
      // Another unit, other dates or another label is another wave.
      await ok(OPEN, wave('Uppföljning 1', [units[1]]), admin);
      await ok(OPEN, wave('Uppföljning 1', [units[0]], day(4), day(9)), admin);
      await ok(OPEN, wave('Uppföljning 2', [units[0]]), admin);
    });

    it('deletes an empty wave with a reason, and keeps one with responses', async () => {
      const empty = await ok(OPEN, wave('Felstavad', [units[0]]), researcher);
      expect(await fails(DELETE, { id: empty.id, reason: '   ' }, researcher)).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('reason must say why'),
      });
      expect(await ok(DELETE, { id: empty.id, reason: 'Fel namn' }, researcher)).toBe(empty.id);
      expect(await audit(empty.id)).toContainEqual(expect.objectContaining({ action: 'DELETE', reason: 'Fel namn' }));
      expect((await fails(DELETE, { id: empty.id, reason: 'igen' }, researcher)).code).toBe('NOT_FOUND');

      const used = await ok(OPEN, wave('Med svar', [units[0]]), researcher);
      await ok(SUBMIT, { waveId: used.id, responses: [{ ...response, unitId: units[0] }] }, admin);
      expect(await fails(DELETE, { id: used.id, reason: 'Fel' }, researcher)).toEqual({
        code: 'CONFLICT',
        message: 'The wave has 1 responses in 1 batches (withdrawn ones included) and stays in the record: close it instead',
      });
    });

    it('closes and reopens with a reason; a wave past its last day needs a new one', async () => {
      const w = await ok(OPEN, wave('Stängs', [units[0]], day(-10), day(5)), researcher);
      expect((await ok(CLOSE, { id: w.id, reason: 'Fel enkätversion skickades ut' }, researcher)).closedAt).toBeTruthy();
      expect((await fails(SUBMIT, { waveId: w.id, responses: [{ ...response, unitId: units[0] }] }, admin)).code).toBe('CONFLICT');
      const reopened = await ok(REOPEN, { id: w.id, reason: 'Rätt version skickad' }, researcher);
      expect(reopened).toEqual({ id: w.id, closesOn: day(5), closedAt: null });
      expect(await ok(SUBMIT, { waveId: w.id, responses: [{ ...response, unitId: units[0] }] }, admin)).toEqual({ stored: 1 });
      expect((await audit(w.id)).filter((a: any) => a.reason).map((a: any) => [a.action, a.reason, Object.keys(a.changes)])).toEqual([
        ['UPDATE', 'Rätt version skickad', ['closedAt']],
        ['UPDATE', 'Fel enkätversion skickades ut', ['closedAt']],
      ]);

      const past = await ok(OPEN, wave('Passerad', [units[0]], day(-20), day(-10)), researcher);
      expect(await fails(REOPEN, { id: past.id, reason: 'Förläng' }, researcher)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `input.closesOn: is required: the wave's last day (${day(-10)}) has passed; give a new one, today (${day(0)}) or later`,
      });
      expect((await fails(REOPEN, { id: past.id, reason: 'Förläng', closesOn: day(-1) }, researcher)).message).toBe(
        `input.closesOn: must be today (${day(0)}) or later to reopen the wave`,
      );
      expect(await ok(REOPEN, { id: past.id, reason: 'Förlängd två veckor', closesOn: day(14) }, researcher)).toEqual({
        id: past.id,
        closesOn: day(14),
        closedAt: null,
      });
      // Analysts schedule no wave; a reporter of another unit cannot see it; the unit's own reporter may close it.
      expect((await fails(CLOSE, { id: past.id, reason: 'x' }, analyst)).code).toBe('FORBIDDEN');
      expect((await fails(CLOSE, { id: past.id, reason: 'x' }, otherReporter)).code).toBe('NOT_FOUND');
      expect((await ok(CLOSE, { id: past.id, reason: 'Klar' }, reporter)).closedAt).toEqual(expect.any(String));
    });
  });

  describe('indicators and steering instruments', () => {
    const INSTRUMENT = 'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id version } }';
    const UPDATE_INSTRUMENT =
      'mutation($input: UpdateSteeringInstrumentInput!) { updateSteeringInstrument(input: $input) { id name validTo version appliesTo { id } } }';
    const CLOSE_INSTRUMENT = 'mutation($input: CloseSteeringInstrumentInput!) { closeSteeringInstrument(input: $input) { id validTo version } }';
    const DEFINE = 'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id version } }';
    const UPDATE =
      'mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id name retiredOn reportingFrequency version history { action reason changes } } }';
    const BURDEN = 'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }';
    let instrumentId: string;
    let indicatorId: string;

    beforeAll(async () => {
      instrumentId = (
        await ok(
          INSTRUMENT,
          {
            name: 'Kvalitetsuppföljning',
            kind: 'PRINCIPAL_FOLLOW_UP',
            governanceForm: 'PRESTATION',
            imposedById: kommunId,
            appliesToIds: units,
            validFrom: '2018-01-01',
          },
          reporter,
        )
      ).id;
      indicatorId = (
        await ok(
          DEFINE,
          {
            name: 'Antal avvikelser',
            instrumentId,
            measureType: 'PROCESS',
            aggregationLevel: 'UNIT',
            reportingFrequency: 'MONTHLY',
            paymentDependent: false,
            introducedOn: '2018-01-01',
          },
          reporter,
        )
      ).id;
      await ok(
        BURDEN,
        {
          indicatorId,
          organisationId: units[0],
          periodKind: 'MONTH',
          periodStart: '2019-06-01',
          periodEnd: '2019-06-30',
          staffHours: 10,
          staffCount: 2,
          usedForImprovement: 'NO',
        },
        reporter,
      );
    });

    it('retires an indicator with the version read and a reason; its history shows why', async () => {
      const stale = await fails(UPDATE, { id: indicatorId, expectedVersion: 7, reason: 'Färre mått', retiredOn: '2019-12-31' }, reporter);
      expect(stale).toEqual({
        code: 'CONFLICT',
        message: 'The indicator is at version 1, not 7: someone changed it since you read it; read it again and redo your correction',
      });
      expect(await fails(UPDATE, { id: indicatorId, expectedVersion: 1, reason: 'Färre mått', retiredOn: '2019-03-31' }, reporter)).toEqual({
        code: 'CONFLICT',
        message:
          "1 report(s) cover periods outside the indicator's new dates (the first: 2019-06-01 – 2019-06-30); withdraw them first, or choose dates that hold them",
      });
      expect(await fails(UPDATE, { id: indicatorId, expectedVersion: 1, reason: 'x', name: null }, reporter)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'input.name: cannot be null: leave it out to keep the current value',
      });
      const retired = await ok(
        UPDATE,
        { id: indicatorId, expectedVersion: 1, reason: 'Färre och mer samlade mått (SOU 2017:56)', retiredOn: '2019-12-31' },
        reporter,
      );
      expect(retired).toMatchObject({ retiredOn: '2019-12-31', version: 2 });
      expect(retired.history.map((h: any) => [h.action, h.reason])).toEqual([
        ['CREATE', null],
        ['UPDATE', 'Färre och mer samlade mått (SOU 2017:56)'],
      ]);
      expect(retired.history[1].changes).toEqual({ retiredOn: { before: null, after: '2019-12-31' }, version: { before: 1, after: 2 } });
      // Analysts read it, but do not correct it; a reporter for only one of its units neither.
      expect((await fails(UPDATE, { id: indicatorId, expectedVersion: 2, reason: 'x', name: 'y' }, analyst)).code).toBe('FORBIDDEN');
      expect(await fails(UPDATE, { id: indicatorId, expectedVersion: 2, reason: 'x', name: 'y' }, otherReporter)).toEqual({
        code: 'FORBIDDEN',
        message: 'You correct an indicator only if you report for every organisation its instrument applies to; ask an admin',
      });
    });

    it('corrects and closes a steering instrument, versioned', async () => {
      const renamed = await ok(
        UPDATE_INSTRUMENT,
        { id: instrumentId, expectedVersion: 1, reason: 'Stavfel', name: 'Kvalitetsuppföljningen', appliesToIds: [units[0]] },
        admin,
      );
      expect(renamed).toEqual({ id: instrumentId, name: 'Kvalitetsuppföljningen', validTo: null, version: 2, appliesTo: [{ id: units[0] }] });
      expect(await fails(CLOSE_INSTRUMENT, { id: instrumentId, expectedVersion: 2, reason: 'Upphör', validTo: '2019-05-31' }, admin)).toMatchObject({
        code: 'CONFLICT',
      });
      expect(await ok(CLOSE_INSTRUMENT, { id: instrumentId, expectedVersion: 2, reason: 'Ersatt av den nya modellen', validTo: '2019-12-31' }, admin)).toEqual({
        id: instrumentId,
        validTo: '2019-12-31',
        version: 3,
      });
      expect((await fails(CLOSE_INSTRUMENT, { id: instrumentId, expectedVersion: 2, reason: 'x', validTo: '2019-12-31' }, admin)).code).toBe('CONFLICT');
      expect(
        (await fails(UPDATE_INSTRUMENT, { id: instrumentId, expectedVersion: 3, reason: 'x', kind: 'LAW_OR_REGULATION', amountSek: 5 }, admin)).message,
      ).toMatch(/^input.amountSek: only agreements/);
      const trail = await audit(instrumentId);
      expect(trail[0]).toMatchObject({ action: 'UPDATE', reason: 'Ersatt av den nya modellen', changes: { validTo: { before: null, after: '2019-12-31' } } });
      expect(trail[1].changes.appliesToIds).toEqual({ before: units, after: [units[0]] });
    });
  });

  describe('time thieves', () => {
    const REPORT = 'mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id version } }';
    const UPDATE = 'mutation($input: UpdateTimeThiefInput!) { updateTimeThief(input: $input) { id task minutesPerWeek version history { action reason } } }';
    const WITHDRAW = 'mutation($input: WithdrawTimeThiefInput!) { withdrawTimeThief(input: $input) { id withdrawnAt withdrawReason version } }';
    const RESTORE = 'mutation($input: RestoreTimeThiefInput!) { restoreTimeThief(input: $input) { id withdrawnAt } }';
    const STATUS = 'mutation($input: UpdateTimeThiefStatusInput!) { updateTimeThiefStatus(input: $input) { id status version } }';
    const listed = async (token: string, withdrawn = false) =>
      (
        await t.gql(
          'query($f: TimeThiefFilter) { timeThieves(filter: $f) { edges { node { id withdrawReason } } } }',
          { f: { organisationId: kommunId, withdrawn } },
          token,
        )
      ).data!.timeThieves.edges.map((e: any) => e.node);
    const summary = async () =>
      (
        await t.gql(
          'query($input: TimeThiefSummaryInput!) { timeThiefSummary(input: $input) { reported } }',
          { input: { pilotId, from: day(-30), to: day(0), bucket: 'YEAR' } },
          admin,
        )
      ).data!.timeThiefSummary.reduce((n: number, r: any) => n + r.reported, 0);
    let id: string;

    beforeAll(async () => {
      id = (
        await ok(
          REPORT,
          {
            organisationId: units[0],
            task: 'Avvikelserapport vid två minuters försening',
            process: 'Hemtjänst',
            minutesPerWeek: 600,
            staffAffected: 12,
            proposedRemedy: 'Ta bort',
            reportedOn: day(-7),
          },
          reporter,
        )
      ).id;
    });

    it('is corrected with the version read and a reason, and keeps its history', async () => {
      expect((await fails(UPDATE, { id, expectedVersion: 2, reason: 'Fel', minutesPerWeek: 60 }, reporter)).code).toBe('CONFLICT');
      const fixed = await ok(UPDATE, { id, expectedVersion: 1, reason: 'Tio minuter per dag, inte per timme', minutesPerWeek: 60 }, reporter);
      expect(fixed).toMatchObject({
        minutesPerWeek: 60,
        version: 2,
        history: [
          { action: 'CREATE', reason: null },
          { action: 'UPDATE', reason: 'Tio minuter per dag, inte per timme' },
        ],
      });
      expect((await ok(STATUS, { id, status: 'UNDER_REVIEW', changedOn: day(-1) }, reporter)).version).toBe(3);
    });

    it('is withdrawn with a reason: out of lists and results, visible to its reporters and admins, restorable', async () => {
      expect(await summary()).toBe(1);
      const withdrawn = await ok(WITHDRAW, { id, reason: 'Rapporterad två gånger' }, reporter);
      expect(withdrawn).toMatchObject({ withdrawReason: 'Rapporterad två gånger', version: 4 });
      expect(await listed(reporter)).toEqual([]);
      expect(await listed(analyst)).toEqual([]);
      expect(await listed(analyst, true)).toEqual([]);
      expect(await listed(reporter, true)).toEqual([{ id, withdrawReason: 'Rapporterad två gånger' }]);
      expect(await summary()).toBe(0);
      expect(await fails(STATUS, { id, status: 'REMOVED', changedOn: day(0) }, reporter)).toEqual({
        code: 'CONFLICT',
        message: 'The time thief is withdrawn: restore it first (restoreTimeThief) to change it',
      });
      await ok(RESTORE, { id, reason: 'Den andra var en annan uppgift' }, admin);
      expect(await listed(analyst)).toEqual([{ id, withdrawReason: null }]);
      expect(await summary()).toBe(1);
      expect((await audit(id)).slice(0, 2).map((a: any) => [a.action, a.reason])).toEqual([
        ['RESTORE', 'Den andra var en annan uppgift'],
        ['DELETE', 'Rapporterad två gånger'],
      ]);
    });
  });
});
