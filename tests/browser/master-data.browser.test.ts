import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Site, hashPassword, inTenantScope, newId, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium } from '../support/browser';
import { adminClient, appOrm } from '../support/database';
import { DEMO_PASSWORD } from '../support/graphql-client';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * A new customer from nothing, through the screens, in a tenant of its own: the admin creates a
 * private customer in the billing app (a refused phone number and postal code shown under their
 * inputs, then fixed), adds its billing contact and its home as a site with the reduced-VAT
 * attestation, follows the link to the planning app to add a heat pump (a refrigerant charge typed
 * "2,45" without its fluid refused on the fluid), comes back to the file and creates the maintenance
 * contract in the existing contract form, the customer already chosen. The technician's work on the
 * site (through the services) is then invoiced from "À facturer" at 10 % VAT, to the cent, and the
 * file shows the invoice, the balance, the intervention invoiced and the history. An accountant
 * reads the same file without any edit button (and in English).
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'master-data');
const skipReason = browserSkipReason(backOfficeUrl);

const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const frDate = (date: string) => date.split('-').reverse().join('/');

describe.skipIf(skipReason !== null)(`master data screens, in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let page: Page;
  let accountantEmail: string;
  let customerUrl = '';
  const today = todayInParis();

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('master-data-ui');
    // Théo and the catalog; its two customers stay out of the way.
    w = await createMaintenanceWorld(orm, tenant);
    accountantEmail = `compta.${newId()}@master-data-ui.test`;
    const client = await adminClient();
    try {
      await client.query(
        `insert into users (tenant_id, id, email, full_name, role, password_hash) values ($1, $2, $3, 'Christophe Daniel', 'accountant', $4)`,
        [tenant.tenantId, newId(), accountantEmail, await hashPassword(DEMO_PASSWORD)],
      );
    } finally {
      await client.end();
    }
    browser = await launchChromium();
    page = await signIn(await newContext(), tenant.adminEmail);
  });

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
  });

  const newContext = () => browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 950 } });

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const signedIn = await context.newPage();
    await signedIn.goto(backOfficeUrl!);
    await signedIn.getByLabel('Adresse e-mail').fill(email);
    await signedIn.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await signedIn.getByRole('button', { name: 'Se connecter' }).click();
    await signedIn.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    return signedIn;
  }

  const shot = async (name: string, on: Page = page) => {
    await on.evaluate(() => window.scrollTo(0, 0));
    await on.screenshot({ path: join(screenshots, name), fullPage: true });
  };

  /** A tab of the customer's file (the billing app's own tabs are above it). */
  const fileTab = (on: Page, name: string) =>
    on.getByRole('tablist', { name: /^Sections (de la fiche client|of the customer record)$/ }).getByRole('tab', { name });

  /** Text as shown, with Intl's narrow no-break spaces read as plain spaces. */
  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

  it('creates a private customer, the refused fields shown under their inputs in French', async () => {
    await page.goto(new URL('/facturation/clients', backOfficeUrl).href);
    await page.getByRole('link', { name: 'Nouveau client' }).click();
    await page.getByRole('heading', { name: 'Nouveau client' }).waitFor();
    const form = page.getByTestId('customer-form');
    await form.getByText('Particulier', { exact: true }).click();
    await form.getByText(/Un particulier n’a ni SIREN ni numéro de TVA/).waitFor();
    expect(await form.getByLabel('SIREN').count()).toBe(0);
    await form.getByLabel('Nom et prénom').fill('Jeanne Morvan');
    await form.getByLabel('E-mail').fill('jeanne.morvan@example.fr');
    await form.getByLabel('Téléphone').fill('02 98');
    await form.getByLabel(/^Adresse/).fill('4 impasse des Lilas');
    await form.getByLabel('Code postal').fill('2920');
    await form.getByLabel('Ville').fill('Brest');
    await form.getByRole('button', { name: 'Créer le client' }).click();

    await page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' }).waitFor();
    await form.getByText('numéro de téléphone invalide (10 chiffres, ou + et l’indicatif du pays)').waitFor();
    await form.getByText('code postal invalide (5 chiffres)').waitFor();
    expect(await page.getByText('VALIDATION_FAILED').count()).toBe(0);
    await shot('1-customer-refused.png');

    await form.getByLabel('Téléphone').fill('02 98 44 12 30');
    await form.getByLabel('Code postal').fill('29200');
    await form.getByRole('button', { name: 'Créer le client' }).click();
    await page.waitForURL(/\/facturation\/clients\/(?!nouveau)[^/]+$/);
    customerUrl = page.url();
    await page.getByRole('heading', { name: 'Jeanne Morvan' }).waitFor();
    expect(await text(page.getByTestId('customer-created'))).toMatch(/^Client C\d{5} créé\.$/);
    expect(await text(page.getByTestId('customer-kind'))).toBe('Particulier');
  });

  it('adds the billing contact, whose e-mail is required', async () => {
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom et prénom').fill('Yann Morvan');
    await dialog.getByRole('checkbox', { name: 'Facturation' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await dialog.getByText('obligatoire pour le contact facturation (les factures lui sont envoyées)').waitFor();
    await dialog.getByLabel('E-mail').fill('yann.morvan@example.fr');
    await dialog.getByLabel('Téléphone').fill('06 12 34 56 78');
    await dialog.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Yann Morvan/ });
    await row.waitFor();
    expect(await text(row)).toContain('Facturation');
    expect(await text(row)).toContain('yann.morvan@example.fr');
    await shot('2-customer-record.png');
  });

  it('adds the home as a site with the reduced-VAT attestation', async () => {
    await fileTab(page, 'Sites et équipements (0)').click();
    await page.getByText('Aucun site : ajoutez le lieu où les techniciens interviennent.').waitFor();
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    const dialog = page.getByRole('dialog');
    // A new site starts at the billing address.
    expect(await dialog.getByLabel(/^Adresse/).inputValue()).toBe('4 impasse des Lilas');
    await dialog.getByLabel('Nom du site').fill('Maison');
    await dialog.getByLabel('Consignes d’accès').fill('Portail bleu, sonner deux fois');
    await dialog.getByRole('checkbox', { name: 'Logement achevé depuis plus de deux ans' }).check();
    await dialog.getByLabel('Attestation signée le').fill(today);
    await shot('3-site-form.png');
    await dialog.getByRole('button', { name: 'Enregistrer le site' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByTestId('site-card').filter({ hasText: 'Maison' });
    await card.getByText(`TVA 10 % (attestation du ${frDate(today)})`).waitFor();
    await fileTab(page, 'Sites et équipements (1)').waitFor();
  });

  it('adds a heat pump on the site in the planning app, the French decimal kept and the missing fluid named', async () => {
    await page.getByTestId('site-card').getByRole('link', { name: 'Ajouter un équipement' }).click();
    await page.waitForURL(/\/planning\/equipements\/nouveau\?site=/);
    await page.getByRole('heading', { name: 'Nouvel équipement' }).waitFor();
    await page.getByText('Client Jeanne Morvan — site Maison').waitFor();
    const form = page.getByTestId('equipment-form');
    await form.getByLabel('Désignation').fill('Pompe à chaleur air/eau');
    await form.getByLabel('Catégorie').click();
    await page.getByRole('option', { name: 'Pompe à chaleur' }).click();
    await form.getByLabel('Marque').fill('Atlantic');
    await form.getByLabel('Modèle').fill('Alfea Extensa 8');
    await form.getByLabel('N° de série').fill('AEX8-2024-118');
    await form.getByLabel('Charge de fluide (kg)').fill('2,45');
    await form.getByRole('button', { name: 'Créer l’équipement' }).click();
    await form.getByText('fluide requis avec une charge').waitFor();
    await shot('4-equipment-refused.png');

    await form.getByLabel('Fluide frigorigène').fill('R32');
    await form.getByRole('button', { name: 'Créer l’équipement' }).click();
    await page.waitForURL(/\/planning\/equipements\/[^/?]+$/);
    await page.getByRole('heading', { name: 'Pompe à chaleur air/eau' }).waitFor();
    await page.getByText('2,45 kg').waitFor();
    await shot('5-equipment.png');
  });

  it('comes back to the file and creates the contract in the contract form, the customer chosen', async () => {
    await page.getByRole('link', { name: 'Fiche client' }).click();
    await page.waitForURL(customerUrl);
    await fileTab(page, 'Sites et équipements (1)').click();
    await page.getByRole('row', { name: /Pompe à chaleur air\/eau/ }).waitFor();
    await fileTab(page, 'Contrats').click();
    await page.getByText('Aucun contrat de maintenance.').waitFor();
    await page.getByRole('link', { name: 'Nouveau contrat' }).click();
    await page.waitForURL(/\/planning\/contrats\/nouveau\?client=/);
    await page.getByRole('heading', { name: 'Nouveau contrat' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Client' }).inputValue()).toMatch(/^Jeanne Morvan \(C\d{5}\)$/);
    await page.getByLabel('Intitulé').fill('Entretien pompe à chaleur');
    await page.getByRole('checkbox', { name: /^Maison/ }).check();
    await page.getByLabel('Heures normales').fill('68');
    await page.getByLabel('Heures supplémentaires').fill('85');
    await page.getByLabel(/^Nuit/).fill('102');
    await page.getByLabel('Week-end / jour férié').fill('136');
    await page.getByLabel('Forfait de déplacement').fill('45');
    await page.getByRole('button', { name: 'Créer le contrat' }).click();
    await page.waitForURL(/\/planning\/contrats\/[^/]+$/);
    await page.getByRole('heading', { name: /^CT-\d{4}-\d{4} — Entretien pompe à chaleur$/ }).waitFor();
  });

  it('invoices the work done on the site at 10 % VAT, to the cent, and the file shows it', async () => {
    const customerId = customerUrl.split('/').at(-1)!;
    const site = await inTenantScope(orm, tenant.identity, { requestId: 'test' }, (em) =>
      em.findOneOrFail(Site, { customerId, name: 'Maison' }),
    );
    // 2 h at 68,00 + one trip at 45,00 + 2 filters at 18,50 = 218,00 HT, VAT 10 % 21,80.
    await interventionThrough(orm, tenant, w, {
      customerId,
      siteId: site.id,
      title: 'Entretien annuel PAC',
      report: simpleReport(w, '2', [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '2' }]),
    });

    await page.goto(new URL('/facturation/a-facturer', backOfficeUrl).href);
    const group = page.getByTestId('billable-group').filter({ hasText: 'Jeanne Morvan' });
    await group
      .getByRole('checkbox', { name: /^Sélectionner / })
      .first()
      .check();
    await group.getByRole('button', { name: 'Créer la facture' }).click();
    await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
    await expect.poll(() => page.getByTestId('invoice-line').count()).toBe(3);
    await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('239,80 €');
    expect(await page.getByLabel('Notes').inputValue()).toContain('TVA à 10 % (art. 279-0 bis du CGI)');
    await shot('6-draft-invoice.png');
    await page.getByRole('button', { name: 'Émettre', exact: true }).click();
    await page.getByRole('button', { name: 'Émettre définitivement' }).click();
    await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
    await page
      .getByText(/TVA à 10 % \(art\. 279-0 bis du CGI\)/)
      .first()
      .waitFor();
    const number = (await page.getByTestId('invoice-number').textContent()) ?? '';

    await page.goto(customerUrl);
    await page.getByRole('heading', { name: 'Jeanne Morvan' }).waitFor();
    await expect.poll(() => text(page.getByTestId('balance-due'))).toBe('239,80 €');
    await fileTab(page, 'Devis et factures').click();
    const invoiceRow = page.getByRole('row', { name: new RegExp(number) });
    await invoiceRow.waitFor();
    expect(await text(invoiceRow)).toContain('239,80 €');
    await fileTab(page, 'Interventions').click();
    await page
      .getByRole('row', { name: /Entretien annuel PAC/ })
      .getByText('Facturée')
      .waitFor();
    await fileTab(page, 'Historique').click();
    const history = page.getByTestId('customer-history');
    await history.getByText('Site « Maison » créé').waitFor();
    await history.getByText('Équipement « Pompe à chaleur air/eau » créé').waitFor();
    await history.getByText('Contact « Yann Morvan » créé').waitFor();
    await history.getByText('Attestation TVA réduite : ' + frDate(today)).waitFor();
    await shot('7-history.png');
  });

  it('shows the accountant the same file without any edit button', async () => {
    const context = await newContext();
    const accountant = await signIn(context, accountantEmail);
    await accountant.goto(customerUrl);
    await accountant.getByRole('heading', { name: 'Jeanne Morvan' }).waitFor();
    await accountant.getByRole('row', { name: /Yann Morvan/ }).waitFor();
    expect(await accountant.getByRole('button', { name: 'Modifier la fiche' }).count()).toBe(0);
    expect(await accountant.getByRole('button', { name: 'Ajouter un contact' }).count()).toBe(0);
    await fileTab(accountant, 'Sites et équipements (1)').click();
    await accountant.getByTestId('site-card').waitFor();
    expect(await accountant.getByRole('button', { name: /Modifier le site|Ajouter un site/ }).count()).toBe(0);
    expect(await accountant.getByRole('link', { name: 'Ajouter un équipement' }).count()).toBe(0);
    // The same file in English, spot-checked.
    await accountant.getByText('EN', { exact: true }).click();
    await fileTab(accountant, 'Sites and equipment (1)').waitFor();
    await accountant.getByText('VAT 10 % (attestation of').waitFor();
    await shot('8-accountant-english.png', accountant);
    await accountant.getByText('FR', { exact: true }).click();
    await fileTab(accountant, 'Sites et équipements (1)').waitFor();
    await accountant.goto(new URL('/facturation/clients', backOfficeUrl).href);
    await accountant.getByRole('heading', { name: 'Clients' }).waitFor();
    expect(await accountant.getByRole('link', { name: 'Nouveau client' }).count()).toBe(0);
    await context.close();
  });
});
