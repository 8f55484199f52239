import { Role } from '../../src/common/auth/role.enum';
import { createAdmin } from '../../src/cli/create-admin';
import { login, makeOrganisation, makeUser, TEST_PASSWORD, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { id email role } } }';
const ME = '{ me { id email displayName role organisation { id } } }';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('logs in with e-mail in any case and returns a signed token with an expiry', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const res = await t.gql(LOGIN, { input: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.token.split('.')).toHaveLength(3);
    expect(new Date(res.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.data!.login.user).toEqual({ id: user.id, email: user.email, role: 'ANALYST' });

    const me = await t.gql(ME, {}, res.data!.login.token);
    expect(me.data!.me).toMatchObject({ id: user.id, email: user.email, role: 'ANALYST', organisation: null });
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const wrong = onlyError(await t.gql(LOGIN, { input: { email: user.email, password: 'not the password' } }));
    const unknown = onlyError(await t.gql(LOGIN, { input: { email: 'nobody@example.se', password: 'whatever' } }));
    expect(wrong.extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
  });

  it('rejects requests without a token, with a malformed one, and with a forged one', async () => {
    expect(onlyError(await t.gql(ME)).extensions!.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(ME, {}, 'not-a-jwt')).extensions!.code).toBe('UNAUTHENTICATED');
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJl';
    expect(onlyError(await t.gql(ME, {}, forged)).extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('checks the token and looks the user up once per request, however many root fields it has', async () => {
    const { token } = await userWithToken(t, { role: Role.ANALYST });
    t.queries.reset();
    expect((await t.gql('{ me { id } }', {}, token)).errors).toBeUndefined();
    const one = t.queries.reset();
    const three = await t.gql('{ a: me { id } b: me { id } c: me { id } }', {}, token);
    expect(three.errors).toBeUndefined();
    // One statement for the user lookup, then each `me` its own.
    expect(t.queries.reset()).toBe(1 + 3 * (one - 1));

    const denied = await t.gql('{ a: me { id } b: me { id } }', {}, 'not-a-jwt');
    expect(denied.data).toBeNull();
    expect(denied.errors!.map((e) => e.extensions!.code)).toEqual(expect.arrayContaining(['UNAUTHENTICATED']));
  });

  it('stops a deactivated user: the existing token no longer works and login fails', async () => {
    const admin = await userWithToken(t, { role: Role.ADMIN });
    const victim = await userWithToken(t, { role: Role.RESEARCHER });
    expect((await t.gql(ME, {}, victim.token)).data!.me.id).toBe(victim.user.id);

    const res = await t.gql(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id active } }',
      { input: { id: victim.user.id, active: false, reason: 'Slutat' } },
      admin.token,
    );
    expect(res.data!.updateUser).toEqual({ id: victim.user.id, active: false });

    expect(onlyError(await t.gql(ME, {}, victim.token)).extensions!.code).toBe('UNAUTHENTICATED');
    const relogin = await t.gql(LOGIN, { input: { email: victim.user.email, password: TEST_PASSWORD } });
    expect(onlyError(relogin).extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lets an admin create users; e-mail is unique whatever its case', async () => {
    const admin = await userWithToken(t, { role: Role.ADMIN });
    const org = await makeOrganisation(t.ds);
    const create = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email role organisation { id } } }';
    const input = { email: 'Forskare@Example.se', displayName: 'Forskare', role: 'ORG_REPORTER', organisationId: org.id, password: 'long enough password' };
    const created = await t.gql(create, { input }, admin.token);
    expect(created.data!.createUser).toMatchObject({ email: 'forskare@example.se', role: 'ORG_REPORTER', organisation: { id: org.id } });
    expect(await login(t, 'forskare@example.se', 'long enough password')).toBeTruthy();

    const dup = onlyError(await t.gql(create, { input: { ...input, email: 'FORSKARE@example.se' } }, admin.token));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.email' }] });

    const noOrg = onlyError(await t.gql(create, { input: { ...input, email: 'x@example.se', organisationId: null } }, admin.token));
    expect(noOrg.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.organisationId' }] });

    const short = onlyError(await t.gql(create, { input: { ...input, email: 'y@example.se', password: 'short' } }, admin.token));
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.password' }] });
    expect(short.message).toMatch(/input\.password must be longer than or equal to 12 characters/);
  });

  it('creates the first admin from the CLI code path, validating like the API', async () => {
    const admin = await createAdmin(t.ds, { email: 'First.Admin@example.se', displayName: 'First Admin', password: 'a-very-long-password' });
    expect(admin.role).toBe(Role.ADMIN);
    const token = await login(t, 'first.admin@example.se', 'a-very-long-password');
    expect((await t.gql(ME, {}, token)).data!.me.role).toBe('ADMIN');
    await expect(createAdmin(t.ds, { email: 'weak@example.se', displayName: 'x', password: 'short' })).rejects.toThrow(/password/);
    await expect(createAdmin(t.ds, { email: 'first.admin@EXAMPLE.se', displayName: 'x', password: 'a-very-long-password' })).rejects.toThrow(/already exists/);
  });

  it('lets an admin list users by role, activity and text, a page at a time', async () => {
    const admin = await userWithToken(t, { role: Role.ADMIN });
    await makeUser(t.ds, { role: Role.RESEARCHER, displayName: 'Åsa Östlund', email: 'asa@uni.se' });
    await makeUser(t.ds, { role: Role.RESEARCHER, displayName: 'Bo Berg', email: 'bo@uni.se', active: false });
    const list = async (filter: Record<string, unknown>) =>
      (
        await t.gql('query($f: UserFilter) { users(filter: $f, first: 100) { totalCount edges { node { displayName } } } }', { f: filter }, admin.token)
      ).data!.users.edges.map((e: any) => e.node.displayName);
    expect(await list({ text: 'östlund' })).toEqual(['Åsa Östlund']);
    expect(await list({ text: 'UNI.SE', active: false })).toEqual(['Bo Berg']);
    expect(await list({ role: ['RESEARCHER'], text: 'uni.se' })).toHaveLength(2);
  });

  it('keeps the health check public and reports the database', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});
