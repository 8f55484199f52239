import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, getNullableType, isInputObjectType, isListType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, makeUser, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

/** The mutations that create a record; each takes a clientId so a lost answer can be retried. */
const CREATES = /^(create|define|open|report|add|log|submit|record|start|link)[A-Z]/;

/** Every create mutation: a retry with the same clientId returns the first result and stores nothing twice. */
describe('retries', () => {
  let t: TestApp;
  let admin: string;
  let researcher: string;
  let researcherId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const r = await userWithToken(t, { role: Role.RESEARCHER });
    researcher = r.token;
    researcherId = r.user.id;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    const unit = await makeOrganisation(t.ds, { name: 'Enheten', parentId: kommun.id });
    const pilot = await makePilot(
      t.ds,
      { code: 'RETRY-1', startsOn: '2018-01-01', endsOn: null },
      [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
      [{ userId: researcherId, fromDate: '2018-01-01' }],
    );
    ids = { kommun: kommun.id, unit: unit.id, pilot: pilot.id };
    const other = await makeUser(t.ds, { role: Role.RESEARCHER });
    ids.otherResearcher = other.id;
    ids.otherOrg = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    ids.instrument = (
      await t.gql(
        'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
        {
          input: {
            name: 'Uppföljning',
            kind: 'PRINCIPAL_FOLLOW_UP',
            governanceForm: 'PRESTATION',
            imposedById: kommun.id,
            appliesToIds: [unit.id],
            validFrom: '2018-01-01',
          },
        },
        admin,
      )
    ).data!.createSteeringInstrument.id;
    ids.indicator = (
      await t.gql(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        {
          input: {
            name: 'Mått',
            instrumentId: ids.instrument,
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
    ids.observation = (
      await t.gql(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          input: {
            pilotId: pilot.id,
            organisationId: unit.id,
            level: 'FRONT_LINE',
            occurredOn: '2019-05-10',
            kind: 'MEETING',
            title: 'Möte',
            text: 'Vi talade om tillit.',
            codes: {},
            tags: [],
          },
        },
        researcher,
      )
    ).data!.logObservation.id;
  });
  afterAll(() => t.close());

  it('every create mutation takes a clientId', () => {
    const mutations = t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields();
    const creates = Object.values(mutations).filter((m) => CREATES.test(m.name));
    expect(creates.length).toBeGreaterThanOrEqual(14);
    // A clientId on the input, or (a batch of records) on each item of its list.
    const takesClientId = (type: unknown): boolean => isInputObjectType(type) && 'clientId' in type.getFields();
    const without = creates.filter((m) => {
      const input = getNamedType(m.args.find((a) => a.name === 'input')!.type);
      if (takesClientId(input)) return false;
      return (
        !isInputObjectType(input) || !Object.values(input.getFields()).some((f) => isListType(getNullableType(f.type)) && takesClientId(getNamedType(f.type)))
      );
    });
    expect(without.map((m) => m.name)).toEqual([]);
  });

  /** [mutation, input type, the token, the input (without clientId), a field to change for "other content"] */
  const cases = (): [string, string, string, Record<string, unknown>, string][] => [
    ['createOrganisation', 'CreateOrganisationInput', admin, { name: 'Ny enhet', kind: 'OTHER', parentId: ids.kommun }, 'name'],
    [
      'createPilot',
      'CreatePilotInput',
      admin,
      { code: 'RETRY-2', title: 'Försök', participants: [{ organisationId: ids.kommun, level: 'POLITICAL_PRINCIPAL', fromDate: '2018-01-01' }] },
      'title',
    ],
    [
      'addPilotParticipant',
      'AddPilotParticipantInput',
      admin,
      { pilotId: ids.pilot, organisationId: ids.otherOrg, level: 'ADMINISTRATION_MANAGEMENT', fromDate: '2018-01-01' },
      'level',
    ],
    ['addPilotResearcher', 'AddPilotResearcherInput', admin, { pilotId: ids.pilot, userId: ids.otherResearcher, fromDate: '2018-01-01' }, 'fromDate'],
    ['createUser', 'CreateUserInput', admin, { email: 'ny@example.se', displayName: 'Ny', role: 'ANALYST', password: 'ett långt lösenord' }, 'displayName'],
    [
      'createSteeringInstrument',
      'CreateSteeringInstrumentInput',
      admin,
      { name: 'Lag', kind: 'LAW_OR_REGULATION', governanceForm: 'REGEL', imposedById: ids.kommun, appliesToIds: [ids.unit], validFrom: '2018-01-01' },
      'name',
    ],
    [
      'defineIndicator',
      'DefineIndicatorInput',
      admin,
      {
        name: 'Mått 2',
        instrumentId: ids.instrument,
        measureType: 'RESULT',
        aggregationLevel: 'UNIT',
        reportingFrequency: 'YEARLY',
        introducedOn: '2018-01-01',
      },
      'name',
    ],
    [
      'reportIndicatorBurden',
      'ReportIndicatorBurdenInput',
      admin,
      {
        indicatorId: ids.indicator,
        organisationId: ids.unit,
        periodKind: 'MONTH',
        periodStart: '2019-01-01',
        periodEnd: '2019-01-31',
        staffHours: 10,
        staffCount: 2,
        usedForImprovement: 'NO',
      },
      'staffHours',
    ],
    [
      'reportTimeThief',
      'ReportTimeThiefInput',
      admin,
      { organisationId: ids.unit, task: 'Dubbeldokumentation', minutesPerWeek: 30, staffAffected: 4, reportedOn: '2019-02-01' },
      'task',
    ],
    [
      'createSurveyInstrument',
      'CreateSurveyInstrumentInput',
      admin,
      {
        name: 'Kort enkät',
        items: [{ code: 'Q1', textSv: 'Fråga', textEn: 'Question', dimension: 'DECISION_AUTHORITY', scale: 'NUMBER', min: 0, max: 10 }],
      },
      'description',
    ],
    [
      'openSurveyWave',
      'OpenSurveyWaveInput',
      researcher,
      { pilotId: ids.pilot, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Baslinje', opensOn: '2019-03-01', closesOn: '2019-03-21', unitIds: [ids.unit] },
      'closesOn',
    ],
    ['addCodedSegment', 'AddCodedSegmentInput', researcher, { observationId: ids.observation, start: 0, end: 2, memo: 'Vi' }, 'memo'],
  ];
  const changed = (v: unknown) =>
    typeof v === 'number'
      ? v + 1
      : v === 'ADMINISTRATION_MANAGEMENT'
        ? 'UNIT_MANAGEMENT'
        : v === '2018-01-01'
          ? '2018-02-01'
          : v === '2019-03-21'
            ? '2019-03-22'
            : `${v ?? ''} (ändrad)`;

  it('returns the first result for a retry, and refuses the same clientId with other content', async () => {
    for (const [mutation, type, token, input, field] of cases()) {
      const query = `mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`;
      const clientId = randomUUID();
      const [{ before }] = await t.asSuperuser('SELECT count(*)::int AS before FROM audit_log');
      const first = await t.gql(query, { input: { ...input, clientId } }, token);
      expect({ mutation, errors: first.errors }).toEqual({ mutation, errors: undefined });
      const retried = await t.gql(query, { input: { ...input, clientId } }, token);
      expect({ mutation, id: retried.data?.[mutation]?.id }).toEqual({ mutation, id: first.data![mutation].id });
      const [{ after }] = await t.asSuperuser('SELECT count(*)::int AS after FROM audit_log');
      expect({ mutation, written: after > before, again: after }).toEqual({ mutation, written: true, again: after });
      const other = onlyError(await t.gql(query, { input: { ...input, clientId, [field]: changed(input[field]) } }, token));
      expect({ mutation, code: other.extensions!.code, message: other.message }).toEqual({
        mutation,
        code: 'CONFLICT',
        message: 'This clientId was already used for a request with different content; use a new UUID for a new request',
      });
      const [{ last }] = await t.asSuperuser('SELECT count(*)::int AS last FROM audit_log');
      expect({ mutation, last }).toEqual({ mutation, last: after }); // the retry and the refusal wrote nothing
    }
  });

  it('stores one record when the same request races itself', async () => {
    const clientId = randomUUID();
    const input = { clientId, organisationId: ids.unit, task: 'Samtidig', minutesPerWeek: 5, staffAffected: 1, reportedOn: '2019-04-01' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.gql('mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }', { input }, admin)),
    );
    expect(new Set(answers.map((a) => a.data?.reportTimeThief.id)).size).toBe(1);
    const [{ n }] = await t.asSuperuser(`SELECT count(*)::int AS n FROM time_thief WHERE task = 'Samtidig'`);
    expect(n).toBe(1);
  });

  it('keeps clientIds apart per user: another user with the same id creates their own', async () => {
    const clientId = randomUUID();
    const input = { clientId, organisationId: ids.unit, task: 'Var för sig', minutesPerWeek: 5, staffAffected: 1, reportedOn: '2019-04-02' };
    const q = 'mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }';
    const other = (await userWithToken(t, { role: Role.ADMIN })).token;
    const a = (await t.gql(q, { input }, admin)).data!.reportTimeThief.id;
    const b = (await t.gql(q, { input }, other)).data!.reportTimeThief.id;
    expect(a).not.toBe(b);
  });
});
