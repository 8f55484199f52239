import type { Browser } from 'playwright-core';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { axeViolations, launchChromium, phonePage, screenshot } from '../utils/browser';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A staff member answers on a phone, in real Chromium: the wave's count rises, a double submit stores one. */
describe('survey link in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  let reporter: string;
  let unitId: string;
  let pilotId: string;
  let waveId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Varbergs kommun' });
    unitId = (await makeOrganisation(t.ds, { name: 'Hemtjänst Trönninge', parentId: kommun.id })).id;
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    pilotId = (
      await makePilot(t.ds, { code: 'WEBB-1', startsOn: day(-30), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    waveId = await openWave('Uppföljning 2');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openWave(label: string): Promise<string> {
    const res = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      {
        input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label, opensOn: day(0), closesOn: day(14), unitIds: [unitId] },
      },
      admin,
    );
    if (res.errors) throw new Error(res.text);
    return res.data!.openSurveyWave.id;
  }
  const linkUrl = async (wave = waveId) => {
    const res = await t.gql(
      'mutation($input: CreateSurveyLinkInput!) { createSurveyLink(input: $input) { url } }',
      { input: { waveId: wave, unitId, invited: 10 } },
      reporter,
    );
    if (res.errors) throw new Error(res.text);
    // The app's PUBLIC_URL names port 3000; the test app listens elsewhere.
    return `${t.url}${new URL(res.data!.createSurveyLink.url).pathname}`;
  };
  const responses = async () =>
    (await t.gql('{ surveyWaves { edges { node { id responseCount links { responseCount responseRate } } } } }', {}, reporter))
      .data!.surveyWaves.edges.map((e: any) => e.node)
      .find((w: any) => w.id === waveId);

  it('is answered by tapping on a phone-sized screen, without JavaScript, and the count rises', async () => {
    const url = await linkUrl();
    // axe-core runs as a script, so it checks the same page in a second tab that allows scripts.
    const checker = await phonePage(browser);
    await checker.goto(url);
    expect(await axeViolations(checker)).toEqual([]);
    await screenshot(checker, 'survey-form');
    const page = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(url);
    await page.getByLabel('Medarbetare').check();
    await page.getByLabel('3–10 år').check();
    // Every Likert question: tap "Instämmer till stor del" (4); the two numbers typed.
    for (const fieldset of await page.locator('fieldset.question:has(.scale)').all()) await fieldset.locator('input[value="4"]').check();
    await page.locator('#item\\.T1').fill('45');
    await page.locator('#item\\.A1').fill('25');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.waitForURL(/\/tack$/);
    expect(await page.locator('h1').textContent()).toBe('Tack');
    await checker.goto(page.url());
    expect(await axeViolations(checker)).toEqual([]);
    await screenshot(checker, 'survey-thanks');
    expect(await responses()).toMatchObject({ responseCount: 1 });
    expect((await responses()).links[0]).toMatchObject({ responseCount: 1, responseRate: 0.1 });
  });

  it('stores one response when Skicka is pressed twice', async () => {
    const page = await phonePage(browser);
    await page.goto(await linkUrl());
    await page.getByLabel('Första linjens chef').check();
    await page.locator('fieldset.question:has(.scale)').first().locator('input[value="2"]').check();
    const before = (await responses()).responseCount;
    // The second press posts the same form again, as a double click or a resent form does.
    const form = await page.locator('form').evaluate((f: any) => new URLSearchParams(new (globalThis as any).FormData(f)).toString());
    const action = page.url();
    const post = () => page.request.post(action, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: form, maxRedirects: 0 });
    expect((await post()).status()).toBe(303);
    expect((await post()).status()).toBe(303);
    expect((await responses()).responseCount).toBe(before + 1);
  });

  it('shows messages beside the questions for a half-filled form, accessibly', async () => {
    const page = await phonePage(browser);
    await page.goto(`${await linkUrl()}?lang=en`);
    await page.locator('#item\\.T1').fill('140');
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await page.locator('.summary').textContent()).toContain('Choose your role.');
    expect(await page.locator('#item\\.T1-error').textContent()).toBe('The answer must be a number from 0 to 100.');
    expect(await page.locator('#item\\.T1').inputValue()).toBe('140');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'survey-form-errors-en');
  });

  it('shows a closed wave’s link as closed', async () => {
    const wave = await openWave('Stängs snart');
    const url = await linkUrl(wave);
    await t.gql('mutation($input: CloseSurveyWaveInput!) { closeSurveyWave(input: $input) { id } }', { input: { id: wave, reason: 'Klar' } }, admin);
    const page = await phonePage(browser);
    const res = await page.goto(url);
    expect(res!.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('Enkäten är stängd');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'survey-closed');
  });
});
