import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inTenantScope, issueInvoice, shiftDate, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { adminClient, appOrm } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Write-offs seen by the accountant, on a tenant of its own: an invoice of 250,00 HT (300,00 TTC)
 * issued 40 days ago, 60,00 of it paid, 240,00 still owed. From « À encaisser » the accountant
 * passes the 240,00 to losses as an irrecoverable debt: the modal shows the entry first (654 200,00,
 * the VAT recovered 40,00, 411 240,00), the invoice is « Passée en perte » and leaves « À
 * encaisser », the journal has the OD entry to the cent, the invoice's page no longer offers « Créer
 * un avoir » and the month's VAT is a « Crédit de TVA » of 40,00. Cancelled from the invoice's page, it
 * is open again for 240,00 (and can be credited again); the statement lists the write-off and its
 * cancellation. The billing clerk (no finance:write) sees neither action.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'write-offs');
const skipReason = browserSkipReason(backOfficeUrl);
const settled = { timeout: 20_000 };
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const CUSTOMER = 'SARL Les Forges (en liquidation)';

describe.skipIf(skipReason !== null)(`write-offs in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  let token: string;
  let invoice = { id: '', number: '' };
  let customerId = '';
  const email = (local: string) => tenant.adminEmail.replace(/^admin@/, `${local}@`);
  const call = async <T>(query: string, variables: Record<string, unknown> = {}) => must(await gql<T>(query, variables, token));
  const openBalance = async () =>
    (
      await call<{ invoice: { openBalance: string; status: string } }>('query($id: ID!) { invoice(id: $id) { openBalance status } }', {
        id: invoice.id,
      })
    ).invoice;
  const toCollectRow = (page: Page) => page.getByTestId('to-collect').locator('tr', { hasText: invoice.number });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('write-offs-ui');
    token = await login(tenant.adminEmail);
    // The tenant's accountant and billing clerk, signing in with the same password as its admin.
    const db = await adminClient();
    try {
      for (const [local, fullName, role] of [
        ['compta', 'Christophe Daniel', 'accountant'],
        ['facturation', 'Françoise Méheut', 'billing'],
      ] as const)
        await db.query(
          `insert into users (tenant_id, id, email, full_name, role, password_hash)
           select tenant_id, gen_random_uuid(), $2, $3, $4, password_hash from users where email = $1`,
          [tenant.adminEmail, email(local), fullName, role],
        );
    } finally {
      await db.end();
    }
    const { createCustomer } = await call<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: {
          name: CUSTOMER,
          paymentTermsDays: 0,
          billingAddressLine1: '2 rue des Forges',
          billingPostalCode: '44000',
          billingCity: 'Nantes',
        },
      },
    );
    customerId = createCustomer.id;
    const { createInvoice } = await call<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId: createCustomer.id,
          lines: [
            { kind: 'LABOUR', description: 'Maintenance CVC', quantity: '1', unit: 'HUR', unitPrice: '250.00', vatRateCode: 'TVA20' },
          ],
        },
      },
    );
    const issued = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, (em) =>
      issueInvoice(em, createInvoice.id, createInvoice.version, { at: new Date(`${shiftDate(today, -40)}T10:00:00Z`) }),
    );
    invoice = { id: issued.id, number: issued.number! };
    await call('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: {
        customerId: createCustomer.id,
        receivedOn: today,
        amount: '60.00',
        method: 'TRANSFER',
        reference: 'VIR FORGES',
        allocations: [{ invoiceId: invoice.id, amount: '60.00' }],
      },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
  });

  it('the accountant writes the balance off from « À encaisser », reads the OD entry, then cancels it', async () => {
    const page = await signIn(browser, backOfficeUrl!, email('compta'));
    await page.goto(new URL('/finance/to-collect', backOfficeUrl).toString());
    const row = toCollectRow(page);
    await row.waitFor(settled);
    expect(await text(row.getByTestId('to-collect-open-balance'))).toBe('240,00 €');
    await page.screenshot({ path: join(screenshots, 'to-collect.png'), fullPage: true });
    await row.getByRole('button', { name: `Passer en perte la facture ${invoice.number}` }).click();

    const modal = page.getByTestId('write-off-modal');
    await modal.waitFor();
    expect(await modal.getByLabel('Montant').inputValue()).toBe('240,00');
    expect(await modal.getByLabel('Date du passage en perte').inputValue()).toBe(today);
    expect(await modal.getByRole('radio', { name: 'Créance irrécouvrable' }).isChecked()).toBe(true);
    const entry = modal.getByTestId('write-off-entry');
    await entry.waitFor(settled);
    const lines = async () =>
      Promise.all(
        (await entry.locator('tbody tr').all()).map(async (tr) =>
          (await tr.locator('td').allTextContents()).map((cell) => cell.replace(/\s+/g, ' ').trim()),
        ),
      );
    const proposed = await lines();
    expect(proposed.map(([account, , debit, credit]) => [account!.slice(0, 6), debit, credit])).toEqual([
      ['654000', '200,00 €', ''],
      ['445711', '40,00 €', ''],
      ['411000', '', '240,00 €'],
    ]);
    // French decimals: 12,5 is read as 12.50 and the entry follows (a small balance, 658, no VAT).
    await modal.getByRole('radio', { name: 'Solde minime' }).check();
    await modal.getByLabel('Montant').fill('4,5');
    await expect
      .poll(async () => (await lines()).map(([account, , debit, credit]) => [account!.slice(0, 6), debit, credit]), settled)
      .toEqual([
        ['658000', '4,50 €', ''],
        ['411000', '', '4,50 €'],
      ]);
    await modal.getByRole('radio', { name: 'Créance irrécouvrable' }).check();
    await modal.getByLabel('Montant').fill('240,00');
    await modal.getByRole('button', { name: /^Passer .* en perte$/ }).click();
    expect(await text(modal.getByText('Obligatoire'))).toBe('Obligatoire');
    await modal.getByLabel('Motif').fill('Liquidation judiciaire, créance non admise');
    await expect.poll(async () => (await lines()).length, settled).toBe(3);
    await page.screenshot({ path: join(screenshots, 'write-off-modal.png'), fullPage: true });
    await modal.getByRole('button', { name: 'Passer 240,00 € en perte' }).click();
    await modal.waitFor({ state: 'detached', ...settled });
    await expect.poll(() => toCollectRow(page).count(), settled).toBe(0);
    expect(await openBalance()).toEqual({ openBalance: '0.00', status: 'WRITTEN_OFF' });

    await page.goto(new URL(`/facturation/factures/${invoice.id}`, backOfficeUrl).toString());
    await page.getByText('Passée en perte').first().waitFor(settled);
    const writeOff = page.getByTestId('write-off');
    expect(await writeOff.count()).toBe(1);
    const cells = (await writeOff.locator('td').allTextContents()).map((cell) => cell.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 4)).toEqual([
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date(`${today}T12:00:00Z`)),
      'Créance irrécouvrableLiquidation judiciaire, créance non admise',
      'Christophe Daniel',
      '240,00 €',
    ]);
    // While the write-off stands the invoice takes no credit note (INVOICE_WRITTEN_OFF): cancel it first.
    expect(await page.getByRole('button', { name: 'Créer un avoir' }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'invoice-written-off.png'), fullPage: true });

    await page.goto(new URL('/finance/accounting', backOfficeUrl).toString());
    const odEntry = page.locator('[data-testid="journal-entry"][data-journal="OD"]', { hasText: invoice.number });
    await expect
      .poll(
        async () => {
          if ((await odEntry.count()) === 0) await page.reload();
          return odEntry.count();
        },
        { timeout: 40_000, interval: 2_000 },
      )
      .toBe(1);
    const amounts = async (account: string) => {
      const line = odEntry.locator(`[data-testid="entry-line"][data-account="${account}"]`);
      return [await text(line.getByTestId('line-debit')), await text(line.getByTestId('line-credit'))];
    };
    expect(await amounts('654000')).toEqual(['200,00 €', '']);
    expect(await amounts('445711')).toEqual(['40,00 €', '']);
    expect((await amounts('411000'))[1]).toBe('240,00 €');
    await odEntry.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'journal-write-off.png'), fullPage: true });

    // On debits, the VAT recovered (40,00) comes off the VAT due for the write-off's month: with
    // nothing else in it, the month is a VAT credit of 40,00, never a negative VAT due.
    await page.goto(new URL(`/finance/accounting?tab=vat&month=${today.slice(0, 7)}`, backOfficeUrl).toString());
    await expect.poll(() => text(page.getByTestId('vat-credit')), settled).toBe('40,00 €');
    expect(await text(page.getByTestId('vat-to-declare'))).toContain('Crédit de TVA pour');
    expect(await page.getByTestId('vat-due').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'vat-write-off.png'), fullPage: true });

    // The posting accounts of write-offs are on the mapping screen.
    await page.goto(new URL('/finance/accounting?tab=mapping', backOfficeUrl).toString());
    await page.getByRole('heading', { name: 'Pertes sur créances' }).waitFor(settled);
    expect(await page.getByRole('combobox', { name: 'Créances irrécouvrables (passage en perte)' }).inputValue()).toMatch(/^654000/);
    expect(await page.getByRole('combobox', { name: 'Soldes minimes passés en perte' }).inputValue()).toMatch(/^658000/);
    await page.getByRole('heading', { name: 'Pertes sur créances' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'mapping-write-off-accounts.png'), fullPage: true });

    await page.goto(new URL(`/facturation/factures/${invoice.id}`, backOfficeUrl).toString());
    await page.getByRole('button', { name: 'Annuler le passage en perte' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler le passage en perte' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', ...settled });
    await expect.poll(() => text(page.getByTestId('invoice-open-balance')), settled).toBe('240,00 €');
    expect(await page.getByRole('button', { name: 'Annuler le passage en perte' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Créer un avoir' }).waitFor(settled);
    await page.screenshot({ path: join(screenshots, 'invoice-write-off-cancelled.png'), fullPage: true });
    expect(await openBalance()).toEqual({ openBalance: '240.00', status: 'OVERDUE' });
    await page.goto(new URL('/finance/to-collect', backOfficeUrl).toString());
    await toCollectRow(page).waitFor(settled);
    expect(await text(toCollectRow(page).getByTestId('to-collect-open-balance'))).toBe('240,00 €');
    // The statement's open items offer the action too.
    await page.goto(new URL(`/finance/statements?customer=${customerId}`, backOfficeUrl).toString());
    const openItem = page.getByTestId('open-item').filter({ hasText: invoice.number });
    await openItem.waitFor(settled);
    expect(await openItem.getByRole('button', { name: `Passer en perte la facture ${invoice.number}` }).count()).toBe(1);
    // The write-off and its cancellation are movements of the account: the closing balance is the open item's.
    const movements = async () =>
      Promise.all(
        (await page.getByTestId('statement-movement').all()).map(async (tr) =>
          (await tr.locator('td').allTextContents()).slice(2).map((cell) => cell.replace(/\s+/g, ' ').trim()),
        ),
      );
    expect((await movements()).slice(-2)).toEqual([
      [`Passage en perte — ${invoice.number} (créance irrécouvrable)`, '', '240,00 €', '0,00 €'],
      [`Annulation du passage en perte — ${invoice.number} (créance irrécouvrable)`, '240,00 €', '', '240,00 €'],
    ]);
    expect(await text(page.getByTestId('statement-movements-closing'))).toBe('240,00 €');
    await page.screenshot({ path: join(screenshots, 'statement-open-items.png'), fullPage: true });
    await page.context().close();
  });

  it('the billing clerk, without finance:write, sees neither « Passer en perte » nor its cancellation', async () => {
    const page = await signIn(browser, backOfficeUrl!, email('facturation'));
    await page.goto(new URL('/finance/to-collect', backOfficeUrl).toString());
    await toCollectRow(page).waitFor(settled);
    expect(await page.getByRole('button', { name: /Passer en perte/ }).count()).toBe(0);
    await page.goto(new URL(`/facturation/factures/${invoice.id}`, backOfficeUrl).toString());
    await page.getByTestId('write-off').waitFor(settled);
    expect(await page.getByRole('button', { name: 'Annuler le passage en perte' }).count()).toBe(0);
    await page.context().close();
  });
});
