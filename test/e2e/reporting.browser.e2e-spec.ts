import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, makeUser, TEST_PASSWORD, userWithToken } from '../factories';
import { axeViolations, desktopPage, launchChromium, phonePage, screenshot } from '../utils/browser';
import { startTestApp, TestApp } from '../utils/test-app';

const RANGE = 'from=2019-01-01&to=2019-03-31';
/** The link to report February (its accessible name says which period, not only "Rapportera"). */
const FEBRUARY = /^Rapportera\s*:\s*Avvikelserapporter, Hemtjänst Trönninge, 2019-02-01$/;

/**
 * A reporter in real Chromium: signs in with the keyboard alone, sees a missing period, reports it
 * and it leaves the missing list; an invitation sets a password; another organisation's page is
 * not there. axe-core checks every page on the way.
 */
describe('reporting pages in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  const org: Record<string, string> = {};
  let indicatorId: string;
  let reporterEmail: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    org.kommun = (await makeOrganisation(t.ds, { name: 'Varbergs kommun' })).id;
    org.unit = (await makeOrganisation(t.ds, { name: 'Hemtjänst Trönninge', parentId: org.kommun })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Falkenbergs kommun' })).id;
    await makeOrganisation(t.ds, { name: 'Inspektionen för vård och omsorg', kind: OrganisationKind.SUPERVISORY_AGENCY });
    const pilotId = (
      await makePilot(t.ds, { code: 'WEBB-2', startsOn: '2019-01-01', endsOn: null }, [
        { organisationId: org.kommun, level: SteeringLevel.POLITICAL_PRINCIPAL },
      ])
    ).id;
    const instrument = await t.gql(
      'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
      {
        input: {
          name: 'Nämndens uppföljning',
          kind: 'PRINCIPAL_FOLLOW_UP',
          governanceForm: 'PRESTATION',
          imposedById: org.kommun,
          appliesToIds: [org.unit],
          validFrom: '2019-01-01',
        },
      },
      admin,
    );
    indicatorId = (
      await t.gql(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        {
          input: {
            name: 'Avvikelserapporter',
            instrumentId: instrument.data!.createSteeringInstrument.id,
            measureType: 'PROCESS',
            aggregationLevel: 'UNIT',
            reportingFrequency: 'MONTHLY',
            introducedOn: '2019-01-01',
          },
        },
        admin,
      )
    ).data!.defineIndicator.id;
    reporterEmail = (await makeUser(t.ds, { role: Role.ORG_REPORTER, organisationId: org.kommun, displayName: 'Rut Rapportör' })).email;
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.gql(
      'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
      { input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Uppföljning 2', opensOn: today, closesOn: today, unitIds: [org.unit] } },
      admin,
    );
    if (res.errors) throw new Error(res.text);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The page passes axe, and its screenshot is kept for docs/web.md. */
  async function checked(page: Page, name: string): Promise<void> {
    expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
    await screenshot(page, name);
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
  }

  it('signs a reporter in with the keyboard alone, and shows their organisation and units', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/logga-in\?next=%2F$/);
    await checked(page, 'sign-in');
    // Tab order: skip link, language, e-mail, password, button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(reporterEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Välkommen, Rut Rapportör');
    await expect(page.locator('main').textContent()).resolves.toContain('Hemtjänst Trönninge');
    await checked(page, 'home-reporter');
  });

  it('shows a missing period, takes its report, and the period leaves the missing list', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, reporterEmail, TEST_PASSWORD);
    await page.goto(`${t.url}/rapportering?${RANGE}`);
    await expect(page.locator('caption').first().textContent()).resolves.toBe('Att rapportera (3)');
    await checked(page, 'reporting-due');
    await page.getByRole('link', { name: FEBRUARY }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapportera: Avvikelserapporter');
    await page.getByLabel('Personaltimmar för att mäta och rapportera').fill('0'); // first a wrong value
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await expect(page.locator('#doubleRegistration-error').textContent()).resolves.toBe('Välj ett svar.');
    await checked(page, 'report-form-errors');
    await page.getByLabel('Personaltimmar för att mäta och rapportera').fill('6,5');
    await page.getByLabel('Antal medarbetare som deltog').fill('2');
    await page.getByRole('group', { name: 'Registreras samma uppgifter också någon annanstans?' }).getByLabel('Nej').check();
    await page.getByRole('group', { name: 'Används uppgifterna för att förbättra arbetet?' }).getByLabel('Delvis').check();
    await screenshot(page, 'report-form');
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await page.waitForURL(/\/rapportering\?from=2019-01-01&to=2019-03-31&saved=/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('är sparad');
    await expect(page.locator('caption').first().textContent()).resolves.toBe('Att rapportera (2)');
    expect(await page.getByRole('link', { name: FEBRUARY }).count()).toBe(0);
    await checked(page, 'reporting-after');
  });

  it('makes a survey link that staff answer on a phone, and the wave’s count and rate rise on the reporter’s page', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, reporterEmail, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Enkäter' }).click();
    await checked(page, 'surveys');
    await page.getByRole('link', { name: 'Uppföljning 2' }).click();
    await page.getByLabel('Antal inbjudna').fill('5');
    await page.getByRole('button', { name: 'Skapa länk' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Länken är skapad.');
    await checked(page, 'survey-wave');
    const url = await page.locator('a.url').first().getAttribute('href');
    // The link names the app's PUBLIC_URL; the test app listens on a port of its own.
    const phone = await phonePage(browser, { javaScriptEnabled: false });
    await phone.goto(`${t.url}${new URL(url!).pathname}`);
    await phone.getByLabel('Medarbetare').check();
    for (const fieldset of await phone.locator('fieldset.question:has(.scale)').all()) await fieldset.locator('input[value="3"]').check();
    await phone.getByRole('button', { name: 'Skicka' }).click();
    await phone.waitForURL(/\/tack$/);
    await expect(phone.locator('h1').textContent()).resolves.toBe('Tack');
    await page.reload();
    await expect(page.locator('#response-count').textContent()).resolves.toBe('1');
    await expect(page.locator('#response-rate').textContent()).resolves.toBe('20\u00a0%');
    await page.getByRole('link', { name: 'Resultat' }).click();
    await checked(page, 'results');
  });

  it('reports a time thief and changes its status, in English too', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, reporterEmail, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Tidstjuvar' }).click();
    await page.getByLabel('Uppgift').fill('Dubbel dokumentation');
    await page.getByLabel('Minuter per vecka och berörd medarbetare').fill('30');
    await page.getByLabel('Antal berörda medarbetare').fill('6');
    await page.getByRole('button', { name: 'Rapportera' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Tidstjuven är rapporterad.');
    await checked(page, 'time-thieves');
    await page.getByRole('link', { name: 'Dubbel dokumentation' }).click();
    await page.getByLabel('Under prövning').check();
    await page.getByRole('button', { name: 'Spara läget' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('Under prövning');
    await checked(page, 'time-thief');
    await page.getByRole('link', { name: 'In English' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('Under review');
    await checked(page, 'time-thief-en');
  });

  it('reports a supervisory contact on a phone, with the hours as people type them, in English too', async () => {
    const page = await phonePage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, reporterEmail, TEST_PASSWORD);
    await page.goto(`${t.url}/tillsyn`);
    await checked(page, 'supervision-empty');
    await page.getByLabel('Typ av kontakt').selectOption('DATA_REQUEST');
    await page.getByLabel('Uppgifter som begärdes').fill('Avvikelser per månad');
    await page.getByLabel('Hur ofta uppgifterna ska lämnas').selectOption('QUARTERLY');
    await page.getByLabel('Arbetstimmar det tog').fill('many');
    await page.getByRole('button', { name: 'Rapportera' }).click();
    await expect(page.locator('#staffHours-error').isVisible()).resolves.toBe(true);
    await checked(page, 'supervision-error');
    await page.getByLabel('Arbetstimmar det tog').fill('7,5');
    await page.getByLabel('Möjliggörande, stödde utveckling').check();
    await page.getByRole('button', { name: 'Rapportera' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Tillsynskontakten är rapporterad.');
    await expect(page.locator('table').textContent()).resolves.toContain('7,5');
    await checked(page, 'supervision');
    await page.getByRole('link', { name: 'In English' }).click();
    await expect(page.locator('table').textContent()).resolves.toContain('Data request');
    await checked(page, 'supervision-en');
  });

  it('lets an admin invite a user and shows the link once', async () => {
    const adminEmail = (await makeUser(t.ds, { role: Role.ADMIN, displayName: 'Ada Admin' })).email;
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, adminEmail, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Användare' }).click();
    await checked(page, 'users');
    await page.getByLabel('E-postadress').fill('ny.analytiker@example.se');
    await page.getByLabel('Namn', { exact: true }).fill('Ny Analytiker');
    await page.getByLabel('Roll').selectOption('ANALYST');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await expect(page.getByLabel('Länken').inputValue()).resolves.toMatch(/\/inbjudan\/[A-Za-z0-9_-]{43}$/);
    await checked(page, 'user-link');
    await page.goto(`${t.url}/anvandare`);
    await page.getByRole('link', { name: 'Ny Analytiker' }).click();
    await checked(page, 'user');
  });

  it('keeps a reporter out of another organisation’s page, which answers like a missing one', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${t.url}/logga-in`);
    await signIn(page, reporterEmail, TEST_PASSWORD);
    const theirs = await page.goto(`${t.url}/rapportering/rapportera?indicator=${indicatorId}&unit=${org.granne}&start=2019-01-01&end=2019-01-31`);
    expect(theirs!.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sidan finns inte');
    await checked(page, 'not-found');
  });

  it('sets a password through an invitation on a phone and signs the new user in', async () => {
    const res = await t.gql(
      'mutation($input: InviteUserInput!) { inviteUser(input: $input) { url } }',
      { input: { email: 'ny@varberg.se', displayName: 'Nils Ny', role: 'ORG_REPORTER', organisationId: org.kommun } },
      admin,
    );
    const page = await phonePage(browser);
    await page.goto(`${t.url}${new URL(res.data!.inviteUser.url).pathname}`);
    await checked(page, 'invitation');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('ett eget långt lösenord');
    await page.getByLabel('Nytt lösenord igen').fill('ett eget långt lösenord');
    await page.getByRole('button', { name: 'Spara och logga in' }).click();
    await page.waitForURL(`${t.url}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Välkommen, Nils Ny');
    await page.goto(`${t.url}/konto/losenord`);
    await checked(page, 'change-password');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(/\/logga-ut$/);
    await checked(page, 'signed-out');
  });
});
