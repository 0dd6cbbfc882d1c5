import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { camt053Statement } from '@relais/domain';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { adminClient } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';
import { monthEnd, monthStart, TODAY } from '../support/dates';

/**
 * « Exercices et périodes », on a tenant of its own whose first fiscal year started last month:
 * last month holds a bank movement nobody matched and a draft invoice. The admin opens « Clôturer »
 * on it, reads the two checks with their links, ticks the acknowledgement and closes the month; the
 * month then shows closed, by whom, with « Rouvrir ».
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'periods');

const skipReason = browserSkipReason(backOfficeUrl);

const LAST_MONTH = monthStart(-1);
const lastMonthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  new Date(`${LAST_MONTH}T12:00:00Z`),
);
const todayShown = TODAY.split('-').reverse().join('/');

describe.skipIf(skipReason !== null)(`closing a month in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let tenant: TestTenant;
  let draftId: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    tenant = await createTestTenant('periods-ui');
    const token = await login(tenant.adminEmail);
    must(
      await gql(
        'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
        { input: { startsOn: LAST_MONTH, endsOn: monthEnd(10) } },
        token,
      ),
    );
    const { createCustomer } = must(
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
    );
    const { createInvoice } = must(
      await gql<{ createInvoice: { id: string } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
        {
          input: {
            customerId: createCustomer.id,
            lines: [
              { kind: 'LABOUR', description: 'Dépannage chaufferie', quantity: '2', unit: 'HUR', unitPrice: '65.00', vatRateCode: 'TVA20' },
            ],
          },
        },
        token,
      ),
    );
    draftId = createInvoice.id;
    // The draft was started last month (a draft keeps the day it was created).
    const admin = await adminClient();
    try {
      await admin.query(`update invoices set created_at = $1 where id = $2`, [`${LAST_MONTH.slice(0, 8)}12T10:00:00+01:00`, draftId]);
    } finally {
      await admin.end();
    }
    const bookingDate = `${LAST_MONTH.slice(0, 8)}10`;
    const xml = camt053Statement({
      id: `PERIODS-UI-${Date.now()}`,
      iban: 'FR7630004008280001074251964',
      ownerName: 'RELAIS TEST',
      from: bookingDate,
      to: bookingDate,
      openingBalance: '2000.00',
      entries: [
        { amount: '318.40', bookingDate, reference: 'UI-P1', remittance: 'VIREMENT SANS REFERENCE', counterpartyName: 'SCI DU PORT' },
      ],
    });
    must(
      await gql(
        'mutation($input: ImportBankStatementInput!) { importBankStatement(input: $input) { newMovementCount } }',
        { input: { fileName: 'releve.xml', contentBase64: Buffer.from(xml).toString('base64') } },
        token,
      ),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const openAs = (email: string) => signIn(browser, backOfficeUrl!, email);

  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const settled = { timeout: 10_000 };

  it('the admin closes last month after seeing what is left in it', async () => {
    const page = await openAs(tenant.adminEmail);
    await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
    await page.waitForURL(/\/finance\/payments$/);
    await page.getByRole('tab', { name: 'Exercices et périodes' }).click();
    await page.waitForURL(/\/finance\/periods$/);
    await page.getByRole('heading', { name: 'Exercices et périodes' }).waitFor();
    const year = page.getByTestId(`fiscal-year-${LAST_MONTH}`);
    await year.waitFor();
    expect(await year.locator('tbody tr').count()).toBe(12);
    expect(await text(year.getByTestId('fiscal-year-state'))).toBe('Exercice ouvert');
    const row = year.getByTestId(`period-${LAST_MONTH.slice(0, 7)}`);
    expect(await text(row.getByTestId('period-state'))).toBe('Ouverte');
    // Only last month can be closed: this month is not over.
    expect(await year.getByRole('button', { name: /^Clôturer / }).count()).toBe(1);
    await page.screenshot({ path: join(screenshots, '0-periods.png'), fullPage: true });

    await row.getByRole('button', { name: `Clôturer ${lastMonthName}` }).click();
    const modal = page.getByRole('dialog', { name: `Clôturer ${lastMonthName}` });
    const checks = modal.getByTestId('closing-checks');
    await checks.waitFor(settled);
    const movements = checks.getByTestId('check-UNMATCHED_BANK_MOVEMENTS');
    expect(await text(movements)).toContain('1 mouvement bancaire non rapproché');
    expect(await text(movements)).toContain('Ils ne pourront plus être rapprochés sans rouvrir le mois.');
    expect(await text(movements)).toContain('VIREMENT SANS REFERENCE');
    expect(await text(movements)).toContain('318,40 €');
    expect(await movements.getByRole('link').getAttribute('href')).toMatch(/\/finance\/bank$/);
    const drafts = checks.getByTestId('check-DRAFT_INVOICES');
    expect(await text(drafts)).toContain('1 facture en brouillon');
    expect(await text(drafts)).toContain(`12/${LAST_MONTH.slice(5, 7)}/${LAST_MONTH.slice(0, 4)} — Résidence Les Tilleuls — 156,00 €`);
    expect(await drafts.getByRole('link').getAttribute('href')).toMatch(new RegExp(`/facturation/factures/${draftId}$`));
    expect(await checks.getByTestId('check-UNBILLED_INTERVENTIONS').count()).toBe(0);

    const confirm = modal.getByRole('button', { name: 'Clôturer le mois' });
    expect(await confirm.isDisabled()).toBe(true);
    await modal.getByLabel('J’ai pris connaissance de ces points et je clôture quand même').check();
    expect(await confirm.isEnabled()).toBe(true);
    await page.screenshot({ path: join(screenshots, '1-checks.png') });

    await confirm.click();
    await modal.waitFor({ state: 'detached', ...settled });
    await expect.poll(() => text(row.getByTestId('period-state')), settled).toBe('Clôturée');
    expect(await text(row)).toContain(`le ${todayShown} par Anne Le Bihan`);
    await row.getByRole('button', { name: `Rouvrir ${lastMonthName}` }).waitFor();
    expect(await year.getByRole('button', { name: /^Clôturer / }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, '2-closed.png'), fullPage: true });
  });
});
