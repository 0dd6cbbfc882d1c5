import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { inTenantScope, issueInvoice, shiftDate, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import { appOrm } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { mailsTo } from '../support/mail-catcher';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * "Relances" seen by the accountant, on a tenant of its own. Three invoices are drafted through
 * the API and issued in the past (the API issues today; the domain takes the issue instant), for
 * customers paying at 0 days: one 45 days late owed the formal notice (catching up on levels 1
 * and 2, with interest and the 40 € indemnity), one 20 days late, one 10 days late for a customer
 * without an e-mail address. The preview is checked to the cent; the second invoice is put in
 * dispute from its line and moves to "Suspendues"; the third is excluded; the run is sent,
 * followed to its outcome, and its mail reaches the SMTP catcher; a second run sends nothing more
 * for the first invoice and reports the customer without address. Then the dispute is lifted and
 * the levels are edited, refused first for a level earlier than the one before.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'dunning');
const password = 'relais-demo';
const TILLEULS = 'Résidence Les Tilleuls';
const MORVAN = 'Boulangerie Morvan';

const skipReason = browserSkipReason(backOfficeUrl);

const inParis = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** Today as the API reads it (2026-12-07) and as shown (07/12/2026). */
const today = { iso: inParis('en-CA'), shown: inParis('fr-FR') };

/** A customer paying at 0 days: its invoices fall due the day they are issued. */
async function createCustomer(token: string, name: string, email: string | null): Promise<string> {
  const { createCustomer } = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: {
          name,
          email,
          paymentTermsDays: 0,
          billingAddressLine1: '4 allée des Tilleuls',
          billingPostalCode: '44300',
          billingCity: 'Nantes',
        },
      },
      token,
    ),
  );
  return createCustomer.id;
}

