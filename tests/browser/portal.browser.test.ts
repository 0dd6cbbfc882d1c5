import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, login, must } from '../support/graphql-client';
import { browserSkipReason, launchChromium } from '../support/browser';
import { mailTo } from '../support/mail-catcher';

/**
 * The customer portal (/portail/<slug>/, frontends/portal) on a phone in Chromium: a contact of a
 * demo customer asks for a link, opens it from the mail, sees their company's equipment and
 * invoices and nobody else's, downloads an invoice PDF, reports a breakdown with a photo, and the
 * planner finds the request in « À planifier » (the dispatch board's unscheduled requests, through
 * the API); the office removes the contact and the portal session stops. Screenshots of every screen, phone and desktop, in
 * test-results/portal.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'portal');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const photo = join(import.meta.dirname, '../../frontends/field/public/icon-512.png');
const slug = 'climouest';

const skipReason = browserSkipReason(backOfficeUrl);

interface DemoCustomer {
  id: string;
  name: string;
  equipmentIds: string[];
  sites: { id: string; name: string; equipment: { id: string; name: string }[] }[];
  invoiceNumbers: string[];
}

/** Issued invoices of the demo tenant, by customer, with each customer's sites and equipment. */
async function customersWithInvoices(billing: string, planner: string): Promise<DemoCustomer[]> {
  const { invoices } = must(
    await gql<{
      invoices: { edges: { node: { number: string | null; status: string; customer: { id: string; name: string } } }[] };
    }>('{ invoices(first: 100) { edges { node { number status customer { id name } } } } }', {}, billing),
  );
  const byCustomer = new Map<string, { name: string; numbers: string[] }>();
  for (const { node } of invoices.edges) {
    if (!node.number || node.status === 'DRAFT') continue;
    const entry = byCustomer.get(node.customer.id) ?? { name: node.customer.name, numbers: [] };
    entry.numbers.push(node.number);
    byCustomer.set(node.customer.id, entry);
  }
  const customers: DemoCustomer[] = [];
  for (const [id, { name, numbers }] of byCustomer) {
    const { customer } = must(
      await gql<{ customer: { sites: DemoCustomer['sites'] } }>(
        'query($id: ID!) { customer(id: $id) { sites { id name equipment { id name } } } }',
        { id },
        planner,
      ),
    );
    const equipmentIds = customer.sites.flatMap((site) => site.equipment.map((equipment) => equipment.id));
    customers.push({ id, name, equipmentIds, sites: customer.sites, invoiceNumbers: numbers });
    if (customers.filter((c) => c.equipmentIds.length > 0).length >= 2) break;
  }
  return customers.filter((c) => c.equipmentIds.length > 0);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshots, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

/** Every screen of the portal at the page's current size, each shot once its data is on screen. */
async function shootEveryScreen(page: Page, quoteId: string | null) {
  const base = `${backOfficeUrl}/portail/${slug}/`;
  const screens: [string, string, string][] = [
    ['home', base, 'À traiter'],
    ['equipment-list', `${base}equipements`, 'Équipements'],
    ['requests', `${base}demandes`, 'Demandes'],
    ['breakdown', `${base}demandes/nouvelle`, 'Signaler une panne'],
    ['quotes', `${base}devis`, 'Devis'],
    ['invoices', `${base}factures`, 'Factures'],
  ];
  if (quoteId) screens.push(['quote', `${base}devis/${quoteId}`, 'Total TTC']);
  for (const [name, url, text] of screens) {
    await page.goto(url);
    await page.getByText(text, { exact: true }).first().waitFor();
    await expect.poll(() => page.getByRole('status', { name: 'Chargement…' }).count()).toBe(0);
    await shoot(page, name);
  }
}

describe.skipIf(skipReason !== null)(`customer portal in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let planner: string;
  let ours: DemoCustomer;
  let theirs: DemoCustomer;
  let contact: { id: string; email: string };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
    planner = await login('planning@demo.relais.fr');
    const billing = await login('facturation@demo.relais.fr');
    [ours, theirs] = (await customersWithInvoices(billing, planner)) as [DemoCustomer, DemoCustomer];
    const email = `portail.${Date.now()}@client.example.fr`;
    const { addCustomerContact } = must(
      await gql<{ addCustomerContact: { id: string } }>(
        'mutation($c: ID!, $i: ContactInput!) { addCustomerContact(customerId: $c, input: $i) { id } }',
        { c: ours.id, i: { fullName: 'Claire Portail', email } },
        planner,
      ),
    );
    contact = { id: addCustomerContact.id, email };
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs a contact in with the mailed link; they see their own company only, download a PDF and report a breakdown the planner sees', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: phone });
    const page = await context.newPage();

    // Sign-in page: same answer whatever the address.
    await page.goto(`${backOfficeUrl}/portail/${slug}/`);
    await page.getByText('Clim’Ouest Maintenance').first().waitFor();
    await shoot(page, 'sign-in');
    await page.getByLabel('Votre adresse e-mail').fill(contact.email);
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await page.getByText('Si cette adresse est celle d’un contact, un lien de connexion vient de vous être envoyé.').waitFor();
    await shoot(page, 'sign-in-sent');

    // The link from the mail.
    const mail = await mailTo(contact.email, 'Votre accès');
    const link = /\/portail\/climouest\/connexion#([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    await page.goto(`${backOfficeUrl}/portail/${slug}/connexion#${link![1]}`);
    await page.getByRole('heading', { name: ours.name }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).pathname).toBe(`/portail/${slug}/`);
    const stored = await page.evaluate(() => ({
      portal: localStorage.getItem('relais.portal.climouest'),
      backOffice: localStorage.getItem('relais.session'),
    }));
    expect(stored.portal).toContain('token');
    expect(stored.backOffice).toBeNull();
    await page.getByText('À traiter').waitFor();
    await shoot(page, 'home');

    // Équipements: exactly this customer's equipment, nobody else's.
    await page.getByRole('navigation').getByRole('link', { name: 'Équipements' }).click();
    await page.getByRole('heading', { name: 'Équipements' }).waitFor();
    await page.getByRole('heading', { name: ours.sites[0]!.name }).first().waitFor();
    const shownIds = await page
      .locator('a[href*="/equipements/"]')
      .evaluateAll((links) => links.map((link) => decodeURIComponent(link.getAttribute('href')!.split('/equipements/')[1]!)));
    expect(shownIds.length).toBeGreaterThan(0);
    for (const id of shownIds) expect(ours.equipmentIds).toContain(id);
    for (const id of theirs.equipmentIds) expect(shownIds).not.toContain(id);
    const sitesText = await page.locator('main').innerText();
    expect(sitesText).not.toContain(theirs.name);
    await shoot(page, 'equipment-list');

    // One equipment's page.
    const firstLink = page.locator(`a[href$="/equipements/${encodeURIComponent(shownIds[0]!)}"]`);
    const firstName = (await firstLink.innerText()).trim();
    await firstLink.click();
    await page.getByRole('heading', { name: 'Historique des visites' }).waitFor();
    await page.getByRole('heading', { name: firstName, level: 1 }).waitFor();
    await shoot(page, 'equipment');

    // Factures: this customer's invoices only; the PDF is a PDF.
    await page.getByRole('navigation').getByRole('link', { name: 'Factures' }).click();
    await page.getByRole('heading', { name: 'Factures' }).waitFor();
    await page.getByText(`Facture ${ours.invoiceNumbers[0]!}`, { exact: true }).waitFor();
    const invoicesText = await page.locator('main').innerText();
    for (const number of theirs.invoiceNumbers) expect(invoicesText).not.toContain(number);
    expect(invoicesText).not.toContain(theirs.name);
    await shoot(page, 'invoices');
    const pdfHref = await page.getByRole('link', { name: `PDF — ${ours.invoiceNumbers[0]!}` }).getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref!, backOfficeUrl).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Signaler une panne, with a photo shrunk on the device.
    await page.getByRole('navigation').getByRole('link', { name: 'Demandes' }).click();
    await page.getByRole('link', { name: 'Signaler une panne' }).click();
    await page.getByRole('heading', { name: 'Signaler une panne' }).waitFor();
    const site = ours.sites.find((candidate) => candidate.equipment.some((equipment) => equipment.id === shownIds[0]))!;
    await page.getByLabel('Site').selectOption(site.id);
    await page.getByLabel('Équipement concerné').selectOption(shownIds[0]!);
    // Refused before sending: the description is missing.
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText('Décrivez la panne.').waitFor();
    await page.getByLabel('Description de la panne').fill('Fuite d’eau sous l’unité intérieure depuis ce matin (test portail).');
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByRole('img', { name: 'icon-512.png' }).waitFor();
    await shoot(page, 'breakdown');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    const sent = await page.getByText(/^Demande .+ envoyée/).textContent();
    const reference = /^Demande (.+) envoyée/.exec(sent!)![1]!;
    await shoot(page, 'breakdown-sent');
    await page.getByRole('button', { name: 'Toutes les demandes' }).click();
    const card = page.getByRole('article', { name: reference });
    await card.getByText('Reçue').waitFor();
    await card.getByText('1 photo').waitFor();
    await shoot(page, 'requests');

    // Devis.
    await page.getByRole('navigation').getByRole('link', { name: 'Devis' }).click();
    await page.getByRole('heading', { name: 'Devis' }).waitFor();
    await expect.poll(() => page.getByRole('status', { name: 'Chargement…' }).count()).toBe(0);
    const quoteLink = page.locator('a[href*="/devis/"]').first();
    const quoteId = (await quoteLink.count()) > 0 ? (await quoteLink.getAttribute('href'))!.split('/devis/')[1]! : null;
    await shoot(page, 'quotes');

    // Every screen again at phone and desktop size.
    await shootEveryScreen(page, quoteId);
    await page.setViewportSize(desktop);
    await shootEveryScreen(page, quoteId);

    // The planner finds the request in « À planifier » (the dispatch board's unscheduled requests), from the portal.
    const now = new Date();
    const { dispatchBoard } = must(
      await gql<{
        dispatchBoard: { unscheduled: { number: string; status: string; source: string; customer: { id: string } }[] };
      }>(
        'query($from: DateTime!, $to: DateTime!) { dispatchBoard(from: $from, to: $to) { unscheduled { number status source customer { id } } } }',
        { from: now.toISOString(), to: new Date(now.getTime() + 7 * 86_400_000).toISOString() },
        planner,
      ),
    );
    expect(dispatchBoard.unscheduled.find((job) => job.number === reference)).toEqual({
      number: reference,
      status: 'REQUESTED',
      source: 'PORTAL',
      customer: { id: ours.id },
    });

    // The office removes the contact: the portal session stops at once.
    must(await gql('mutation($id: ID!) { removeCustomerContact(id: $id) { id } }', { id: contact.id }, planner));
    await page.setViewportSize(phone);
    await page.goto(`${backOfficeUrl}/portail/${slug}/factures`);
    await page.getByText('Votre accès à cet espace a été retiré').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('relais.portal.climouest'))).toBeNull();
    await shoot(page, 'access-revoked');
    await context.close();
  }, 300_000);

  it('an unknown or used link says so and offers to ask for a new one', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: phone });
    const page = await context.newPage();
    await page.goto(`${backOfficeUrl}/portail/${slug}/connexion#not-a-valid-token`);
    await page.getByText('Ce lien de connexion n’est plus valable').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await shoot(page, 'link-invalid');
    await page.getByRole('button', { name: 'Demander un nouveau lien' }).click();
    await page.getByLabel('Votre adresse e-mail').waitFor();
    await page.setViewportSize(desktop);
    await shoot(page, 'sign-in');
    await context.close();
  });
});
