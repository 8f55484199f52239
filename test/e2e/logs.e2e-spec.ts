import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Nothing a respondent or a user submitted ends up in the log, even when a write fails. */
describe('logs', () => {
  let t: TestApp;
  let admin: string;
  let unitId: string;
  let waveId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { captureLogs: true });
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kalmar kommun' });
    unitId = (await makeOrganisation(t.ds, { name: 'Hemtjänst Norr', parentId: kommun.id })).id;
    const pilotId = (await makePilot(t.ds, { startsOn: day(-100), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }]))
      .id;
    const wave = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      {
        input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Baseline', opensOn: day(-1), closesOn: day(30), unitIds: [unitId] },
      },
      admin,
    );
    waveId = wave.data!.openSurveyWave.id;
  });
  afterAll(() => t.close());

  it('holds no answer, unit, category or panel key when a survey insert fails, only the cause and the request id', async () => {
    // The database refuses every response, quoting the whole row in its DETAIL as PostgreSQL does.
    await t.asSuperuser(`CREATE FUNCTION refuse_response() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused' USING DETAIL = 'Failing row contains ' || NEW::text; END $$`);
    await t.asSuperuser('CREATE TRIGGER refuse_response BEFORE INSERT ON survey_response FOR EACH ROW EXECUTE FUNCTION refuse_response()');
    try {
      const answers = [5, 1, 4, 2, 97, 61, 3, 5, 1, 4, 2, 3, 5, 1, 4, 2];
      const panelKey = 'min-hemliga-panelnyckel-4711';
      const responses = Array.from({ length: 3 }, () => ({ unitId, category: 'FIRST_LINE_MANAGER', tenureBand: 'OVER_10_YEARS', panelKey, answers }));
      t.logs.length = 0;
      const res = await t.gql(
        'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
        { input: { waveId, responses } },
        admin,
      );
      const err = onlyError(res);
      expect(err.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });

      const log = t.logs.join('');
      const entry = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'internal error in GraphQL operation');
      expect(entry).toMatchObject({ requestId: err.extensions!.requestId, err: { message: 'database error P0001', database: { code: 'P0001' } } });
      for (const secret of ['5,1,4,2,97', '97,61', '{5', unitId, panelKey, 'FIRST_LINE_MANAGER', 'OVER_10_YEARS', 'Failing row', 'INSERT INTO', 'unnest']) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await t.asSuperuser('DROP TRIGGER refuse_response ON survey_response; DROP FUNCTION refuse_response()');
    }
  });

  it('never echoes a password or an answer in an error message', async () => {
    const login = await t.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email: 'a@b.se', password: 123456789012 } });
    expect(login.status).toBe(400);
    expect(login.text).not.toContain('123456789012');
    expect(onlyError(login).message).toMatch(/input\.password/);

    const res = await t.gql(
      'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
      {
        input: { waveId, responses: [{ unitId, category: 'FRONT_LINE_STAFF', answers: ['fyra', 1] }] },
      },
      admin,
    );
    expect(res.text).not.toContain('fyra');
    const range = await t.gql(
      'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { stored } }',
      {
        input: { waveId, responses: [{ unitId, category: 'FRONT_LINE_STAFF', answers: [987654, ...Array(15).fill(null)] }] },
      },
      admin,
    );
    expect(onlyError(range).extensions!.code).toBe('BAD_USER_INPUT');
    expect(range.text).not.toContain('987654');
    expect(t.logs.join('')).not.toContain('987654');
  });
});
