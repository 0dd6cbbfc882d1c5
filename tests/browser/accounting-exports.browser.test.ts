import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { checkFec } from '../support/check-fec';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';
import { dayOf, monthEnd, monthStart } from '../support/dates';

/**
 * « Comptabilité › Exports », on a tenant of its own whose fiscal year started two months ago: two
 * receipts in its first month (closed), one last month. The admin previews the FEC (counts, totals,
 * the provisional warning, the first lines), downloads it (the official checker passes it), then
 * sees the export in the history; the journal's preview in the EBP layout reads as EBP imports it.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'accounting-exports');
const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(`accounting exports in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let tenant: TestTenant;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    tenant = await createTestTenant('exports-ui');
    const token = await login(tenant.adminEmail);
    const customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name: 'Résidence Les Tilleuls',
            billingAddressLine1: '8 allée des Tilleuls',
            billingPostalCode: '35000',
            billingCity: 'Rennes',
          },
        },
        token,
      ),
    ).createCustomer.id;
    must(
      await gql(
        'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
        { input: { startsOn: monthStart(-2), endsOn: monthEnd(9) } },
        token,
      ),
    );
    for (const [receivedOn, amount] of [
      [dayOf(-2, 4), '1200.00'],
      [dayOf(-2, 18), '318.40'],
      [dayOf(-1, 9), '96.00'],
    ] as const)
      must(
        await gql(
          'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
          { input: { customerId, receivedOn, amount, method: 'CHECK', reference: `CHQ ${amount}` } },
          token,
        ),
      );
    const periods = must(
      await gql<{ fiscalYears: { periods: { id: string; startsOn: string }[] }[] }>(
        '{ fiscalYears { periods { id startsOn } } }',
        {},
        token,
      ),
    ).fiscalYears[0]!.periods;
    // Closing posts the month's facts first, then numbers its entries.
    must(
      await gql(
        'mutation($id: ID!) { closePeriod(periodId: $id, acknowledgeWarnings: true) { state } }',
        { id: periods.find((p) => p.startsOn === monthStart(-2))!.id },
        token,
      ),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openExports(): Promise<Page> {
    const page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await page.goto(new URL('/finance/accounting?tab=exports', backOfficeUrl!).toString());
    await page.getByRole('tab', { name: 'Exports', selected: true }).waitFor();
    return page;
  }

  it('previews and downloads the FEC, which the official checker passes, and the export shows in the history', async () => {
    const page = await openExports();
    const fec = page.getByTestId('export-fec');
    await fec.getByRole('button', { name: 'Aperçu' }).click();
    const preview = fec.getByTestId('export-preview');
    await preview.waitFor();
    const shown = (await preview.textContent())!.replace(/\s+/g, ' ');
    expect(shown).toContain('Lignes6');
    expect(shown).toContain('Écritures3');
    expect(shown).toContain('Total débit1 614,40 €');
    expect(shown).toContain('1 écriture d’un mois non clôturé : son numéro est provisoire.');
    expect(shown).toContain('JournalCode|JournalLib|EcritureNum|EcritureDate');
    expect(shown).toContain(`BQ|Banque|BQ000001|${dayOf(-2, 4).replaceAll('-', '')}|512000`);
    await page.screenshot({ path: join(screenshots, 'fec-preview.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), fec.getByRole('button', { name: 'Télécharger' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^\\d{9}FEC${monthEnd(9).replaceAll('-', '')}\\.txt$`));
    const saved = join(screenshots, download.suggestedFilename());
    await download.saveAs(saved);
    const report = await checkFec(saved);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ lines: 6, entries: 3, totalDebit: '1614,40', totalCredit: '1614,40' });

    const history = page.getByRole('table').last();
    await history.getByText(download.suggestedFilename()).waitFor({ timeout: 10_000 });
    const row = (await history.locator('tbody tr').first().textContent())!.replace(/\s+/g, ' ');
    expect(row).toContain('FEC');
    expect(row).toContain('provisoire');
    expect(row).toContain('1 614,40 €');
    await page.screenshot({ path: join(screenshots, 'fec-history.png'), fullPage: true });
  });

  it('previews the journal in the EBP layout as EBP imports it', async () => {
    const page = await openExports();
    const journal = page.getByTestId('export-journal');
    await journal.getByRole('combobox', { name: 'Format' }).click();
    await page.getByRole('option', { name: 'EBP (format ASCII)' }).click();
    await journal.getByLabel('Du').fill(monthStart(-2));
    await journal.getByLabel('Au').fill(monthEnd(-1));
    await journal.getByRole('button', { name: 'Aperçu' }).click();
    const preview = journal.getByTestId('export-preview');
    await preview.waitFor();
    const lines = (await preview.getByTestId('export-lines').textContent())!.split('\n');
    const ddmmyyyy = (d: string) => `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(0, 4)}`;
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(new RegExp(`^BQ000001,${ddmmyyyy(dayOf(-2, 4))},BQ,"512000","",".*","CHQ 1200.00",1200.00,D,"",EUR$`));
    await page.screenshot({ path: join(screenshots, 'journal-preview.png'), fullPage: true });
  });
});
