import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import { appOrm } from '../support/database';
import { login, gql } from '../support/graphql-client';
import { createMaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * A maintenance contract from its terms of service to its termination, in a tenant of its own:
 * the admin creates it in the planning app, follows the link to its billing page, adds its billing
 * terms (monthly in advance, two fee lines, one refused field fixed), reads the schedule to the
 * cent, sees the first month billed by a run, then terminates it mid-month and gets the credit
 * note proposed for the days no longer due. A second contract is created with its fee in the same
 * form (one call, a refused billing field leaving no contract), then amended with a new fee from
 * next month, both read back on its billing page.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'contracts');
const password = 'relais-demo';

const skipReason = browserSkipReason(backOfficeUrl);

/** Today in Paris, YYYY-MM-DD. */
const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const frDate = (date: string) => date.split('-').reverse().join('/');
const daysInMonth = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();

/** Cents as the page shows them (1 234,56 €, with a narrow no-break space in thousands). */
const euros = (cents: bigint) =>
  `${(cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100n).padStart(2, '0')} €`;
/** amount × days / fullDays, half up to the cent (the server's proration of a fee line). */
const prorate = (cents: bigint, days: number, fullDays: number) => (cents * BigInt(days) * 2n + BigInt(fullDays)) / (2n * BigInt(fullDays));
/** VAT at 20 % on a net amount, half up. */
const vat20 = (net: bigint) => (net * 20n + 50n) / 100n;

