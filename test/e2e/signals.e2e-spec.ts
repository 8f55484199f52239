import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID, RespondentCategory } from '../../src/modules/survey/survey.enums';
import { SurveyService } from '../../src/modules/survey/survey.service';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * One pilot through 2019, by quarter: an observation coded LESS_DETAIL_STEERING (Q1), 90 burden
 * hours (Q1), an indicator in force Feb–Jun (Q1, Q2), a time thief removed in June (Q2:
 * 20 min × 5 staff = 1.67 h a week), and a baseline wave in April with six answers of 3 to every
 * item (decision authority 50, Q2).
 */
describe('pilot signals', () => {
  let t: TestApp;
  let admin: string;
  let pilotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await userWithToken(t, { role: Role.ADMIN });
    admin = a.token;
    const state = await makeOrganisation(t.ds, { name: 'Staten' });
    const k = await makeOrganisation(t.ds, { name: 'K' });
    const unit = await makeOrganisation(t.ds, { name: 'A', parentId: k.id });
    pilotId = (
      await makePilot(t.ds, { code: 'SIG-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const m = async (q: string, input: Record<string, unknown>) => {
      const res = await t.gql(q, { input }, admin);
      if (res.errors) throw new Error(res.text);
      return Object.values(res.data!)[0] as any;
    };
    const inst = await m('mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }', {
      name: 'R',
      kind: 'QUALITY_REGISTRY',
      governanceForm: 'PRESTATION',
      imposedById: state.id,
      appliesToIds: [unit.id],
      validFrom: '2019-01-01',
    });
    const ind = await m('mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }', {
      name: 'M',
      instrumentId: inst.id,
      measureType: 'PROCESS',
      aggregationLevel: 'UNIT',
      reportingFrequency: 'MONTHLY',
      introducedOn: '2019-02-01',
      retiredOn: '2019-06-30',
    });
    await m('mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }', {
      indicatorId: ind.id,
      organisationId: unit.id,
      periodKind: 'QUARTER',
      periodStart: '2019-01-01',
      periodEnd: '2019-03-31',
      staffHours: 90,
      staffCount: 3,
      usedForImprovement: 'NO',
    });
    await m('mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }', {
      pilotId,
      organisationId: unit.id,
      level: 'FRONT_LINE',
      occurredOn: '2019-03-10',
      kind: 'MEETING',
      title: 'o',
      text: 'x',
      codes: { methods: [seen('LESS_DETAIL_STEERING')] },
    });
    const thief = await m('mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }', {
      organisationId: unit.id,
      task: 'T',
      minutesPerWeek: 20,
      staffAffected: 5,
      reportedOn: '2019-05-05',
    });
    await m('mutation($input: UpdateTimeThiefStatusInput!) { updateTimeThiefStatus(input: $input) { id } }', {
      id: thief.id,
      status: 'REMOVED',
      changedOn: '2019-06-01',
    });
    const wave = await m('mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }', {
      pilotId,
      instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
      label: 'Baseline',
      opensOn: '2019-04-01',
      closesOn: '2019-04-30',
      unitIds: [unit.id],
    });
    // A past wave takes responses only through the service's back-dating (as seed-demo loads history).
    await t.app.get(SurveyService).submit(
      { id: a.user.id, role: Role.ADMIN, organisationId: null },
      {
        waveId: wave.id,
        responses: Array.from({ length: 6 }, () => ({
          unitId: unit.id,
          category: RespondentCategory.FRONT_LINE_STAFF,
          answers: Array.from({ length: 16 }, (_, i) => (i === 4 || i === 5 ? 50 : 3)),
        })),
      },
      { asOf: '2019-04-15' },
    );
  });
  afterAll(() => t.close());

  it('puts every signal of the pilot side by side per quarter', async () => {
    const res = await t.gql(
      `query($input: PilotSignalsInput!) { pilotSignals(input: $input) {
      bucketStart observations codeCounts { code count } burdenHours indicatorsInForce timeThievesRemoved hoursFreedPerWeek
      discretion { waveLabel dimension n mean suppressed } } }`,
      {
        input: {
          pilotId,
          from: '2019-01-01',
          to: '2019-12-31',
          bucket: 'QUARTER',
          codes: [{ dimension: 'METHOD', code: 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED' }],
          dimensions: ['DECISION_AUTHORITY'],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const [q1, q2, q3, q4] = res.data!.pilotSignals;
    expect(q1).toMatchObject({
      bucketStart: '2019-01-01',
      observations: 1,
      codeCounts: [{ code: 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', count: 1 }],
      indicatorsInForce: 1,
      timeThievesRemoved: 0,
      discretion: [],
    });
    expect(q1.burdenHours).toBeCloseTo(90, 6);
    expect(q2).toMatchObject({ bucketStart: '2019-04-01', observations: 0, burdenHours: 0, indicatorsInForce: 1, timeThievesRemoved: 1 });
    expect(q2.hoursFreedPerWeek).toBeCloseTo(100 / 60, 6);
    // The wave's cell, exactly as discretionResults publishes it (perturbed, never the raw mean of 50).
    expect(q2.discretion).toEqual([
      { waveLabel: 'Baseline', dimension: 'DECISION_AUTHORITY', n: expect.any(Number), mean: expect.any(Number), suppressed: false },
    ]);
    const published = await t.gql(
      'query($input: DiscretionResultsInput!) { discretionResults(input: $input) { n mean } }',
      {
        input: { pilotIds: [pilotId], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, dimensions: ['DECISION_AUTHORITY'] },
      },
      admin,
    );
    expect(published.data!.discretionResults).toEqual([{ n: q2.discretion[0].n, mean: q2.discretion[0].mean }]);
    expect([q3.indicatorsInForce, q4.indicatorsInForce, q4.burdenHours]).toEqual([0, 0, 0]);
  });
});
