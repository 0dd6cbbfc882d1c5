import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { camt053Statement } from '@relais/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/browser';
import { gql, login, must } from '../support/graphql-client';
import { issuedInvoice, invoiceState } from '../support/invoice-fixtures';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The accountant's "Banque", on a tenant of its own: a CAMT.053 statement built here (one transfer
 * citing an invoice with its exact amount, one paying half of another, one bank fee) is uploaded
 * through the file input; the first is matched on import, the second's proposal is validated (the
 * invoice is then partly paid), the fee is booked as bank fees, and the same file imported again
 * adds nothing.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'bank');
const password = 'relais-demo';
const CUSTOMER = 'Clinique du Parc';

const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `bank reconciliation in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let tenant: TestTenant;
    let token: string;
    let folder: string;
    let statementFile: string;
    let brokenFile: string;
    const invoices = { first: { id: '', number: '' }, second: { id: '', number: '' } };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    const todayShown = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      tenant = await createTestTenant('bank-ui');
      token = await login(tenant.adminEmail);
      const { createCustomer } = must(
        await gql<{ createCustomer: { id: string } }>(
          'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
          { input: { name: CUSTOMER, billingAddressLine1: '12 rue du Parc', billingPostalCode: '69006', billingCity: 'Lyon' } },
          token,
        ),
      );
      // 1 028,80 HT → 1 234,56 TTC, paid in full; 750,00 HT → 900,00 TTC, half paid.
      invoices.first = await issuedInvoice(token, createCustomer.id, '1028.80');
      invoices.second = await issuedInvoice(token, createCustomer.id, '750.00');
      const xml = camt053Statement({
        id: `BANK-UI-${Date.now()}`,
        iban: 'FR7630004008280001074251964',
        ownerName: 'RELAIS TEST',
        from: today,
        to: today,
        openingBalance: '10000.00',
        entries: [
          {
            amount: '1234.56',
            bookingDate: today,
            reference: 'UI-1',
            remittance: `REGLEMENT FACTURE ${invoices.first.number}`,
            counterpartyName: 'CLINIQUE DU PARC',
          },
          {
            amount: '450.00',
            bookingDate: today,
            reference: 'UI-2',
            remittance: `ACOMPTE ${invoices.second.number}`,
            counterpartyName: 'CLINIQUE DU PARC',
          },
          { amount: '-12.50', bookingDate: today, reference: 'UI-3', remittance: 'FRAIS TENUE DE COMPTE', counterpartyName: null },
        ],
      });
      folder = mkdtempSync(join(tmpdir(), 'relais-bank-'));
      statementFile = join(folder, `releve-${today}.xml`);
      writeFileSync(statementFile, xml);
      // A letter O for a zero in the first amount: the whole file is refused, naming the line.
      brokenFile = join(folder, 'releve-illisible.xml');
      writeFileSync(brokenFile, xml.replace('1234.56</Amt>', '1234.5O</Amt>'));
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
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

    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const settled = { timeout: 10_000 };

    /** Picks the statement in the file input and imports it; the outcome replaces the previous one. */
    async function importStatement(page: Page, file = statementFile) {
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
    }
    const outcome = (page: Page) => text(page.getByTestId('bank-import-outcome'));

    it('the accountant imports a statement, validates a proposal, books the fee and imports the file again', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.waitForURL(/\/finance\/payments$/);
      await page.getByRole('tab', { name: 'Banque' }).click();
      await page.waitForURL(/\/finance\/bank$/);
      await page.getByRole('heading', { name: 'Banque' }).waitFor();
      await page.getByText('Aucun relevé importé.').waitFor();
      await page.getByText('Aucun mouvement.').waitFor();

      await importStatement(page, brokenFile);
      const refused = page.getByRole('alert').filter({ hasText: 'BANK_FILE_INVALID' });
      await refused.waitFor(settled);
      expect(await text(refused)).toMatch(/Ligne \d+ : /);
      await page.screenshot({ path: join(screenshots, '0-refused.png') });
      expect(await page.getByText('Aucun relevé importé.').count()).toBe(1);

      await importStatement(page);
      await expect
        .poll(() => outcome(page), settled)
        .toBe('Relevé importé3 mouvements, 3 nouveaux, 0 déjà importé, 1 rapproché automatiquement');
      const movements = page.getByTestId('bank-movements');
      await expect.poll(() => movements.locator('tbody tr').count(), settled).toBe(2);
      await page.getByText('À traiter (2)').waitFor();
      await page.getByText('Rapprochés (1)').waitFor();
      expect(await text(page.getByTestId('bank-statements'))).toContain(
        `releve-${today}.xml : du ${todayShown} au ${todayShown}3 mouvements, 3 nouveaux, 1 rapproché automatiquement · solde final 11 672,06 €`,
      );
      const partial = movements.locator('tbody tr', { hasText: invoices.second.number });
      expect(await text(partial)).toContain('+450,00 €');
      expect(await text(partial)).toContain('Proposition');
      const fee = movements.locator('tbody tr', { hasText: 'FRAIS TENUE DE COMPTE' });
      expect(await text(fee)).toContain('-12,50 €');
      await page.screenshot({ path: join(screenshots, '1-imported.png') });

      // The half payment: its proposal cites the second invoice for 450,00 €.
      await partial.click();
      const drawer = page.getByRole('dialog', { name: `Mouvement du ${todayShown}` });
      const proposal = drawer.getByTestId('bank-proposal').first();
      await proposal.waitFor();
      expect(await text(proposal)).toContain(invoices.second.number);
      expect(await text(proposal)).toContain('450,00 €');
      expect(await text(proposal)).toContain(CUSTOMER);
      await page.screenshot({ path: join(screenshots, '2-proposal.png') });
      // "Répartir" offers the proposal's customer's open invoices (the allocation picker of "Encaissements").
      await drawer.getByRole('button', { name: 'Répartir' }).click();
      // The first invoice was paid on import: only the second is still open.
      await expect.poll(() => drawer.getByTestId('open-invoice').count(), settled).toBe(1);
      await drawer.getByLabel(`Affecter à ${invoices.second.number}`).check();
      expect(await drawer.getByLabel(`Montant affecté à ${invoices.second.number}`).inputValue()).toBe('450,00');
      await page.screenshot({ path: join(screenshots, '2b-split.png') });
      await drawer.getByRole('button', { name: 'Répartir' }).click();
      await drawer.getByRole('button', { name: 'Valider la proposition 1' }).click();
      await expect.poll(() => text(drawer.getByTestId('movement-status')), settled).toBe('Rapproché');
      expect(await text(drawer.getByTestId('bank-reconciliation'))).toContain(`Règlement${CUSTOMER} — Voir le règlement`);
      await drawer.getByRole('button', { name: 'Annuler le rapprochement' }).waitFor();
      await page.screenshot({ path: join(screenshots, '3-matched.png') });
      expect(await invoiceState(token, invoices.second.id)).toEqual({ status: 'PARTLY_PAID', openBalance: '450.00' });
      expect(await invoiceState(token, invoices.first.id)).toEqual({ status: 'PAID', openBalance: '0.00' });
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await expect.poll(() => movements.locator('tbody tr').count(), settled).toBe(1);

      // The fee: booked as bank fees.
      await fee.click();
      await drawer.getByText('Un débit n’est jamais rapproché d’une facture : comptabilisez-le.').waitFor();
      await drawer.getByRole('button', { name: 'Comptabiliser comme…' }).click();
      expect(await drawer.getByLabel('Nature').inputValue()).toBe('Frais bancaires');
      await page.screenshot({ path: join(screenshots, '4-book.png') });
      await drawer.getByRole('button', { name: 'Comptabiliser', exact: true }).click();
      await expect.poll(() => text(drawer.getByTestId('movement-status')), settled).toBe('Comptabilisé');
      expect(await text(drawer.getByTestId('bank-reconciliation'))).toBe('Comptabilisé comme Frais bancaires');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.getByText('Aucun mouvement.').waitFor(settled);
      await page.getByText('Comptabilisés (1)').click();
      await expect.poll(() => text(movements.locator('tbody tr').first()), settled).toContain('Comptabilisé');
      await page.getByText('Rapprochés (2)').click();
      await expect.poll(() => movements.locator('tbody tr').count(), settled).toBe(2);
      await page.screenshot({ path: join(screenshots, '5-matched-list.png') });

      // The same file again: nothing new.
      await importStatement(page);
      await expect
        .poll(() => outcome(page), settled)
        .toBe('Relevé importé3 mouvements, 0 nouveau, 3 déjà importés, 0 rapproché automatiquement');
      await page.getByText('À traiter (0)').waitFor();
      await page.screenshot({ path: join(screenshots, '6-reimported.png') });
      await page.context().close();
    });
  },
  90_000,
);
