import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getContract, inTenantScope, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { appOrm } from '../support/database';
import { createMaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * A contract with a partial rate card (normal hours only, the others at the standard rate) and
 * inclusions per intervention type (2 h and the travel per preventive visit, the travel per
 * corrective one), created through the planning app's form: a refused inclusion is shown on its
 * row, then the contract page shows the standard rates and the inclusions, and the amendment
 * form comes back with them.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'contract-inclusions');
const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `contract inclusions per intervention type, in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('contract-inclusions-ui');
      await createMaintenanceWorld(orm, tenant);
      browser = await launchChromium();
      page = await signIn(browser, backOfficeUrl!, tenant.adminEmail, { viewport: { width: 1500, height: 950 } });
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    const shot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshots, name), fullPage: true });
    };
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

    it('creates a contract with only the normal rate and inclusions per intervention type', async () => {
      await page.goto(new URL('/planning/contrats/nouveau', backOfficeUrl).href);
      await page.getByRole('heading', { name: 'Nouveau contrat' }).waitFor();
      await page.getByRole('combobox', { name: 'Client' }).fill('Hôtel');
      await page.getByRole('option', { name: /^Hôtel des Ducs/ }).click();
      await page.getByLabel('Intitulé').fill('Maintenance préventive CVC');
      await page.getByRole('checkbox', { name: /^Siège/ }).check();

      expect(await page.getByLabel('Heures supplémentaires').getAttribute('placeholder')).toBe('tarif standard');
      await page.getByLabel('Heures normales').fill('62');
      await page.getByLabel('Forfait de déplacement').fill('40');

      await page.getByRole('button', { name: 'Ajouter un type d’intervention' }).click();
      expect(await page.getByRole('combobox', { name: 'Type d’intervention, ligne 1', exact: true }).inputValue()).toBe('Préventive');
      await page.getByLabel('Heures incluses, ligne 1').fill('2,555');
      await page.getByRole('checkbox', { name: 'Déplacement, ligne 1' }).check();
      await page.getByRole('button', { name: 'Ajouter un type d’intervention' }).click();
      expect(await page.getByRole('combobox', { name: 'Type d’intervention, ligne 2', exact: true }).inputValue()).toBe('Corrective');
      await page.getByRole('checkbox', { name: 'Déplacement, ligne 2' }).check();

      // Three decimals: the server refuses it, and the form shows why on the row.
      await page.getByRole('button', { name: 'Créer le contrat' }).click();
      const hours = page.getByLabel('Heures incluses, ligne 1');
      await expect.poll(() => hours.getAttribute('aria-invalid')).toBe('true');
      await shot('1-contract-form-refused.png');
      expect(page.url()).toMatch(/\/planning\/contrats\/nouveau$/);

      await hours.fill('2');
      await shot('2-contract-form.png');
      await page.getByRole('button', { name: 'Créer le contrat' }).click();
      await page.waitForURL(/\/planning\/contrats\/[^/]+$/);
      const heading = page.getByRole('heading', { name: /^CT-\d{4}-\d{4} — Maintenance préventive CVC$/ });
      await heading.waitFor();

      const labour = page.getByRole('table').filter({ hasText: 'Taux horaires' });
      expect(await text(labour)).toContain('Heures normales62,00 €');
      expect(await text(labour)).toContain('Heures supplémentairesTarif standard');
      const body = await text(page.locator('body'));
      expect(body).toContain('Inclus par intervention — Préventive');
      expect(body).toContain('2 h de main-d’œuvre et le déplacement');
      expect(body).toContain('Inclus par intervention — Corrective');
      expect(body).toContain('Inclus par intervention — CorrectiveLe déplacement');
      await shot('3-contract-page.png');

      const contractId = page.url().split('/').pop()!;
      const saved = await inTenantScope(orm, tenant.identity, { requestId: 't' }, (em) => getContract(em, contractId));
      expect(saved.rateCard.labourRates).toEqual({ NORMAL: '62' });
      expect(saved.rateCard.visitInclusions).toEqual([
        { interventionType: 'PREVENTIVE', includedHours: '2', travelIncluded: true },
        { interventionType: 'CORRECTIVE', includedHours: '0', travelIncluded: true },
      ]);

      // The amendment form starts from the same partial card and inclusions.
      await page.getByRole('link', { name: 'Modifier par avenant' }).click();
      await page.getByRole('heading', { name: /^Avenant au contrat CT-/ }).waitFor();
      expect(await page.getByLabel('Heures normales').inputValue()).toBe('62,00');
      expect(await page.getByLabel(/^Nuit/).inputValue()).toBe('');
      expect(await page.getByLabel('Heures incluses, ligne 1').inputValue()).toBe('2');
      expect(await page.getByRole('checkbox', { name: 'Déplacement, ligne 2' }).isChecked()).toBe(true);
      await shot('4-amendment-form.png');
    });
  },
);
