import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, login, must } from '../support/graphql-client';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { mailTo } from '../support/mail-catcher';

/**
 * The office invites a customer's contact to the portal from the customer's page (billing app,
 * « Inviter au portail »); the contact opens the mailed link on a phone and lands on their space.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'portal-invite');
const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(`inviting a contact to the portal${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends the sign-in link from the customer page; the contact opens it and sees the customer', async () => {
    const billing = await login('facturation@demo.relais.fr');
    const { customers } = must(
      await gql<{ customers: { edges: { node: { id: string; name: string } }[] } }>(
        '{ customers(first: 1) { edges { node { id name } } } }',
        {},
        billing,
      ),
    );
    const customer = customers.edges[0]!.node;
    const email = `invitee.${Date.now()}@client.example.fr`;
    must(
      await gql(
        'mutation($c: ID!, $i: ContactInput!) { addCustomerContact(customerId: $c, input: $i) { id } }',
        { c: customer.id, i: { fullName: 'Yann Invité', email } },
        billing,
      ),
    );

    const office = await signIn(browser, backOfficeUrl!, 'facturation@demo.relais.fr');
    await office.goto(`${backOfficeUrl}/facturation/clients/${customer.id}`);
    await office.getByRole('button', { name: 'Inviter au portail Yann Invité' }).click();
    const dialog = office.getByRole('dialog', { name: 'Inviter Yann Invité à l’espace client ?' });
    await dialog.getByText(email).waitFor();
    await dialog.getByRole('button', { name: 'Envoyer le lien' }).click();
    await office
      .getByRole('status')
      .filter({ hasText: `Lien de connexion à l’espace client envoyé à ${email}.` })
      .waitFor();
    await office.screenshot({ path: join(screenshots, '1-invited.png') });
    await office.context().close();

    const mail = await mailTo(email, 'Votre accès à l’espace client');
    const link = /https?:\/\/[^\s]+\/portail\/climouest\/connexion#[A-Za-z0-9_-]+/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();

    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(`${backOfficeUrl}${new URL(link![0]).pathname}${new URL(link![0]).hash}`);
    await phone.getByRole('heading', { name: customer.name }).waitFor();
    await phone.screenshot({ path: join(screenshots, '2-portal-home.png') });
    await context.close();
  });
});
