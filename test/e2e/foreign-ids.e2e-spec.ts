import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { GqlResponse, startTestApp, TestApp } from '../utils/test-app';

const MISSING = '00000000-0000-4000-8000-0000000000ee';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Every write that takes the id of someone else's row, as a user of another pilot or
 * organisation: refused, nothing changed. A row the caller cannot see answers exactly like a
 * missing one (NOT_FOUND, same message); one it can see but not change is FORBIDDEN.
 */
describe('writes with other people’s ids', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const token: Record<string, string> = {};

  const ok = async (query: string, input: Record<string, unknown>, as: string) => {
    const res = await t.gql(query, { input }, as);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as { id: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommunA = await makeOrganisation(t.ds, { name: 'A kommun' });
    const kommunB = await makeOrganisation(t.ds, { name: 'B kommun' });
    id.unitA = (await makeOrganisation(t.ds, { name: 'A enhet', parentId: kommunA.id })).id;
    id.unitB = (await makeOrganisation(t.ds, { name: 'B enhet', parentId: kommunB.id })).id;
    const researcherA = await userWithToken(t, { role: Role.RESEARCHER });
    const researcherB = await userWithToken(t, { role: Role.RESEARCHER });
    token.researcherA = researcherA.token;
    token.researcherB = researcherB.token;
    token.reporterB = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommunB.id })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    id.pilotA = (
      await makePilot(
        t.ds,
        { code: 'F-A', startsOn: day(-400), endsOn: null },
        [{ organisationId: kommunA.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: researcherA.user.id, fromDate: day(-400) }],
      )
    ).id;
    await makePilot(
      t.ds,
      { code: 'F-B', startsOn: day(-400), endsOn: null },
      [{ organisationId: kommunB.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
      [{ userId: researcherB.user.id, fromDate: day(-400) }],
    );

    id.observation = (
      await ok(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          pilotId: id.pilotA,
          organisationId: id.unitA,
          level: 'FRONT_LINE',
          occurredOn: day(-10),
          kind: 'MEETING',
          title: 'Möte',
          text: 'Vi talade om tillit.',
          codes: {},
          tags: [],
        },
        token.researcherA,
      )
    ).id;
    id.segment = (
      await ok(
        'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }',
        { observationId: id.observation, start: 0, end: 2, codes: {} },
        token.researcherA,
      )
    ).id;
    id.thief = (
      await ok(
        'mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }',
        {
          organisationId: id.unitA,
          task: 'Dubbelregistrering',
          process: 'Dokumentation',
          minutesPerWeek: 30,
          staffAffected: 4,
          proposedRemedy: 'Ta bort',
          reportedOn: day(-5),
        },
        admin,
      )
    ).id;
    id.instrument = (
      await ok(
        'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
        {
          name: 'A:s uppföljning',
          kind: 'PRINCIPAL_FOLLOW_UP',
          governanceForm: 'PRESTATION',
          imposedById: kommunA.id,
          appliesToIds: [id.unitA],
          validFrom: day(-400),
        },
        admin,
      )
    ).id;
    id.indicator = (
      await ok(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        {
          name: 'Mått',
          instrumentId: id.instrument,
          measureType: 'PROCESS',
          aggregationLevel: 'UNIT',
          reportingFrequency: 'MONTHLY',
          paymentDependent: false,
          introducedOn: day(-400),
        },
        admin,
      )
    ).id;
    id.wave = (
      await ok(
        'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
        {
          pilotId: id.pilotA,
          instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
          label: 'A-våg',
          opensOn: day(-1),
          closesOn: day(10),
          unitIds: [id.unitA],
        },
        admin,
      )
    ).id;
    id.link = (
      await ok('mutation($input: CreateSurveyLinkInput!) { createSurveyLink(input: $input) { id } }', { waveId: id.wave, unitId: id.unitA }, admin)
    ).id;
  });
  afterAll(() => t.close());

  /** [who, mutation, input with the foreign id, the foreign id, expected code] */
  const cases = (): [string, string, string, Record<string, unknown>, string, 'NOT_FOUND' | 'FORBIDDEN'][] => [
    [
      'researcherB',
      'updateObservation',
      'UpdateObservationInput',
      { id: id.observation, expectedVersion: 1, title: 'Kapad', reason: 'Kapad' },
      id.observation,
      'NOT_FOUND',
    ],
    ['researcherB', 'deleteObservation', 'DeleteObservationInput', { id: id.observation, reason: 'Kapad' }, id.observation, 'NOT_FOUND'],
    ['researcherB', 'restoreObservation', 'RestoreObservationInput', { id: id.observation, reason: 'Kapad' }, id.observation, 'NOT_FOUND'],
    ['researcherB', 'addCodedSegment', 'AddCodedSegmentInput', { observationId: id.observation, start: 0, end: 2, codes: {} }, id.observation, 'NOT_FOUND'],
    ['researcherB', 'updateCodedSegment', 'UpdateCodedSegmentInput', { id: id.segment, memo: 'Kapad', reason: 'Kapad' }, id.segment, 'NOT_FOUND'],
    ['researcherB', 'removeCodedSegment', 'RemoveByIdInput', { id: id.segment, reason: 'Kapad' }, id.segment, 'NOT_FOUND'],
    ['researcherB', 'updateTimeThiefStatus', 'UpdateTimeThiefStatusInput', { id: id.thief, status: 'REMOVED', changedOn: day(0) }, id.thief, 'NOT_FOUND'],
    ['reporterB', 'updateTimeThiefStatus', 'UpdateTimeThiefStatusInput', { id: id.thief, status: 'REMOVED', changedOn: day(0) }, id.thief, 'NOT_FOUND'],
    [
      'reporterB',
      'reportTimeThief',
      'ReportTimeThiefInput',
      { organisationId: id.unitA, task: 'X', process: 'Y', minutesPerWeek: 1, staffAffected: 1, proposedRemedy: 'Z', reportedOn: day(0) },
      id.unitA,
      'NOT_FOUND',
    ],
    [
      'reporterB',
      'reportIndicatorBurden',
      'ReportIndicatorBurdenInput',
      {
        indicatorId: id.indicator,
        organisationId: id.unitA,
        periodKind: 'MONTH',
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        staffHours: 1,
        staffCount: 1,
        doubleRegistration: false,
        usedForImprovement: 'NO',
      },
      id.unitA,
      'NOT_FOUND',
    ],
    [
      'reporterB',
      'createSteeringInstrument',
      'CreateSteeringInstrumentInput',
      {
        name: 'Kapad',
        kind: 'PRINCIPAL_FOLLOW_UP',
        governanceForm: 'PRESTATION',
        imposedById: id.unitB,
        appliesToIds: [id.unitA],
        validFrom: day(-1),
      },
      id.unitA,
      'NOT_FOUND',
    ],
    [
      'reporterB',
      'submitSurveyResponses',
      'SubmitSurveyResponsesInput',
      { waveId: id.wave, responses: [{ unitId: id.unitA, category: 'FRONT_LINE_STAFF', answers: Array(16).fill(3) }] },
      id.wave,
      'NOT_FOUND',
    ],
    // Visible to them, but not theirs to change:
    [
      'reporterB',
      'defineIndicator',
      'DefineIndicatorInput',
      {
        name: 'Kapad',
        instrumentId: id.instrument,
        measureType: 'PROCESS',
        aggregationLevel: 'UNIT',
        reportingFrequency: 'MONTHLY',
        paymentDependent: false,
        introducedOn: day(-1),
      },
      id.instrument,
      'FORBIDDEN',
    ],
    [
      'researcherB',
      'logObservation',
      'LogObservationInput',
      {
        pilotId: id.pilotA,
        organisationId: id.unitA,
        level: 'FRONT_LINE',
        occurredOn: day(-1),
        kind: 'MEETING',
        title: 'Kapad',
        text: 'x',
        codes: {},
        tags: [],
      },
      id.pilotA,
      'FORBIDDEN',
    ],
    [
      'researcherB',
      'reportTimeThief',
      'ReportTimeThiefInput',
      { organisationId: id.unitA, task: 'X', process: 'Y', minutesPerWeek: 1, staffAffected: 1, proposedRemedy: 'Z', reportedOn: day(0) },
      id.unitA,
      'FORBIDDEN',
    ],
    ['researcherB', 'closeSurveyWave', 'CloseSurveyWaveInput', { id: id.wave, reason: 'x' }, id.wave, 'FORBIDDEN'],
    ['reporterB', 'updateTimeThief', 'UpdateTimeThiefInput', { id: id.thief, expectedVersion: 1, reason: 'Kapad', task: 'Kapad' }, id.thief, 'NOT_FOUND'],
    ['reporterB', 'withdrawTimeThief', 'WithdrawTimeThiefInput', { id: id.thief, reason: 'Kapad' }, id.thief, 'NOT_FOUND'],
    ['researcherB', 'restoreTimeThief', 'RestoreTimeThiefInput', { id: id.thief, reason: 'Kapad' }, id.thief, 'NOT_FOUND'],
    [
      'reporterB',
      'updateIndicator',
      'UpdateIndicatorInput',
      { id: id.indicator, expectedVersion: 1, reason: 'Kapad', retiredOn: day(0) },
      id.indicator,
      'FORBIDDEN',
    ],
    [
      'researcherB',
      'updateSteeringInstrument',
      'UpdateSteeringInstrumentInput',
      { id: id.instrument, expectedVersion: 1, reason: 'Kapad', name: 'Kapad' },
      id.instrument,
      'FORBIDDEN',
    ],
    [
      'reporterB',
      'closeSteeringInstrument',
      'CloseSteeringInstrumentInput',
      { id: id.instrument, expectedVersion: 1, reason: 'Kapad', validTo: day(0) },
      id.instrument,
      'FORBIDDEN',
    ],
    ['researcherB', 'reopenSurveyWave', 'ReopenSurveyWaveInput', { id: id.wave, reason: 'x' }, id.wave, 'FORBIDDEN'],
    ['researcherB', 'deleteSurveyWave', 'DeleteSurveyWaveInput', { id: id.wave, reason: 'x' }, id.wave, 'FORBIDDEN'],
    ['reporterB', 'createSurveyLink', 'CreateSurveyLinkInput', { waveId: id.wave, unitId: id.unitA }, id.wave, 'NOT_FOUND'],
    ['reporterB', 'setSurveyLinkInvited', 'SetSurveyLinkInvitedInput', { id: id.link, invited: 3, reason: 'Kapad' }, id.link, 'NOT_FOUND'],
    ['reporterB', 'revokeSurveyLink', 'RevokeSurveyLinkInput', { id: id.link, reason: 'Kapad' }, id.link, 'NOT_FOUND'],
    ['researcherA', 'revokeSurveyLink', 'RevokeSurveyLinkInput', { id: id.link, reason: 'Kapad' }, id.link, 'FORBIDDEN'],
    ['analyst', 'updateTimeThiefStatus', 'UpdateTimeThiefStatusInput', { id: id.thief, status: 'REMOVED', changedOn: day(0) }, id.thief, 'FORBIDDEN'],
  ];

  it('refuses every one, and a hidden row answers like a missing one', async () => {
    const [{ before }] = await t.asSuperuser('SELECT count(*)::int AS before FROM audit_log');
    for (const [who, mutation, type, input, foreign, code] of cases()) {
      const selection = mutation.startsWith('remove') || mutation === 'deleteSurveyWave' ? '' : ' { __typename }'; // removals return the id
      const query = `mutation($input: ${type}!) { ${mutation}(input: $input)${selection} }`;
      const res: GqlResponse = await t.gql(query, { input }, token[who]);
      expect({ who, mutation, code: res.errors?.[0]?.extensions?.code }).toEqual({ who, mutation, code });
      if (code === 'NOT_FOUND') {
        const swapped = JSON.parse(JSON.stringify(input).split(foreign).join(MISSING));
        const missing = await t.gql(query, { input: swapped }, token[who]);
        expect({ who, mutation, message: res.errors![0].message.split(foreign).join('ID') }).toEqual({
          who,
          mutation,
          message: missing.errors![0].message.split(MISSING).join('ID'),
        });
      }
    }
    const [{ after }] = await t.asSuperuser('SELECT count(*)::int AS after FROM audit_log');
    expect(after).toBe(before); // nothing was written
    const [obs] = await t.asSuperuser('SELECT title, version, deleted_at FROM observation WHERE id = $1', [id.observation]);
    expect(obs).toEqual({ title: 'Möte', version: 1, deleted_at: null });
    const [link] = await t.asSuperuser('SELECT invited, revoked_at FROM survey_link WHERE id = $1', [id.link]);
    expect(link).toEqual({ invited: null, revoked_at: null });
  });
});
