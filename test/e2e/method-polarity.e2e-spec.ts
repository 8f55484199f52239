import { Role } from '../../src/common/auth/role.enum';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, seen, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const LOG = 'mutation($input: LogObservationInput!) { logObservation(input: $input) { id codes { methods { method polarity } } } }';
const LDS = 'LESS_DETAIL_STEERING';

/**
 * A method code says what the passage shows: in one quarter, less detail steering introduced
 * (a framework decision in hours, not minutes), reversed (the minute chase, SOU 2017:56 S:7426) and
 * only discussed. The analysts' question counts the first only.
 */
describe('method polarity', () => {
  let t: TestApp;
  let admin: string;
  let pilotId: string;
  let unitId: string;

  const log = (title: string, methods: unknown[], token = admin) =>
    t.gql(
      LOG,
      {
        input: { pilotId, organisationId: unitId, level: 'FRONT_LINE', occurredOn: '2019-02-10', kind: 'INTERVIEW', title, text: title, codes: { methods } },
      },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const k = await makeOrganisation(t.ds, { name: 'K' });
    unitId = (await makeOrganisation(t.ds, { name: 'Hemtjänst', parentId: k.id })).id;
    pilotId = (
      await makePilot(t.ds, { code: 'POL-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    for (const [title, methods] of [
      ['Rambeslut i timmar', [seen(LDS), seen('VALUES_WORK')]],
      ['Minutjakten', [seen(LDS, 'WEAKENED_OR_REVERSED')]],
      ['Önskemål om mindre detaljstyrning', [seen(LDS, 'DISCUSSED_WITHOUT_CHANGE')]],
    ] as const) {
      const res = await log(title, [...methods]);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t.close());

  it('stores each method with its polarity, and refuses a method twice or a polarity it does not know', async () => {
    const res = await log('Två', [seen('VALUES_WORK', 'WEAKENED_OR_REVERSED')]);
    expect(res.data!.logObservation.codes.methods).toEqual([{ method: 'VALUES_WORK', polarity: 'WEAKENED_OR_REVERSED' }]);
    const twice = onlyError(await log('Två gånger', [seen(LDS), seen(LDS, 'WEAKENED_OR_REVERSED')]));
    expect(twice.extensions!.code).toBe('BAD_USER_INPUT');
    expect(twice.message).toContain('codes.methods must name each method at most once');
    expect(onlyError(await log('Okänd', [{ method: LDS, polarity: 'MORE' }])).extensions!.code).toBe('BAD_USER_INPUT');
    expect(onlyError(await log('Utan', [{ method: LDS }])).extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('counts the polarities apart in codeFrequencies and codeCooccurrence', async () => {
    const freq = await t.gql(
      'query($input: CodeFrequenciesInput!) { codeFrequencies(input: $input) { code count } }',
      { input: { dimensions: ['METHOD'], filter: { pilotId: [pilotId], to: '2019-02-10', kind: ['INTERVIEW'] } } },
      admin,
    );
    const counts = Object.fromEntries(freq.data!.codeFrequencies.map((r: any) => [r.code, r.count]));
    expect(counts).toMatchObject({
      [`${LDS}:INTRODUCED_OR_STRENGTHENED`]: 1,
      [`${LDS}:WEAKENED_OR_REVERSED`]: 1,
      [`${LDS}:DISCUSSED_WITHOUT_CHANGE`]: 1,
    });
    const cells = await t.gql(
      'query($input: CodeCooccurrenceInput!) { codeCooccurrence(input: $input) { rowCode columnCode count } }',
      { input: { rows: 'METHOD', columns: 'METHOD', filter: { pilotId: [pilotId] } } },
      admin,
    );
    expect(cells.data!.codeCooccurrence).toContainEqual({
      rowCode: `${LDS}:INTRODUCED_OR_STRENGTHENED`,
      columnCode: 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED',
      count: 1,
    });
    expect(cells.data!.codeCooccurrence).not.toContainEqual(
      expect.objectContaining({ rowCode: `${LDS}:WEAKENED_OR_REVERSED`, columnCode: 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED' }),
    );
  });

  it('filters observations by method, by polarity, or both', async () => {
    const titles = async (codes: Record<string, unknown>, codeMatch = 'ANY') => {
      const res = await t.gql(
        'query($f: ObservationFilter) { observations(filter: $f) { edges { node { title } } } }',
        { f: { pilotId: [pilotId], codes, codeMatch } },
        admin,
      );
      if (res.errors) throw new Error(res.text);
      return res.data!.observations.edges.map((e: any) => e.node.title).sort();
    };
    expect(await titles({ methods: [LDS] })).toEqual(['Minutjakten', 'Rambeslut i timmar', 'Önskemål om mindre detaljstyrning']);
    expect(await titles({ methods: [LDS], methodPolarity: ['INTRODUCED_OR_STRENGTHENED'] })).toEqual(['Rambeslut i timmar']);
    expect(await titles({ methodPolarity: ['WEAKENED_OR_REVERSED'] })).toEqual(['Minutjakten', 'Två']);
    expect(await titles({ methods: [LDS, 'VALUES_WORK'], methodPolarity: ['INTRODUCED_OR_STRENGTHENED'] }, 'ALL')).toEqual(['Rambeslut i timmar']);
  });

  it('answers the analysts’ question with introduced or strengthened only, and refuses a bare method code', async () => {
    const signals = (code: string) =>
      t.gql(
        'query($input: PilotSignalsInput!) { pilotSignals(input: $input) { bucketStart observations codeCounts { code count } } }',
        { input: { pilotId, from: '2019-01-01', to: '2019-03-31', bucket: 'QUARTER', codes: [{ dimension: 'METHOD', code }] } },
        admin,
      );
    const res = await signals(`${LDS}:INTRODUCED_OR_STRENGTHENED`);
    expect(res.data!.pilotSignals).toEqual([
      { bucketStart: '2019-01-01', observations: 4, codeCounts: [{ code: `${LDS}:INTRODUCED_OR_STRENGTHENED`, count: 1 }] },
    ]);
    const bare = onlyError(await signals(LDS));
    expect(bare.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bare.extensions!.fields).toEqual([{ field: 'input.codes.0.code', message: expect.stringContaining(`${LDS}:INTRODUCED_OR_STRENGTHENED`) }]);
    expect(onlyError(await signals('NOT_A_METHOD')).extensions!.fields![0].message).toBe('is no METHOD code');
  });

  it('migrates methods coded before polarity existed to "discussed without change", and back', async () => {
    const owner = createDataSource({ url: t.superuserUrl });
    await owner.initialize();
    try {
      // Undo migrations down to the one that added polarity, as a database of the earlier release.
      while ((await owner.query(`SELECT 1 FROM typeorm_migrations WHERE name LIKE 'MethodPolarity%'`)).length)
        await owner.undoLastMigration({ transaction: 'each' });
      const [before] = await owner.query(`SELECT methods::text[] AS methods FROM observation WHERE title = 'Minutjakten'`);
      expect(before.methods).toEqual([LDS]);
    } finally {
      await owner.destroy();
    }
    await runMigrations(t.superuserUrl);
    const [after] = await t.ds.query(`SELECT methods FROM observation WHERE title = 'Minutjakten'`);
    expect(after.methods).toEqual([`${LDS}:DISCUSSED_WITHOUT_CHANGE`]);
  });
});