describe.skipIf(skipReason !== null)(
  `dunning in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let orm: Orm;
    let tenant: TestTenant;
    let token: string;
    const email = `compta+${Date.now()}@tilleuls.example`;
    const invoices = { late45: { id: '', number: '' }, late20: { id: '', number: '' }, late10: { id: '', number: '' } };

    /** A draft of one labour line at `unitPrice` HT (20 % VAT) through the API, issued `daysAgo` days ago. */
    async function issuedDaysAgo(customerId: string, unitPrice: string, daysAgo: number): Promise<{ id: string; number: string }> {
      const { createInvoice } = must(
        await gql<{ createInvoice: { id: string; version: number } }>(
          'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
          {
            input: {
              customerId,
              lines: [{ kind: 'LABOUR', description: 'Maintenance CVC', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
            },
          },
          token,
        ),
      );
      const at = new Date(`${shiftDate(today.iso, -daysAgo)}T10:00:00Z`);
      const issued = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, (em) =>
        issueInvoice(em, createInvoice.id, createInvoice.version, { at: at }),
      );
      return { id: issued.id, number: issued.number! };
    }

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      orm = await appOrm();
      tenant = await createTestTenant('dunning-ui');
      token = await login(tenant.adminEmail);
      const tilleuls = await createCustomer(token, TILLEULS, email);
      const morvan = await createCustomer(token, MORVAN, null);
      // Oldest first, so that the legal numbers follow the issue dates.
      invoices.late45 = await issuedDaysAgo(tilleuls, '1000.00', 45); // 1 200,00 TTC
      invoices.late20 = await issuedDaysAgo(tilleuls, '500.00', 20); // 600,00 TTC
      invoices.late10 = await issuedDaysAgo(morvan, '250.00', 10); // 300,00 TTC
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await orm?.close(true);
    });

    async function openAs(userEmail: string): Promise<Page> {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1500, height: 950 } });
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
    const totals = (page: Page) =>
      Promise.all(['count', 'open-balance', 'interest', 'indemnity'].map((id) => text(page.getByTestId(`dunning-total-${id}`))));
    const line = (page: Page, number: string) => page.locator(`[data-testid="dunning-line"][data-invoice="${number}"]`);
    const heldLine = (page: Page, number: string) => page.locator(`[data-testid="dunning-held-line"][data-invoice="${number}"]`);
    const remindersOf = async (invoiceId: string) =>
      must(
        await gql<{ invoice: { reminders: { levelRank: number; sentOn: string; lateInterest: string; indemnity: string }[] } }>(
          'query($id: ID!) { invoice(id: $id) { reminders { levelRank sentOn lateInterest indemnity } } }',
          { id: invoiceId },
          token,
        ),
      ).invoice.reminders;

    it('the accountant reviews the reminders due, disputes one invoice, excludes another, sends the run and finds the mail', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.getByRole('navigation', { name: 'Applications' }).getByText('Finance', { exact: true }).click();
      await page.getByRole('tab', { name: 'Relances' }).click();
      await page.waitForURL(/\/finance\/dunning$/);
      await page.getByRole('heading', { name: 'Relances' }).waitFor();
      expect(await page.getByRole('tab', { name: 'Relances' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByRole('tab', { name: /^À envoyer/ }).getAttribute('aria-selected')).toBe('true');

      await page.getByTestId('dunning-totals').waitFor();
      // 1 200,00 × 12,15 % × 45 / 365 = 17,98 of interest, and the 40 € indemnity of the formal notice.
      await expect.poll(() => totals(page)).toEqual(['3', '2 100,00 €', '17,98 €', '40,00 €']);
      expect(await text(page.getByTestId('dunning-totals'))).toContain('dont 1 à problème');
      const formal = line(page, invoices.late45.number);
      expect(await text(formal.getByTestId('reminder-level'))).toBe('3 · Mise en demeure');
      expect(await text(formal)).toContain('Courrier (PDF)');
      expect(await text(formal.getByTestId('reminder-catch-up'))).toBe('rattrapage des niveaux 1, 2');
      expect(await text(formal.getByTestId('dunning-days-late'))).toBe('45 j');
      expect(await text(formal.getByTestId('dunning-open-balance'))).toBe('1 200,00 €');
      expect(await text(formal.getByTestId('dunning-interest'))).toBe('17,98 €');
      expect(await text(formal.getByTestId('dunning-indemnity'))).toBe('40,00 €');
      const second = line(page, invoices.late20.number);
      expect(await text(second.getByTestId('reminder-level'))).toBe('2 · Deuxième relance');
      expect(await text(second.getByTestId('dunning-interest'))).toBe('—');
      expect(await text(second.getByTestId('reminder-catch-up'))).toBe('rattrapage du niveau 1');
      const noAddress = line(page, invoices.late10.number);
      expect(await text(noAddress.getByTestId('reminder-level'))).toBe('1 · Relance amicale');
      expect(await noAddress.getByTestId('reminder-catch-up').count()).toBe(0);
      expect(await text(noAddress.getByTestId('dunning-problem'))).toContain(`Le client ${MORVAN} n’a pas d’adresse e-mail`);
      // Customers in name order, each invoice under its customer.
      expect(await page.getByTestId('dunning-customer').allTextContents()).toEqual([
        expect.stringContaining(MORVAN),
        expect.stringContaining(TILLEULS),
      ]);
      await page.getByRole('link', { name: invoices.late45.number }).first().waitFor();
      expect(await page.getByRole('link', { name: invoices.late45.number }).first().getAttribute('href')).toBe(
        `/facturation/factures/${invoices.late45.id}`,
      );
      await shoot(page, '1-preview.png');

      // The customer without an address is left out of this run; the server totals what is left.
      await page.getByLabel(`Exclure ${invoices.late10.number} de l’envoi`).check();
      await expect.poll(() => totals(page)).toEqual(['2', '1 800,00 €', '17,98 €', '40,00 €']);
      expect(await noAddress.getAttribute('data-excluded')).toBe('true');

      // The 20-day invoice is contested: in dispute from its line, it moves to "Suspendues".
      await page.getByRole('button', { name: `Actions sur ${invoices.late20.number}` }).click();
      await page.getByRole('menuitem', { name: 'Mettre en litige' }).click();
      const dispute = page.getByRole('dialog', { name: `Mettre ${invoices.late20.number} en litige` });
      await dispute.getByRole('button', { name: 'Mettre en litige' }).click();
      await dispute.getByText('Obligatoire').waitFor();
      await dispute.getByLabel('Motif du litige').fill('Intervention du 12 contestée par le syndic');
      await page.screenshot({ path: join(screenshots, '2-dispute.png') });
      await dispute.getByRole('button', { name: 'Mettre en litige' }).click();
      await dispute.waitFor({ state: 'detached' });
      await second.waitFor({ state: 'detached' });
      await expect.poll(() => totals(page)).toEqual(['1', '1 200,00 €', '17,98 €', '40,00 €']);
      expect(await noAddress.getAttribute('data-excluded')).toBe('true');

      await page.getByRole('tab', { name: /^Suspendues/ }).click();
      const held = heldLine(page, invoices.late20.number);
      await held.waitFor();
      expect(await text(held.getByTestId('hold-reason'))).toBe('Litige');
      expect(await text(held.getByTestId('hold-detail'))).toBe('Intervention du 12 contestée par le syndic');
      expect(await text(held)).toContain('600,00 €');
      await held.getByRole('button', { name: `Lever le litige sur ${invoices.late20.number}` }).waitFor();
      await shoot(page, '3-held.png');

      // Another day is only a preview: the run always sends today's reminders.
      await page.getByRole('tab', { name: /^À envoyer/ }).click();
      await page.getByLabel('Aperçu au').fill(shiftDate(today.iso, 10));
      await page.getByTestId('dunning-other-day').waitFor();
      expect(await page.getByTestId('dunning-send').isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Revenir à aujourd’hui' }).click();
      await page.getByTestId('dunning-other-day').waitFor({ state: 'detached' });
      // The exclusions went with the other day: the line is excluded again for today's run.
      await page.getByLabel(`Exclure ${invoices.late10.number} de l’envoi`).check();
      await expect.poll(() => totals(page)).toEqual(['1', '1 200,00 €', '17,98 €', '40,00 €']);

      await page.getByTestId('dunning-send').click();
      const confirm = page.getByRole('dialog', { name: `Envoyer les relances du ${today.shown}` });
      expect(await text(confirm.getByTestId('dunning-confirm-summary'))).toBe('1 relance va partir aujourd’hui.');
      await confirm.getByText('1 relance exclue ne partira pas.').waitFor();
      await confirm.getByText('Intérêts de retard réclamés : 17,98').waitFor();
      await page.screenshot({ path: join(screenshots, '4-confirm.png') });
      await confirm.getByRole('button', { name: 'Envoyer 1 relance' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.waitForURL(/\/finance\/dunning\?run=/);
      await expect
        .poll(() => text(page.getByTestId('dunning-run-summary')), { timeout: 30_000 })
        .toMatch(/^Envoi terminé : 1 relance envoyée\.\s?Les e-mails partent par la file d’envoi/);
      expect(await text(page.getByTestId('run-state'))).toBe('Terminé');

      expect(await remindersOf(invoices.late45.id)).toEqual([
        { levelRank: 3, sentOn: today.iso, lateInterest: '17.98', indemnity: '40.00' },
      ]);

      // Its last level sent, the invoice leaves the reminders; only the excluded line is left to send.
      await expect.poll(() => totals(page)).toEqual(['1', '300,00 €', '0,00 €', '0,00 €']);
      expect(await line(page, invoices.late45.number).count()).toBe(0);
      await shoot(page, '5-sent.png');
      await page.getByRole('tab', { name: /^Suspendues/ }).click();
      await heldLine(page, invoices.late20.number).waitFor();
      expect(await heldLine(page, invoices.late45.number).count()).toBe(0);

      // A second run: nothing more for the invoice reminded, the customer without address reported.
      await page.getByRole('tab', { name: /^À envoyer/ }).click();
      await page.getByTestId('dunning-send').click();
      const again = page.getByRole('dialog', { name: `Envoyer les relances du ${today.shown}` });
      await again.getByText(/ne pourra pas partir/).waitFor();
      await again.getByRole('button', { name: 'Envoyer 1 relance' }).click();
      await again.waitFor({ state: 'detached' });
      await expect
        .poll(() => text(page.getByTestId('dunning-run-summary')), { timeout: 30_000 })
        .toBe('Envoi terminé : 0 relance envoyée. 1 n’a pas pu partir.');
      const failure = page.getByTestId('dunning-run-error');
      expect(await text(failure)).toBe(`${invoices.late10.number}${MORVAN}Le client ${MORVAN} n’a pas d’adresse e-mail`);
      await shoot(page, '6-second-run.png');
      expect(await remindersOf(invoices.late45.id)).toHaveLength(1);

      await page.getByRole('tab', { name: 'Historique' }).click();
      const rows = page.getByTestId('dunning-history').getByRole('row');
      await expect.poll(() => rows.count()).toBe(3); // the header and two runs
      expect(await text(rows.nth(1))).toContain('Envoi manuelTerminé101');
      expect(await text(rows.nth(2))).toContain('Envoi manuelTerminé110');
      await shoot(page, '7-history.png');

      // The dispute is settled: the invoice is reminded again.
      await page.getByRole('tab', { name: /^Suspendues/ }).click();
      await heldLine(page, invoices.late20.number)
        .getByRole('button', { name: `Lever le litige sur ${invoices.late20.number}` })
        .click();
      const lift = page.getByRole('dialog', { name: `Lever le litige sur ${invoices.late20.number}` });
      await lift.getByRole('button', { name: 'Lever le litige' }).click();
      await lift.waitFor({ state: 'detached' });
      await heldLine(page, invoices.late20.number).waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /^À envoyer/ }).click();
      await line(page, invoices.late20.number).waitFor();

      // The formal notice reached the customer, once, with the letter and the invoice attached. The
      // billing subgraph's mail worker delivers it: the finance job only queues it in the outbox, and
      // the worker's sweep picks it up within two minutes.
      await expect.poll(async () => (await mailsTo(email)).length, { timeout: 180_000, interval: 2_000 }).toBe(1);
      const [mail] = await mailsTo(email);
      expect(mail!.subject).toContain(invoices.late45.number);
      expect(mail!.subject).toMatch(/^Mise en demeure de payer — facture /);
      expect(mail!.attachments.map((attachment) => attachment.filename)).toEqual([
        `mise-en-demeure-${invoices.late45.number}.pdf`,
        expect.stringMatching(/\.pdf$/),
      ]);
      await page.context().close();
    });

    it('the accountant edits the levels: a level earlier than the one before is refused on its field, then saved', async () => {
      const page = await openAs(tenant.adminEmail);
      await page.goto(`${backOfficeUrl!.replace(/\/$/, '')}/finance/dunning?tab=settings`);
      const settings = page.getByTestId('dunning-settings');
      await settings.waitFor();
      expect(await settings.getByTestId('dunning-level').count()).toBe(3);
      expect(await page.getByLabel('Nom du niveau 3').inputValue()).toBe('Mise en demeure');
      expect(await page.getByLabel('Taux annuel des intérêts de retard').inputValue()).toBe('12,15');
      await page.getByText('Aperçu, puis envoi manuel').waitFor();

      await page.getByLabel('Jours après échéance du niveau 2').fill('5');
      await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
      const refused = page.getByTestId('dunning-level').nth(1).getByText('doit être après le niveau précédent (plus de 7 jours)');
      await refused.waitFor();
      await page.getByRole('alert').getByText('Certains champs sont à corriger').waitFor();
      await shoot(page, '8-settings-refused.png');

      await page.getByLabel('Jours après échéance du niveau 2').fill('20');
      await page.getByRole('button', { name: 'Ajouter un niveau' }).click();
      await page.getByLabel('Nom du niveau 4').fill('Injonction de payer');
      expect(await page.getByLabel('Jours après échéance du niveau 4').inputValue()).toBe('45');
      await page.getByRole('button', { name: 'Monter le niveau 4' }).click();
      // Moved before the formal notice, it must now come earlier than 30 days.
      expect(await page.getByLabel('Nom du niveau 3').inputValue()).toBe('Injonction de payer');
      await page.getByLabel('Jours après échéance du niveau 3').fill('25');
      await page.getByLabel('Délai minimum entre deux relances').fill('7');
      await page.getByLabel('Envoi automatique chaque matin').check();
      await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
      await page.getByTestId('dunning-settings-saved').waitFor();
      const { dunningSettings } = must(
        await gql<{
          dunningSettings: { levels: { rank: number; name: string; daysAfterDue: number }[]; minimumDaysBetween: number; mode: string };
        }>('{ dunningSettings { levels { rank name daysAfterDue } minimumDaysBetween mode } }', {}, token),
      );
      expect(dunningSettings).toEqual({
        levels: [
          { rank: 1, name: 'Relance amicale', daysAfterDue: 7 },
          { rank: 2, name: 'Deuxième relance', daysAfterDue: 20 },
          { rank: 3, name: 'Injonction de payer', daysAfterDue: 25 },
          { rank: 4, name: 'Mise en demeure', daysAfterDue: 30 },
        ],
        minimumDaysBetween: 7,
        mode: 'AUTO',
      });
      await shoot(page, '9-settings-saved.png');
      await page.context().close();
    });
  },
  300_000,
);
