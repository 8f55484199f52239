import { Role } from '../../src/common/auth/role.enum';
import { makeOrganisation, makeUser, TEST_PASSWORD, userWithToken } from '../factories';
import { PageClient } from '../utils/page-client';
import { startTestApp, TestApp } from '../utils/test-app';

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { url expiresAt user { id displayName } } }`;
const NEW_LINK = `mutation($input: IssuePasswordLinkInput!) { issuePasswordLink(input: $input) { url } }`;

/** Signing in to the pages, sessions that end, one's own password, and the one-time link to set it. */
describe('accounts on the pages', () => {
  let t: TestApp;
  let admin: string;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_PER_ACCOUNT: '4', TRUST_PROXY: 'loopback' }, { captureLogs: true });
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    orgId = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
  });
  afterAll(() => t.close());

  const sessionsOf = async (userId: string) =>
    (await t.asSuperuser<{ n: number }>(`SELECT count(*)::int AS n FROM web_session WHERE sess ->> 'userId' = $1`, [userId]))[0].n;

  async function signedIn(email: string, password = TEST_PASSWORD): Promise<PageClient> {
    const browser = new PageClient(t.url);
    await browser.get('/logga-in');
    const res = await browser.post('/logga-in?next=%2F', { email, password });
    expect([res.status, res.location]).toEqual([303, '/']);
    return browser;
  }

  it('sends a visitor who is not signed in to the sign-in page, and back after', async () => {
    const user = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: orgId, displayName: 'Rut Rapportör' });
    const browser = new PageClient(t.url);
    expect(await browser.get('/rapportering')).toMatchObject({ status: 303, location: '/logga-in?next=%2Frapportering' });
    expect(browser.sessionCookie).toBeUndefined(); // reading sets no cookie
    await browser.get('/logga-in?next=%2Frapportering');
    const before = browser.sessionCookie;
    const res = await browser.post('/logga-in?next=%2Frapportering', { email: user.email, password: TEST_PASSWORD });
    expect([res.status, res.location]).toEqual([303, '/rapportering']);
    expect(browser.sessionCookie).not.toBe(before); // a new session id at sign-in: none fixed beforehand
    expect((await browser.get('/')).status).toBe(200);
    expect(browser.text()).toContain('Välkommen, Rut Rapportör');
    expect(browser.text()).toContain('Du rapporterar för Kommunen');
  });

  it('sets an HttpOnly, SameSite cookie that is Secure behind HTTPS', async () => {
    const plain = await fetch(`${t.url}/logga-in`);
    expect(plain.headers.get('set-cookie')).toMatch(/^tillit_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const behindTls = await fetch(`${t.url}/logga-in`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
    // The anonymous survey pages never get one.
    expect((await fetch(`${t.url}/s/unknown-token`)).headers.get('set-cookie')).toBeNull();
  });

  it('refuses a form without the session’s token, and a wrong password, and signs nobody in', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const browser = new PageClient(t.url);
    await browser.get('/logga-in');
    const forged = await browser.post('/logga-in', { _csrf: 'forged', email: user.email, password: TEST_PASSWORD });
    expect(forged.status).toBe(403);
    expect(browser.text()).toContain('Formuläret hade gått ut');
    await browser.get('/logga-in');
    const wrong = await browser.post('/logga-in', { email: user.email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(browser.text()).toContain('Fel e-postadress eller lösenord');
    expect(browser.field('email')).toBe(user.email); // kept, the password not
    expect(browser.html).not.toContain('not the password at all');
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('limits sign-in attempts per account like the API’s login', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const browser = new PageClient(t.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      await browser.get('/logga-in');
      statuses.push((await browser.post('/logga-in', { email: user.email, password: 'wrong password number ' + i })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(browser.text()).toContain('För många försök');
  });

  it('gives the signed-in page session to GraphQL as well (as GraphiQL uses it)', async () => {
    const user = await makeUser(t.ds, { role: Role.RESEARCHER, displayName: 'Fia Forskare' });
    const browser = await signedIn(user.email);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: browser.sessionCookie! },
      body: JSON.stringify({ query: '{ me { displayName } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: { displayName: 'Fia Forskare' } } });
  });

  it('signs out: the session is gone, and its cookie no longer signs anyone in', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const browser = await signedIn(user.email);
    const cookie = browser.sessionCookie!;
    await browser.get('/');
    expect(await browser.post('/logga-ut', {})).toMatchObject({ status: 303, location: '/logga-ut' });
    expect(await sessionsOf(user.id)).toBe(0);
    const replayed = await fetch(`${t.url}/`, { headers: { cookie }, redirect: 'manual' });
    expect(replayed.status).toBe(303);
  });

  it('ends a session at its maximum age and when it has been idle too long', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const old = await signedIn(user.email);
    await t.asSuperuser(`UPDATE web_session SET sess = jsonb_set(sess::jsonb, '{signedInAt}', '0')::json WHERE sess ->> 'userId' = $1`, [user.id]);
    expect(await old.get('/')).toMatchObject({ status: 303, location: '/logga-in?next=%2F' });
    expect(await sessionsOf(user.id)).toBe(0);
    const idle = await signedIn(user.email);
    await t.asSuperuser(`UPDATE web_session SET expire = now() - interval '1 second' WHERE sess ->> 'userId' = $1`, [user.id]);
    expect((await idle.get('/')).status).toBe(303);
  });

  it('ends every session of a user who is deactivated', async () => {
    const user = await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: orgId });
    const phone = await signedIn(user.email);
    await signedIn(user.email);
    expect(await sessionsOf(user.id)).toBe(2);
    const res = await t.gql(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { active } }',
      { input: { id: user.id, active: false, reason: 'Slutat' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await phone.get('/')).status).toBe(303);
  });

  it('lets a user change their own password, and signs out their other sessions', async () => {
    const user = await makeUser(t.ds, { role: Role.RESEARCHER });
    const laptop = await signedIn(user.email);
    const other = await signedIn(user.email);
    await laptop.get('/konto/losenord');
    const wrong = await laptop.post('/konto/losenord', {
      currentPassword: 'not it at all',
      newPassword: 'ett nytt långt lösenord',
      repeat: 'ett nytt långt lösenord',
    });
    expect(wrong.status).toBe(400);
    expect(laptop.text()).toContain('Det är inte ditt nuvarande lösenord.');
    const mismatch = await laptop.post('/konto/losenord', { currentPassword: TEST_PASSWORD, newPassword: 'ett nytt långt lösenord', repeat: 'ett annat' });
    expect(mismatch.status).toBe(400);
    expect(laptop.text()).toContain('Lösenorden är inte likadana.');
    const ok = await laptop.post('/konto/losenord', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ett nytt långt lösenord',
      repeat: 'ett nytt långt lösenord',
    });
    expect(ok).toMatchObject({ status: 303, location: '/konto/losenord?saved=1' });
    expect((await laptop.get('/konto/losenord?saved=1')).status).toBe(200);
    expect(laptop.text()).toContain('Lösenordet är bytt.');
    expect((await other.get('/')).status).toBe(303);
    await signedIn(user.email, 'ett nytt långt lösenord');
  });

  it('invites a user through a one-time, expiring link that sets their password and signs them in', async () => {
    const res = await t.gql(
      INVITE,
      { input: { email: 'ny.rapportor@kommunen.se', displayName: 'Ny Rapportör', role: 'ORG_REPORTER', organisationId: orgId } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const { url, user } = res.data!.inviteUser;
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/inbjudan\/[A-Za-z0-9_-]{43}$/);
    // Nobody can sign in before the link is used: there is no password yet.
    const early = new PageClient(t.url);
    await early.get('/logga-in');
    expect((await early.post('/logga-in', { email: 'ny.rapportor@kommunen.se', password: '' })).status).toBe(401);

    const browser = new PageClient(t.url);
    expect((await browser.get(path)).status).toBe(200);
    expect(browser.text()).toContain('Kontot är för Ny Rapportör (ny.rapportor@kommunen.se)');
    expect((await browser.post(path, { newPassword: 'kort', repeat: 'kort' })).status).toBe(400);
    expect(browser.text()).toContain('minst 12 tecken');
    expect(await browser.post(path, { newPassword: 'mitt eget lösenord', repeat: 'mitt eget lösenord' })).toMatchObject({ status: 303, location: '/' });
    expect((await browser.get('/')).status).toBe(200);
    expect(browser.text()).toContain('Välkommen, Ny Rapportör');
    await signedIn('ny.rapportor@kommunen.se', 'mitt eget lösenord');

    // Once only.
    const again = new PageClient(t.url);
    expect((await again.get(path)).status).toBe(410);
    expect(again.text()).toContain('Länken har redan använts');
    // The token is a credential: not in the audit trail, not in the log.
    const token = path.split('/').pop()!;
    const [{ trail }] = await t.asSuperuser(`SELECT string_agg(changes::text || coalesce(reason, ''), ' ') AS trail FROM audit_log WHERE entity_id = $1`, [
      user.id,
    ]);
    expect(trail).toContain('passwordLinkUntil');
    expect(trail).not.toContain(token);
    expect(t.logs.join('\n')).not.toContain(token);
    expect(t.logs.join('\n')).toContain('/inbjudan/[hidden]');
  });

  it('gives a forgotten password a new link that ends the earlier one, and an expired link does not work', async () => {
    const user = await makeUser(t.ds, { role: Role.ANALYST });
    const link = async () =>
      new URL((await t.gql(NEW_LINK, { input: { userId: user.id, reason: 'Glömt lösenordet' } }, admin)).data!.issuePasswordLink.url).pathname;
    const first = await link();
    const second = await link();
    const browser = new PageClient(t.url);
    expect((await browser.get(first)).status).toBe(410);
    expect((await browser.get(second)).status).toBe(200);
    await t.asSuperuser(`UPDATE user_invitation SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect((await browser.get(second)).status).toBe(410);
    expect((await browser.post(second, { newPassword: 'ett helt nytt lösenord', repeat: 'ett helt nytt lösenord' })).status).toBe(410);
    // The old password still works: nothing changed.
    await signedIn(user.email);
  });

  it('lets only admins invite and make links', async () => {
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: orgId })).token;
    const res = await t.gql(INVITE, { input: { email: 'x@y.se', displayName: 'X', role: 'ADMIN' } }, reporter);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
