import { Role } from '../../src/common/auth/role.enum';
import { makeUser, TEST_PASSWORD } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';

async function attempt(t: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as {
    data?: { login?: { token: string } };
    errors?: { message: string; extensions: { code: string; retryAfter?: number } }[];
  };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions.code, ok: !!body.data?.login?.token, body };
}

describe('login abuse', () => {
  describe('per account', () => {
    let t: TestApp;
    let second: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_MAX_PER_ACCOUNT: '5', LOGIN_WINDOW_SECONDS: '600' }, { captureLogs: true });
      second = await startTestApp({ LOGIN_MAX_PER_ACCOUNT: '5', LOGIN_WINDOW_SECONDS: '600' }, { shareDatabaseOf: t });
    });
    afterAll(async () => {
      await second.close();
      await t.close();
    });

    it('refuses the right password after five wrong ones, with 429, Retry-After and a log line', async () => {
      const user = await makeUser(t.ds, { role: Role.ANALYST });
      for (let i = 0; i < 5; i++) expect((await attempt(t, user.email, 'wrong password')).code).toBe('UNAUTHENTICATED');
      t.logs.length = 0;
      const blocked = await attempt(t, user.email.toUpperCase(), TEST_PASSWORD);
      expect(blocked).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', ok: false });
      expect(Number(blocked.retryAfter)).toBeGreaterThan(500);
      expect(blocked.body.errors![0].extensions.retryAfter).toBe(Number(blocked.retryAfter));
      const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'login refused: too many attempts');
      expect(line).toMatchObject({ limit: 'per account', retryAfter: expect.any(Number) });
      expect(t.logs.join('')).not.toContain(user.email);

      // Other accounts from the same address are not affected.
      const other = await makeUser(t.ds, { role: Role.ANALYST });
      expect((await attempt(t, other.email, TEST_PASSWORD)).ok).toBe(true);
    });

    it('counts attempts in the database, so a second instance refuses them too', async () => {
      const user = await makeUser(t.ds, { role: Role.ANALYST });
      for (let i = 0; i < 3; i++) await attempt(t, user.email, 'wrong');
      for (let i = 0; i < 2; i++) await attempt(second, user.email, 'wrong');
      expect((await attempt(second, user.email, TEST_PASSWORD)).status).toBe(429);
      expect((await attempt(t, user.email, TEST_PASSWORD)).status).toBe(429);
    });

    it('limits unknown accounts the same way, so the answers tell nothing about which exist', async () => {
      for (let i = 0; i < 5; i++) expect((await attempt(t, 'ingen@example.se', 'x')).code).toBe('UNAUTHENTICATED');
      expect((await attempt(t, 'ingen@example.se', 'x')).code).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('per client address', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '8' })));
    afterAll(() => t.close());

    it('refuses a ninth attempt from one address across accounts, whatever X-Forwarded-For says', async () => {
      const user = await makeUser(t.ds, { role: Role.ANALYST });
      for (let i = 0; i < 8; i++) {
        expect((await attempt(t, `person${i}@example.se`, 'guess', { 'x-forwarded-for': `10.0.0.${i}` })).code).toBe('UNAUTHENTICATED');
      }
      const res = await attempt(t, user.email, TEST_PASSWORD, { 'x-forwarded-for': '10.9.9.9' });
      expect([res.status, res.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    });
  });
});
