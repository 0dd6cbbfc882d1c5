import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';

/**
 * The back-office by role, on the demo tenant: each role lands on its home and sees only what its
 * permissions allow, a forbidden address answers "Accès refusé", an unknown one "Page introuvable"
 * in every app. Then the forms: a blank "Nouvelle facture" or "Nouveau devis" asks the server
 * nothing and shows no error; a refused quantity is explained in French under its field; "12,5" is
 * a number; so is a refused quantity in a draft's line edit, and nothing is saved.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'roles-and-forms');
const skipReason = browserSkipReason(backOfficeUrl);

const CLERK = 'facturation@demo.relais.fr';
const ACCOUNTANT = 'compta@demo.relais.fr';
const PLANNER = 'planning@demo.relais.fr';
const TECHNICIAN = 'technicien@demo.relais.fr';

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skipReason !== null)(`roles and forms in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Applications' });
  const open = async (page: Page, path: string) => page.goto(new URL(path, backOfficeUrl!).toString());

  it('each role lands on its home and sees only the sections it may open', async () => {
    const homes: [string, RegExp, string[]][] = [
      [CLERK, /\/facturation\/a-facturer$/, ['Planning', 'Facturation', 'Finance']],
      [ACCOUNTANT, /\/finance\/dashboard$/, ['Planning', 'Facturation', 'Finance']],
      [PLANNER, /\/planning$/, ['Planning', 'Facturation']],
      [TECHNICIAN, /\/planning\/ma-journee$/, ['Planning']],
    ];
    for (const [email, home, sections] of homes) {
      const page = await signIn(browser, backOfficeUrl!, email);
      await page.waitForURL(home);
      expect(await navigation(page).getByRole('link').allTextContents(), email).toEqual(sections);
      await page.screenshot({ path: join(screenshots, `home-${email.split('@')[0]}.png`) });
      await page.context().close();
    }
  });

  it('hides the actions a role may not take, and answers "Accès refusé" at their address', async () => {
    const accountant = await signIn(browser, backOfficeUrl!, ACCOUNTANT);
    await open(accountant, '/facturation/factures');
    await accountant.getByRole('heading', { name: 'Factures' }).waitFor();
    expect(await accountant.getByRole('link', { name: 'Nouvelle facture' }).count()).toBe(0);
    expect(await accountant.getByRole('tab', { name: 'À facturer' }).count()).toBe(0);
    await open(accountant, '/facturation/factures/nouvelle');
    await accountant.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await accountant.screenshot({ path: join(screenshots, 'accountant-access-denied.png') });
    await accountant.context().close();

    const planner = await signIn(browser, backOfficeUrl!, PLANNER);
    await open(planner, '/facturation/devis');
    await planner.getByRole('heading', { name: 'Devis', exact: true }).waitFor();
    expect(await planner.getByRole('link', { name: 'Nouveau devis' }).count()).toBe(0);
    await open(planner, '/finance/payments');
    await planner.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await planner.getByRole('link', { name: 'Retour à mon accueil' }).click();
    await planner.waitForURL(/\/planning$/);
    await planner.context().close();

    const technician = await signIn(browser, backOfficeUrl!, TECHNICIAN);
    await open(technician, '/planning/interventions');
    await technician.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await open(technician, '/facturation/factures');
    await technician.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await technician.screenshot({ path: join(screenshots, 'technician-access-denied.png') });
    await technician.context().close();
  });

  it('shows "Page introuvable" for an unknown address in the shell and in every app', async () => {
    const page = await signIn(browser, backOfficeUrl!, 'admin@demo.relais.fr');
    for (const path of ['/nulle-part', '/planning/nulle-part', '/facturation/nulle-part', '/finance/nulle-part']) {
      await open(page, path);
      await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
      expect(await page.getByTestId('not-found').count(), path).toBe(1);
      // No section of the app's navigation is highlighted on it.
      expect(await page.getByRole('tab', { selected: true }).count(), path).toBe(0);
    }
    await page.screenshot({ path: join(screenshots, 'not-found.png') });
    await page.context().close();
  });

  it('a blank new invoice asks nothing; "abc" is explained under the field, "12,5" is a quantity', async () => {
    const page = await signIn(browser, backOfficeUrl!, CLERK);
    const previews: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('InvoiceTotalsPreview')) previews.push(request.postData()!);
    });
    await open(page, '/facturation/factures/nouvelle');
    await page.getByRole('heading', { name: 'Nouvelle facture' }).waitFor();
    await page.waitForTimeout(1_000);
    expect(previews).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'new-invoice-blank.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'Choisir le client' }).fill('a');
    await page.getByRole('option').first().click();
    await page.getByLabel('Désignation, ligne 1').fill('Recherche de fuite sur le réseau de chauffage');
    await page.getByLabel('Quantité, ligne 1').fill('abc');
    await page.getByLabel('Prix unitaire HT, ligne 1').fill('100');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.getByText('Saisissez un nombre, par exemple 12,5').waitFor();
    expect(page.url()).toMatch(/\/factures\/nouvelle$/);
    await page.screenshot({ path: join(screenshots, 'new-invoice-abc.png'), fullPage: true });

    await page.getByLabel('Quantité, ligne 1').fill('12,5');
    // 12,5 × 100 = 1 250,00 HT; VAT 20 %: 250,00; 1 500,00 TTC.
    await expect.poll(() => text(page, 'invoice-total-gross'), { timeout: 10_000 }).toBe('1 500,00 €');
    expect(await page.getByText('Saisissez un nombre').count()).toBe(0);
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
    await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
    expect(await page.getByLabel('Quantité, ligne 1').inputValue()).toBe('12,5');

    // The draft's line edit: a quantity of 0 is refused by the server, under its field; nothing is saved.
    const draftUrl = page.url();
    await page.getByLabel('Quantité, ligne 1').fill('0');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La valeur ne peut pas être zéro').waitFor();
    expect((await page.locator('body').textContent()) ?? '').not.toMatch(/lines\[|VALIDATION_FAILED|MUST_NOT_BE_ZERO/);
    await page.screenshot({ path: join(screenshots, 'draft-invoice-refused.png'), fullPage: true });
    await page.goto(draftUrl);
    await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
    expect(await page.getByLabel('Quantité, ligne 1').inputValue()).toBe('12,5');
    await page.getByLabel('Quantité, ligne 1').fill('2,5');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer' }).isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByText('La valeur ne peut pas être zéro').count()).toBe(0);
    await page.goto(draftUrl);
    await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
    expect(await page.getByLabel('Quantité, ligne 1').inputValue()).toBe('2,5');
    // 2,5 × 100 = 250,00 HT; VAT 20 %: 50,00; 300,00 TTC.
    await expect.poll(() => text(page, 'invoice-total-gross'), { timeout: 10_000 }).toBe('300,00 €');
    await page.context().close();
  });

  it('a blank new quote asks nothing; a quantity of -1 is refused by the server in French under the field', async () => {
    const page = await signIn(browser, backOfficeUrl!, CLERK);
    const previews: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('InvoiceTotalsPreview')) previews.push(request.postData()!);
    });
    await open(page, '/facturation/devis/nouveau');
    await page.getByRole('heading', { name: 'Nouveau devis' }).waitFor();
    await page.waitForTimeout(1_000);
    expect(previews).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'new-quote-blank.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'Choisir le client' }).fill('a');
    await page.getByRole('option').first().click();
    await page.getByLabel('Objet du devis').fill('Remplacement du circulateur');
    await page.getByLabel('Désignation, ligne 1').fill('Circulateur double');
    await page.getByLabel('Quantité, ligne 1').fill('-1');
    await page.getByLabel('Prix unitaire HT, ligne 1').fill('380');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.getByText('La valeur doit être positive').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/lines\[|VALIDATION_FAILED|quantity/);
    expect(page.url()).toMatch(/\/devis\/nouveau$/);
    await page.screenshot({ path: join(screenshots, 'new-quote-refused.png'), fullPage: true });

    await page.getByLabel('Quantité, ligne 1').fill('1,5');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/facturation\/devis\/[^/]+$/);
    await page.context().close();
  });
});
