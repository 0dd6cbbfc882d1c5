import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/browser';
import { gql, login, must } from '../support/graphql-client';
import { issuedInvoice, invoiceState } from '../support/invoice-fixtures';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The accountant's "Encaissements", on a tenant of its own: a payment received for two issued
 * invoices (seeded through the API) is recorded with its allocations edited by hand, refused
 * first for a wrong date and an allocation beyond an invoice's balance, found in the list with
 * what is left to allocate to the cent, then reversed: the invoices are open again. Then a
 * cheque recorded without allocation has its credit allocated, the allocation undone, and part
 * of the credit refunded.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'payments');
const password = 'relais-demo';
const CUSTOMER = 'Résidence Les Tilleuls';

const skipReason = browserSkipReason(backOfficeUrl);

async function createCustomer(token: string, name: string): Promise<string> {
  const { createCustomer } = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name, billingAddressLine1: '4 allée des Tilleuls', billingPostalCode: '44300', billingCity: 'Nantes' } },
      token,
    ),
  );
  return createCustomer.id;
}

describe.skipIf(skipReason !== null)(
  `payments in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let tenant: TestTenant;
    let token: string;
    const invoices = { first: { id: '', number: '' }, second: { id: '', number: '' } };

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      tenant = await createTestTenant('payments-ui');
      token = await login(tenant.adminEmail);
      const customerId = await createCustomer(token, CUSTOMER);
      // 1 028,80 HT → 1 234,56 TTC, then 750,00 HT → 900,00 TTC; both due the same day, the first numbered first.
      invoices.first = await issuedInvoice(token, customerId, '1028.80');
      invoices.second = await issuedInvoice(token, customerId, '750.00');
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
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

    /** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const inParis = (locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    /** Today as typed in a date input (2026-12-07) and as shown (07/12/2026). */
    const today = { iso: inParis('en-CA'), shown: inParis('fr-FR') };
    /** Long enough for a mutation and the queries it refreshes, on a busy machine. */
    const settled = { timeout: 10_000 };
    const balance = (page: Page) =>
      Promise.all(['invoicesOpen', 'unallocatedPayments', 'balance'].map((key) => text(page.getByTestId(`customer-balance-${key}`))));

    it('the accountant records a payment over two invoices, finds it in the list, opens it and reverses it', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.waitForURL(/\/finance\/payments$/);
      await page.getByRole('heading', { name: 'Encaissements' }).waitFor();
      expect(await page.getByRole('tab', { name: 'Encaissements' }).getAttribute('aria-selected')).toBe('true');
      await page.getByText('Aucun règlement.').waitFor();

      await page.getByRole('button', { name: 'Enregistrer un règlement' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enregistrer un règlement' });
      await dialog.getByText('Choisissez le client pour voir ses factures à régler.').waitFor();
      await dialog.getByRole('combobox', { name: 'Client' }).fill('Tilleuls');
      await page.getByRole('option', { name: new RegExp(`^${CUSTOMER}`) }).click();
      await expect.poll(() => dialog.getByTestId('open-invoice').count(), settled).toBe(2);
      // Oldest due first; same due date, so the first numbered first.
      expect(await text(dialog.getByTestId('open-invoice').first())).toContain(invoices.first.number);
      expect(await text(dialog.getByTestId('open-invoice').first())).toContain('1 234,56 €');
      expect(await text(dialog.getByTestId('open-invoice').last())).toContain('900,00 €');

      await dialog.getByRole('textbox', { name: 'Montant', exact: true }).fill('1 700,00');
      await dialog.getByLabel('Payeur').fill('SCI Les Tilleuls');
      await dialog.getByLabel('Référence').fill('VIR SCI TILLEULS 0412');
      await dialog.getByRole('button', { name: 'Affecter automatiquement' }).click();
      const firstAmount = dialog.getByLabel(`Montant affecté à ${invoices.first.number}`);
      const secondAmount = dialog.getByLabel(`Montant affecté à ${invoices.second.number}`);
      expect(await firstAmount.inputValue()).toBe('1234,56');
      expect(await secondAmount.inputValue()).toBe('465,44');
      expect(await text(dialog.getByTestId('allocation-remaining'))).toBe('Tout le règlement est affecté.');
      await secondAmount.fill('400');
      await expect
        .poll(() => text(dialog.getByTestId('allocation-remaining')))
        .toBe('Reste à affecter : 65,44 € Restera au crédit du client.');
      await page.screenshot({ path: join(screenshots, '1-record-payment.png') });

      // Refused by the server: the field it names shows why; then an allocation beyond the invoice's balance.
      await dialog.getByLabel('Reçu le').fill('2099-01-01');
      await dialog.getByRole('button', { name: 'Enregistrer le règlement' }).click();
      await dialog.getByText('pas dans le futur').waitFor();
      await dialog.getByRole('alert').getByText('Certains champs sont à corriger').waitFor();
      await dialog.getByLabel('Reçu le').fill(today.iso);
      await firstAmount.fill('1 300');
      await dialog.getByRole('button', { name: 'Enregistrer le règlement' }).click();
      await expect
        .poll(() => text(dialog.getByRole('alert')), settled)
        .toContain(
          `Ce montant dépasse le reste dû de la facture ${invoices.first.number} (1 234,56 €). Imputez au plus ce montant. (PAYMENT_EXCEEDS_BALANCE)`,
        );
      await page.screenshot({ path: join(screenshots, '2-refused.png') });
      await firstAmount.fill('1234,56');
      await dialog.getByRole('button', { name: 'Enregistrer le règlement' }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = page.locator('tbody tr', { hasText: 'VIR SCI TILLEULS 0412' });
      await row.waitFor();
      await page.getByText('1 règlement', { exact: true }).waitFor();
      expect(await text(row.getByTestId('payment-unallocated'))).toBe('65,44 €');
      expect(await text(row)).toBe(
        `${today.shown}${CUSTOMER}VirementVIR SCI TILLEULS 0412SCI Les Tilleuls1 700,00 €1 634,56 €65,44 €Partiellement affecté`,
      );
      await page.getByLabel('Avec reste à affecter').check();
      await row.waitFor();
      await page.screenshot({ path: join(screenshots, '3-list.png') });

      await row.click();
      await page.waitForURL(/\/finance\/payments\/[^/]+$/);
      await page.getByRole('heading', { name: `Règlement du ${today.shown}` }).waitFor();
      expect(await page.getByTestId('payment-status').textContent()).toBe('Partiellement affecté');
      expect(await page.getByTestId('allocations').getByRole('link').allTextContents()).toEqual([
        invoices.first.number,
        invoices.second.number,
      ]);
      expect(await page.getByTestId('allocation-amount').evaluateAll((cells) => cells.map((cell) => cell.textContent))).toEqual([
        '1\u202f234,56\u00a0€',
        '400,00\u00a0€',
      ]);
      // 900,00 − 400,00 still open, 65,44 of credit: the customer owes 434,56.
      expect(await balance(page)).toEqual(['500,00 €', '65,44 €', '434,56 €']);
      await page.screenshot({ path: join(screenshots, '4-payment.png') });

      await page.getByRole('button', { name: 'Annuler le règlement' }).click();
      const reverse = page.getByRole('dialog', { name: /^Annuler le règlement de 1\s700,00\s€$/ });
      await reverse.getByLabel('Motif').fill('Virement rappelé par la banque');
      await page.screenshot({ path: join(screenshots, '5-reverse.png') });
      await reverse.getByRole('button', { name: 'Annuler le règlement' }).click();
      await reverse.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('payment-status').textContent(), settled).toBe('Annulé');
      expect(await text(page.getByTestId('payment-reversal'))).toBe(`Annulé le ${today.shown} : Virement rappelé par la banque`);
      expect(await page.getByText('Défaite : Virement rappelé par la banque').count()).toBe(2);
      expect(await page.getByRole('button', { name: 'Annuler le règlement' }).count()).toBe(0);
      expect(await text(page.getByTestId('payment-detail-unallocated'))).toBe('0,00 €');
      await expect.poll(() => balance(page), settled).toEqual(['2 134,56 €', '0,00 €', '2 134,56 €']);
      await page.screenshot({ path: join(screenshots, '6-reversed.png') });

      expect(await invoiceState(token, invoices.first.id)).toEqual({ status: 'ISSUED', openBalance: '1234.56' });
      expect(await invoiceState(token, invoices.second.id)).toEqual({ status: 'ISSUED', openBalance: '900.00' });
      await page.getByTestId('allocations').getByRole('link', { name: invoices.first.number }).click();
      await page.waitForURL(new RegExp(`/facturation/factures/${invoices.first.id}$`));
      await expect.poll(() => text(page.getByTestId('invoice-open-balance')), settled).toBe('1 234,56 €');
      expect(await page.getByTestId('invoice-status').textContent()).toBe('Émise');
      await page.screenshot({ path: join(screenshots, '7-invoice-open-again.png') });
      await page.context().close();
    });

    it('the accountant allocates a payment’s credit, undoes the allocation and refunds part of the credit', async () => {
      const customerId = await createCustomer(token, 'Boulangerie Morvan');
      const invoice = await issuedInvoice(token, customerId, '300.00'); // 360,00 TTC
      must(
        await gql(
          'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
          { input: { customerId, receivedOn: today.iso, amount: '500.00', method: 'CHECK', reference: 'CHQ 0042117' } },
          token,
        ),
      );
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.getByPlaceholder('Référence, payeur ou montant').fill('CHQ 0042117');
      await expect.poll(() => page.locator('tbody tr').count(), settled).toBe(1);
      const row = page.locator('tbody tr', { hasText: 'CHQ 0042117' });
      expect(await text(row.getByTestId('payment-unallocated'))).toBe('500,00 €');
      await row.click();
      await page.getByRole('heading', { name: `Règlement du ${today.shown}` }).waitFor();
      await page.getByText('Ce règlement n’est affecté à aucune facture.').waitFor();

      await page.getByRole('button', { name: 'Affecter le reste' }).click();
      const allocate = page.getByRole('dialog', { name: /^Affecter 500,00\s€ aux factures de Boulangerie Morvan$/ });
      await allocate.getByLabel(`Affecter à ${invoice.number}`).check();
      // Ticking offers what is left, up to the invoice's balance.
      expect(await allocate.getByLabel(`Montant affecté à ${invoice.number}`).inputValue()).toBe('360,00');
      await expect
        .poll(() => text(allocate.getByTestId('allocation-remaining')))
        .toBe('Reste à affecter : 140,00 € Restera au crédit du client.');
      await page.screenshot({ path: join(screenshots, '8-allocate.png') });
      await allocate.getByRole('button', { name: 'Affecter', exact: true }).click();
      await allocate.waitFor({ state: 'detached' });
      await expect.poll(() => text(page.getByTestId('payment-detail-unallocated')), settled).toBe('140,00 €');
      expect(await page.getByTestId('payment-status').textContent()).toBe('Partiellement affecté');
      expect(await invoiceState(token, invoice.id)).toEqual({ status: 'PAID', openBalance: '0.00' });

      await page.getByRole('button', { name: `Défaire l’affectation à ${invoice.number}` }).click();
      const release = page.getByRole('dialog', { name: `Défaire l’affectation à ${invoice.number}` });
      await release.getByLabel('Motif').fill('Chèque destiné à une autre facture');
      await page.screenshot({ path: join(screenshots, '9-release.png') });
      await release.getByRole('button', { name: 'Défaire l’affectation' }).click();
      await release.waitFor({ state: 'detached' });
      await expect.poll(() => text(page.getByTestId('payment-detail-unallocated')), settled).toBe('500,00 €');
      await page.getByText('Défaite : Chèque destiné à une autre facture').waitFor();
      expect(await invoiceState(token, invoice.id)).toEqual({ status: 'ISSUED', openBalance: '360.00' });

      await page.getByRole('button', { name: 'Rembourser' }).click();
      const refund = page.getByRole('dialog', { name: 'Rembourser le crédit du client' });
      const refundAmount = refund.getByRole('textbox', { name: 'Montant', exact: true });
      expect(await refundAmount.inputValue()).toBe('500,00');
      await refundAmount.fill('150');
      await refund.getByLabel('Référence').fill('VIR REMB 0042117');
      await page.screenshot({ path: join(screenshots, '10-refund.png') });
      await refund.getByRole('button', { name: 'Enregistrer le remboursement' }).click();
      await refund.waitFor({ state: 'detached' });
      await expect.poll(() => text(page.getByTestId('payment-detail-unallocated')), settled).toBe('350,00 €');
      expect(await text(page.getByTestId('refunds'))).toContain(`${today.shown}VirementVIR REMB 0042117150,00 €`);
      // 360,00 open, 350,00 of credit left: the customer owes 10,00; a refunded payment can no longer be reversed.
      expect(await balance(page)).toEqual(['360,00 €', '350,00 €', '10,00 €']);
      expect(await page.getByRole('button', { name: 'Annuler le règlement' }).count()).toBe(0);
      await page.screenshot({ path: join(screenshots, '11-refunded.png') });

      await page.getByRole('tab', { name: 'Plan comptable' }).click();
      await page.waitForURL(/\/finance\/chart-of-accounts$/);
      await page.getByRole('heading', { name: 'Plan comptable' }).waitFor();
      await page.getByText('Banque', { exact: true }).first().waitFor();
      await page.screenshot({ path: join(screenshots, '12-chart-of-accounts.png') });
      await page.context().close();
    });
  },
  90_000,
);
