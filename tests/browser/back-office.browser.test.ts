import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The back-office as a user sees it: the built shell loading its three apps at run time, against
 * the real gateway and database (60 demo customers). The test harness serves the built
 * back-office and provides its URL (or set RELAIS_BACKOFFICE_URL to test another one).
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'back-office');

const demo = {
  email: 'facturation@demo.relais.fr',
  password: 'relais-demo',
  tenantName: 'Clim’Ouest Maintenance',
  customerCount: 60,
};

const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `back-office in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function openLoginPage(): Promise<Page> {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      return page;
    }

    async function signIn(page: Page, password: string): Promise<void> {
      await page.getByLabel('Adresse e-mail').fill(demo.email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
    }

    it('refuses a wrong password with a French message', async () => {
      const page = await openLoginPage();
      await signIn(page, 'not-the-password');

      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Adresse e-mail ou mot de passe incorrect');
      await page.screenshot({ path: join(screenshots, '1-wrong-password.png') });
      await page.context().close();
    });

    it('opens the asked page once signed in, then again on a reload without asking to sign in', async () => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${backOfficeUrl}/facturation/clients`);
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      await signIn(page, demo.password);

      await page.getByText(`${demo.customerCount} clients`).waitFor();
      expect(new URL(page.url()).pathname).toBe('/facturation/clients');
      await page.reload();
      await page.getByText(`${demo.customerCount} clients`).waitFor();
      expect(await page.getByRole('heading', { name: 'Connexion' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      await context.close();
    });

    it('speaks English on the login page to a user who chose it', async () => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
      await context.addInitScript(() => localStorage.setItem('relais.language', 'en'));
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Email address').fill('nobody@demo.relais.fr');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();

      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Incorrect email address or password');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await context.close();
    });

    it('signs in, lists the customers, searches and opens a customer file', async () => {
      const page = await openLoginPage();
      await signIn(page, demo.password);

      const navigation = page.getByRole('navigation', { name: 'Applications' });
      await page.getByText(demo.tenantName).waitFor();
      for (const app of ['Planning', 'Facturation', 'Finance']) {
        await navigation.getByText(app, { exact: true }).waitFor();
      }
      await page.screenshot({ path: join(screenshots, '2-shell.png') });

      await navigation.getByText('Facturation', { exact: true }).click();
      await page.getByRole('tab', { name: 'Clients' }).click();
      await page.getByRole('heading', { name: 'Clients' }).waitFor();
      await page.getByText(`${demo.customerCount} clients`).waitFor();
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(page.url()).toContain('/facturation/clients');
      await page.screenshot({ path: join(screenshots, '3-customers.png') });

      const firstCode = (await rows.first().locator('td').first().textContent())!.trim();
      const firstName = (await rows.first().locator('td').nth(1).textContent())!.trim();
      await page.getByRole('searchbox', { name: 'Rechercher un client' }).fill(firstCode);
      await page.getByText('1 client', { exact: true }).waitFor();
      expect(await rows.count()).toBe(1);
      await page.getByRole('cell', { name: firstCode, exact: true }).waitFor();
      await page.screenshot({ path: join(screenshots, '4-search.png') });

      await page.getByRole('cell', { name: firstCode, exact: true }).click();
      await page.getByRole('heading', { name: firstName }).waitFor();
      await page.getByRole('heading', { name: 'Identité' }).waitFor();
      expect(page.url()).toMatch(/\/facturation\/clients\/[^/]+$/);
      for (const label of ['SIREN', 'SIRET', 'Adresse de facturation', 'Conditions de paiement']) {
        await page.getByText(label, { exact: true }).first().waitFor();
      }
      await page.screenshot({ path: join(screenshots, '5-customer.png'), fullPage: true });
      await page.context().close();
    });
  },
  60_000,
);
