import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, login, must } from '../support/graphql-client';
import { browserSkipReason, launchChromium } from '../support/browser';
import { adminClient } from '../support/database';
import { portalLinkTokenFor } from '../support/portal';

/**
 * Deciding quotes in the customer portal (docs/portal.md, « Devis ») on a phone in Chromium: the
 * office sends two quotes to a demo customer; its contact opens the first, ticks the option, signs
 * with a finger on the pad and accepts it; refuses the second with a reason. The office sees both
 * decisions with the signer, the option taken, the totals to the cent and the signer's browser.
 * Screenshots in test-results/portal-quotes.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'portal-quotes');
const phone = { width: 390, height: 844 };
const slug = 'climouest';

const skipReason = browserSkipReason(backOfficeUrl);

interface OfficeQuote {
  status: string;
  number: string;
  signerName: string | null;
  refusalReason: string | null;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  acceptanceUserAgent: string | null;
  lines: { id: string; optional: boolean; selected: boolean }[];
}

const OFFICE_QUOTE = `query($id: ID!) { quote(id: $id) {
  status number signerName refusalReason totalNet totalVat totalGross acceptanceUserAgent lines { id optional selected } } }`;

/** A quote sent to the customer: two regular lines (20 % and 10 % VAT) and, when asked, an optional one. */
async function sentQuote(billing: string, customerId: string, title: string, withOption: boolean): Promise<string> {
  const lines: Record<string, string | boolean>[] = [
    { kind: 'PART', description: 'Circulateur', quantity: '2', unit: 'C62', unitPrice: '312.45', vatRateCode: 'TVA20' },
    { kind: 'LABOUR', description: 'Pose', quantity: '3.5', unit: 'HUR', unitPrice: '65.00', vatRateCode: 'TVA10' },
  ];
  if (withOption)
    lines.push({
      kind: 'OTHER',
      description: 'Option : désembouage',
      quantity: '1',
      unit: 'C62',
      unitPrice: '180.00',
      vatRateCode: 'TVA20',
      optional: true,
    });
  const { createQuote } = must(
    await gql<{ createQuote: { id: string; version: number } }>(
      'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id version } }',
      { input: { customerId, title, lines } },
      billing,
    ),
  );
  must(
    await gql(
      'mutation($id: ID!, $v: Int!) { sendQuote(id: $id, expectedVersion: $v) { id } }',
      { id: createQuote.id, v: createQuote.version },
      billing,
    ),
  );
  return createQuote.id;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshots, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

/** The page's main text with every kind of space as one plain space (fr-FR amounts use narrow no-break spaces). */
const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

describe.skipIf(skipReason !== null)(`customer portal quotes in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let billing: string;
  let tenantId: string;
  let contactId: string;
  let toAccept: string;
  let toRefuse: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
    const planner = await login('planning@demo.relais.fr');
    billing = await login('facturation@demo.relais.fr');
    const { customers } = must(
      await gql<{ customers: { edges: { node: { id: string } }[] } }>('{ customers(first: 1) { edges { node { id } } } }', {}, planner),
    );
    const customerId = customers.edges[0]!.node.id;
    const { addCustomerContact } = must(
      await gql<{ addCustomerContact: { id: string } }>(
        'mutation($c: ID!, $i: ContactInput!) { addCustomerContact(customerId: $c, input: $i) { id } }',
        { c: customerId, i: { fullName: 'Paul Devis', email: `devis.${Date.now()}@client.example.fr` } },
        planner,
      ),
    );
    contactId = addCustomerContact.id;
    const db = await adminClient();
    try {
      tenantId = (await db.query<{ id: string }>('select id from tenants where slug = $1', [slug])).rows[0]!.id;
    } finally {
      await db.end();
    }
    toAccept = await sentQuote(billing, customerId, 'Remplacement du circulateur (portail)', true);
    toRefuse = await sentQuote(billing, customerId, 'Remplacement de la pompe (portail)', false);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('accepts a quote with the option ticked and a drawn signature, and refuses another with a reason; the office sees both', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: phone, hasTouch: true });
    const page = await context.newPage();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    await page.goto(`${backOfficeUrl}/portail/${slug}/connexion#${await portalLinkTokenFor(tenantId, contactId)}`);
    await page.getByText('À traiter').waitFor();

    // The quote awaiting a decision, from the list.
    const accepting = must(await gql<{ quote: OfficeQuote }>(OFFICE_QUOTE, { id: toAccept }, billing));
    await page.getByRole('navigation').getByRole('link', { name: 'Devis' }).click();
    await page.getByRole('heading', { name: 'Devis' }).waitFor();
    await page.locator(`a[href$="/devis/${toAccept}"]`).first().click();
    await page.getByRole('heading', { name: `Devis ${accepting.quote.number}` }).waitFor();
    // Before the option: 852.40 HT; VAT 20 % on 624.90 = 124.98, 10 % on 227.50 = 22.75.
    let text = await mainText(page);
    expect(text).toContain('Total HT 852,40 €');
    expect(text).toContain('Total TTC 1 000,13 €');
    expect(text).not.toContain('Options retenues');

    // Tick the option: its net is added to what the customer takes.
    await page.getByRole('checkbox', { name: 'Option : désembouage' }).check();
    await page.getByText('Options retenues : 180,00 € HT en plus').waitFor();
    await shoot(page, 'quote-option-ticked');

    // Accept: name and signature drawn on the pad.
    await page.getByRole('button', { name: 'Accepter le devis' }).click();
    await page.getByRole('button', { name: 'Bon pour accord' }).click();
    await page.getByText('Indiquez vos nom et prénom.').waitFor();
    await page.getByText('Signez dans le cadre pour accepter.').waitFor();
    expect(must(await gql<{ quote: OfficeQuote }>(OFFICE_QUOTE, { id: toAccept }, billing)).quote.status).toBe('SENT');
    await page.getByLabel('Vos nom et prénom').fill('Paul Devis');
    const pad = page.locator('canvas[aria-label="Signez dans le cadre"]');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 110);
    await page.mouse.down();
    for (const [dx, dy] of [
      [70, 40],
      [110, 100],
      [150, 50],
      [200, 110],
      [260, 60],
      [310, 90],
    ] as const)
      await page.mouse.move(box.x + dx, box.y + dy, { steps: 8 });
    await page.mouse.up();
    await shoot(page, 'quote-signed');
    await page.getByRole('button', { name: 'Bon pour accord' }).click();

    // The decision shown, with the server's totals including the option.
    await page
      .getByRole('status')
      .filter({ hasText: /^Accepté par Paul Devis le / })
      .waitFor();
    await page.getByText('Accepté', { exact: true }).first().waitFor();
    text = await mainText(page);
    // 852.40 + 180.00 = 1032.40 HT; VAT 20 % on 804.90 = 160.98, 10 % on 227.50 = 22.75.
    expect(text).toContain('Total HT 1 032,40 €');
    expect(text).toContain('TVA 183,73 €');
    expect(text).toContain('Total TTC 1 216,13 €');
    expect(text).not.toContain('Options retenues');
    expect(await page.getByRole('button', { name: 'Accepter le devis' }).count()).toBe(0);
    await shoot(page, 'quote-accepted');

    const accepted = must(await gql<{ quote: OfficeQuote }>(OFFICE_QUOTE, { id: toAccept }, billing)).quote;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      signerName: 'Paul Devis',
      totalNet: '1032.40',
      totalVat: '183.73',
      totalGross: '1216.13',
      acceptanceUserAgent: userAgent,
    });
    expect(accepted.lines.map((line) => [line.optional, line.selected])).toEqual([
      [false, true],
      [false, true],
      [true, true],
    ]);

    // The second quote: refused with a reason.
    await page.getByRole('link', { name: 'Tous les devis' }).click();
    await page.locator(`a[href$="/devis/${toRefuse}"]`).first().click();
    await page.getByRole('button', { name: 'Refuser le devis' }).click();
    await page.getByLabel('Vos nom et prénom').fill('Paul Devis');
    await page.getByLabel('Motif du refus (facultatif)').fill('Nous attendons le budget de l’an prochain.');
    await shoot(page, 'quote-refusing');
    await page.getByRole('button', { name: 'Confirmer le refus' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Refusé par Paul Devis le / })
      .waitFor();
    await page.getByText('Refusé', { exact: true }).first().waitFor();
    await shoot(page, 'quote-refused');

    const refused = must(await gql<{ quote: OfficeQuote }>(OFFICE_QUOTE, { id: toRefuse }, billing)).quote;
    expect(refused).toMatchObject({
      status: 'REFUSED',
      signerName: 'Paul Devis',
      refusalReason: 'Nous attendons le budget de l’an prochain.',
      totalNet: '852.40',
      totalGross: '1000.13',
    });

    // The list tells both decisions.
    await page.getByRole('navigation').getByRole('link', { name: 'Devis' }).click();
    await page.locator(`a[href$="/devis/${toRefuse}"]`).first().waitFor();
    await shoot(page, 'quotes-decided');
    await context.close();
  }, 300_000);
});
