import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role.enum';
import { makeUser, TEST_PASSWORD } from '../factories';
import { axeViolations, desktopPage, launchChromium, screenshot } from '../utils/browser';
import { PageClient } from '../utils/page-client';
import { startTestApp, TestApp } from '../utils/test-app';

/** Runs the query in GraphiQL until the result shows `expected` (the editor may still be loading on a busy machine). */
async function runUntil(page: Page, expected: string): Promise<void> {
  await page.locator('.graphiql-query-editor').waitFor();
  for (let attempt = 1; ; attempt++) {
    await page.locator('.graphiql-execute-button').click();
    try {
      await page.locator('.result-window').getByText(expected).first().waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
    }
  }
}

/** GraphiQL from the app's own files, with the page session, and the docs' examples one click away. */
describe('GraphiQL', () => {
  let t: TestApp;
  let browser: Browser;
  let email: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    email = (await makeUser(t.ds, { role: Role.ANALYST, displayName: 'Ana Analytiker' })).email;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('runs an example of docs/api.md as the signed-in user, loading nothing from another host', async () => {
    const page = await desktopPage(browser);
    const elsewhere: string[] = [];
    // Offline: any request to another host fails, and is noted.
    await page.route('**/*', (route) => (route.request().url().startsWith(t.url) ? route.continue() : (elsewhere.push(route.request().url()), route.abort())));
    await page.goto(`${t.url}/graphiql/exempel`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/graphiql\/exempel$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'graphiql-examples');
    await page.getByRole('link', { name: /^Öppna i GraphiQL\s*:\s*Anyone: the framework$/ }).click();
    await page.waitForURL(/\/graphiql\?query=/);
    await runUntil(page, '"framework"');
    await screenshot(page, 'graphiql');
    // The signed-in user's session answers for them.
    await page.goto(`${t.url}/graphiql?query=${encodeURIComponent('{ me { displayName role } }')}`);
    await runUntil(page, '"Ana Analytiker"');
    expect(elsewhere).toEqual([]);
  });

  it('uses the page session for GraphQL and asks a visitor to sign in first', async () => {
    const visitor = new PageClient(t.url);
    expect(await visitor.get('/graphiql')).toMatchObject({ status: 303, location: '/logga-in?next=%2Fgraphiql' });
  });

  it('is off in production unless GRAPHIQL=true', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production' }, { shareDatabaseOf: t });
    const on = await startTestApp({ NODE_ENV: 'production', GRAPHIQL: 'true' }, { shareDatabaseOf: t });
    try {
      for (const [app, status] of [
        [prod, 404],
        [on, 200],
      ] as const) {
        const user = new PageClient(app.url);
        await user.get('/logga-in');
        await user.post('/logga-in', { email, password: TEST_PASSWORD });
        expect([app === on, (await user.get('/graphiql')).status, (await fetch(`${app.url}/graphiql/static/ruru.js`)).status]).toEqual([
          app === on,
          status,
          status,
        ]);
      }
      // /graphql opened in a browser: GraphiQL when it is on, else a page saying what it is; an API client is unaffected.
      const asBrowser = (app: TestApp) => fetch(`${app.url}/graphql`, { headers: { accept: 'text/html,*/*' }, redirect: 'manual' });
      expect([(await asBrowser(on)).status, (await asBrowser(on)).headers.get('location')]).toEqual([303, '/graphiql']);
      const page = await asBrowser(prod);
      expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('GraphQL-API')]);
      expect((await fetch(`${prod.url}/graphql`, { headers: { accept: 'application/json' } })).status).toBe(400);
    } finally {
      await prod.close();
      await on.close();
    }
  });
});
