import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { convertInterventionsToInvoice, inTenantScope, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import { customersWithClosedWork, type CustomerSpec, type CustomerWithWork } from '../support/bulk-invoicing-world';
import { appOrm, whileLocked } from '../support/database';
import { mailTo } from '../support/mail-catcher';
import { createMaintenanceWorld, type MaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Month end seen by the billing clerk, on a tenant of its own: the closed work of eleven customers
 * invoiced, issued and sent in one bulk action from "À facturer". Ten of them have a billing
 * contact (and a general address the mail must not go to): their mails reach the SMTP server
 * addressed to that contact. The eleventh has no address at all: its invoice is issued, the row
 * says why it was not sent, and the clerk sends it by hand from the invoice. Then a draft goes
 * through "Émettre et envoyer", and two drafts are issued and sent from the invoice list.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'bulk-invoicing');
const password = 'relais-demo';
const skipReason = browserSkipReason(backOfficeUrl);

const pad = (n: number) => String(n).padStart(2, '0');
/** Client 01 has two interventions (1 h and 2 h), the others one of 1 h: 110,00 € HT each, 175,00 € for 2 h. */
const WITH_CONTACT: CustomerSpec[] = Array.from({ length: 10 }, (_, i) => ({
  name: `Client ${pad(i + 1)}`,
  billingEmail: `compta@client-${pad(i + 1)}.test`,
  email: `accueil@client-${pad(i + 1)}.test`,
  hours: i === 0 ? ['1', '2'] : ['1'],
}));
const WITHOUT_ADDRESS: CustomerSpec = { name: 'Garage sans adresse', billingEmail: null, email: null, hours: ['1'] };

describe.skipIf(skipReason !== null)(`bulk invoicing in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  let world: MaintenanceWorld;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('bulk-invoicing-ui');
    world = await createMaintenanceWorld(orm, tenant, []);
    await customersWithClosedWork(orm, tenant, world, [...WITH_CONTACT, WITHOUT_ADDRESS]);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
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
  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

  async function drafts(specs: CustomerSpec[]): Promise<{ customers: CustomerWithWork[]; ids: string[] }> {
    const customers = await customersWithClosedWork(orm, tenant, world, specs);
    const ids = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
      const out: string[] = [];
      for (const c of customers) out.push((await convertInterventionsToInvoice(em, tenant.identity, c.interventionIds)).id);
      return out;
    });
    return { customers, ids };
  }

  it('the clerk invoices, issues and sends the waiting work of eleven customers in one action; each mail goes to the billing contact', async () => {
    const page = await openAs(tenant.adminEmail);
    await page.getByRole('tab', { name: 'À facturer' }).click();
    await page.getByRole('heading', { name: 'À facturer' }).waitFor();
    const bar = page.getByTestId('billable-selection-bar');
    await bar.waitFor();
    expect(await page.getByTestId('billable-group').count()).toBe(11);
    expect(await text(page.getByTestId('billable-selection-summary'))).toBe(
      'Cochez des interventions, chez un ou plusieurs clients, pour les facturer en une fois.',
    );

    await bar.getByRole('button', { name: 'Tout sélectionner (filtres appliqués)' }).click();
    // 9 × 110,00 + (110,00 + 175,00) + 110,00 = 1 385,00 € HT.
    expect(await text(page.getByTestId('billable-selection-summary'))).toBe(
      '12 interventions sélectionnées chez 11 clients — 1 385,00 € HT estimés',
    );
    await page.screenshot({ path: join(screenshots, '1-billable-all-selected.png') });

    await bar.getByRole('button', { name: 'Facturer la sélection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Facturer la sélection' });
    await dialog.getByTestId('batch-preview').waitFor();
    expect(await text(dialog.getByTestId('batch-preview-summary'))).toBe(
      '11 factures seront créées pour 12 interventions : 1 385,00 € HT, 277,00 € de TVA, 1 662,00 € TTC.',
    );
    await dialog.getByText('Une facture par client (réglage de l’entreprise).').waitFor();
    const rows = dialog.getByTestId('batch-preview-group');
    expect(await rows.count()).toBe(11);
    const first = rows.filter({ hasText: 'Client 01' });
    expect(await text(first.getByTestId('batch-preview-gross'))).toBe('342,00 €');
    expect(await text(first.getByTestId('batch-preview-recipient'))).toBe('compta@client-01.testcontact facturation');
    expect(await text(rows.filter({ hasText: 'Garage sans adresse' }).getByTestId('batch-preview-recipient'))).toBe(
      'Aucune adresse e-mail : émise, non envoyée',
    );
    await dialog.getByText('1 client n’a ni contact facturation ni adresse e-mail : sa facture sera émise mais pas envoyée.').waitFor();
    await page.screenshot({ path: join(screenshots, '2-preview.png') });

    // The interventions are held (as a conversion in flight would hold them) so the batch waits at its
    // first invoice and the clerk sees its progress however fast the machine is.
    await whileLocked('select 1 from interventions where tenant_id = $1 for no key update', [tenant.tenantId], async () => {
      await dialog.getByRole('button', { name: 'Créer, émettre et envoyer' }).click();
      await page.waitForURL(/\/facturation\/a-facturer\?lot=/);
      const progress = page.getByTestId('batch-progress');
      await progress.getByText('0 sur 11 factures traitées').waitFor();
      expect(await progress.getByRole('progressbar').count()).toBe(1);
      await page.screenshot({ path: join(screenshots, '3-progress.png') });
    });

    const summary = page.getByTestId('batch-summary');
    await expect.poll(() => text(summary), { timeout: 45_000 }).toBe('10 factures émises et envoyées · 1 émise mais non envoyée');
    expect(await page.getByTestId('batch-progress').count()).toBe(0);
    const results = page.getByTestId('batch-result');
    expect(await results.count()).toBe(11);
    const failed = results.filter({ hasText: 'Garage sans adresse' });
    expect(await text(failed.getByTestId('batch-result-status'))).toBe('Émise, non envoyée');
    expect(await text(failed.getByTestId('batch-result-error'))).toBe(
      'Facture émise mais non envoyée : Aucun destinataire : le client Garage sans adresse n’a ni contact de facturation ni adresse e-mail ; indiquez un destinataire',
    );
    expect(await text(results.filter({ hasText: 'Client 01' }).getByTestId('batch-result-gross'))).toBe('342,00 €');
    // Nothing is left to bill.
    await page.getByText('Aucune intervention à facturer.').waitFor();
    await page.screenshot({ path: join(screenshots, '4-results.png') });

    // Each of the ten mails reached the SMTP server, addressed to the customer's billing contact only.
    const numbers: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      const row = results.filter({ hasText: `Client ${pad(i)}` });
      expect(await text(row.getByTestId('batch-result-status'))).toBe('Émise et envoyée');
      const number = await text(row.getByTestId('batch-result-invoice'));
      numbers.push(number);
      const mail = await mailTo(`compta@client-${pad(i)}.test`, `Facture ${number} `);
      expect(mail.to).toEqual([`compta@client-${pad(i)}.test`]);
      expect(mail.attachments.map((a) => a.filename)).toContain(`${number}.pdf`);
    }
    // Numbers follow the customers' order, without a gap (the unsent invoice has the last one).
    const firstNumber = Number(numbers[0]!.slice(-5));
    expect(numbers.map((n) => Number(n.slice(-5)))).toEqual(Array.from({ length: 10 }, (_, i) => firstNumber + i));
    const unsentNumber = await text(failed.getByTestId('batch-result-invoice'));
    expect(Number(unsentNumber.slice(-5))).toBe(firstNumber + 10);

    // The clerk opens the unsent invoice and sends it to an address typed in the dialog.
    await failed.getByTestId('batch-result-invoice').click();
    await page.getByRole('heading', { name: `Facture ${unsentNumber}` }).waitFor();
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    const send = page.getByRole('dialog', { name: `Envoyer ${unsentNumber} par e-mail` });
    await send.getByText('Garage sans adresse n’a ni contact facturation ni adresse e-mail : indiquez un destinataire.').waitFor();
    expect(await send.getByLabel('Objet').inputValue()).toMatch(new RegExp(`^Facture ${unsentNumber} — `));
    expect(await send.getByLabel('Texte du message').inputValue()).toContain(`Veuillez trouver ci-joint notre facture ${unsentNumber} du `);
    expect(await text(send.getByTestId('send-attachments'))).toContain(`${unsentNumber}.pdf`);
    await send.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await send.getByText('Aucun destinataire : le client Garage sans adresse n’a ni contact de facturation ni adresse e-mail').waitFor();
    await page.screenshot({ path: join(screenshots, '5-send-refused.png') });
    await send.getByLabel('Destinataires').fill('atelier@garage.test');
    await send.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByTestId('deliveries').getByText('atelier@garage.test').waitFor();
    expect((await mailTo('atelier@garage.test', `Facture ${unsentNumber} `)).to).toEqual(['atelier@garage.test']);
    await page.context().close();
  }, 120_000);

  it('“Émettre et envoyer” on a draft shows the billing contact, the text and the attachment, then issues and sends it', async () => {
    const { ids } = await drafts([
      { name: 'Hôtel Bellevue', billingEmail: 'factures@bellevue.test', email: 'reception@bellevue.test', hours: ['2'] },
    ]);
    const page = await openAs(tenant.adminEmail);
    await page.goto(new URL(`/facturation/factures/${ids[0]}`, backOfficeUrl).href);
    await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
    await page.getByRole('button', { name: 'Émettre et envoyer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Émettre et envoyer la facture' });
    await dialog.getByTestId('send-invoice-form').waitFor();
    expect(await dialog.getByLabel('Destinataires').inputValue()).toBe('factures@bellevue.test');
    await dialog.getByText('Par défaut, le contact facturation de Hôtel Bellevue.').waitFor();
    await dialog.getByText(/^Les réponses arriveront à facturation@/).waitFor();
    const body = await dialog.getByLabel('Texte du message').inputValue();
    expect(body.replace(/\s/g, ' ')).toContain(
      'notre facture {{numero}} du {{date}}, d’un montant de 210,00 € TTC, payable au plus tard le {{echeance}}.',
    );
    expect(await text(dialog.getByTestId('send-attachments'))).toContain('{{numero}}.pdf — PDF Factur-X');
    await dialog.getByLabel('Copie à').fill('direction@bellevue.test');
    await dialog
      .getByLabel('Texte du message')
      .fill('Bonjour {{client}},\n\nVoici la facture {{numero}} ({{montant}}), à régler avant le {{echeance}}.');
    await page.screenshot({ path: join(screenshots, '6-issue-and-send.png') });
    await dialog.getByRole('button', { name: 'Émettre et envoyer' }).click();
    await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
    const number = await text(page.getByTestId('invoice-number'));
    const mail = await mailTo('factures@bellevue.test', `Facture ${number} `);
    expect(mail.to).toEqual(['factures@bellevue.test', 'direction@bellevue.test']);
    await page.getByTestId('deliveries').getByText('factures@bellevue.test').waitFor();
    await page.context().close();
  }, 60_000);

  it('the clerk issues and sends two drafts from the invoice list in one batch', async () => {
    await drafts([
      { name: 'Librairie Dobrée', billingEmail: 'compta@dobree.test', hours: ['1'] },
      { name: 'Kiosque du Cours', billingEmail: 'gerant@kiosque.test', hours: ['1.5'] },
    ]);
    const page = await openAs(tenant.adminEmail);
    await page.getByRole('tab', { name: 'Factures' }).click();
    await page.getByRole('heading', { name: 'Factures', exact: true }).waitFor();
    for (const name of ['Librairie Dobrée', 'Kiosque du Cours'])
      await page.getByRole('checkbox', { name: `Sélectionner Brouillon ${name}` }).check();
    const bar = page.getByTestId('invoice-selection-bar');
    await bar.getByText('2 factures sélectionnées').waitFor();
    await page.screenshot({ path: join(screenshots, '7-list-selected.png') });
    await bar.getByRole('button', { name: 'Émettre et envoyer la sélection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Émettre et envoyer la sélection' });
    await dialog.getByText(/^Les 2 factures sélectionnées seront émises si ce sont des brouillons/).waitFor();
    await dialog.getByRole('button', { name: 'Émettre et envoyer' }).click();
    await page.waitForURL(/\/facturation\/factures\?lot=/);
    await expect.poll(() => text(page.getByTestId('batch-summary')), { timeout: 30_000 }).toBe('2 factures émises et envoyées');
    await page.screenshot({ path: join(screenshots, '8-list-batch.png') });
    const kiosque = page.getByTestId('batch-result').filter({ hasText: 'Kiosque du Cours' });
    const number = await text(kiosque.getByTestId('batch-result-invoice'));
    expect((await mailTo('gerant@kiosque.test', `Facture ${number} `)).to).toEqual(['gerant@kiosque.test']);
    await page.context().close();
  }, 60_000);
});
