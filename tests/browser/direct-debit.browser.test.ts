import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tenant, createOrm, inTenantScope } from '@relais/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/browser';
import { gql, login, must } from '../support/graphql-client';
import { issuedInvoice, invoiceState } from '../support/invoice-fixtures';
import { validatePain008 } from '../support/pain008-xsd';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The accountant's "Prélèvements", on a tenant of its own whose creditor identifier (ICS) is not
 * set yet: the missing ICS is announced and set (a wrong one refused first); a mandate is recorded
 * for a customer (a wrong IBAN refused with its message first); a batch is built from the
 * candidates of a collection date (a weekend refused first) with one invoice unticked, its count
 * and amount checked to the cent; its pain.008 file downloads and validates against the ISO XSD;
 * the batch is settled (the invoices are paid), then one collection comes back unpaid: its invoice
 * is open again and offered, as RCUR, in the next batch.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'direct-debit');
const password = 'relais-demo';
const HORTENSIAS = 'Résidence Les Hortensias';
const FOURNIL = 'Boulangerie Le Fournil';

const skipReason = browserSkipReason(backOfficeUrl);

/** A customer paying at sight: today's invoices are due by the first collection date. */
async function createCustomer(token: string, name: string): Promise<string> {
  const { createCustomer } = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: {
          name,
          billingAddressLine1: '8 allée des Hortensias',
          billingPostalCode: '44300',
          billingCity: 'Nantes',
          paymentTermsDays: 0,
        },
      },
      token,
    ),
  );
  return createCustomer.id;
}