describe.skipIf(skipReason !== null)(
  `contracts in the planning and billing apps, in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    let page: Page;
    let contractUrl = '';

    const today = todayInParis();
    const monthStart = `${today.slice(0, 7)}-01`;
    const lastDay = `${today.slice(0, 7)}-15`;
    const monthDays = daysInMonth(today);
    const nextMonthStart = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const inTwoYears = `${Number(today.slice(0, 4)) + 2}${monthStart.slice(4)}`;
    // The two fee lines, for a full month.
    const fees = [15000n, 4550n];

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('contracts-ui');
      await createMaintenanceWorld(orm, tenant);
      browser = await launchChromium();
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1500, height: 950 } });
      page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(tenant.adminEmail);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    /** A screenshot of the whole page, from its top (the shell's header is fixed). */
    const shot = async (name: string, fullPage = true) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshots, name), fullPage });
    };

    /** Text as shown, with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

    it('the admin creates the contract in planning and follows the link to its billing terms', async () => {
      await page.goto(new URL('/planning/contrats', backOfficeUrl).href);
      await page.getByRole('link', { name: 'Nouveau contrat' }).click();
      await page.getByRole('heading', { name: 'Nouveau contrat' }).waitFor();

      await page.getByRole('combobox', { name: 'Client' }).fill('Hôtel');
      await page.getByRole('option', { name: /^Hôtel des Ducs/ }).click();
      await page.getByLabel('Intitulé').fill('Maintenance CVC — Hôtel des Ducs');
      await page.getByLabel(/^Début/).fill(monthStart);
      await page.getByRole('checkbox', { name: /^Siège/ }).check();
      await page.getByLabel('Heures normales').fill('68,45');
      await page.getByLabel('Heures supplémentaires').fill('85');
      await page.getByLabel(/^Nuit/).fill('102');
      await page.getByLabel('Week-end / jour férié').fill('136');
      await page.getByLabel('Forfait de déplacement').fill('45');
      await page.getByLabel('Heures incluses / an').fill('6');
      await page.getByRole('button', { name: 'Ajouter un plan' }).click();
      await page.getByLabel('Visites / an, plan 1').fill('4');
      await page.getByLabel('Compétences, plan 1').fill('FLUIDES_CAT1');
      await shot('1-contract-form.png');

      await page.getByRole('button', { name: 'Créer le contrat' }).click();
      await page.waitForURL(/\/planning\/contrats\/[^/]+$/);
      const created = page.getByTestId('contract-saved');
      await created.waitFor();
      expect(await text(created)).toMatch(/^Contrat CT-\d{4}-\d{4} créé\./);
      await page.getByRole('heading', { name: /^CT-\d{4}-\d{4} — Maintenance CVC — Hôtel des Ducs$/ }).waitFor();
      await shot('2-contract-created.png');

      // An amendment: the travel fee changes from today, for a reason; the previous terms are kept.
      await page.getByRole('link', { name: 'Modifier par avenant' }).click();
      await page.getByRole('heading', { name: /^Avenant au contrat CT-/ }).waitFor();
      expect(await page.getByLabel('Date d’effet').inputValue()).toBe(today);
      expect(await page.getByLabel('Forfait de déplacement').inputValue()).toBe('45,00');
      await page.getByLabel('Forfait de déplacement').fill('48');
      await page.getByLabel('Motif de l’avenant').fill('Nouveau forfait de déplacement');
      await page.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
      await page
        .getByTestId('contract-saved')
        .filter({ hasText: /^Avenant au contrat CT-\d{4}-\d{4} enregistré\./ })
        .waitFor();
      await page.getByText(`Avenant (version 1) — effet au ${frDate(today)}`).waitFor();
      await page.getByText('Forfait 48,00 €').waitFor();
      const saved = page.getByTestId('contract-saved');

      const billingLink = saved.getByRole('link', { name: 'Conditions de facturation →' });
      expect(await billingLink.getAttribute('href')).toMatch(/^\/facturation\/contrats\/[^/]+$/);
      await billingLink.click();
      await page.waitForURL(/\/facturation\/contrats\/[^/]+$/);
      contractUrl = page.url();
      await page.getByRole('heading', { name: /^CT-\d{4}-\d{4} — Maintenance CVC — Hôtel des Ducs$/ }).waitFor();
      expect(await page.getByRole('tab', { name: 'Contrats', exact: true, selected: true }).count()).toBe(1);
      await page.getByText('Aucune condition de facturation').waitFor();

      // The rate card typed in planning, read-only on the billing page, to the cent (the amended travel fee).
      const rateCard = page.getByTestId('contract-rate-card');
      const rate = (label: string) => text(rateCard.getByRole('row').filter({ hasText: label }).getByRole('cell').nth(1));
      expect(await rate('Heures normales')).toBe('68,45 €');
      expect(await rate('Heures supplémentaires')).toBe('85,00 €');
      expect(await rate('Week-end / jour férié')).toBe('136,00 €');
      await rateCard.getByText('Forfait 48,00 €').waitFor();
      expect(await rateCard.getByRole('textbox').count()).toBe(0);
    });

    it('the admin adds the billing terms, a refused field shown on it, and reads the schedule to the cent', async () => {
      const form = page.getByTestId('billing-terms-form');
      expect(await form.getByLabel('Date d’effet').inputValue()).toBe(monthStart);
      await form.getByLabel('Libellé, ligne 1').fill('Redevance de maintenance préventive');
      await form.getByLabel('Montant HT, ligne 1').fill('150,00');
      await form.getByLabel('Compte de produits, ligne 1').fill('706100');
      await form.getByRole('button', { name: 'Ajouter une ligne' }).click();
      await form.getByLabel('Libellé, ligne 2').fill('Astreinte 24 h/24');
      await form.getByLabel('Montant HT, ligne 2').fill('45,50');
      await form.getByLabel('Indexée, ligne 2').uncheck();
      await form.getByLabel('Compte de produits, ligne 2').fill('606');
      await form.getByLabel('Motif (facultatif)').fill('Nouveau contrat');
      await form.getByRole('button', { name: 'Enregistrer la version' }).click();

      // The server refuses the expense account, naming the field: its message shows under it.
      await form.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' }).waitFor();
      const account = form.getByLabel('Compte de produits, ligne 2');
      expect(await account.getAttribute('aria-invalid')).toBe('true');
      await form.getByText('compte de produits (classe 7, ex. 706100)').waitFor();
      await shot('3-terms-refused-field.png');
      await account.fill('706200');
      await form.getByRole('button', { name: 'Enregistrer la version' }).click();
      await form.waitFor({ state: 'detached' });

      const terms = page.getByTestId('billing-terms');
      await terms.getByText(`En vigueur depuis le ${frDate(monthStart)}`).waitFor();
      expect(await text(page.getByTestId('fee-total'))).toBe('195,50 €');
      expect(await page.getByTestId('terms-history').getByRole('row').count()).toBe(2);

      // Monthly in advance: every month of 195,50 € HT, billable on its first day; this month's is due.
      const periods = page.getByTestId('schedule-period');
      await expect.poll(() => periods.count()).toBeGreaterThanOrEqual(12);
      const first = periods.first();
      expect(await text(first.getByTestId('schedule-amount'))).toBe('195,50 €');
      expect(await text(first.getByTestId('schedule-status'))).toBe('À facturer');
      expect(await text(first.getByRole('cell').nth(1))).toBe(frDate(monthStart));
      expect(await text(periods.nth(1).getByTestId('schedule-amount'))).toBe('195,50 €');
      expect(await text(periods.nth(1).getByTestId('schedule-status'))).toBe('À venir');
      expect(await text(page.getByTestId('renewal').getByTestId('renewal-state'))).toBe('En cours');
      await shot('4-contract-billing.png');

      await page.getByRole('tab', { name: 'Contrats', exact: true }).click();
      await page.getByRole('heading', { name: 'Contrats', exact: true }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Hôtel des Ducs' });
      expect(await text(row)).toContain('195,50 € / mois');
      expect(await text(row)).toContain('Virement');
      expect(await text(row.getByTestId('renewal-state'))).toBe('En cours');
      await shot('5-contract-list.png', false);
      await row.getByRole('link', { name: /^CT-/ }).click();
      await page.waitForURL(contractUrl);
    });

    it('a billing run bills this month, then terminating mid-month proposes the credit note for the days not due', async () => {
      // This month is billed by a run (the contract billing screen is another page's business).
      const token = await login(tenant.adminEmail);
      const run = await gql<{ runContractBilling: { id: string } }>(
        'mutation($date: LocalDate!) { runContractBilling(date: $date, mode: ISSUE, send: false) { id } }',
        { date: today },
        token,
      );
      const runId = run.data!.runContractBilling.id;
      await expect
        .poll(
          async () =>
            (
              await gql<{ contractBillingRun: { state: string } }>(
                'query($id: ID!) { contractBillingRun(id: $id) { state } }',
                { id: runId },
                token,
              )
            ).data?.contractBillingRun.state,
          { timeout: 30_000 },
        )
        .toBe('SUCCEEDED');
      await page.reload();
      const first = page.getByTestId('schedule-period').first();
      await first.waitFor();
      await expect.poll(() => text(first.getByTestId('schedule-status'))).toBe('Facturée');
      const invoiceLink = first.getByRole('link', { name: /^F-\d{4}-\d{5}$/ });
      expect(await invoiceLink.getAttribute('href')).toMatch(/^\/facturation\/factures\/[^/]+$/);

      // A second version, indexed, from the first month not billed yet (next month); revised in two years.
      const { data: series } = await gql<{ createIndexSeries: { id: string } }>(
        'mutation { createIndexSeries(input: { code: "SYNTEC", name: "Syntec" }) { id } }',
        {},
        token,
      );
      await gql(
        'mutation($s: ID!, $csv: String!) { importIndexValues(seriesId: $s, csv: $csv) { imported } }',
        {
          s: series!.createIndexSeries.id,
          csv: 'mois;valeur\n2026-10;301,2\n',
        },
        token,
      );
      await page.reload();
      await page.getByRole('button', { name: 'Ajouter une version' }).click();
      const form = page.getByTestId('billing-terms-form');
      expect(await form.getByLabel('Date d’effet').inputValue()).toBe(nextMonthStart);
      expect(await form.getByLabel('Libellé, ligne 2').inputValue()).toBe('Astreinte 24 h/24');
      await form.getByLabel('Indexer la redevance (révision annuelle)').check();
      await form.getByRole('combobox', { name: 'Indice' }).click();
      await page.getByRole('option', { name: 'Syntec (SYNTEC)' }).click();
      await form.getByText('dernière valeur 301,2 (octobre 2026)').waitFor();
      await form.getByLabel('Indice de référence I0').fill('301,2');
      await form.getByLabel('Mois de I0').fill('2026-10');
      await form.getByLabel('Première révision le').fill(inTwoYears);
      await form.getByLabel('Coefficient plafond').fill('1,05');
      await form.getByLabel('Motif (facultatif)').fill('Indexation Syntec');
      await shot('6-terms-indexed-version.png');
      await form.getByRole('button', { name: 'Enregistrer la version' }).click();
      await form.waitFor({ state: 'detached' });
      const history = page.getByTestId('terms-history');
      await expect.poll(() => history.getByRole('row').count()).toBe(3);
      expect(await text(history.getByRole('row').nth(1))).toContain(`${frDate(nextMonthStart)} à venir`);
      expect(await text(history.getByRole('row').nth(1))).toContain('Indexation Syntec');
      expect(await text(history.getByRole('row').nth(1))).toContain('Mensuel, à échoir, indexée (Syntec)');

      // Notice received on the 1st for the 15th: less than the 90 days' notice.
      await page.getByRole('button', { name: 'Résilier', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Préavis reçu le').fill(monthStart);
      await dialog.getByLabel('Dernier jour du contrat').fill(lastDay);
      await dialog.getByLabel('Motif').fill('Cessation d’activité de l’hôtel');
      await dialog.getByRole('button', { name: 'Résilier le contrat' }).click();
      const outcome = dialog.getByTestId('termination-outcome');
      await outcome.waitFor();
      expect(await outcome.getByTestId('notice-respected').getAttribute('data-respected')).toBe('false');
      expect(await text(outcome.getByTestId('notice-respected'))).toContain('Préavis non respecté');

      // Days 16 to the end of the month were billed and are no longer due: credited line by line.
      const creditedDays = monthDays - 15;
      const creditNet = fees.reduce((sum, fee) => sum + prorate(fee, creditedDays, monthDays), 0n);
      const creditGross = creditNet + vat20(creditNet);
      const creditLink = outcome.getByRole('link', { name: /^Brouillon d’avoir/ });
      expect(await text(creditLink)).toBe(`Brouillon d’avoir — ${euros(creditGross)} TTC`);
      await shot('7-termination-outcome.png', false);

      // The proposal is a draft credit note of that amount, to check and issue.
      await creditLink.click();
      await page.waitForURL(/\/facturation\/avoirs\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon d’avoir' }).waitFor();
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe(euros(creditGross));

      // Back on the contract: terminated, and the schedule ends on the 15th, the first half of the month prorated and billed.
      await page.goto(contractUrl);
      await page.getByTestId('schedule-period').first().waitFor();
      expect(await text(page.getByTestId('renewal-state').first())).toBe('Résilié');
      expect(await text(page.getByTestId('last-day'))).toBe(`dernier jour le ${frDate(lastDay)}`);
      const periods = page.getByTestId('schedule-period');
      expect(await periods.count()).toBe(1);
      const keptNet = fees.reduce((sum, fee) => sum + prorate(fee, 15, monthDays), 0n);
      expect(await text(periods.first().getByTestId('schedule-amount'))).toBe(euros(keptNet));
      expect(await text(periods.first().getByRole('cell').first())).toBe(
        `${frDate(monthStart)} – ${frDate(lastDay)} (15 / ${monthDays} j)`,
      );
      expect(await text(periods.first().getByTestId('schedule-status'))).toBe('Facturée');
      expect(await page.getByRole('button', { name: 'Résilier', exact: true }).count()).toBe(0);
      await shot('8-contract-terminated.png');
    });

    it('the admin creates a contract with its fee in the same form, then amends its terms and fee from next month', async () => {
      await page.goto(new URL('/planning/contrats/nouveau', backOfficeUrl).href);
      await page.getByRole('heading', { name: 'Nouveau contrat' }).waitFor();
      await page.getByRole('combobox', { name: 'Client' }).fill('Boulangerie');
      await page.getByRole('option', { name: /^Boulangerie Morvan/ }).click();
      await page.getByLabel('Intitulé').fill('Entretien de la chambre froide');
      await page.getByLabel(/^Début/).fill(monthStart);
      expect(await page.getByLabel('Reconduit pour (mois)').inputValue()).toBe('12');
      await page.getByRole('checkbox', { name: /^Boutique/ }).check();
      await page.getByLabel('Heures normales').fill('70');
      await page.getByLabel('Heures supplémentaires').fill('87,50');
      await page.getByLabel(/^Nuit/).fill('105');
      await page.getByLabel('Week-end / jour férié').fill('140');
      await page.getByLabel('Forfait de déplacement').fill('40');

      await page.getByLabel('Facturer la redevance du contrat').check();
      const billing = page.getByTestId('contract-billing-fields');
      await billing.getByLabel('Libellé, ligne 1').fill('Entretien préventif de la chambre froide');
      await billing.getByLabel('Montant HT, ligne 1').fill('80,00');
      // The first line takes the first VAT rate once the rates are read.
      await expect.poll(async () => (await billing.getByLabel('TVA, ligne 1').inputValue()).replace(/\s/g, ' ')).toBe('20 %');
      await billing.getByLabel('Délai de paiement (jours)').fill('90');
      await page.getByRole('button', { name: 'Créer le contrat' }).click();

      // The server refuses the payment terms, naming the billing field: nothing is created.
      await page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' }).waitFor();
      const terms = billing.getByLabel('Délai de paiement (jours)');
      expect(await terms.getAttribute('aria-invalid')).toBe('true');
      await billing.getByText('de 0 à 60 jours (L441-10 du Code de commerce)').waitFor();
      await shot('9-contract-with-fee-refused.png');
      await terms.fill('30');
      await page.getByRole('button', { name: 'Créer le contrat' }).click();

      // The refused attempt took no number: this is the tenant's second contract.
      const created = page.getByTestId('contract-saved');
      await created.waitFor();
      const planningUrl = page.url();
      expect(await text(created)).toMatch(new RegExp(`^Contrat CT-${monthStart.slice(0, 4)}-0002 créé\\.`));
      expect(await text(created)).toContain('Ses conditions de facturation sont enregistrées avec lui');
      await created.getByRole('link', { name: 'Conditions de facturation →' }).click();
      await page.waitForURL(/\/facturation\/contrats\/[^/]+$/);
      const billingUrl = page.url();
      await page
        .getByTestId('billing-terms')
        .getByText(`En vigueur depuis le ${frDate(monthStart)}`)
        .waitFor();
      expect(await text(page.getByTestId('fee-total'))).toBe('80,00 €');
      const periods = page.getByTestId('schedule-period');
      await expect.poll(() => periods.count()).toBeGreaterThanOrEqual(12);
      expect(await text(periods.first().getByTestId('schedule-amount'))).toBe('80,00 €');
      expect(await text(periods.first().getByTestId('schedule-status'))).toBe('À facturer');
      await shot('10-contract-with-fee-billing.png');

      // An amendment from next month: a new hourly rate and a new fee, in one save.
      await page.goto(planningUrl);
      await page.getByRole('link', { name: 'Modifier par avenant' }).click();
      await page.getByRole('heading', { name: /^Avenant au contrat CT-/ }).waitFor();
      await page.getByLabel('Date d’effet').fill(nextMonthStart);
      await page.getByLabel('Motif de l’avenant').fill('Révision annuelle de la redevance');
      await page.getByLabel('Heures normales').fill('72');
      await page.getByLabel('Modifier aussi la redevance').check();
      const fee = page.getByTestId('contract-billing-fields').getByLabel('Montant HT, ligne 1');
      expect(await fee.inputValue()).toBe('80,00');
      await fee.fill('95,00');
      await shot('11-amendment-with-fee.png');
      await page.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
      const amended = page.getByTestId('contract-saved').filter({ hasText: /^Avenant au contrat CT-\d{4}-0002 enregistré\./ });
      await amended.waitFor();
      expect(await text(amended)).toContain('Ses conditions de facturation sont enregistrées avec lui');
      await page.getByText(`Avenant (version 1) — effet au ${frDate(nextMonthStart)}`).waitFor();

      // This month keeps its fee; the next one has the new fee, from a version dated like the amendment.
      await page.goto(billingUrl);
      const history = page.getByTestId('terms-history');
      await history.waitFor();
      expect(await history.getByRole('row').count()).toBe(3);
      expect(await text(history.getByRole('row').nth(1))).toContain(`${frDate(nextMonthStart)} à venir`);
      expect(await text(history.getByRole('row').nth(1))).toContain('Révision annuelle de la redevance');
      expect(await text(page.getByTestId('fee-total'))).toBe('80,00 €');
      const schedule = page.getByTestId('schedule-period');
      expect(await text(schedule.first().getByTestId('schedule-amount'))).toBe('80,00 €');
      expect(await text(schedule.nth(1).getByTestId('schedule-amount'))).toBe('95,00 €');
      expect(await text(schedule.nth(1).getByRole('cell').nth(1))).toBe(frDate(nextMonthStart));
      await shot('12-amended-fee-schedule.png');
    });
  },
  120_000,
);
