import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

/**
 *   O1 2019-01-10 at unit A: forms REGEL, NORM; methods LESS_DETAIL_STEERING (introduced or strengthened, as every other method code here); relations BETWEEN_DECISION_LEVELS; STRENGTHENS
 *      segment: methods VALUES_WORK
 *   O2 2019-02-05 at unit B: forms NORM; methods LESS_DETAIL_STEERING weakened or reversed (more detail steering), VALUES_WORK;
 *      relations BETWEEN_DECISION_LEVELS, PRINCIPAL_AND_OPERATIONS; STRENGTHENS
 *      segment: methods VALUES_WORK; relations PRINCIPAL_AND_OPERATIONS
 *   O3 2019-02-20 at unit B: forms EKONOMI; methods VALUES_WORK; WEAKENS
 *   O4 2019-02-21: forms REGEL, then deleted (counts nowhere)
 */
describe('code frequencies and co-occurrence', () => {
  let t: TestApp;
  let admin: string;
  let unitA: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const k = await makeOrganisation(t.ds, { name: 'K' });
    unitA = await makeOrganisation(t.ds, { name: 'A', parentId: k.id });
    const unitB = await makeOrganisation(t.ds, { name: 'B', parentId: k.id });
    const pilotId = (
      await makePilot(t.ds, { code: 'CODES-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const log = async (organisationId: string, occurredOn: string, codes: Record<string, unknown>) => {
      const res = await t.gql(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          input: { pilotId, organisationId, level: 'FRONT_LINE', occurredOn, kind: 'MEETING', title: 't', text: 'Ett två tre fyra fem.', codes },
        },
        admin,
      );
      return res.data!.logObservation.id as string;
    };
    const segment = (observationId: string, codes: Record<string, unknown>) =>
      t.gql('mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }', { input: { observationId, start: 0, end: 3, codes } }, admin);
    const o1 = await log(unitA.id, '2019-01-10', {
      forms: ['REGEL', 'NORM'],
      methods: [seen('LESS_DETAIL_STEERING')],
      relations: ['BETWEEN_DECISION_LEVELS'],
      effectOnTrust: 'STRENGTHENS',
    });
    const o2 = await log(unitB.id, '2019-02-05', {
      forms: ['NORM'],
      methods: [seen('LESS_DETAIL_STEERING', 'WEAKENED_OR_REVERSED'), seen('VALUES_WORK')],
      relations: ['BETWEEN_DECISION_LEVELS', 'PRINCIPAL_AND_OPERATIONS'],
      effectOnTrust: 'STRENGTHENS',
    });
    await log(unitB.id, '2019-02-20', { forms: ['EKONOMI'], methods: [seen('VALUES_WORK')], effectOnTrust: 'WEAKENS' });
    const o4 = await log(unitB.id, '2019-02-21', { forms: ['REGEL'] });
    await segment(o1, { methods: [seen('VALUES_WORK')] });
    await segment(o2, { methods: [seen('VALUES_WORK')], relations: ['PRINCIPAL_AND_OPERATIONS'] });
    await t.gql('mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { id } }', { input: { id: o4, reason: 'test' } }, admin);
  });
  afterAll(() => t.close());

  const FREQ = 'query($input: CodeFrequenciesInput!) { codeFrequencies(input: $input) { bucketStart dimension code count } }';
  const q = async (query: string, input: Record<string, unknown>, token = admin) => {
    const res = await t.gql(query, { input }, token);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as any[];
  };

  it('counts each code on observations (deleted ones left out)', async () => {
    const rows = await q(FREQ, { dimensions: ['FORM', 'METHOD', 'EFFECT_ON_TRUST'] });
    expect(rows.map((r) => [r.dimension, r.code, r.count])).toEqual([
      ['EFFECT_ON_TRUST', 'STRENGTHENS', 2],
      ['EFFECT_ON_TRUST', 'WEAKENS', 1],
      ['FORM', 'NORM', 2],
      ['FORM', 'EKONOMI', 1],
      ['FORM', 'REGEL', 1],
      ['METHOD', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 2],
      ['METHOD', 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 1],
      ['METHOD', 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 1],
    ]);
  });

  it('counts per month, and on coded segments', async () => {
    const monthly = await q(FREQ, { dimensions: ['METHOD'], bucket: 'MONTH' });
    expect(monthly.map((r) => [r.bucketStart, r.code, r.count])).toEqual([
      ['2019-01-01', 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 1],
      ['2019-02-01', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 2],
      ['2019-02-01', 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 1],
    ]);
    const segments = await q(FREQ, { unit: 'SEGMENTS', dimensions: ['METHOD', 'RELATION'] });
    expect(segments.map((r) => [r.dimension, r.code, r.count])).toEqual([
      ['METHOD', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 2],
      ['RELATION', 'PRINCIPAL_AND_OPERATIONS', 1],
    ]);
  });

  it('crosses two dimensions: methods × trust relations', async () => {
    const cells = await q('query($input: CodeCooccurrenceInput!) { codeCooccurrence(input: $input) { rowCode columnCode count } }', {
      rows: 'METHOD',
      columns: 'RELATION',
    });
    expect(cells.map((c) => [c.rowCode, c.columnCode, c.count])).toEqual([
      ['LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 'BETWEEN_DECISION_LEVELS', 1],
      ['LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 'BETWEEN_DECISION_LEVELS', 1],
      ['LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 'PRINCIPAL_AND_OPERATIONS', 1],
      ['VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 'BETWEEN_DECISION_LEVELS', 1],
      ['VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 'PRINCIPAL_AND_OPERATIONS', 1],
    ]);
  });

  it('gives org reporters the counts for their own units only', async () => {
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unitA.id })).token;
    const rows = await q(FREQ, { dimensions: ['FORM'] }, reporter);
    expect(rows.map((r) => [r.code, r.count])).toEqual([
      ['NORM', 1],
      ['REGEL', 1],
    ]);
  });

  it('takes the whole framework: definition parts, control systems, effect variables with a direction, contextual conditions', async () => {
    const [{ id: pilotId }] = await t.ds.query(`SELECT id FROM pilot WHERE code = 'CODES-1'`);
    const LOG =
      'mutation($input: LogObservationInput!) { logObservation(input: $input) { id codes { controlSystems effectVariables { variable direction } } } }';
    const input = (codes: Record<string, unknown>) => ({
      input: {
        pilotId,
        organisationId: unitA.id,
        level: 'FRONT_LINE',
        occurredOn: '2019-03-05',
        kind: 'MEETING',
        title: 'Minutjakten',
        text: 'Besöken mäts i minuter.',
        codes,
      },
    });
    const codes = {
      definitionParts: ['PURPOSE_AND_USER_NEEDS'],
      controlSystems: ['DIAGNOSTIC', 'BOUNDARY'],
      effectVariables: [
        { variable: 'STAFF_DISCRETION', direction: 'WEAKENS' },
        { variable: 'ADMINISTRATIVE_BURDEN', direction: 'STRENGTHENS' },
      ],
      contextualConditions: ['NATIONAL_AGENCY_STRUCTURE'],
    };
    const logged = await t.gql(LOG, input(codes), admin);
    expect(logged.errors).toBeUndefined();
    expect(logged.data!.logObservation.codes).toEqual({ controlSystems: codes.controlSystems, effectVariables: codes.effectVariables });
    const twice = await t.gql(
      LOG,
      input({
        effectVariables: [
          { variable: 'STAFF_DISCRETION', direction: 'WEAKENS' },
          { variable: 'STAFF_DISCRETION', direction: 'MIXED' },
        ],
      }),
      admin,
    );
    expect(onlyError(twice).extensions!.code).toBe('BAD_USER_INPUT');
    const rows = await q(FREQ, { dimensions: ['DEFINITION_PART', 'CONTROL_SYSTEM', 'EFFECT_VARIABLE', 'CONTEXTUAL_CONDITION'] });
    expect(rows.map((r) => [r.dimension, r.code, r.count])).toEqual([
      ['CONTEXTUAL_CONDITION', 'NATIONAL_AGENCY_STRUCTURE', 1],
      ['CONTROL_SYSTEM', 'BOUNDARY', 1],
      ['CONTROL_SYSTEM', 'DIAGNOSTIC', 1],
      ['DEFINITION_PART', 'PURPOSE_AND_USER_NEEDS', 1],
      ['EFFECT_VARIABLE', 'ADMINISTRATIVE_BURDEN:STRENGTHENS', 1],
      ['EFFECT_VARIABLE', 'STAFF_DISCRETION:WEAKENS', 1],
    ]);
    const cells = await q('query($input: CodeCooccurrenceInput!) { codeCooccurrence(input: $input) { rowCode columnCode count } }', {
      rows: 'EFFECT_VARIABLE',
      columns: 'CONTROL_SYSTEM',
    });
    expect(cells.map((c) => [c.rowCode, c.columnCode, c.count])).toContainEqual(['STAFF_DISCRETION:WEAKENS', 'DIAGNOSTIC', 1]);
    const csv = await (await fetch(`${t.url}/export/observation-codes.csv`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(csv).toContain(',EFFECT_VARIABLE,STAFF_DISCRETION:WEAKENS');
  });

  it('filters and breaks counts down by steering-chain level, respondent role and pilot: did the method reach the front line?', async () => {
    const [{ id: pilotId }] = await t.ds.query(`SELECT id FROM pilot WHERE code = 'CODES-1'`);
    const logged = await t.gql(
      'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
      {
        input: {
          pilotId,
          organisationId: unitA.id,
          level: 'UNIT_MANAGEMENT',
          respondentRole: 'FIRST_LINE_MANAGER',
          occurredOn: '2019-03-10',
          kind: 'INTERVIEW',
          title: 'Enhetschefen',
          text: 'Vi styr mindre i detalj nu.',
          codes: { methods: [seen('LESS_DETAIL_STEERING')] },
        },
      },
      admin,
    );
    expect(logged.errors).toBeUndefined();
    const grouped = await q(FREQ.replace('count }', 'count pilotId level respondentRole }'), {
      dimensions: ['METHOD'],
      groupBy: ['LEVEL', 'RESPONDENT_ROLE', 'PILOT'],
    });
    expect(grouped.map((r) => [r.level, r.respondentRole, r.code, r.count, r.pilotId === pilotId])).toEqual([
      ['FRONT_LINE', null, 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 2, true],
      ['FRONT_LINE', null, 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 1, true],
      ['FRONT_LINE', null, 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 1, true],
      ['UNIT_MANAGEMENT', 'FIRST_LINE_MANAGER', 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 1, true],
    ]);
    const managers = await q(FREQ, { dimensions: ['METHOD'], filter: { level: ['UNIT_MANAGEMENT'], respondentRole: ['FIRST_LINE_MANAGER'] } });
    expect(managers.map((r) => [r.code, r.count])).toEqual([['LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 1]]);
    const cells = await q('query($input: CodeCooccurrenceInput!) { codeCooccurrence(input: $input) { level rowCode columnCode count } }', {
      rows: 'METHOD',
      columns: 'METHOD',
      groupBy: ['LEVEL'],
      filter: { level: ['UNIT_MANAGEMENT'] },
    });
    expect(cells).toEqual([
      {
        level: 'UNIT_MANAGEMENT',
        rowCode: 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED',
        columnCode: 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED',
        count: 1,
      },
    ]);
    const listed = await t.gql(
      '{ observations(filter: { level: [UNIT_MANAGEMENT], respondentRole: [FIRST_LINE_MANAGER] }) { edges { node { title } } } }',
      {},
      admin,
    );
    expect(listed.data!.observations.edges.map((e: any) => e.node.title)).toEqual(['Enhetschefen']);
  });
});
