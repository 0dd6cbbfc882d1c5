import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import {
  MONTHLY_ARREARS,
  QUARTERLY_SYNTEC,
  SYNTEC_CSV,
  YEARLY_ICHT,
  billedContract,
  indexSeriesWith,
} from '../support/contract-billing-world';
import { appOrm, whileLocked } from '../support/database';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Contract billing seen by the clerk, on a tenant of its own: the preview of 2026-12-01 (an
 * indexed quarterly contract with a prorated first quarter, a monthly one in arrears, one blocked
 * by a missing index value) checked to the cent, a line excluded and the totals recomputed by the
 * server, the run followed to its invoices; then the missing index value typed and imported on
 * "Indices", which unblocks the contract.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'contract-billing');
const password = 'relais-demo';
const BILLING_DATE = '2026-12-01';

const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `contract billing in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    const references: Record<'clinique' | 'mairie' | 'lycee', string> = { clinique: '', mairie: '', lycee: '' };

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('contract-billing-ui');
      const syntec = await indexSeriesWith(orm, tenant, 'SYNTEC', SYNTEC_CSV);
      const icht = await indexSeriesWith(orm, tenant, 'ICHT-REV-TS', null);
      references.clinique = (
        await billedContract(orm, tenant, 'Clinique du Parc', QUARTERLY_SYNTEC.span, QUARTERLY_SYNTEC.billing(syntec))
      ).reference;
      references.mairie = (
        await billedContract(orm, tenant, 'Mairie de Vertou', MONTHLY_ARREARS.span, MONTHLY_ARREARS.billing())
      ).reference;
      references.lycee = (await billedContract(orm, tenant, 'Lycée Livet', YEARLY_ICHT.span, YEARLY_ICHT.billing(icht))).reference;
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    async function openAs(email: string): Promise<Page> {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1500, height: 950 } });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    /** The whole page in one viewport (a full-page capture would repeat the shell's sticky header over the content). */
    async function shoot(page: Page, name: string) {
      const viewport = page.viewportSize()!;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
      await page.screenshot({ path: join(screenshots, name) });
      await page.setViewportSize(viewport);
    }

    /** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();
    const totals = (page: Page) =>
      Promise.all(['invoice-count', 'total-net', 'total-vat', 'total-gross'].map((id) => text(page.getByTestId(`contract-billing-${id}`))));

    it('the clerk previews the fees due, excludes a line, runs the billing and opens an invoice it issued', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('tab', { name: 'Facturation des contrats' }).click();
      await page.getByRole('heading', { name: 'Facturation des contrats' }).waitFor();
      expect(page.url()).toContain('/facturation/contrats/facturation');
      // "Contrats" is the parent path: the longer one is the tab shown active.
      expect(await page.getByRole('tab', { name: 'Facturation des contrats' }).getAttribute('aria-selected')).toBe('true');

      await page.getByLabel('Date de facturation').fill(BILLING_DATE);
      // Clinique: 253,33 + 76 + 300 + 90 + 307,63 + 90 + 307,63 + 90 = 1 514,59 HT, TVA 302,92.
      // Mairie: 2 × 120 = 240,00 HT, TVA 48,00. The Lycée is blocked: not billed.
      await expect.poll(() => totals(page)).toEqual(['2', '1 754,59 €', '350,92 €', '2 105,51 €']);
      expect(await text(page.getByTestId('contract-billing-contract-count'))).toBe('3');
      await page.getByText('dont 1 bloqué').waitFor();

      const lycee = page.locator(`[data-testid="preview-contract"][data-reference="${references.lycee}"]`);
      expect(await text(lycee.getByTestId('preview-blocked'))).toMatch(/^Bloqué.*Indice ICHT-REV-TS de juin 2026 manquant/);
      expect(await text(lycee)).toContain('non facturé');
      const clinique = page.locator(`[data-testid="preview-contract"][data-reference="${references.clinique}"]`);
      expect(await text(clinique.getByTestId('preview-contract-gross'))).toBe('1 817,51 €');
      expect(await text(clinique)).toContain('4 périodes, du 15/01/2026 au 31/12/2026');

      await page.getByRole('button', { name: `Afficher le détail de ${references.clinique}` }).click();
      await page.getByText('Maintenance préventive CVC — Période du 15/01/2026 au 31/03/2026 (prorata 76 j / 90 j)').waitFor();
      expect(await page.getByText('Révision SYNTEC · coefficient 1,02543').count()).toBe(2);
      await page.getByRole('button', { name: `Afficher le détail de ${references.mairie}` }).click();
      await shoot(page, '1-preview.png');

      // The October fee of the Mairie: its period is postponed, 120,00 HT and 24,00 of VAT less.
      await page.getByLabel(`Exclure « Forfait » du 01/10/2026 au 31/10/2026 (${references.mairie})`).click();
      await expect.poll(() => totals(page)).toEqual(['2', '1 634,59 €', '326,92 €', '1 961,51 €']);
      const mairie = page.locator(`[data-testid="preview-contract"][data-reference="${references.mairie}"]`);
      expect(await text(mairie.getByTestId('preview-contract-gross'))).toBe('144,00 €');
      expect(await text(mairie)).toContain('1 période reportée');
      await page.getByText('1 ligne exclue', { exact: true }).waitFor();
      await shoot(page, '2-preview-line-excluded.png');

      await page.getByRole('button', { name: 'Lancer la facturation' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('2 factures seront créées pour 1 634,59 € HT, soit 1 961,51 € TTC.').waitFor();
      await dialog.getByText('1 contrat bloqué ne sera pas facturé.').waitFor();
      await dialog.getByText('1 ligne exclue ne sera pas facturée.').waitFor();
      // A new tenant issues and mails its runs' invoices unless told otherwise.
      await dialog.getByText('Selon le réglage de l’entreprise : émises et envoyées par e-mail').waitFor();
      await page.screenshot({ path: join(screenshots, '3-confirm.png') });
      // The contracts are held, as a termination being saved would hold them, so the run waits at its
      // first chunk and the clerk sees its progress however fast the machine is.
      await whileLocked('select 1 from contracts where tenant_id = $1 for update', [tenant.tenantId], async () => {
        await dialog.getByRole('button', { name: 'Lancer la facturation' }).click();
        await page.waitForURL(/\/facturation\/contrats\/facturation\?run=/);
        const progress = page.getByTestId('run-progress');
        await progress.getByText('0 / 3 contrats traités').waitFor();
        expect(await progress.getByRole('progressbar').count()).toBe(1);
        await page.screenshot({ path: join(screenshots, '4-run-progress.png') });
      });

      const summary = page.getByTestId('run-summary');
      await expect
        .poll(() => text(summary), { timeout: 30_000 })
        .toBe('Facturation terminée : 2 factures créées — 1 634,59 € HT, 1 961,51 € TTC.');
      expect(await page.getByTestId('run-progress').count()).toBe(0);
      expect(await page.getByTestId('run-invoice').count()).toBe(2);
      const invoiceRow = page.getByTestId('run-invoice').filter({ hasText: 'Clinique du Parc' });
      expect(await text(invoiceRow.getByTestId('run-invoice-gross'))).toBe('1 817,51 €');
      expect(await text(page.getByTestId('run-invoice').filter({ hasText: 'Mairie de Vertou' }).getByTestId('run-invoice-gross'))).toBe(
        '144,00 €',
      );
      const error = page.getByTestId('run-error');
      expect(await error.count()).toBe(1);
      expect(await text(error)).toMatch(new RegExp(`^${references.lycee}INDEX_VALUE_MISSINGIndice ICHT-REV-TS de juin 2026 manquant`));
      // What the run billed is no longer due: the preview shows the blocked contract and the postponed October.
      await expect.poll(() => totals(page)).toEqual(['1', '120,00 €', '24,00 €', '144,00 €']);
      await page
        .getByRole('link', { name: /^Voir le résultat du lancement du / })
        .first()
        .waitFor();
      await shoot(page, '5-run-result.png');

      const number = (await invoiceRow.getByRole('link').textContent()) ?? '';
      expect(number).toMatch(/^F-\d{4}-\d{5}$/);
      await invoiceRow.getByRole('link', { name: number }).click();
      await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
      await page.getByRole('heading', { name: `Facture ${number}` }).waitFor();
      expect(await text(page.getByTestId('invoice-total-gross'))).toBe('1 817,51 €');
      expect(await text(page.getByTestId('invoice-total-net'))).toBe('1 514,59 €');
      await shoot(page, '6-invoice.png');

      // The history reopens the run's result.
      await page.goBack();
      await page.getByTestId('run-result').waitFor();
      await page.context().close();
    });

    it('the clerk enters the missing index value, imports a CSV (a bad line refused), and the contract is no longer blocked', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('tab', { name: 'Indices' }).click();
      await page.getByRole('heading', { name: 'Indices', exact: true }).waitFor();
      const syntec = page.getByTestId('index-series-row').filter({ hasText: 'SYNTEC' });
      expect(await text(syntec)).toContain('296,1octobre 2025');

      await page.getByRole('button', { name: 'Voir les valeurs de ICHT-REV-TS' }).click();
      await page.getByRole('heading', { name: 'ICHT-REV-TS — Indice ICHT-REV-TS' }).waitFor();
      await page.getByText('Aucune valeur enregistrée pour cet indice.').waitFor();
      await page.getByLabel('Mois').fill('2026-06');
      await page.getByRole('textbox', { name: /^Valeur/ }).fill('131,9');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      expect(await text(page.getByTestId('index-value-saved'))).toBe('Valeur de juin 2026 enregistrée : 131,9.');

      await page.getByLabel('Contenu du fichier CSV').fill('mois;valeur\n2026-04;130,8\n2026-05;abc\n');
      await page.getByRole('button', { name: 'Importer' }).click();
      const refused = page.getByTestId('index-import-errors');
      await refused.waitFor();
      expect(await text(refused)).toContain('Ligne 3 — valeur positive');
      expect(await text(refused)).toContain('csv.line[3].value');
      expect(await page.getByTestId('index-value').count()).toBe(1);

      await page.locator('input[type="file"]').setInputFiles({
        name: 'icht.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('mois;valeur;publiée le\n2026-04;130,8;2026-05-20\n2026-05;131,4;2026-06-19\n'),
      });
      await expect.poll(() => page.getByLabel('Contenu du fichier CSV').inputValue()).toContain('2026-05;131,4');
      await page.getByRole('button', { name: 'Importer' }).click();
      expect(await text(page.getByTestId('index-import-done'))).toBe('2 valeurs importées : 2 nouvelles, 0 mises à jour.');
      await expect.poll(() => page.getByTestId('index-value').count()).toBe(3);
      expect(await text(page.getByTestId('index-value').first())).toMatch(/^juin 2026131,9—Saisie/);
      expect(await text(page.getByTestId('index-series-row').filter({ hasText: 'ICHT-REV-TS' }))).toContain('131,9juin 2026');
      await shoot(page, '7-indices.png');

      await page.getByRole('tab', { name: 'Facturation des contrats' }).click();
      await page.getByLabel('Date de facturation').fill(BILLING_DATE);
      // The Lycée's yearly fee is now revised with June 2026; the Mairie's postponed October is still due.
      await expect.poll(() => text(page.getByTestId('contract-billing-invoice-count'))).toBe('2');
      expect(await page.getByTestId('preview-blocked').count()).toBe(0);
      await page.getByRole('button', { name: `Afficher le détail de ${references.lycee}` }).click();
      await page.getByText('Révision ICHT-REV-TS · coefficient').waitFor();
      await shoot(page, '8-unblocked.png');
      await page.context().close();
    });
  },
  120_000,
);
