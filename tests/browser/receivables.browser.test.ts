import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { inTenantScope, issueInvoice, shiftDate, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import { appOrm } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { mailsTo } from '../support/mail-catcher';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Receivables seen by the accountant, on a tenant of its own. Two customers paying at 0 days, their
 * invoices drafted through the API and issued in the past (the domain takes the issue instant), so
 * that every column of the balance âgée has an amount: Les Tilleuls owes 1 200,00 (100 days late),
 * 300,60 (75), 492,00 (45), 148,14 (10) and 96,00 (due today) less 50,00 of unallocated payment;
 * Morvan paid 600,00 twenty days ago, then got a credit note of 120,00 on it, and owes 360,00 on a
 * second invoice. The ageing is checked to the cent with its totals, an amount is opened to its
 * invoices, the CSV download carries the same figures; "À encaisser" lists what is due with the
 * dispute and the promise; the statement shows the closing balance, its PDF downloads and its mail
 * reaches the SMTP catcher with the PDF; the credit note's surplus goes to Morvan's other invoice
 * from the credit note's page, refused first beyond the surplus.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'receivables');
const password = 'relais-demo';
const TILLEULS = 'Résidence Les Tilleuls';
const MORVAN = 'Boulangerie Morvan';

const skipReason = browserSkipReason(backOfficeUrl);

const inParis = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** Today as the API reads it (2026-12-07) and as shown (07/12/2026). */
const today = { iso: inParis('en-CA'), shown: inParis('fr-FR') };

interface Issued {
  id: string;
  number: string;
}

describe.skipIf(skipReason !== null)(
  `receivables in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    let token: string;
    const billingEmail = `compta+${Date.now()}@tilleuls.example`;
    const customers = { tilleuls: '', morvan: '' };
    const tilleuls: Record<'late100' | 'late75' | 'late45' | 'late10' | 'dueToday', Issued> = {
      late100: { id: '', number: '' },
      late75: { id: '', number: '' },
      late45: { id: '', number: '' },
      late10: { id: '', number: '' },
      dueToday: { id: '', number: '' },
    };
    const morvan = { paid: { id: '', number: '' }, open: { id: '', number: '' }, creditNote: { id: '', number: '' } };

    async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      return must(await gql<T>(query, variables, token));
    }

    /** A customer paying at 0 days: its invoices fall due the day they are issued. */
    async function createCustomer(name: string, contacts: { fullName: string; email: string; isBillingContact: boolean }[] = []) {
      const { createCustomer } = await call<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name,
            email: `accueil+${Date.now()}@example.test`,
            paymentTermsDays: 0,
            billingAddressLine1: '4 allée des Tilleuls',
            billingPostalCode: '44300',
            billingCity: 'Nantes',
            contacts,
          },
        },
      );
      return createCustomer.id;
    }

    /** Lines at `unitPrices` HT (20 % VAT) drafted through the API, issued `daysAgo` days ago. */
    async function issuedDaysAgo(customerId: string, unitPrices: string[], daysAgo: number): Promise<Issued> {
      const { createInvoice } = await call<{ createInvoice: { id: string; version: number } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
        {
          input: {
            customerId,
            lines: unitPrices.map((unitPrice, index) => ({
              kind: 'LABOUR',
              description: index === 0 ? 'Maintenance CVC' : 'Déplacement',
              quantity: '1',
              unit: 'HUR',
              unitPrice,
              vatRateCode: 'TVA20',
            })),
          },
        },
      );
      const at = new Date(`${shiftDate(today.iso, -daysAgo)}T10:00:00Z`);
      const issued = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, (em) =>
        issueInvoice(em, createInvoice.id, createInvoice.version, { at: at }),
      );
      return { id: issued.id, number: issued.number! };
    }

    const openBalanceOf = async (id: string) =>
      (await call<{ invoice: { openBalance: string } }>('query($id: ID!) { invoice(id: $id) { openBalance } }', { id })).invoice
        .openBalance;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('receivables-ui');
      token = await login(tenant.adminEmail);
      customers.tilleuls = await createCustomer(TILLEULS, [{ fullName: 'Claire Morin', email: billingEmail, isBillingContact: true }]);
      customers.morvan = await createCustomer(MORVAN);
      // Oldest first, so that the legal numbers follow the issue dates.
      tilleuls.late100 = await issuedDaysAgo(customers.tilleuls, ['1000.00'], 100); // 1 200,00 TTC
      tilleuls.late75 = await issuedDaysAgo(customers.tilleuls, ['250.50'], 75); // 300,60
      tilleuls.late45 = await issuedDaysAgo(customers.tilleuls, ['410.00'], 45); // 492,00
      morvan.paid = await issuedDaysAgo(customers.morvan, ['400.00', '100.00'], 20); // 600,00
      tilleuls.late10 = await issuedDaysAgo(customers.tilleuls, ['123.45'], 10); // 148,14
      morvan.open = await issuedDaysAgo(customers.morvan, ['300.00'], 5); // 360,00
      tilleuls.dueToday = await issuedDaysAgo(customers.tilleuls, ['80.00'], 0); // 96,00

      await call('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
        input: {
          customerId: customers.tilleuls,
          receivedOn: today.iso,
          amount: '50.00',
          method: 'TRANSFER',
          reference: 'VIR TILLEULS 1206',
        },
      });
      const paidOn = shiftDate(today.iso, -20);
      await call('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
        input: {
          customerId: customers.morvan,
          receivedOn: paidOn,
          amount: '600.00',
          method: 'CHECK',
          reference: 'CHQ 778812',
          allocations: [{ invoiceId: morvan.paid.id, amount: '600.00' }],
        },
      });
      // The travel line (100,00 HT, 120,00 TTC) was not owed: credited once the invoice was paid.
      const { invoice } = await call<{ invoice: { lines: { id: string; description: string }[] } }>(
        'query($id: ID!) { invoice(id: $id) { lines { id description } } }',
        { id: morvan.paid.id },
      );
      const travel = invoice.lines.find((line) => line.description === 'Déplacement')!;
      const { createCreditNote } = await call<{ createCreditNote: { id: string; version: number } }>(
        'mutation($id: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $id, input: $input) { id version } }',
        { id: morvan.paid.id, input: { reason: 'Déplacement facturé à tort', lines: [{ invoiceLineId: travel.id, quantity: '1' }] } },
      );
      const { issueInvoice: note } = await call<{ issueInvoice: Issued }>(
        'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
        { id: createCreditNote.id, v: createCreditNote.version },
      );
      morvan.creditNote = note;
      await call(
        'mutation($id: ID!) { setInvoiceDispute(invoiceId: $id, disputed: true, reason: "Intervention contestée") { disputed } }',
        {
          id: tilleuls.late75.id,
        },
      );
      await call('mutation($id: ID!, $until: LocalDate!) { setPaymentPromise(invoiceId: $id, until: $until) { promiseUntil } }', {
        id: tilleuls.late45.id,
        until: shiftDate(today.iso, 10),
      });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    async function openAs(userEmail: string): Promise<Page> {
      const context = await browser.newContext({
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1500, height: 950 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      onTestFailed(async () => {
        await page.screenshot({ path: join(screenshots, 'failed.png') }).catch(() => undefined);
      });
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(userEmail);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    /** The whole page in one viewport (a full-page capture would repeat the shell's sticky header over the content). */
    async function shoot(page: Page, name: string) {
      const viewport = page.viewportSize()!;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
      await page.screenshot({ path: join(screenshots, name) });
      await page.setViewportSize(viewport);
    }

    /** Text as shown, with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const settled = { timeout: 15_000 };
    const BUCKETS = ['NOT_DUE', 'D1_30', 'D31_60', 'D61_90', 'D90_PLUS'] as const;
    const ageingRow = (page: Page, customer: string) => page.locator(`[data-testid="ageing-row"][data-customer="${customer}"]`);
    const rowAmounts = (row: Locator) =>
      Promise.all([...BUCKETS.map((b) => text(row.getByTestId(`ageing-${b}`))), text(row.getByTestId('ageing-total'))]);
    const downloaded = async (download: Download) => readFileSync(await download.path());

    it('the accountant reads the balance âgée to the cent, opens an amount to its invoices, filters, sorts and exports it', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.getByRole('tab', { name: 'Balance âgée' }).click();
      await page.waitForURL(/\/finance\/ageing$/);
      await page.getByRole('heading', { name: 'Balance âgée' }).waitFor();
      expect(await page.getByLabel(/^Au\b/).inputValue()).toBe(today.iso);

      const rows = page.getByTestId('ageing-row');
      await expect.poll(() => rows.count(), settled).toBe(2);
      // By name: Morvan, then Les Tilleuls.
      expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-customer')))).toEqual([MORVAN, TILLEULS]);
      // Non échu: 96,00 due today less the 50,00 received and not allocated.
      expect(await rowAmounts(ageingRow(page, TILLEULS))).toEqual([
        '46,00 €',
        '148,14 €',
        '492,00 €',
        '300,60 €',
        '1 200,00 €',
        '2 186,74 €',
      ]);
      expect(await text(ageingRow(page, TILLEULS))).toContain('dont 50,00 € de règlements non affectés');
      // 360,00 owed, less the 120,00 the credit note left on the paid invoice (both 1 to 30 days late).
      expect(await rowAmounts(ageingRow(page, MORVAN))).toEqual(['—', '240,00 €', '—', '—', '—', '240,00 €']);
      const totals = page.getByTestId('ageing-totals');
      expect(
        await Promise.all([
          ...BUCKETS.map((b) => text(totals.getByTestId(`ageing-total-${b}`))),
          text(totals.getByTestId('ageing-grand-total')),
        ]),
      ).toEqual(['46,00 €', '388,14 €', '492,00 €', '300,60 €', '1 200,00 €', '2 426,74 €']);
      expect(await text(totals)).toContain('(2 clients)');

      // The 31–60 amount opens the invoice behind it; the total opens them all, with the unallocated payment.
      await page.getByRole('button', { name: `Voir les pièces de ${TILLEULS} : 31 à 60 jours` }).click();
      const items = page.getByTestId('ageing-items');
      await items.getByTestId('open-item').first().waitFor(settled);
      expect(await items.getByTestId('open-item').count()).toBe(1);
      expect(await text(items.getByTestId('open-item'))).toMatch(new RegExp(`^${tilleuls.late45.number}.*45 j492,00 €$`));
      expect(await text(items.getByTestId('ageing-open-items-total'))).toBe('492,00 €');
      expect(await items.getByRole('link', { name: tilleuls.late45.number }).getAttribute('href')).toBe(
        `/facturation/factures/${tilleuls.late45.id}`,
      );
      await shoot(page, '1-ageing-bucket.png');
      await page.getByRole('button', { name: `Voir les pièces de ${TILLEULS} : toutes les tranches` }).click();
      await expect.poll(() => items.getByTestId('open-item').count(), settled).toBe(6);
      expect(await text(items.getByTestId('ageing-open-items-total'))).toBe('2 186,74 €');
      expect(await text(items)).toContain('Règlement non affecté VIR TILLEULS 1206');

      // Largest total first, then the smallest.
      await page.getByRole('button', { name: /^Total/ }).click();
      await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-customer')))).toEqual([TILLEULS, MORVAN]);
      await page.getByRole('button', { name: /^Total/ }).click();
      await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-customer')))).toEqual([MORVAN, TILLEULS]);

      // Filters keep whole customers: over 90 days, then a minimum of 1 000.
      await page.getByRole('combobox', { name: 'Tranche' }).click();
      await page.getByRole('option', { name: 'Plus de 90 jours' }).click();
      await expect.poll(() => rows.count(), settled).toBe(1);
      expect(await text(page.getByTestId('ageing-grand-total'))).toBe('2 186,74 €');
      await page.getByRole('combobox', { name: 'Tranche' }).click();
      await page.getByRole('option', { name: 'Plus de 90 jours' }).click();
      await expect.poll(() => rows.count(), settled).toBe(2);
      await page.getByLabel('Montant minimum').fill('1 000');
      await expect.poll(() => rows.count(), settled).toBe(1);
      expect(await rows.first().getAttribute('data-customer')).toBe(TILLEULS);
      await page.getByLabel('Montant minimum').fill('');
      await expect.poll(() => rows.count(), settled).toBe(2);
      await shoot(page, '2-ageing.png');

      // The CSV is what the page shows: same customers, same figures, and the total line.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toBe(`balance-agee-${today.iso}.csv`);
      const csv = (await downloaded(download)).toString('utf8');
      expect(csv.startsWith('\uFEFFClient;Non échu;1 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total\r\n')).toBe(true);
      expect(csv).toContain(`${TILLEULS};46,00;148,14;492,00;300,60;1200,00;2186,74\r\n`);
      expect(csv).toContain(`${MORVAN};0,00;240,00;0,00;0,00;0,00;240,00\r\n`);
      expect(csv.endsWith('Total;46,00;388,14;492,00;300,60;1200,00;2426,74\r\n')).toBe(true);

      // Thirty days later every invoice has moved one column on; the payment received stays "non échu".
      await page.getByLabel(/^Au\b/).fill(shiftDate(today.iso, 30));
      await expect
        .poll(() => rowAmounts(ageingRow(page, TILLEULS)), settled)
        .toEqual(['-50,00 €', '96,00 €', '148,14 €', '492,00 €', '1 500,60 €', '2 186,74 €']);
      await page.context().close();
    });

    it('the accountant sees what to collect this week, with the dispute and the promise', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.goto(`${backOfficeUrl!.replace(/\/$/, '')}/finance/to-collect`);
      await page.getByRole('heading', { name: 'À encaisser cette semaine' }).waitFor();
      expect(await page.getByRole('tab', { name: 'À encaisser' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => text(page.getByTestId('to-collect-count')), settled).toBe('6');
      // Everything owed by both customers but the paid invoice and its credit: 2 236,74 + 360,00.
      expect(await text(page.getByTestId('to-collect-total'))).toBe('2 596,74 €');
      const lines = page.getByTestId('to-collect').locator('tbody tr');
      expect(await lines.count()).toBe(6);
      // Largest open balance first.
      expect(await text(lines.first())).toContain(tilleuls.late100.number);
      expect(await text(lines.first())).toContain('100 jours de retard');
      const disputed = lines.filter({ hasText: tilleuls.late75.number });
      expect(await text(disputed.getByTestId('collection-state'))).toBe('Litige');
      const promised = lines.filter({ hasText: tilleuls.late45.number });
      expect(await text(promised.getByTestId('collection-state'))).toMatch(/^Promesse jusqu’au \d{2}\/\d{2}\/\d{4}$/);
      const dueToday = lines.filter({ hasText: tilleuls.dueToday.number });
      expect(await text(dueToday.getByTestId('to-collect-lateness'))).toBe('Échoit aujourd’hui');
      expect(await text(dueToday.getByTestId('to-collect-open-balance'))).toBe('96,00 €');
      await shoot(page, '3-to-collect.png');
      await page.context().close();
    });

    it('the accountant draws up a customer’s statement from the ageing, downloads its PDF and mails it', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.goto(`${backOfficeUrl!.replace(/\/$/, '')}/finance/ageing`);
      await ageingRow(page, TILLEULS).waitFor(settled);
      await page.getByRole('link', { name: `Relevé de compte de ${TILLEULS}` }).click();
      await page.waitForURL(/\/finance\/statements\?/);
      await page.getByRole('heading', { name: 'Relevé de compte' }).waitFor();
      expect(await page.getByRole('tab', { name: 'Relevés de compte' }).getAttribute('aria-selected')).toBe('true');
      // From the ageing at today: the start of the year to today.
      expect(await page.getByLabel(/^Du\b/).inputValue()).toBe(`${today.iso.slice(0, 4)}-01-01`);
      expect(await page.getByLabel(/^Au\b/).inputValue()).toBe(today.iso);
      await expect.poll(() => page.getByRole('combobox', { name: 'Client' }).inputValue(), settled).toMatch(new RegExp(`^${TILLEULS} \\(`));

      // Over the last 120 days: nothing before, the five invoices, the payment.
      await page.getByLabel(/^Du\b/).fill(shiftDate(today.iso, -120));
      await expect.poll(() => text(page.getByTestId('statement-closing')), settled).toBe('2 186,74 €');
      expect(await text(page.getByTestId('statement-opening'))).toBe('0,00 €');
      expect(await text(page.getByTestId('statement-debit'))).toBe('2 236,74 €');
      expect(await text(page.getByTestId('statement-credit'))).toBe('50,00 €');
      const movements = page.getByTestId('statement-movement');
      expect(await movements.count()).toBe(6);
      expect(await text(movements.first())).toMatch(
        new RegExp(`${tilleuls.late100.number}Facture ${tilleuls.late100.number}1 200,00 €1 200,00 €$`),
      );
      expect(await text(movements.last())).toContain('Règlement par virement — VIR TILLEULS 1206');
      expect(await text(movements.last())).toMatch(/50,00 €2 186,74 €$/);
      expect(await text(page.getByTestId('statement-movements-closing'))).toBe('2 186,74 €');
      expect(await page.getByTestId('statement-open-items').getByTestId('open-item').count()).toBe(6);
      expect(await text(page.getByTestId('statement-open-items-total'))).toBe('2 186,74 €');
      await shoot(page, '4-statement.png');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger le PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^releve-.+-${today.iso}\\.pdf$`));
      expect((await downloaded(download)).subarray(0, 5).toString()).toBe('%PDF-');

      await page.getByRole('button', { name: 'Envoyer par e-mail' }).click();
      const send = page.getByRole('dialog', { name: `Envoyer le relevé de ${TILLEULS}` });
      expect(await send.getByLabel('Destinataires').inputValue()).toBe(billingEmail);
      await send.getByLabel('Message').fill('Bonjour Madame Morin,');
      await send.getByText(/Relevé du .* au .*, solde 2\s186,74\s€, en PDF joint\./).waitFor();
      await page.screenshot({ path: join(screenshots, '5-send-statement.png') });
      await send.getByRole('button', { name: 'Envoyer le relevé' }).click();
      await send.waitFor({ state: 'detached' });
      const sent = page.getByTestId('statement-sent');
      await sent.waitFor();
      expect(await text(sent)).toMatch(
        new RegExp(`^Relevé envoyéÀ ${billingEmail.replace(/[+.]/g, '\\$&')} : « Relevé de compte au ${today.shown} — `),
      );
      await shoot(page, '6-statement-sent.png');

      await expect.poll(async () => (await mailsTo(billingEmail)).length, { timeout: 180_000, interval: 2_000 }).toBe(1);
      const [mail] = await mailsTo(billingEmail);
      expect(mail!.subject).toMatch(new RegExp(`^Relevé de compte au ${today.shown} — `));
      expect(mail!.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
        [download.suggestedFilename(), 'application/pdf'],
      ]);
      await page.context().close();
    }, 240_000);

    it('the accountant moves a credit note’s surplus to another invoice of the customer, refused first beyond it', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.goto(`${backOfficeUrl!.replace(/\/$/, '')}/facturation/avoirs/${morvan.creditNote.id}`);
      const card = page.getByTestId('credit-surplus');
      await card.waitFor(settled);
      expect(await text(card)).toBe(
        `Cet avoir a crédité la facture ${morvan.paid.number}, déjà réglée : 120,00 € restent au crédit du client.`,
      );
      await shoot(page, '7-credit-note.png');

      await page.getByRole('button', { name: 'Imputer sur d’autres factures' }).click();
      const dialog = page.getByRole('dialog', { name: `Imputer l’avoir ${morvan.creditNote.number} sur d’autres factures` });
      await dialog.getByTestId('creditable-invoice').first().waitFor(settled);
      // Only the other open invoice of the customer: never the paid one the surplus comes from.
      expect(await dialog.getByTestId('creditable-invoice').count()).toBe(1);
      expect(await text(dialog.getByTestId('creditable-invoice'))).toContain(morvan.open.number);
      const amount = dialog.getByLabel(`Montant imputé sur ${morvan.open.number}`);
      await amount.fill('150');
      expect(await text(dialog.getByTestId('credit-remaining'))).toBe('Les imputations dépassent l’avoir disponible de 30,00 €.');
      await dialog.getByRole('button', { name: 'Imputer', exact: true }).click();
      await expect
        .poll(() => text(dialog.getByRole('alert')), settled)
        .toContain('Ce montant dépasse l’avoir disponible (120,00 €). Imputez au plus ce montant. (CREDIT_EXCEEDS_SURPLUS)');
      await page.screenshot({ path: join(screenshots, '8-allocate-refused.png') });
      expect(await openBalanceOf(morvan.open.id)).toBe('360.00');

      await amount.fill('120,00');
      expect(await text(dialog.getByTestId('credit-remaining'))).toBe('Tout l’avoir disponible est imputé.');
      await dialog.getByRole('button', { name: 'Imputer', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => text(card), settled).toBe('Tout l’avoir disponible a été imputé.');
      expect(await text(page.getByTestId('credit-allocations'))).toContain(
        `${morvan.creditNote.number}${morvan.paid.number}${morvan.open.number}120,00 €`,
      );
      await shoot(page, '9-credit-allocated.png');
      expect(await openBalanceOf(morvan.open.id)).toBe('240.00');
      expect(await openBalanceOf(morvan.paid.id)).toBe('0.00');

      await page.getByTestId('credit-allocations').getByRole('link', { name: morvan.open.number }).click();
      await page.waitForURL(new RegExp(`/facturation/factures/${morvan.open.id}$`));
      await expect.poll(() => text(page.getByTestId('invoice-open-balance')), settled).toBe('240,00 €');
      await page.context().close();
    });
  },
  90_000,
);
