import { createHmac } from 'node:crypto';
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
    expect(res.status).toBe(400);
    const err = onlyError(res);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect(err.message).toBe('first must be between 1 and 100: pilots(first: 100000)');
  });

  it('rejects a query whose estimated cost is too high', async () => {
    const node = 'participants { organisation { children { children { name } } } } organisations { children { name } }';
    const copies = Array.from({ length: 6 }, (_, i) => `p${i}: pilots(first: 100) { edges { node { ${node} } } }`);
    const res = await rejectedBeforeSql(`{ ${copies.join(' ')} }`);
    expect(onlyError(res).message).toMatch(/too complex/);
    expect(res.status).toBe(400);
  });

  it('rejects an unknown enum value, inline or in variables', async () => {
    const inline = onlyError(await rejectedBeforeSql('{ pilots(filter: { status: [NOPE] }) { totalCount } }'));
    expect(inline.message).toMatch(/NOPE/);
    expect(inline.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = onlyError(await rejectedBeforeSql('query($f: PilotFilter) { pilots(filter: $f) { totalCount } }', { f: { status: ['NOPE'] } }));
    expect(variable.extensions!.code).toBe('BAD_USER_INPUT');
    expect(variable.message).toMatch(/"NOPE" does not exist in "PilotStatus"/);
  });

  it('answers every request error with HTTP 400 and a code, never 500 (GraphQL over HTTP)', async () => {
    const cases: [string, Record<string, unknown> | undefined][] = [
      ['query($f: Int) { pilots(first: $f) { totalCount } }', { f: 'abc' }],
      ['query($f: Int) { pilots(first: $f) { totalCount } }', { f: -1 }],
      ['query($f: Int) { pilots(first: $f) { totalCount } }', { f: 1000 }],
      ['query($id: ID!) { pilot(id: $id) { code } }', undefined],
      ['query($id: ID!) { pilot(id: $id) { code } }', { id: null }],
      ['query($f: PilotFilter) { pilots(filter: $f) { totalCount } }', { f: { status: 'ACTIVE', nope: 1 } }],
      ['{ pilots(first: 0) { totalCount } }', undefined],
    ];
    for (const [query, variables] of cases) {
      const res = await rejectedBeforeSql(query, variables);
      expect([res.status, onlyError(res).extensions!.code]).toEqual([400, 'BAD_USER_INPUT']);
    }
  });

  it('answers in application/graphql-response+json when the client asks for it', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query($f: Int) { pilots(first: $f) { totalCount } }', variables: { f: 'x' } }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const ok = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ framework { methods { code } } }' }),
    });
    expect([ok.status, ok.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^application\/graphql-response\+json/)]);
  });

  it('tells every cache to keep no GraphQL answer, with data or with errors', async () => {
    const post = (query: string) =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
    const answers = await Promise.all([
      post('{ pilots(first: 1) { totalCount } }'),
      post('{ pilot(id: "00000000-0000-4000-8000-000000000000") { code } }'),
      post('{ nope }'),
    ]);
    expect(answers.map((r) => [r.status, r.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [400, 'no-store'],
    ]);
  });

  it('refuses a NUL character in any string as bad input, naming the field, also without a token', async () => {
    const login = onlyError(
      await t.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email: 'a\u0000@b.se', password: 'x' } }),
    );
    expect(login.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.email' }] });
    const filter = onlyError(await t.gql('query($f: PilotFilter) { pilots(filter: $f) { totalCount } }', { f: { text: 'a\u0000b' } }, token));
    expect(filter.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.text' }] });
    const csv = await fetch(`${t.url}/export/observations.csv?from=2017-01-01%00`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(400);
  });

  it('treats a validly signed token whose subject is not a user id as no token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: "1' OR '1'='1", exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const sig = createHmac('sha256', 'test-secret-that-is-long-enough-0123456789').update(body).digest('base64url');
    const res = await t.gql('{ me { id } }', {}, `${body}.${sig}`);
    expect(onlyError(res).extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses analytics periods out of bounds before any SQL, naming the field', async () => {
    const load = onlyError(await rejectedBeforeSql('{ indicatorLoad(input: { from: "1000-01-01", to: "9999-12-31", bucket: MONTH }) { bucketStart } }'));
    expect(load.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.from' }] });
    expect(load.message).toMatch(/between 1900-01-01 and 2100-12-31/);
    const buckets = onlyError(await rejectedBeforeSql('{ burdenSeries(input: { from: "2000-01-01", to: "2012-12-31", bucket: MONTH }) { bucketStart } }'));
    expect(buckets.message).toMatch(/at most 120 buckets, not 156/);
    const timeline = onlyError(
      await rejectedBeforeSql('query($p: ID!) { pilotTimeline(pilotId: $p, from: "1950-01-01", to: "2018-01-01") { date } }', {
        p: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(timeline.message).toMatch(/at most 30 years/);
    const codes = onlyError(
      await rejectedBeforeSql('{ codeFrequencies(input: { unit: OBSERVATIONS, bucket: MONTH, filter: { from: "2001-01-01", to: "2017-01-01" } }) { count } }'),
    );
    expect(codes.extensions!.fields).toEqual([{ field: 'input.filter.from', message: expect.stringMatching(/at most 120 buckets/) }]);
  });

  it('counts every bucket of an analytics query in its cost', async () => {
    const sel = 'bucketStart organisation { name parent { name parent { name parent { name } } } } imposedBy { name } indicator { name }';
    const query = (to: string) =>
      `{ ${[1, 2, 3, 4].map((i) => `a${i}: burdenSeries(input: { from: "2010-01-01", to: "${to}", bucket: MONTH, groupBy: [ORGANISATION] }) { ${sel} }`).join(' ')} }`;
    expect((await t.gql(query('2010-12-31'), {}, token)).errors).toBeUndefined();
    expect(onlyError(await rejectedBeforeSql(query('2019-12-31'))).message).toMatch(/too complex/);
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
    await t.asSuperuser('ALTER TABLE pilot RENAME TO pilot_moved_away');
    try {
      const res = await t.gql('{ pilots { totalCount } }', {}, token);
      const err = onlyError(res);
      expect(err.message).toBe('Internal server error');
      expect(err.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expectNoLeak(res.text);
    } finally {
      await t.asSuperuser('ALTER TABLE pilot_moved_away RENAME TO pilot');
    }
  });

  it('names every invalid field with its path', async () => {
    const res = await t.gql(
      'mutation($input: CreatePilotInput!) { createPilot(input: $input) { id } }',
      {
        input: { code: 'bad code', title: '', participants: [{ organisationId: 'nope', level: 'STATE' }] },
      },
      token,
    );
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
