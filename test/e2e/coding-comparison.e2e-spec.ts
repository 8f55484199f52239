import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, seen, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const COMPARE = `query($input: CodingComparisonInput!) { codingComparison(input: $input) {
  observations
  byCode { observationId dimension code codePoints codedByA codedByB codedByBoth agreement kappa }
  byObservation { observationId code codedByA codedByB codedByBoth agreement kappa } } }`;
const VW = 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED';

/**
 * One observation of 100 characters (ten words of nine letters and a space), coded by both
 * researchers: A codes characters 0–20 with values work, B 10–30 with values work and 50–60 with
 * the norm form. A second observation is coded by A only, so it is not compared.
 *   values work: 10 both, 10 only A, 10 only B, 70 neither → 80 %, kappa (0.8 − 0.68) / 0.32 = 0.375
 *   norm: 10 only B, 90 neither → 90 %, kappa 0 (no better than chance)
 */
describe('coding comparison', () => {
  let t: TestApp;
  let admin: string;
  let a: { user: { id: string }; token: string };
  let b: { user: { id: string }; token: string };
  let observationId: string;
  let pilotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    a = await userWithToken(t, { role: Role.RESEARCHER });
    b = await userWithToken(t, { role: Role.RESEARCHER });
    const k = await makeOrganisation(t.ds, { name: 'K' });
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'CMP-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: a.user.id }, { userId: b.user.id }],
      )
    ).id;
    const log = async (title: string) => {
      const res = await t.gql(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        { input: { pilotId, organisationId: k.id, level: 'FRONT_LINE', occurredOn: '2019-02-01', kind: 'INTERVIEW', title, text: 'abcdefghi '.repeat(10) } },
        a.token,
      );
      if (res.errors) throw new Error(res.text);
      return res.data!.logObservation.id as string;
    };
    const code = async (token: string, obs: string, start: number, end: number, codes: Record<string, unknown>) => {
      const res = await t.gql(
        'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }',
        { input: { observationId: obs, start, end, codes } },
        token,
      );
      if (res.errors) throw new Error(res.text);
    };
    observationId = await log('Båda kodade');
    await code(a.token, observationId, 0, 20, { methods: [seen('VALUES_WORK')] });
    await code(b.token, observationId, 10, 30, { methods: [seen('VALUES_WORK')] });
    await code(b.token, observationId, 50, 60, { forms: ['NORM'] });
    const onlyA = await log('Bara A');
    await code(a.token, onlyA, 0, 10, { methods: [seen('VALUES_WORK')] });
  });
  afterAll(() => t.close());

  const compare = (token: string, input: Record<string, unknown> = {}) =>
    t.gql(COMPARE, { input: { researcherA: a.user.id, researcherB: b.user.id, ...input } }, token);

  it('gives percentage agreement and Cohen’s kappa per code, on the observations both coded', async () => {
    const res = await compare(admin);
    expect(res.errors).toBeUndefined();
    const c = res.data!.codingComparison;
    expect(c.observations).toBe(1);
    const values = c.byCode.find((r: any) => r.code === VW);
    expect(values).toMatchObject({ observationId: null, dimension: 'METHOD', codePoints: 100, codedByA: 20, codedByB: 20, codedByBoth: 10 });
    expect(values.agreement).toBeCloseTo(80, 10);
    expect(values.kappa).toBeCloseTo(0.375, 10);
    const norm = c.byCode.find((r: any) => r.code === 'NORM');
    expect(norm).toMatchObject({ dimension: 'FORM', codedByA: 0, codedByB: 10, codedByBoth: 0 });
    expect(norm.agreement).toBeCloseTo(90, 10);
    expect(norm.kappa).toBeCloseTo(0, 10);
    // Per observation, where they disagree most first.
    expect(c.byObservation.map((r: any) => [r.observationId, r.code])).toEqual([
      [observationId, 'NORM'],
      [observationId, VW],
    ]);
  });

  it('takes the filters and dimensions of codeFrequencies', async () => {
    const methods = (await compare(admin, { dimensions: ['METHOD'] })).data!.codingComparison;
    expect(methods.byCode.map((r: any) => r.code)).toEqual([VW]);
    const none = (await compare(admin, { filter: { from: '2019-03-01' } })).data!.codingComparison;
    expect(none).toEqual({ observations: 0, byCode: [], byObservation: [] });
  });

  it('refuses comparing a researcher with themself', async () => {
    const err = onlyError(await compare(admin, { researcherB: a.user.id }));
    expect(err.extensions!.code).toBe('BAD_USER_INPUT');
    expect(err.extensions!.fields).toEqual([{ field: 'input.researcherB', message: 'must be another researcher than researcherA' }]);
  });

  it('compares only on observations the caller may read: analysts and the pilot’s researchers do, others see nothing compared', async () => {
    const analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const stranger = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    const k2 = await makeOrganisation(t.ds, { name: 'K2' });
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: k2.id })).token;
    const [{ organisation_id: orgOfObservation }] = await t.ds.query('SELECT organisation_id FROM observation WHERE id = $1', [observationId]);
    const ownReporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: orgOfObservation })).token;
    for (const [who, token, compared] of [
      ['analyst', analyst, 1],
      ['researcher A', a.token, 1],
      ['researcher not in the pilot', stranger, 0],
      ['reporter elsewhere', reporter, 0],
      // A reporter counts its organisation's observations in codeFrequencies, but does not read them: who coded what is not theirs.
      ['reporter of the observed organisation', ownReporter, 0],
    ] as const) {
      const res = await compare(token);
      expect([who, res.errors]).toEqual([who, undefined]);
      expect([who, res.data!.codingComparison.observations]).toEqual([who, compared]);
      if (!compared) expect(res.data!.codingComparison.byCode).toEqual([]);
    }
  });
});
