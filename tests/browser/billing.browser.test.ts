import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The billing clerk's day: a closed intervention becomes a draft invoice priced by the server and
 * is issued; a manual invoice is edited with the server's live totals, issued, partly paid and
 * partly credited, each step checked to the cent. (The intervention closed in
 * planning.browser.test.ts is invoiced, sent and downloaded there.)
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'billing');
const password = 'relais-demo';

const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `billing app in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
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
      });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    /** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

    it('the clerk invoices a closed intervention and issues the invoice', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.getByRole('tab', { name: 'À facturer' }).click();
      await page.getByRole('heading', { name: 'À facturer' }).waitFor();
      expect(page.url()).toContain('/facturation/a-facturer');

      // Work with something to bill: which intervention comes first moves with the demo's dates,
      // and one fully included in its contract would be issued at 0,00 €, so already settled.
      const priced = page
        .getByTestId('billable-row')
        .filter({ hasText: /[1-9][\d\s]*,\d{2}\s€/ })
        .first();
      await priced.waitFor();
      const group = page.getByTestId('billable-group').filter({ has: priced }).first();
      const invoiceButton = group.getByRole('button', { name: 'Créer la facture' });
      expect(await invoiceButton.isDisabled()).toBe(true);
      await priced.getByRole('checkbox', { name: /^Sélectionner / }).check();
      expect(await text(group.getByTestId('billable-selection-total'))).toMatch(
        /^1 sélectionnée : [\d ]*[1-9][\d ]*,\d{2} € HT · [\d ]+,\d{2} € TTC$/,
      );
      await page.screenshot({ path: join(screenshots, '1-billable-selected.png') });

      await invoiceButton.click();
      await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
      await expect.poll(() => page.getByTestId('invoice-line').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('invoice-number').textContent()).toBe('Brouillon');
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toMatch(/\d+,\d{2} €$/);
      const totalGross = await text(page.getByTestId('invoice-total-gross'));
      await page.screenshot({ path: join(screenshots, '2-draft.png'), fullPage: true });

      await page.getByRole('button', { name: 'Émettre', exact: true }).click();
      await page.getByRole('button', { name: 'Émettre définitivement' }).click();
      await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
      const number = (await page.getByTestId('invoice-number').textContent()) ?? '';
      expect(number).toMatch(/^F-\d{4}-\d{5}$/);
      expect(await page.getByTestId('invoice-status').textContent()).toBe('Émise');
      expect(await page.getByRole('button', { name: 'Émettre', exact: true }).count()).toBe(0);
      expect(await text(page.getByTestId('invoice-total-gross'))).toBe(totalGross);
      await page.screenshot({ path: join(screenshots, '3-issued.png'), fullPage: true });

      await page.getByRole('tab', { name: 'Factures' }).click();
      await page.getByRole('heading', { name: 'Factures' }).waitFor();
      await page.getByText(number, { exact: true }).waitFor();
      await page.screenshot({ path: join(screenshots, '4-invoices.png') });
      await page.context().close();
    });

    it('the clerk edits a manual invoice with live totals, issues it, records a payment and credits a line', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.getByRole('tab', { name: 'Factures' }).click();
      await page.getByRole('link', { name: 'Nouvelle facture' }).click();
      await page.getByRole('heading', { name: 'Nouvelle facture' }).waitFor();

      await page.getByRole('combobox', { name: 'Choisir le client' }).fill('a');
      await page.getByRole('option').first().click();
      await page.getByLabel('Désignation, ligne 1').fill('Contrôle annuel de la centrale de traitement d’air');
      await page.getByLabel('Quantité, ligne 1').fill('3');
      await page.getByLabel('Prix unitaire HT, ligne 1').fill('123,45');
      await page.getByLabel('Remise, ligne 1').fill('10');
      // 3 × 123,45 − 10 % = 333,315 → 333,32 HT; VAT 20 % on the basis, rounded once: 66,66.
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('399,98 €');
      expect(await text(page.getByTestId('invoice-line-net'))).toBe('333,32 €');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();

      await page.getByLabel('Quantité, ligne 1').fill('4');
      // 4 × 123,45 − 10 % = 444,42 HT; VAT 88,88; 533,30 TTC.
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('533,30 €');
      expect(await text(page.getByTestId('invoice-total-net'))).toBe('444,42 €');
      expect(await text(page.getByTestId('invoice-total-vat'))).toBe('88,88 €');
      await page.screenshot({ path: join(screenshots, '5-draft-edited.png'), fullPage: true });
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: 'Émettre', exact: true }).click();
      await page.getByRole('button', { name: 'Émettre définitivement' }).click();
      await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
      const number = (await page.getByTestId('invoice-number').textContent()) ?? '';
      const invoiceUrl = page.url();
      expect(await text(page.getByTestId('invoice-open-balance'))).toBe('533,30 €');
      expect(await page.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href')).toMatch(/^\//);

      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByLabel('Destinataires').fill('compta@client.example');
      await page.getByRole('dialog').getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByTestId('deliveries').getByText('compta@client.example').waitFor();

      await page.getByRole('button', { name: 'Enregistrer un règlement' }).click();
      const amount = page.getByLabel('Montant');
      expect(await amount.inputValue()).toBe('533,30');
      await amount.fill('200');
      await page.getByLabel('Référence').fill('VIR 2026-118');
      await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
      await expect.poll(() => page.getByTestId('invoice-status').textContent()).toBe('Partiellement payée');
      expect(await text(page.getByTestId('invoice-open-balance'))).toBe('333,30 €');
      await page.getByTestId('payments').getByText('VIR 2026-118').waitFor();
      await page.screenshot({ path: join(screenshots, '6-partly-paid.png'), fullPage: true });

      await page.getByRole('button', { name: 'Créer un avoir' }).click();
      await page.getByText('Certaines lignes').click();
      await page.getByLabel('Créditer la ligne 1').check();
      await page.getByLabel('Quantité créditée, ligne 1').fill('1');
      await page.getByLabel('Motif de l’avoir').fill('Une visite non réalisée');
      await page.screenshot({ path: join(screenshots, '7-credit-note-modal.png') });
      await page.getByRole('button', { name: 'Créer le brouillon d’avoir' }).click();
      await page.waitForURL(/\/facturation\/avoirs\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon d’avoir' }).waitFor();
      expect(await text(page.getByTestId('credited-invoice'))).toBe(`Avoir sur la facture ${number}`);
      // 1 × 123,45 − 10 % = 111,105 → 111,11 HT; VAT 22,22; 133,33 TTC.
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('133,33 €');

      await page.getByRole('button', { name: 'Émettre', exact: true }).click();
      await page.getByRole('button', { name: 'Émettre définitivement' }).click();
      await page.getByRole('heading', { name: /^Avoir AV-\d{4}-\d{5}$/ }).waitFor();
      await page.screenshot({ path: join(screenshots, '8-credit-note-issued.png'), fullPage: true });

      await page.getByTestId('credited-invoice').getByRole('link', { name: number }).click();
      await page.waitForURL(invoiceUrl);
      // 533,30 − 200,00 paid − 133,33 credited.
      await expect.poll(() => text(page.getByTestId('invoice-open-balance'))).toBe('199,97 €');
      await page.getByTestId('credit-notes').getByRole('link', { name: /^AV-/ }).waitFor();
      await page.screenshot({ path: join(screenshots, '9-invoice-settled.png'), fullPage: true });
      await page.context().close();
    });
  },
  90_000,
);
