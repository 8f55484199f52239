import { Role } from '../../src/common/auth/role.enum';
import { makePilot, userWithToken } from '../factories';
import { GqlResponse, onlyError, startTestApp, TestApp } from '../utils/test-app';

/** No stack frames, file paths or SQL in anything a client receives. */
function expectNoLeak(text: string) {
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\/src\/|\.ts:\d+|SELECT |INSERT |relation "|QueryFailedError/);
}

describe('errors and limits', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await userWithToken(t, { role: Role.ADMIN })).token;
  });
  afterAll(() => t.close());

  const rejectedBeforeSql = async (query: string, variables?: Record<string, unknown>): Promise<GqlResponse> => {
    t.queries.reset();
    const res = await t.gql(query, variables, token);
    // Not even the guard's user look-up: the operation is refused before execution.
    expect(t.queries.reset()).toBe(0);
    expect(res.data).toBeNull();
    expectNoLeak(res.text);
    return res;
  };

  it('rejects a depth-20 query', async () => {
    let sel = 'id';
    for (let i = 0; i < 19; i++) sel = `parent { ${sel} }`;
    const res = await rejectedBeforeSql(`query($id: ID!) { organisation(id: $id) { ${sel} } }`, { id: '00000000-0000-4000-8000-000000000000' });
    expect(onlyError(res).message).toMatch(/depth limit of 10 exceeded/i);
  });

  it('rejects a 1,000-alias query (it is too long even to parse) and caps aliases at 30', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: framework { __typename }`).join(' ');
    const thousand = onlyError(await rejectedBeforeSql(`{ ${aliases(1000)} }`));
    expect(thousand.message).toMatch(/more that 5000 tokens/);
    expect(thousand.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    const hundred = onlyError(await rejectedBeforeSql(`{ ${aliases(100)} }`));
    expect(hundred.message).toMatch(/aliases limit of 30 exceeded, found 100/i);
  });

  it('rejects first: 100000 naming the argument', async () => {
    const res = await rejectedBeforeSql('{ pilots(first: 100000) { totalCount } }');
    const err = onlyError(res);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect(err.message).toBe('first must be between 1 and 100: pilots(first: 100000)');
  });

  it('rejects a query whose estimated cost is too high', async () => {
    const node = 'participants { organisation { children { children { name } } } } organisations { children { name } }';
    const copies = Array.from({ length: 6 }, (_, i) => `p${i}: pilots(first: 100) { edges { node { ${node} } } }`);
    const res = await rejectedBeforeSql(`{ ${copies.join(' ')} }`);
    expect(onlyError(res).message).toMatch(/too complex/);
  });

  it('rejects an unknown enum value, inline or in variables', async () => {
    const inline = onlyError(await rejectedBeforeSql('{ pilots(filter: { status: [NOPE] }) { totalCount } }'));
    expect(inline.message).toMatch(/NOPE/);
    expect(inline.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = onlyError(await rejectedBeforeSql('query($f: PilotFilter) { pilots(filter: $f) { totalCount } }', { f: { status: ['NOPE'] } }));
    expect(variable.extensions!.code).toBe('BAD_USER_INPUT');
    expect(variable.message).toMatch(/"NOPE" does not exist in "PilotStatus"/);
  });

  it('treats a SQL-injection string in a text filter as text', async () => {
    await makePilot(t.ds, { code: 'INJ-1' });
    const res = await t.gql('query($f: PilotFilter) { pilots(filter: $f) { totalCount } }', { f: { text: "'; DROP TABLE pilot; --" } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.pilots.totalCount).toBe(0);
    const after = await t.gql('{ pilots { totalCount } }', {}, token);
    expect(after.data!.pilots.totalCount).toBeGreaterThan(0);
  });

  it('rejects an oversized body and a body that is not JSON, in GraphQL error shape', async () => {
    const big = await t.post(JSON.stringify({ query: `{ framework { __typename } } # ${'x'.repeat(5_300_000)}` }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expectNoLeak(big.text);
    const bad = await t.post('{"query": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].message).toMatch(/not valid JSON/);
    expectNoLeak(bad.text);
  });

  it('answers an internal failure with a request id and no SQL, stack or cause', async () => {
    await t.ds.query('ALTER TABLE pilot RENAME TO pilot_moved_away');
    try {
      const res = await t.gql('{ pilots { totalCount } }', {}, token);
      const err = onlyError(res);
      expect(err.message).toBe('Internal server error');
      expect(err.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expectNoLeak(res.text);
    } finally {
      await t.ds.query('ALTER TABLE pilot_moved_away RENAME TO pilot');
    }
  });

  it('names every invalid field with its path', async () => {
    const res = await t.gql('mutation($input: CreatePilotInput!) { createPilot(input: $input) { id } }', {
      input: { code: 'bad code', title: '', participants: [{ organisationId: 'nope', level: 'STATE' }] },
    }, token);
    const err = onlyError(res);
    expect(err.extensions!.code).toBe('BAD_USER_INPUT');
    expect(err.extensions!.fields!.map((f) => f.field).sort()).toEqual(['input.code', 'input.participants.0.organisationId', 'input.title']);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ NODE_ENV: 'production' })));
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.gql('{ __schema { types { name } } }');
    expect(res.data).toBeFalsy();
    expect(res.errors![0].message).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql('{ framewor { __typename } }');
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
  });
});
