import { Role } from '../../src/common/auth/role.enum';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * More concurrent writes than pooled connections must all succeed: a write that held a
 * connection for its transaction and asked the pool for a second one deadlocked the pool
 * (found by the mixed-load benchmark). A pool of 2 and 8 researchers at once shows it.
 */
describe('concurrent writes with a small connection pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '2' });
  });
  afterAll(() => t.close());

  it('logs observations and opens waves from many researchers at once', async () => {
    const k = await makeOrganisation(t.ds, { name: 'Kommun' });
    const researchers = await Promise.all(Array.from({ length: 8 }, () => userWithToken(t, { role: Role.RESEARCHER })));
    const pilot = await makePilot(
      t.ds,
      { code: 'POOL-1', startsOn: '2019-01-01', endsOn: null },
      [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
      researchers.map((r) => ({ userId: r.user.id })),
    );
    const log = (token: string, n: number) =>
      t.gql(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          input: { pilotId: pilot.id, organisationId: k.id, level: 'FRONT_LINE', occurredOn: '2019-02-01', kind: 'MEETING', title: `Möte ${n}`, text: 'Text.' },
        },
        token,
      );
    const results = await Promise.all(researchers.flatMap((r, i) => [log(r.token, i), log(r.token, i + 100)]));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const waves = await Promise.all(
      researchers.slice(0, 4).map((r, i) =>
        t.gql(
          'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
          {
            input: {
              pilotId: pilot.id,
              instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
              label: `Våg ${i}`,
              opensOn: day(i * 40),
              closesOn: day(i * 40 + 20),
              unitIds: [k.id],
            },
          },
          r.token,
        ),
      ),
    );
    expect(waves.map((w) => w.errors)).toEqual(waves.map(() => undefined));
  }, 30_000);
});
