import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { dayOf, monthEnd, monthStart } from '../support/dates';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * A refusal in the user's language: on a tenant of its own whose last month is closed, the admin
 * switches the back-office to English and records a payment received last month. The server
 * answers PERIOD_CLOSED; the box says so in English, naming the month, with the code in brackets
 * as a reference. Back in French, the same refusal reads in French, and nothing was recorded.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'error-language');
const skipReason = browserSkipReason(backOfficeUrl);

const LAST_MONTH = monthStart(-1);
const monthName = (locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${LAST_MONTH}T12:00:00Z`));

describe.skipIf(skipReason !== null)(`refusals in the user's language in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let tenant: TestTenant;
  let token: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    tenant = await createTestTenant('error-language-ui');
    token = await login(tenant.adminEmail);
    const { openFiscalYear } = must(
      await gql<{ openFiscalYear: { periods: { id: string; startsOn: string; version: number }[] } }>(
        'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { periods { id startsOn version } } }',
        { input: { startsOn: LAST_MONTH, endsOn: monthEnd(10) } },
        token,
      ),
    );
    const lastMonth = openFiscalYear.periods.find((period) => period.startsOn === LAST_MONTH)!;
    must(
      await gql(
        'mutation($id: ID!, $v: Int) { closePeriod(periodId: $id, expectedVersion: $v, acknowledgeWarnings: true) { id } }',
        { id: lastMonth.id, v: lastMonth.version },
        token,
      ),
    );
    must(
      await gql(
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
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const settled = { timeout: 10_000 };
  const chooseLanguage = (page: Page, language: 'EN' | 'FR') =>
    page
      .getByRole('radiogroup', { name: /^(Langue|Language)$/ })
      .getByText(language, { exact: true })
      .click();

  it('says in English that the month is closed, and in French once the language is switched back', async () => {
    const page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await chooseLanguage(page, 'EN');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(new URL('/finance/payments', backOfficeUrl!).toString());
    await page.getByRole('heading', { name: 'Payments' }).waitFor();

    const recordPayment = async (labels: { open: string; customer: string; receivedOn: string; amount: string; confirm: string }) => {
      await page.getByRole('button', { name: labels.open }).click();
      const dialog = page.getByRole('dialog', { name: labels.open });
      await dialog.getByRole('combobox', { name: labels.customer }).fill('Tilleuls');
      await page.getByRole('option', { name: /^Résidence Les Tilleuls/ }).click();
      await dialog.getByLabel(labels.receivedOn).fill(dayOf(-1, 10));
      await dialog.getByRole('textbox', { name: labels.amount, exact: true }).fill('120');
      await dialog.getByRole('button', { name: labels.confirm }).click();
      return dialog;
    };

    const english = await recordPayment({
      open: 'Record a payment',
      customer: 'Customer',
      receivedOn: 'Received on',
      amount: 'Amount',
      confirm: 'Record the payment',
    });
    await expect
      .poll(() => text(english.getByRole('alert')), settled)
      .toContain(
        `The period of ${monthName('en')} is closed: nothing can be dated in it any more. Choose a date in an open period. (PERIOD_CLOSED)`,
      );
    await english.getByRole('alert').getByText('Action refused').waitFor();
    await page.screenshot({ path: join(screenshots, '1-period-closed-en.png') });
    // The form's « Close », after the dialog's close button of the same name.
    await english.getByRole('button', { name: 'Close' }).last().click();
    await english.waitFor({ state: 'detached' });

    await chooseLanguage(page, 'FR');
    const french = await recordPayment({
      open: 'Enregistrer un règlement',
      customer: 'Client',
      receivedOn: 'Reçu le',
      amount: 'Montant',
      confirm: 'Enregistrer le règlement',
    });
    await expect
      .poll(() => text(french.getByRole('alert')), settled)
      .toContain(
        `La période de ${monthName('fr')} est clôturée : rien ne peut plus y être daté. Choisissez une date dans une période ouverte. (PERIOD_CLOSED)`,
      );
    await french.getByRole('alert').getByText('Action refusée').waitFor();
    await page.screenshot({ path: join(screenshots, '2-period-closed-fr.png') });

    const { payments } = must(await gql<{ payments: { totalCount: number } }>('{ payments(first: 1) { totalCount } }', {}, token));
    expect(payments.totalCount).toBe(0);
    await page.context().close();
  });
});
