import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { adminClient } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { issuedInvoice } from '../support/invoice-fixtures';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The accountant's "Comptabilité", on a tenant of its own: an invoice of 1 028,80 HT issued and paid
 * by transfer today (seeded through the API, posted by the finance worker). « Écritures » shows the
 * invoice's VT entry with its 411/706/44571 lines to the cent and balanced totals, a filter on 512
 * keeps the bank entry only; « Balance » totals even out and an account opens its entries; « TVA »
 * declares the month's 205,76 €; « Comptes de comptabilisation » refuses a wrong account and changes
 * nothing, then saves a right one. A screenshot of each tab goes to /tmp/h3-*.png.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const CUSTOMER = 'Résidence Les Tilleuls';

const skipReason = browserSkipReason(backOfficeUrl);

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const THIS_MONTH = TODAY.slice(0, 7);
const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  new Date(`${THIS_MONTH}-15T12:00:00Z`),
);

/** Text as read, with Intl's narrow no-break spaces as plain spaces. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const settled = { timeout: 15_000 };

describe.skipIf(skipReason !== null)(`accounting in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let tenant: TestTenant;
  let admin: string;
  let accountantEmail: string;
  let invoice: { id: string; number: string };

  beforeAll(async () => {
    tenant = await createTestTenant('accounting-ui');
    admin = await login(tenant.adminEmail);
    // The tenant's accountant, signing in with the same password as its admin.
    accountantEmail = tenant.adminEmail.replace(/^admin@/, 'compta@');
    const db = await adminClient();
    try {
      await db.query(
        `insert into users (tenant_id, id, email, full_name, role, password_hash)
         select tenant_id, gen_random_uuid(), $2, 'Christophe Daniel', 'accountant', password_hash from users where email = $1`,
        [tenant.adminEmail, accountantEmail],
      );
    } finally {
      await db.end();
    }
    const { createCustomer } = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { name: CUSTOMER, billingAddressLine1: '4 allée des Tilleuls', billingPostalCode: '44300', billingCity: 'Nantes' } },
        admin,
      ),
    );
    // 1 028,80 HT + 205,76 TVA = 1 234,56 TTC, paid in full by transfer.
    invoice = await issuedInvoice(admin, createCustomer.id, '1028.80');
    must(
      await gql(
        'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
        {
          input: {
            customerId: createCustomer.id,
            receivedOn: TODAY,
            amount: '1234.56',
            method: 'TRANSFER',
            reference: 'VIR TILLEULS 0412',
            allocations: [{ invoiceId: invoice.id, amount: '1234.56' }],
          },
        },
        admin,
      ),
    );
    // The finance worker posts both facts within seconds.
    for (let attempt = 0; ; attempt += 1) {
      const { journalEntries } = must(
        await gql<{ journalEntries: { totalCount: number } }>('{ journalEntries(first: 1) { totalCount } }', {}, admin),
      );
      if (journalEntries.totalCount === 2) break;
      if (attempt === 60) throw new Error(`${journalEntries.totalCount} entries posted instead of 2`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const openAs = (email: string) => signIn(browser, backOfficeUrl!, email, { viewport: { width: 1440, height: 900 } });

  async function download(page: Page, button: Locator): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return readFileSync((await file.path())!, 'utf8');
  }

  const entries = (page: Page) => page.getByTestId('journal-entry');
  const line = (entry: Locator, account: string) => entry.locator(`[data-testid="entry-line"][data-account="${account}"]`);
  const amounts = async (row: Locator) => [await text(row.getByTestId('line-debit')), await text(row.getByTestId('line-credit'))];

  it('the accountant reads the invoice’s sales entry to the cent, then only the bank’s entries on 512', async () => {
    const page = await openAs(accountantEmail);
    await page.waitForURL(/\/finance\/dashboard$/);
    await page.getByRole('tab', { name: 'Comptabilité' }).click();
    await page.waitForURL(/\/finance\/accounting$/);
    await page.getByRole('heading', { name: 'Comptabilité' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Écritures' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => entries(page).count(), settled).toBe(2);
    expect(await text(page.getByTestId('entries-count'))).toBe('2 écritures');

    const sale = entries(page).filter({ hasText: invoice.number });
    expect(await sale.getAttribute('data-journal')).toBe('VT');
    expect(await text(sale.getByTestId('entry-number'))).toBe('provisoire');
    expect(await sale.getByRole('link', { name: `Ouvrir la pièce ${invoice.number}` }).getAttribute('href')).toMatch(
      new RegExp(`/facturation/factures/${invoice.id}$`),
    );
    expect(await text(sale)).toContain(CUSTOMER);
    expect(await sale.getByTestId('entry-line').count()).toBe(3);
    expect(await amounts(line(sale, '411000'))).toEqual(['1 234,56 €', '']);
    expect(await text(line(sale, '411000'))).toContain(CUSTOMER);
    expect(await amounts(line(sale, '706000'))).toEqual(['', '1 028,80 €']);
    expect(await amounts(line(sale, '445711'))).toEqual(['', '205,76 €']);
    const total = sale.getByTestId('entry-total');
    expect(await text(total.getByTestId('total-debit'))).toBe('1 234,56 €');
    expect(await text(total.getByTestId('total-credit'))).toBe('1 234,56 €');
    expect(await text(total)).not.toContain('déséquilibrée');
    await page.screenshot({ path: '/tmp/h3-entries.png', fullPage: true });

    await page.getByLabel('Compte commençant par').fill('512');
    await page.waitForURL(/account=512/);
    await expect.poll(() => entries(page).count(), settled).toBe(1);
    expect(await entries(page).first().getAttribute('data-journal')).toBe('BQ');
    const bank = entries(page).first();
    expect(await amounts(line(bank, '512000'))).toEqual(['1 234,56 €', '']);
    expect(await amounts(line(bank, '411000'))).toEqual(['', '1 234,56 €']);
    expect(await text(bank)).toContain('VIR TILLEULS 0412');
    const csv = await download(page, page.getByRole('button', { name: 'Exporter en CSV' }));
    const csvLines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csvLines).toHaveLength(3);
    expect(csvLines[0]).toBe('Date;Journal;N°;Pièce;Libellé de l’écriture;Compte;Intitulé du compte;Auxiliaire;Libellé;Débit;Crédit');
    expect(
      csvLines
        .slice(1)
        .map((l) => l.split(';'))
        .map((cells) => [cells[5], cells[9], cells[10]]),
    ).toEqual([
      ['512000', '1234,56', '0,00'],
      ['411000', '0,00', '1234,56'],
    ]);

    // The address keeps the view: reloading shows the same filtered entries.
    await page.reload();
    await expect.poll(() => entries(page).count(), settled).toBe(1);
    expect(await page.getByLabel('Compte commençant par').inputValue()).toBe('512');
  });

  it('the balance evens out, and an account opens its entries', async () => {
    const page = await openAs(accountantEmail);
    await page.goto(new URL('/finance/accounting?tab=balance', backOfficeUrl).toString());
    const balance = page.getByTestId('ledger-balance');
    await balance.waitFor(settled);
    const rows = balance.getByTestId('balance-row');
    expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-account')))).toEqual([
      '411000',
      '445711',
      '512000',
      '706000',
    ]);
    const debit = await text(page.getByTestId('balance-total-debit'));
    expect(debit).toBe('2 469,12 €');
    expect(await text(page.getByTestId('balance-total-credit'))).toBe(debit);
    expect(await text(balance.locator('tfoot'))).toContain('Débits et crédits égaux');
    expect(await text(balance.locator('[data-account="411000"] td').nth(4))).toBe('0,00 €');
    expect(await text(balance.locator('[data-account="706000"] td').nth(4))).toBe('-1 028,80 €');
    await page.screenshot({ path: '/tmp/h3-balance.png', fullPage: true });
    const exported = await download(page, page.getByRole('button', { name: 'Exporter en CSV' }));
    expect(exported.trim().split('\r\n').at(-1)).toBe('Total;;2469,12;2469,12;');

    await page.getByRole('button', { name: 'Voir les écritures du compte 706000' }).click();
    await page.waitForURL(/tab=entries&account=706000/);
    await expect.poll(() => page.getByRole('tab', { name: 'Écritures' }).getAttribute('aria-selected'), settled).toBe('true');
    await expect.poll(() => entries(page).count(), settled).toBe(1);
    expect(await entries(page).first().getAttribute('data-journal')).toBe('VT');
    expect(await text(entries(page).first())).toContain(invoice.number);
  });

  it('the VAT of the month is what the API reports, and the posting accounts refuse a wrong one', async () => {
    const page = await openAs(accountantEmail);
    await page.goto(new URL('/finance/accounting?tab=vat', backOfficeUrl).toString());
    // Last month by default: nothing was invoiced then.
    await expect.poll(() => text(page.getByTestId('vat-due')), settled).toBe('0,00 €');
    await page.getByRole('combobox', { name: 'Mois' }).click();
    await page.getByRole('option', { name: monthName }).click();
    await page.waitForURL(new RegExp(`month=${THIS_MONTH}`));
    const { vatReport } = must(
      await gql<{ vatReport: { totals: { due: string } } }>(
        'query($from: LocalDate!, $to: LocalDate!) { vatReport(from: $from, to: $to) { totals { due } } }',
        { from: `${THIS_MONTH}-01`, to: TODAY },
        admin,
      ),
    );
    expect(vatReport.totals.due).toBe('205.76');
    await expect.poll(() => text(page.getByTestId('vat-due')), settled).toBe('205,76 €');
    expect(await text(page.getByTestId('vat-to-declare'))).toContain(`TVA à déclarer pour ${monthName}`);
    const rate = page.getByTestId('vat-row');
    expect(await rate.count()).toBe(1);
    expect(await text(rate.locator('td').first())).toBe('20 %');
    expect(await text(rate.locator('td').last())).toBe('205,76 €');
    await page.screenshot({ path: '/tmp/h3-vat.png', fullPage: true });

    await page.getByRole('tab', { name: 'Comptes de comptabilisation' }).click();
    await page.waitForURL(/tab=mapping$/);
    const bankAccount = page.getByRole('combobox', { name: 'Banque', exact: true });
    await expect.poll(() => bankAccount.inputValue(), settled).toMatch(/^512000 — /);
    await page.screenshot({ path: '/tmp/h3-mapping.png', fullPage: true });

    const mapping = async () =>
      must(
        await gql<{ ledgerMapping: { bankAccount: string; labourAccount: string; version: number } }>(
          '{ ledgerMapping { bankAccount labourAccount version } }',
          {},
          admin,
        ),
      ).ledgerMapping;
    await bankAccount.click();
    await bankAccount.fill('706000');
    await page
      .getByRole('option', { name: /^706000 — / })
      .first()
      .click();
    await page.getByRole('button', { name: 'Enregistrer les comptes' }).click();
    await page.getByText('compte 512… attendu').waitFor(settled);
    expect(await mapping()).toEqual({ bankAccount: '512000', labourAccount: '706000', version: 0 });

    await bankAccount.click();
    await bankAccount.fill('512000');
    await page.getByRole('option', { name: /^512000 — / }).click();
    const labour = page.getByRole('combobox', { name: 'Main-d’œuvre' });
    await labour.click();
    await labour.fill('706100');
    await page.getByRole('option', { name: /^706100 — / }).click();
    await page.getByRole('button', { name: 'Enregistrer les comptes' }).click();
    await page.getByTestId('mapping-saved').waitFor(settled);
    expect(await mapping()).toEqual({ bankAccount: '512000', labourAccount: '706100', version: 1 });
  });
});
