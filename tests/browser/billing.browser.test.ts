import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../support/browser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The billing clerk's "À facturer" flow: a closed intervention becomes a draft invoice, priced
 * by the server, then is issued with its legal number.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'billing');
const password = 'relais-demo';

const skipReason = !chromiumAvailable
  ? `${CHROMIUM_PATH} is absent (apt-get install -y chromium)`
  : !backOfficeUrl
    ? 'the back-office is not built (pnpm build:frontends)'
    : null;

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

    it('the clerk invoices a closed intervention and issues the invoice', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.getByRole('tab', { name: 'À facturer' }).click();
      await page.getByRole('heading', { name: 'À facturer' }).waitFor();
      expect(page.url()).toContain('/facturation/a-facturer');

      const firstCheckbox = page.getByRole('checkbox', { name: /^Sélectionner / }).first();
      await firstCheckbox.waitFor();
      const invoiceButton = page.getByRole('button', { name: 'Facturer', exact: true });
      expect(await invoiceButton.isDisabled()).toBe(true);
      await firstCheckbox.check();
      await page.screenshot({ path: join(screenshots, '1-billable-selected.png') });

      await invoiceButton.click();
      await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
      await expect.poll(() => page.getByTestId('invoice-line').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('invoice-number').textContent()).toBe('Brouillon');
      const totalGross = (await page.getByTestId('invoice-total-gross').textContent()) ?? '';
      expect(totalGross).toMatch(/\d+,\d{2}\s€$/);
      await page.screenshot({ path: join(screenshots, '2-draft.png'), fullPage: true });

      await page.getByRole('button', { name: 'Émettre' }).click();
      await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
      const number = (await page.getByTestId('invoice-number').textContent()) ?? '';
      expect(number).toMatch(/^F-\d{4}-\d{5}$/);
      expect(await page.getByTestId('invoice-status').textContent()).toBe('Émise');
      expect(await page.getByRole('button', { name: 'Émettre' }).count()).toBe(0);
      expect(await page.getByTestId('invoice-total-gross').textContent()).toBe(totalGross);
      await page.screenshot({ path: join(screenshots, '3-issued.png'), fullPage: true });

      await page.getByRole('tab', { name: 'Factures' }).click();
      await page.getByRole('heading', { name: 'Factures' }).waitFor();
      await page.getByRole('cell', { name: number, exact: true }).waitFor();
      await page.screenshot({ path: join(screenshots, '4-invoices.png') });
      await page.context().close();
    });
  },
  90_000,
);
