import { Role } from '../../src/common/auth/role.enum';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const TIMELINE = 'query($p: ID!, $from: LocalDate!, $to: LocalDate!) { pilotTimeline(pilotId: $p, from: $from, to: $to) { date type title entity } }';

describe('pilot timeline', () => {
  let t: TestApp;
  let admin: string;
  let pilotId: string;
  let unit: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const state = await makeOrganisation(t.ds, { name: 'Staten' });
    const k = await makeOrganisation(t.ds, { name: 'K' });
    unit = await makeOrganisation(t.ds, { name: 'A', parentId: k.id });
    pilotId = (
      await makePilot(t.ds, { code: 'TL-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const m = async (q: string, input: Record<string, unknown>) => {
      const res = await t.gql(q, { input }, admin);
      if (res.errors) throw new Error(res.text);
      return Object.values(res.data!)[0] as any;
    };
    const inst = await m('mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }', {
      name: 'Registret',
      kind: 'QUALITY_REGISTRY',
      governanceForm: 'PRESTATION',
      imposedById: state.id,
      appliesToIds: [unit.id],
      validFrom: '2019-01-01',
      validTo: '2019-12-31',
    });
    await m('mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }', {
      name: 'Mått',
      instrumentId: inst.id,
      measureType: 'PROCESS',
      aggregationLevel: 'UNIT',
      reportingFrequency: 'MONTHLY',
      introducedOn: '2019-02-01',
      retiredOn: '2019-06-30',
    });
    await m('mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }', {
      pilotId,
      organisationId: unit.id,
      level: 'FRONT_LINE',
      occurredOn: '2019-03-10',
      kind: 'MEETING',
      title: 'Möte om mått',
      text: 'x',
    });
    await m('mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }', {
      pilotId,
      instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
      label: 'Baseline',
      opensOn: '2019-04-01',
      closesOn: '2019-04-30',
      unitIds: [unit.id],
    });
    const thief = await m('mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }', {
      organisationId: unit.id,
      task: 'Dubbelregistrering',
      minutesPerWeek: 20,
      staffAffected: 5,
      reportedOn: '2019-05-05',
    });
    await m('mutation($input: UpdateTimeThiefStatusInput!) { updateTimeThiefStatus(input: $input) { id } }', {
      id: thief.id,
      status: 'REMOVED',
      changedOn: '2019-06-01',
    });
  });
  afterAll(() => t.close());

  it('puts everything dated in the pilot and its organisations in one stream', async () => {
    const res = await t.gql(TIMELINE, { p: pilotId, from: '2019-01-01', to: '2019-12-31' }, admin);
    expect(res.data!.pilotTimeline.map((e: any) => [e.date, e.type, e.title, e.entity])).toEqual([
      ['2019-01-01', 'INSTRUMENT_IN_FORCE', 'Registret', 'STEERING_INSTRUMENT'],
      ['2019-02-01', 'INDICATOR_INTRODUCED', 'Mått', 'INDICATOR'],
      ['2019-03-10', 'OBSERVATION', 'Möte om mått', 'OBSERVATION'],
      ['2019-04-01', 'WAVE_OPENED', 'Baseline', 'SURVEY_WAVE'],
      ['2019-04-30', 'WAVE_CLOSED', 'Baseline', 'SURVEY_WAVE'],
      ['2019-05-05', 'TIME_THIEF_REPORTED', 'Dubbelregistrering', 'TIME_THIEF'],
      ['2019-06-01', 'TIME_THIEF_REMOVED', 'Dubbelregistrering', 'TIME_THIEF'],
      ['2019-06-30', 'INDICATOR_RETIRED', 'Mått', 'INDICATOR'],
      ['2019-12-31', 'INSTRUMENT_EXPIRED', 'Registret', 'STEERING_INSTRUMENT'],
    ]);
    const april = await t.gql(TIMELINE, { p: pilotId, from: '2019-04-01', to: '2019-04-30' }, admin);
    expect(april.data!.pilotTimeline.map((e: any) => e.type)).toEqual(['WAVE_OPENED', 'WAVE_CLOSED']);
  });

  it('leaves observations out for org reporters, and hides other pilots', async () => {
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unit.id })).token;
    const res = await t.gql(TIMELINE, { p: pilotId, from: '2019-01-01', to: '2019-12-31' }, reporter);
    expect(res.data!.pilotTimeline.map((e: any) => e.type)).not.toContain('OBSERVATION');
    expect(res.data!.pilotTimeline).toHaveLength(8);
    const stranger = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: (await makeOrganisation(t.ds)).id })).token;
    expect(onlyError(await t.gql(TIMELINE, { p: pilotId, from: '2019-01-01', to: '2019-12-31' }, stranger)).extensions!.code).toBe('NOT_FOUND');
  });
});
