import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Orm } from '@relais/domain';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { appOrm } from '../support/database';
import { createMaintenanceWorld } from '../support/maintenance-world';
import { TODAY } from '../support/dates';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Master data through the screens, in a tenant of its own: the office creates a catalog item (its
 * code already used, refused under the code, then fixed), finds it in « Catalogue » at its price,
 * gives it a customer price in a new « Tarif », creates a technician with skills by their names (a
 * day ending before it starts refused under its input), and bills the new item on a new invoice
 * picked from the catalog, to the cent, at the item's VAT rate. The technician's absence for two days
 * next week (the last day before the first refused under it) shows on the board's week, and goes.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'catalog-technicians');
const skipReason = browserSkipReason(backOfficeUrl);

/** A local date `days` after another. */
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Monday of next week, in Paris. */
function nextMonday(): string {
  const weekday = new Date(`${TODAY}T12:00:00Z`).getUTCDay() || 7;
  return shiftDate(TODAY, 8 - weekday);
}
/** 24/11/2026 */
const french = (date: string) => date.split('-').reverse().join('/');

describe.skipIf(skipReason !== null)(
  `catalog, price lists and technicians screens, in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('catalog-ui');
      // Two customers, Théo and Maëlle, and the catalog's FIL-G4-592.
      await createMaintenanceWorld(orm, tenant, ['FIL-G4-592']);
      browser = await launchChromium();
      page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    const go = (path: string) => page.goto(new URL(path, backOfficeUrl).href);
    const shot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshots, name), fullPage: true });
    };
    /** Text as shown, with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

    it('creates a catalog item, its used code refused under the code, and lists it at its price', async () => {
      await go('/facturation/catalogue');
      await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
      await page.getByRole('link', { name: 'FIL-G4-592' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await page.getByRole('link', { name: 'Nouvel article' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvel article' }).waitFor();
      const form = page.getByTestId('catalog-item-form');
      await form.getByLabel(/^Code/).fill('FIL-G4-592');
      await form.getByLabel('Libellé').fill('Ventilateur EC 450 mm');
      await form.getByLabel('Prix de vente HT').fill('245,9');
      await form.getByLabel('Prix d’achat HT').fill('162,40');
      // Rates read « 20 % » with a narrow no-break space, as French typography has it.
      await expect.poll(async () => (await form.getByLabel('Taux de TVA').inputValue()).replace(/\s/g, ' ')).toBe('20 %');
      await form.getByRole('button', { name: 'Créer l’article' }).click();
      await form.getByText('Ce code est déjà utilisé par un autre article (archivé compris).').waitFor();
      await shot('1-catalog-code-taken.png');

      await form.getByLabel(/^Code/).fill('VENT-EC-450');
      await form.getByRole('button', { name: 'Créer l’article' }).click();
      await page.waitForURL(/\/facturation\/catalogue\?q=VENT-EC-450$/);
      const row = page.getByRole('row', { name: /VENT-EC-450/ });
      await row.waitFor();
      expect(await text(row)).toBe('VENT-EC-450Ventilateur EC 450 mmPiècePièce162,40 €245,90 €20 %');
      await shot('2-catalog-list.png');

      // The row is a real link to the item's page.
      await page.getByRole('link', { name: 'VENT-EC-450' }).click();
      await page.getByRole('heading', { level: 1, name: 'VENT-EC-450 — Ventilateur EC 450 mm' }).waitFor();
      expect(await page.getByTestId('catalog-item-form').getByLabel('Prix de vente HT').inputValue()).toBe('245,90');
      await page.getByRole('button', { name: 'Archiver' }).waitFor();
      await shot('3-catalog-item.png');
    });

    it('gives the item a customer price in a new price list', async () => {
      await page.getByRole('tab', { name: 'Tarifs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tarifs' }).waitFor();
      await page.getByRole('link', { name: 'Nouveau tarif' }).click();
      const form = page.getByTestId('price-list-form');
      await form.getByLabel(/^Nom/).fill('Grands comptes');
      await form.getByRole('button', { name: 'Ajouter un article du catalogue' }).click();
      const picker = page.getByRole('dialog');
      await picker.getByRole('searchbox').fill('VENT');
      await picker.getByText('Ventilateur EC 450 mm').click();
      const price = form.getByLabel('Prix du tarif pour Ventilateur EC 450 mm');
      expect(await price.inputValue()).toBe('245,90');
      await price.fill('229');
      await shot('4-price-list-form.png');
      await form.getByRole('button', { name: 'Créer le tarif' }).click();
      const row = page.getByRole('row', { name: /Grands comptes/ });
      await row.waitFor();
      expect(await text(row)).toBe('Grands comptes1 articleActif');
      await shot('5-price-lists.png');
      await page.getByRole('link', { name: 'Grands comptes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tarif « Grands comptes »' }).waitFor();
      expect(await page.getByLabel('Prix du tarif pour Ventilateur EC 450 mm').inputValue()).toBe('229,00');
    });

    it('creates a technician with skills by name, a day ending before it starts refused first', async () => {
      await go('/planning/techniciens');
      await page.getByRole('heading', { level: 1, name: 'Techniciens' }).waitFor();
      await page.getByRole('link', { name: 'Nouveau technicien' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouveau technicien' }).waitFor();
      const form = page.getByTestId('technician-form');
      await form.getByLabel('Nom et prénom').fill('Inès Roux');
      await form.getByLabel('Téléphone').fill('06 11 22 33 44');
      await form.getByLabel('Habilitations').click();
      await page.getByRole('option', { name: 'Gaz' }).click();
      await page.getByRole('option', { name: 'Génie climatique' }).click();
      await form.getByLabel('Début de journée').fill('17:00');
      await form.getByLabel('Fin de journée').fill('07:30');
      await form.getByLabel('Coût horaire chargé (HT)').fill('39,5');
      await form.getByRole('checkbox', { name: 'Samedi' }).check();
      await form.getByRole('button', { name: 'Créer le technicien' }).click();
      await form.getByText('Heure HH:MM après le début de journée').waitFor();
      await shot('6-technician-refused.png');

      await form.getByLabel('Début de journée').fill('07:30');
      await form.getByLabel('Fin de journée').fill('16:30');
      await form.getByRole('button', { name: 'Créer le technicien' }).click();
      await page.waitForURL(/\/planning\/techniciens$/);
      const row = page.getByRole('row', { name: /Inès Roux/ });
      await row.waitFor();
      expect(await text(row)).toBe('Inès RouxGazGénie climatique07:30–16:3039,50 € / hModifier');
      await shot('7-technicians.png');

      await page.getByRole('link', { name: 'Inès Roux' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inès Roux' }).waitFor();
      const saved = page.getByTestId('technician-form');
      expect(await saved.getByRole('checkbox', { name: 'Samedi' }).isChecked()).toBe(true);
      expect(await saved.getByRole('checkbox', { name: 'Dimanche' }).isChecked()).toBe(false);
      expect(await saved.getByLabel('Coût horaire chargé (HT)').inputValue()).toBe('39,50');
      expect(await saved.getByRole('switch', { name: 'Actif' }).isChecked()).toBe(true);
      await shot('8-technician.png');
    });

    it('records an absence for two days next week, shows it on the board, then removes it', async () => {
      const technicianId = new URL(page.url()).pathname.split('/').pop()!;
      const section = page.getByTestId('technician-absences');
      await section.getByText('Aucune absence sur cette période.').waitFor();
      // Tuesday and Wednesday of next week (Paris).
      const monday = nextMonday();
      const [tuesday, wednesday] = [shiftDate(monday, 1), shiftDate(monday, 2)];
      const form = page.getByTestId('absence-form');
      await form.getByLabel('Premier jour').fill(wednesday);
      await form.getByLabel('Dernier jour').fill(tuesday);
      await form.getByLabel('Motif').fill('Formation F-Gaz');
      await form.getByRole('button', { name: 'Ajouter l’absence' }).click();
      await form.getByText('Doit suivre le début').waitFor();
      expect(await section.getByRole('row').count()).toBe(0);

      await form.getByLabel('Premier jour').fill(tuesday);
      await form.getByLabel('Dernier jour').fill(wednesday);
      await form.getByRole('button', { name: 'Ajouter l’absence' }).click();
      const row = section.getByRole('row', { name: /Formation F-Gaz/ });
      await row.waitFor();
      expect(await text(row)).toBe(`${french(tuesday)}${french(wednesday)}Formation F-GazSupprimer`);
      expect(await form.getByLabel('Motif').inputValue()).toBe('');
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshots, '11-technician-absences.png'), fullPage: true });

      await go(`/planning?du=${monday}&jours=7`);
      const cell = (date: string) => page.locator(`[data-cell="${technicianId}:${date}"]`);
      await cell(tuesday).getByText('Absent : Formation F-Gaz').waitFor();
      await cell(wednesday).getByText('Absent : Formation F-Gaz').waitFor();
      expect(
        await cell(monday)
          .getByText(/^Absent/)
          .count(),
      ).toBe(0);
      expect(
        await cell(shiftDate(monday, 3))
          .getByText(/^Absent/)
          .count(),
      ).toBe(0);
      await shot('12-board-absent.png');

      await go(`/planning/techniciens/${technicianId}`);
      await page.getByRole('heading', { level: 1, name: 'Inès Roux' }).waitFor();
      await page.getByRole('button', { name: `Supprimer l’absence du ${french(tuesday)} au ${french(wednesday)}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Supprimer cette absence ?' });
      await confirm
        .getByText(`L’absence de Inès Roux du ${french(tuesday)} au ${french(wednesday)} (Formation F-Gaz) sera supprimée`, {
          exact: false,
        })
        .waitFor();
      await confirm.getByRole('button', { name: 'Supprimer l’absence' }).click();
      await section.getByText('Aucune absence sur cette période.').waitFor();
      await go(`/planning?du=${monday}&jours=7`);
      await cell(tuesday).waitFor();
      expect(
        await cell(tuesday)
          .getByText(/^Absent/)
          .count(),
      ).toBe(0);
    });

    it('bills the new item on a new invoice, picked from the catalog', async () => {
      await go('/facturation/factures/nouvelle');
      await page.getByRole('heading', { level: 1, name: 'Nouvelle facture' }).waitFor();
      await page.getByRole('combobox', { name: 'Choisir le client' }).fill('Hôtel');
      await page.getByRole('option', { name: /Hôtel des Ducs/ }).click();
      await page.getByRole('button', { name: 'Supprimer la ligne 1' }).click();
      await page.getByRole('button', { name: 'Ajouter depuis le catalogue' }).click();
      await page.getByRole('dialog').getByRole('searchbox').fill('VENT-EC');
      await page.getByRole('dialog').getByText('Ventilateur EC 450 mm').click();
      expect(await page.getByLabel('Désignation, ligne 1').inputValue()).toBe('Ventilateur EC 450 mm (VENT-EC-450)');
      await page.getByLabel('Quantité, ligne 1').fill('2');
      await shot('9-invoice-from-catalog.png');
      // 2 × 245,90 = 491,80 HT; VAT 20 %: 98,36; 590,16 TTC.
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('590,16 €');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.waitForURL(/\/facturation\/factures\/(?!nouvelle)[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
      expect(await text(page.getByTestId('invoice-total-net'))).toBe('491,80 €');
      expect(await text(page.getByTestId('invoice-total-vat'))).toBe('98,36 €');
      await shot('10-invoice-draft.png');
    });
  },
);