/** The tenant as a company that has not yet received its ICS from its bank. */
async function clearCreditorId(tenant: TestTenant): Promise<void> {
  const admin = await createOrm(inject('adminDatabaseUrl'), { pool: { min: 0, max: 1 } });
  try {
    await inTenantScope(admin, tenant.identity, { requestId: 'test-setup' }, (em) =>
      em.nativeUpdate(Tenant, { id: tenant.tenantId }, { sepaCreditorId: null }),
    );
  } finally {
    await admin.close(true);
  }
}

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shown = (date: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

describe.skipIf(skipReason !== null)(
  `direct debit in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let tenant: TestTenant;
    let token: string;
    const customers = { hortensias: '', fournil: '' };
    /** Hortensias: 1 234,56 and 180,00 TTC; Fournil: 300,00 TTC. */
    const invoices = { large: { id: '', number: '' }, small: { id: '', number: '' }, fournil: { id: '', number: '' } };
    let mandateReference = '';
    let collectionDate = '';
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    const inThreeYears = `${Number(today.slice(0, 4)) + 3}${today.slice(4).replace('-02-29', '-02-28')}`;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      tenant = await createTestTenant('direct-debit-ui');
      await clearCreditorId(tenant);
      token = await login(tenant.adminEmail);
      customers.hortensias = await createCustomer(token, HORTENSIAS);
      customers.fournil = await createCustomer(token, FOURNIL);
      // Le Fournil signed its mandate in the spring; Les Hortensias signs one during the test.
      must(
        await gql(
          'mutation($input: CreateMandateInput!) { createMandate(input: $input) { id } }',
          { input: { customerId: customers.fournil, signedOn: '2026-03-02', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' } },
          token,
        ),
      );
      invoices.fournil = await issuedInvoice(token, customers.fournil, '250.00');
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function openAs(email: string): Promise<Page> {
      const context = await browser.newContext({
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1500, height: 950 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    /** Opens Finance → Prélèvements, on one of its tabs. */
    async function openDirectDebit(page: Page, tab?: string) {
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.waitForURL(/\/finance\/payments$/);
      await page.getByRole('tab', { name: 'Prélèvements' }).click();
      await page.waitForURL(/\/finance\/direct-debit$/);
      await page.getByRole('heading', { name: 'Prélèvements' }).waitFor();
      if (tab) await page.getByRole('tab', { name: tab }).click();
    }

    /** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const settled = { timeout: 10_000 };

    it('the accountant is told the ICS is missing and sets it, a wrong one refused first', async () => {
      const page = await openAs(tenant.adminEmail);
      await openDirectDebit(page);
      const missing = page.getByTestId('creditor-missing');
      await missing.waitFor(settled);
      expect(await text(missing)).toContain(
        'Identifiant créancier SEPA (ICS) manquantAucun lot de prélèvement ne peut être créé tant que l’ICS de l’entreprise n’est pas renseigné.',
      );
      expect(await page.getByTestId('create-batch').isDisabled()).toBe(true);
      await page.screenshot({ path: join(screenshots, '1-creditor-missing.png'), fullPage: true });

      await missing.getByRole('button', { name: 'Renseigner l’ICS' }).click();
      await page.waitForURL(/tab=creditor$/);
      expect(await text(page.getByTestId('creditor-id'))).toBe('Non renseigné');
      const field = page.getByRole('textbox', { name: 'ICS' });
      await field.fill('FR73ZZZ123456');
      await page.getByRole('button', { name: 'Enregistrer l’ICS' }).click();
      await page.getByText('ICS invalide : clé de contrôle incorrecte').waitFor(settled);
      await page.getByRole('alert').getByText('Certains champs sont à corriger').waitFor();
      expect(await text(page.getByTestId('creditor-id'))).toBe('Non renseigné');
      await page.screenshot({ path: join(screenshots, '2-creditor-refused.png'), fullPage: true });

      await field.fill('FR72ZZZ123456');
      await page.getByRole('button', { name: 'Enregistrer l’ICS' }).click();
      await page.getByTestId('creditor-saved').waitFor(settled);
      expect(await text(page.getByTestId('creditor-id'))).toBe('FR72ZZZ123456');
      await page.getByTestId('creditor-missing').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Modifier l’ICS' }).waitFor();
      await page.screenshot({ path: join(screenshots, '3-creditor.png'), fullPage: true });
      const { sepaCreditor } = must(await gql<{ sepaCreditor: { creditorId: string } }>('{ sepaCreditor { creditorId } }', {}, token));
      expect(sepaCreditor.creditorId).toBe('FR72ZZZ123456');
      await page.context().close();
    });

    it('the accountant records a signed mandate, a wrong IBAN refused with its message first', async () => {
      const page = await openAs(tenant.adminEmail);
      await openDirectDebit(page, 'Mandats');
      const mandates = page.getByTestId('mandates');
      await expect.poll(() => mandates.locator('tbody tr').count(), settled).toBe(1);
      expect(await text(mandates.locator('tbody tr').first())).toContain(FOURNIL);

      await page.getByRole('button', { name: 'Enregistrer un mandat' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enregistrer un mandat signé' });
      await dialog.getByRole('combobox', { name: 'Client' }).fill('Hortensias');
      await page.getByRole('option', { name: new RegExp(`^${HORTENSIAS}`) }).click();
      await dialog.getByLabel('IBAN du débiteur').fill('FR76 3000 6000 0112 3456 7890 180');
      await dialog.getByLabel('BIC', { exact: true }).fill('PSSTFRPPNTE');
      await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
      await dialog.getByText('IBAN invalide : clé de contrôle incorrecte').waitFor(settled);
      await dialog.getByRole('alert').getByText('Certains champs sont à corriger').waitFor();
      await page.screenshot({ path: join(screenshots, '4-mandate-refused.png') });
      const before = must(await gql<{ mandates: { totalCount: number } }>('{ mandates(first: 10) { totalCount } }', {}, token));
      expect(before.mandates.totalCount).toBe(1);

      await dialog.getByLabel('IBAN du débiteur').fill('FR14 2004 1010 0505 0001 3M02 606');
      await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
      await dialog.waitFor({ state: 'detached', ...settled });
      await expect.poll(() => mandates.locator('tbody tr').count(), settled).toBe(2);
      const row = mandates.locator('tbody tr', { hasText: HORTENSIAS });
      // The RUM left empty is generated: company, customer code, the customer's first mandate.
      mandateReference = await text(row.getByTestId('mandate-reference'));
      expect(mandateReference).toMatch(/^DIRECT-DEB-C\d+-0001$/);
      // Masked but its country and last four characters; FRST until a collection is presented; lapses after 36 months unused.
      expect(await text(row)).toContain(
        `${mandateReference}FR •••• 2606PSSTFRPPNTE${shown(today)}FRSTActifExpire le ${shown(inThreeYears)} faute de prélèvementJamaisRévoquer`,
      );
      await page.screenshot({ path: join(screenshots, '5-mandates.png') });
      await page.context().close();
    });

    it('the accountant builds a batch from the candidates, leaving one invoice out, and downloads its pain.008', async () => {
      // 1 028,80 HT → 1 234,56 TTC and 150,00 HT → 180,00 TTC, issued now that the mandate is signed.
      invoices.large = await issuedInvoice(token, customers.hortensias, '1028.80');
      invoices.small = await issuedInvoice(token, customers.hortensias, '150.00');
      const page = await openAs(tenant.adminEmail);
      await openDirectDebit(page);
      const dateInput = page.getByLabel('Date du prélèvement');
      const candidates = page.getByTestId('candidate');
      await expect.poll(() => candidates.count(), settled).toBe(3);
      const earliest = await dateInput.inputValue();
      expect(earliest > today).toBe(true);

      // A Saturday: the calendar refuses it and offers the next business day.
      const saturday = plusDays(earliest, (6 - new Date(`${earliest}T12:00:00Z`).getUTCDay() + 7) % 7 || 7);
      await dateInput.fill(saturday);
      const problem = page.getByTestId('collection-date-problem');
      await problem.waitFor(settled);
      expect(await text(problem)).toContain('n’est pas un jour ouvré interbancaire (TARGET)');
      expect(await text(problem)).toContain('(COLLECTION_DATE_NOT_BUSINESS_DAY)');
      expect(await page.getByTestId('create-batch').isDisabled()).toBe(true);
      await page.screenshot({ path: join(screenshots, '6-weekend-refused.png') });
      await problem.getByRole('button', { name: /^Prendre le / }).click();
      await problem.waitFor({ state: 'detached', ...settled });
      collectionDate = await dateInput.inputValue();
      expect(collectionDate > saturday).toBe(true);
      await expect.poll(() => candidates.count(), settled).toBe(3);

      const totals = async () => [await text(page.getByTestId('batch-total-count')), await text(page.getByTestId('batch-total-amount'))];
      expect(await totals()).toEqual(['3', '1 714,56 €']);
      const rows = await candidates.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-invoice')));
      // By customer name, then due date and number.
      expect(rows).toEqual([invoices.fournil.number, invoices.large.number, invoices.small.number]);
      expect(await text(candidates.nth(1))).toBe(`${HORTENSIAS}${invoices.large.number}${shown(today)}1 234,56 €FRST${mandateReference}`);
      await page.getByLabel(`Prélever ${invoices.small.number}`).uncheck();
      await expect.poll(totals).toEqual(['2', '1 534,56 €']);
      expect(await text(page.getByTestId('batch-excluded'))).toBe('1 facture écartée du lotTout reprendre');
      await page.screenshot({ path: join(screenshots, '7-new-batch.png'), fullPage: true });

      await page.getByTestId('create-batch').click();
      const confirm = page.getByRole('dialog', { name: `Créer le lot du ${shown(collectionDate)}` });
      expect(await text(confirm)).toContain(
        `2 factures seront prélevées le ${shown(collectionDate)} pour 1 534,56 €. Le fichier pain.008 sera produit`,
      );
      await page.screenshot({ path: join(screenshots, '8-confirm.png') });
      await confirm.getByRole('button', { name: 'Créer le lot' }).click();
      await page.waitForURL(/\/finance\/direct-debit\/batches\/[^/]+$/, settled);
      const heading = page.getByRole('heading', { name: /^Lot PRLV-/ });
      await heading.waitFor();
      const messageId = (await text(heading)).replace(/^Lot /, '');
      expect(messageId).toBe(`PRLV-${collectionDate.replaceAll('-', '')}-0001`);
      expect(await text(page.getByTestId('batch-state'))).toBe('Transmis');
      expect(await text(page.getByTestId('batch-detail-amount'))).toBe('1 534,56 €');
      const items = page.getByTestId('batch-item');
      expect(await items.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-invoice')))).toEqual([
        invoices.fournil.number,
        invoices.large.number,
      ]);
      expect(await text(items.nth(1))).toBe(`${invoices.large.number}${HORTENSIAS}1 234,56 €FRSTEn attenteÉmise1 234,56 €Impayé…`);
      await page.screenshot({ path: join(screenshots, '9-batch.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pain008-download').click()]);
      expect(download.suggestedFilename()).toBe(`${messageId}.xml`);
      const xml = readFileSync((await download.path())!, 'utf8');
      expect(xml).toContain(`<MsgId>${messageId}</MsgId>`);
      expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
      expect(xml).toContain('<CtrlSum>1534.56</CtrlSum>');
      expect(xml).toContain(`<EndToEndId>${invoices.large.number}</EndToEndId>`);
      expect(xml).toContain(`<EndToEndId>${invoices.fournil.number}</EndToEndId>`);
      expect(xml).not.toContain(invoices.small.number);
      expect(xml).toContain('<Id>FR72ZZZ123456</Id>');
      expect(xml).toContain(`<ReqdColltnDt>${collectionDate}</ReqdColltnDt>`);
      const validation = await validatePain008(xml);
      expect(validation.errors).toEqual([]);
      expect(validation.valid).toBe(true);

      await page.getByRole('link', { name: 'Retour aux lots' }).click();
      const batches = page.getByTestId('batches');
      await expect.poll(() => batches.locator('tbody tr').count(), settled).toBe(1);
      expect(await text(batches.locator('tbody tr').first())).toContain(`${messageId}${shown(collectionDate)}Transmis21 534,56 €`);
      await page.screenshot({ path: join(screenshots, '10-batches.png') });
      await page.context().close();
    });

    it('the accountant settles the batch, then records a returned debit: the invoice is open again and back in the next batch', async () => {
      const page = await openAs(tenant.adminEmail);
      await openDirectDebit(page, 'Lots');
      await page.getByTestId('batches').locator('tbody tr').first().click();
      await page.getByRole('heading', { name: /^Lot PRLV-/ }).waitFor(settled);
      await page.getByRole('button', { name: 'Marquer crédité' }).click();
      const settle = page.getByRole('dialog', { name: /^Marquer le lot PRLV-.* crédité$/ });
      expect(await settle.getByLabel('Crédité le').inputValue()).toBe(today);
      await page.screenshot({ path: join(screenshots, '11-settle.png') });
      await settle.getByRole('button', { name: 'Marquer crédité' }).click();
      await settle.waitFor({ state: 'detached', ...settled });
      await expect.poll(() => text(page.getByTestId('batch-state')), settled).toBe('Crédité');
      const items = page.getByTestId('batch-item');
      await expect
        .poll(() => text(items.nth(1)), settled)
        .toBe(`${invoices.large.number}${HORTENSIAS}1 234,56 €FRSTEncaisséPayée0,00 €Impayé…`);
      expect(await page.getByRole('button', { name: 'Marquer crédité' }).count()).toBe(0);
      expect(await invoiceState(token, invoices.large.id)).toEqual({ status: 'PAID', openBalance: '0.00' });
      expect(await invoiceState(token, invoices.fournil.id)).toEqual({ status: 'PAID', openBalance: '0.00' });
      await page.screenshot({ path: join(screenshots, '12-settled.png'), fullPage: true });

      await page.getByRole('button', { name: `Enregistrer un impayé sur ${invoices.large.number}` }).click();
      const unpaid = page.getByRole('dialog', { name: `Impayé sur la facture ${invoices.large.number}` });
      await unpaid.getByRole('combobox', { name: 'Code motif de la banque' }).fill('AM04');
      await page.getByRole('option', { name: 'AM04 — Provision insuffisante' }).click();
      await page.screenshot({ path: join(screenshots, '13-return.png') });
      await unpaid.getByRole('button', { name: 'Enregistrer l’impayé' }).click();
      await unpaid.waitFor({ state: 'detached', ...settled });
      const returned = items.nth(1);
      await expect.poll(() => text(returned.getByTestId('item-status')), settled).toBe('Impayé');
      expect(await text(returned.getByTestId('item-return'))).toBe(`Le ${shown(today)} : AM04 — Provision insuffisante`);
      expect(await text(returned.getByTestId('item-invoice-status'))).toBe('Émise');
      expect(await text(returned.getByTestId('item-open-balance'))).toBe('1 234,56 €');
      expect(await text(items.nth(0).getByTestId('item-status'))).toBe('Encaissé');
      await page.screenshot({ path: join(screenshots, '14-returned.png'), fullPage: true });
      expect(await invoiceState(token, invoices.large.id)).toEqual({ status: 'ISSUED', openBalance: '1234.56' });
      expect(await invoiceState(token, invoices.fournil.id)).toEqual({ status: 'PAID', openBalance: '0.00' });

      // Back in the candidates of the next batch, now as a recurrent collection, beside the invoice left out.
      await page.getByRole('link', { name: 'Retour aux lots' }).click();
      await page.getByRole('tab', { name: 'Nouveau lot' }).click();
      const candidates = page.getByTestId('candidate');
      await expect.poll(() => candidates.count(), settled).toBe(2);
      expect(await candidates.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-invoice')))).toEqual([
        invoices.large.number,
        invoices.small.number,
      ]);
      expect(await text(candidates.first().getByTestId('sequence-type'))).toBe('RCUR');
      expect(await text(page.getByTestId('batch-total-amount'))).toBe('1 414,56 €');
      await page.screenshot({ path: join(screenshots, '15-next-batch.png'), fullPage: true });

      await page.getByRole('link', { name: invoices.large.number }).click();
      await page.waitForURL(new RegExp(`/facturation/factures/${invoices.large.id}$`));
      await expect.poll(() => text(page.getByTestId('invoice-open-balance')), settled).toBe('1 234,56 €');
      expect(await page.getByTestId('invoice-status').textContent()).toBe('Émise');
      await page.screenshot({ path: join(screenshots, '16-invoice-open-again.png') });
      await page.context().close();
    });
  },
  90_000,
);
