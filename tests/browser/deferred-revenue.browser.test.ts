import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Invoice,
  inTenantScope,
  issueInvoice,
  processContractBillingRun,
  runInvoiceIds,
  startContractBillingRun,
  type Orm,
} from '@relais/domain';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { appOrm } from '../support/database';
import { billedContract } from '../support/contract-billing-world';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * « Produits constatés d’avance » from « Exercices et périodes »: a yearly fee of 1 200,00 € HT billed
 * on 1 October 2026 for a year. The admin opens the action of the 2026 fiscal year: at its end,
 * 897,53 € deferred, with the OD entry and its reversal. « Comptabiliser » is first refused in French
 * (no fiscal year holds 1 January 2027), then, the next year opened, posts.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'deferred-revenue');
const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(`deferred revenue in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  let token: string;
  let invoice: { id: string; number: string };

  const openYear = (year: string) =>
    gql(
      'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
      { input: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` } },
      token,
    ).then(must);

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('deferred-revenue-ui');
    token = await login(tenant.adminEmail);
    await openYear('2026');
    await billedContract(
      orm,
      tenant,
      'Résidence Les Tilleuls',
      { startsOn: '2026-10-01', endsOn: '2027-09-30' },
      {
        effectiveOn: '2026-10-01',
        rhythm: 'YEARLY',
        timing: 'ADVANCE',
        feeLines: [{ label: 'Contrat annuel', amount: '1200.00', vatRateCode: 'TVA20' }],
      },
    );
    const meta = { requestId: 't' };
    const run = await inTenantScope(orm, tenant.identity, meta, (em) =>
      startContractBillingRun(em, tenant.identity, { billingDate: '2026-10-01', mode: 'DRAFT' }),
    );
    await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity });
    invoice = await inTenantScope(orm, tenant.identity, meta, async (em) => {
      const [draftId] = await runInvoiceIds(em, run.id);
      const draft = await em.findOneOrFail(Invoice, { id: draftId! });
      const issued = await issueInvoice(em, draft.id, draft.version, { at: new Date('2026-10-01T09:00:00+02:00') });
      return { id: issued.id, number: issued.number! };
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
  });

  const openAs = (email: string) => signIn(browser, backOfficeUrl!, email);

  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const cells = async (row: Locator) => (await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
  const settled = { timeout: 10_000 };

  it('shows 897,53 € deferred at the year end with its entries, and posts once the next year is open', async () => {
    const page = await openAs(tenant.adminEmail);
    await page.goto(new URL('/finance/periods', backOfficeUrl!).toString());
    await page.getByRole('heading', { name: 'Exercices et périodes' }).waitFor();
    await page.getByRole('button', { name: 'Produits constatés d’avance de l’exercice du 01/01/2026 au 31/12/2026' }).click();
    const modal = page.getByRole('dialog', { name: 'Produits constatés d’avance' });
    expect(await modal.getByLabel('Date d’arrêté').inputValue()).toBe('2026-12-31');

    const document = modal.getByTestId(`deferred-document-${invoice.number}`);
    await document.waitFor(settled);
    expect(await cells(document)).toEqual([
      invoice.number,
      'Résidence Les Tilleuls',
      'du 01/10/2026 au 30/09/2027',
      '1 200,00 €',
      '897,53 €',
    ]);
    expect(await document.getByRole('link', { name: invoice.number }).getAttribute('href')).toMatch(
      new RegExp(`/facturation/factures/${invoice.id}$`),
    );
    const accounts = modal.getByTestId('deferred-revenue-accounts').locator('tr');
    expect([await cells(accounts.nth(0)), await cells(accounts.nth(1))]).toEqual([
      ['706100', '897,53 €'],
      ['Total', '897,53 €'],
    ]);
    const entry = modal.getByTestId('deferred-revenue-entry');
    expect(await text(entry.locator('p').first())).toBe('Écriture proposée (OD) au 31/12/2026');
    expect(await cells(entry.locator('tbody tr').nth(0))).toEqual([
      '706100 Prestations de services – contrats de maintenance',
      'Produits constatés d’avance au 31/12/2026',
      '897,53 €',
      '',
    ]);
    expect(await cells(entry.locator('tbody tr').nth(1))).toEqual([
      '487000 Produits constatés d’avance',
      'Produits constatés d’avance au 31/12/2026',
      '',
      '897,53 €',
    ]);
    const reversal = modal.getByTestId('deferred-revenue-reversal');
    expect(await text(reversal.locator('p').first())).toBe('Extourne (OD) au 01/01/2027');
    expect(await cells(reversal.locator('tbody tr').nth(1))).toEqual([
      '487000 Produits constatés d’avance',
      'Extourne des produits constatés d’avance au 31/12/2026',
      '897,53 €',
      '',
    ]);
    await page.screenshot({ path: join(screenshots, '0-proposal.png'), fullPage: true });

    const post = modal.getByRole('button', { name: 'Comptabiliser' });
    await post.click();
    const refusal = modal.getByRole('alert');
    await refusal.waitFor(settled);
    expect(await text(refusal)).toContain('Aucun exercice ne couvre le 1 janvier 2027 : ouvrez-le d’abord.');
    await page.screenshot({ path: join(screenshots, '1-refused.png'), fullPage: true });

    await openYear('2027');
    await post.click();
    const posted = modal.getByRole('status');
    await posted.waitFor(settled);
    expect(await text(posted)).toContain('pour 897,53 € : l’écriture et son extourne sont au journal des opérations diverses.');
    expect(await modal.getByRole('alert').count()).toBe(0);
    expect(await post.isDisabled()).toBe(true);
    await page.screenshot({ path: join(screenshots, '2-posted.png'), fullPage: true });

    // Another date: nothing billed beyond the end of the service period.
    await modal.getByLabel('Date d’arrêté').fill('2027-09-30');
    await expect
      .poll(() => text(modal), settled)
      .toContain('Aucune ligne émise n’a de période de service au-delà de cette date : rien à constater d’avance.');
  });
});
