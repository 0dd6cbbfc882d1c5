import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/browser';
import { gql, login } from '../support/graphql-client';

/**
 * The accountant's home on the demo tenant (read only): she lands on it after signing in, its
 * figures are the API's to the cent, a figure opens the documents behind it, a week of the cash
 * forecast opens what it is made of, tables export as CSV; then "Rentabilité" and the planner's
 * technicians' cost rates. The billing clerk lands on "À facturer", the planner on the board.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'dashboard');
const password = 'relais-demo';
const ACCOUNTANT = 'compta@demo.relais.fr';

const skipReason = browserSkipReason(backOfficeUrl);

/** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const euros = (amount: string) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(amount as Intl.StringNumericLiteral).replace(/\s+/g, ' ');
const settled = { timeout: 15_000 };

describe.skipIf(skipReason !== null)(`dashboard in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openAs(email: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1500, height: 950 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(backOfficeUrl!);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    return page;
  }

  async function download(page: Page, button: Locator): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return readFileSync((await file.path())!, 'utf8');
  }

  it('the accountant lands on her home, whose figures are the API’s, and opens the documents behind them', async () => {
    const page = await openAs(ACCOUNTANT);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    expect(page.url()).toMatch(/\/finance\/dashboard$/);
    expect(await page.getByRole('tab', { name: 'Tableau de bord' }).getAttribute('aria-selected')).toBe('true');

    const token = await login(ACCOUNTANT);
    const api = await gql<{ dashboard: { receivables: { open: string; overdue: string }; unbilledWork: { count: number } } }>(
      '{ dashboard { receivables { open overdue } unbilledWork { count } } }',
      {},
      token,
    );
    const { receivables, unbilledWork } = api.data!.dashboard;
    await expect.poll(() => text(page.getByTestId('figure-open-value')), settled).toBe(euros(receivables.open));
    expect(await text(page.getByTestId('figure-overdue-value'))).toBe(euros(receivables.overdue));
    expect(await text(page.getByTestId('figure-unbilled-value'))).toBe(`${unbilledWork.count} interventions`);
    await page.getByTestId('forecast-total').waitFor();
    await page.screenshot({ path: join(screenshots, '1-home.png'), fullPage: true });

    // The 13 weeks as a table: a week opens what is expected in it, with why.
    const forecast = page.getByTestId('forecast-section');
    await forecast.getByText('Tableau', { exact: true }).click();
    const weeks = forecast.getByRole('button', { name: /^Voir la semaine du / });
    expect(await weeks.count()).toBe(13);
    const csv = await download(page, forecast.getByRole('button', { name: 'Exporter en CSV' }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFSemaine du;au;Factures;Contrats à facturer;Prélèvements;Total');
    expect(lines.filter(Boolean)).toHaveLength(14);
    const firstWeekTotal = lines[1]!.split(';')[5]!;
    expect(firstWeekTotal).toMatch(/^-?\d+,\d{2}$/);
    await weeks.first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(/^Attendu la semaine du /).waitFor();
    expect(await text(drawer.getByText(euros(firstWeekTotal.replace(',', '.')), { exact: true }).first())).toBe(
      euros(firstWeekTotal.replace(',', '.')),
    );
    await page.screenshot({ path: join(screenshots, '2-forecast-week.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A month of revenue opens its invoices and credit notes, each a link to its page.
    const revenue = page.getByTestId('revenue-section');
    await revenue.getByText('Tableau', { exact: true }).click();
    const thisMonth = revenue.getByRole('button', { name: /^Voir / }).first();
    await thisMonth.click();
    await page
      .getByRole('dialog')
      .getByText(/^Factures et avoirs de /)
      .waitFor();
    await expect.poll(() => page.getByTestId('revenue-documents').locator('tbody tr').count(), settled).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, '3-revenue-month.png') });
    await page.keyboard.press('Escape');

    // The receivables figure leads to the balance âgée.
    await page.getByTestId('figure-open').click();
    await page.waitForURL(/\/finance\/ageing$/);
    await page.getByRole('heading', { name: 'Balance âgée' }).waitFor();
    await page.context().close();
  });

  it('"Rentabilité" groups revenue against cost, sorts, shows the totals and exports them', async () => {
    const page = await openAs(ACCOUNTANT);
    await page.getByRole('tab', { name: 'Rentabilité' }).click();
    await page.waitForURL(/\/finance\/profitability$/);
    await page.getByRole('heading', { name: 'Rentabilité' }).waitFor();
    await page.getByText('Technicien', { exact: true }).first().click();
    const rows = page.getByTestId('profitability-row');
    await expect.poll(() => rows.count(), settled).toBeGreaterThan(3);
    await page
      .getByTestId('travel-cost')
      .getByText(/^Coût d’un déplacement : 28,50\s€$/)
      .waitFor();
    await page.screenshot({ path: join(screenshots, '4-profitability-technicians.png'), fullPage: true });

    await page.getByText('Contrat', { exact: true }).first().click();
    await expect.poll(() => text(page.getByTestId('profitability-row').first()), settled).toMatch(/^CT-|^Hors contrat/);
    await page.getByRole('button', { name: 'Trier par Taux de marge' }).click();
    await page.screenshot({ path: join(screenshots, '5-profitability-contracts.png'), fullPage: true });
    const csv = await download(page, page.getByRole('button', { name: 'Exporter en CSV' }));
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '\uFEFFContrat;Client;CA HT;Main-d’œuvre;Pièces;Déplacements;Coût;Marge;Taux de marge;Heures;Interv.;Factures;Coût inconnu',
    );
    expect(lines.at(-1)).toMatch(/^Total;;/);
    expect(lines).toHaveLength((await page.getByTestId('profitability-row').count()) + 2);
    await page.context().close();
  });

  it('the billing clerk lands on "À facturer", the planner on the board and keeps the technicians’ cost rates', async () => {
    const clerk = await openAs('facturation@demo.relais.fr');
    await clerk.getByRole('heading', { name: 'À facturer' }).waitFor();
    expect(clerk.url()).toMatch(/\/facturation\/a-facturer$/);
    await clerk.context().close();

    const planner = await openAs('planning@demo.relais.fr');
    await planner.waitForURL(/\/planning$/);
    await planner.getByRole('tab', { name: 'Techniciens' }).click();
    await planner.getByRole('heading', { name: 'Techniciens' }).waitFor();
    await planner.getByText(/^38,50\s€ \/ h$/).waitFor();
    await planner.screenshot({ path: join(screenshots, '6-technicians.png') });
    await planner.getByRole('button', { name: 'Modifier le coût horaire de Théo Le Floch' }).click();
    const modal = planner.getByRole('dialog', { name: 'Coût horaire de Théo Le Floch' });
    await modal.getByLabel('Coût horaire chargé (HT)').fill('abc');
    await modal.getByText('Montant attendu, par exemple 38,50').waitFor();
    expect(await modal.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
    await planner.screenshot({ path: join(screenshots, '7-technician-cost.png') });
    await modal.getByRole('button', { name: 'Annuler' }).click();
    await planner.context().close();
  });
});
