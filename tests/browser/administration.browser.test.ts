import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { errorCodes, gql } from '../support/graphql-client';
import { mailTo } from '../support/mail-catcher';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * "Administration", for admins only: an API key created on screen (its secret shown once) works
 * against the gateway until it is revoked there (then 401 API_KEY_REVOKED); the audit log, filtered,
 * shows who created and revoked it; a webhook's secret is shown once and rotated; demoting the last
 * admin is refused and explained. A planner has no such menu and gets "Accès refusé" at its address.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'administration');
const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(`administration in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let tenant: TestTenant;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
    tenant = await createTestTenant('admin-screens');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Applications' });
  const open = async (page: Page, path: string) => page.goto(new URL(path, backOfficeUrl!).toString());
  const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

  it('creates an API key shown once, which works until it is revoked, and finds both in the audit log', async () => {
    const page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await navigation(page).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
    await page.getByRole('cell', { name: tenant.adminEmail }).waitFor();
    await page.screenshot({ path: join(screenshots, 'users.png'), fullPage: true });

    await tab(page, 'Clés d’API');
    await page.getByRole('heading', { name: 'Clés d’API' }).waitFor();
    await page.getByText('Aucune clé d’API.').waitFor();
    await page.getByRole('button', { name: 'Créer une clé' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvelle clé d’API' });
    await form.getByLabel('Nom').fill('ERP partenaire');
    await form.getByLabel('Maintenance : lecture').check();
    await page.screenshot({ path: join(screenshots, 'api-key-create.png') });
    await form.getByRole('button', { name: 'Créer la clé' }).click();

    const reveal = page.getByRole('dialog', { name: 'Clé « ERP partenaire » créée' });
    await reveal.getByText('elle ne sera plus jamais affichée').waitFor();
    const token = ((await reveal.getByTestId('revealed-secret').textContent()) ?? '').trim();
    expect(token).toMatch(/^rk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await expect(reveal.getByRole('button', { name: 'Copier' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'api-key-secret.png') });
    await reveal.getByRole('button', { name: 'J’ai copié le secret' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.getByTestId('revealed-secret').count()).toBe(0);

    const row = page.getByRole('row', { name: /ERP partenaire/ });
    await row.getByText('Maintenance : lecture').waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(`rk_${token.slice(3, 15)}`);

    // The partner's call with the key reads the tenant's data.
    const asPartner = await gql<{ tenant: { name: string } }>('{ tenant { name } }', {}, token);
    expect(asPartner.data?.tenant.name).toBe('Test admin-screens');

    await row.getByRole('button', { name: 'Révoquer' }).click();
    const confirm = page.getByRole('dialog', { name: 'Révoquer la clé « ERP partenaire » ?' });
    await confirm.getByText('Cette action est définitive.').waitFor();
    await page.screenshot({ path: join(screenshots, 'api-key-revoke.png') });
    await confirm.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByText(/^Révoquée le /).waitFor();
    expect(await row.getByRole('button', { name: 'Révoquer' }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'api-keys.png'), fullPage: true });

    const refused = await gql('{ tenant { name } }', {}, token);
    expect(refused.status).toBe(401);
    expect(errorCodes(refused)).toEqual(['API_KEY_REVOKED']);

    await tab(page, 'Journal d’audit');
    await page.getByRole('heading', { name: 'Journal d’audit' }).waitFor();
    await page.getByRole('combobox', { name: 'Auteur' }).click();
    await page.getByRole('option', { name: 'Anne Le Bihan' }).click();
    await page.getByRole('combobox', { name: 'Type d’enregistrement' }).click();
    await page.getByRole('option', { name: 'Clé d’API' }).click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    await page.getByLabel('Du', { exact: true }).fill(today);
    await page.getByLabel('Au (inclus)', { exact: true }).fill(today);
    const entries = page.locator('tbody tr');
    await page.getByText('Création · Clé d’API').waitFor();
    await expect
      .poll(() => entries.allTextContents())
      .toEqual([
        expect.stringMatching(/Anne Le BihanModification · Clé d’APIchamps : revoked_at/),
        expect.stringMatching(/Anne Le BihanCréation · Clé d’API/),
      ]);
    await page.screenshot({ path: join(screenshots, 'audit-log.png'), fullPage: true });

    // No change in an earlier period.
    await page.getByLabel('Du', { exact: true }).fill('2020-01-01');
    await page.getByLabel('Au (inclus)', { exact: true }).fill('2020-01-31');
    await page.getByText('Aucune modification pour ces filtres.').waitFor();
    await page.context().close();
  });

  it('refuses demoting the last admin and says why', async () => {
    const page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await open(page, '/administration/utilisateurs');
    await page.getByRole('combobox', { name: 'Rôle de Anne Le Bihan' }).click();
    await page.getByRole('option', { name: 'Planificateur' }).click();
    await page.getByRole('alert').getByText('Il faut au moins un administrateur actif').waitFor();
    await page.screenshot({ path: join(screenshots, 'users-last-admin.png'), fullPage: true });
    await page.reload();
    const role = page.getByRole('combobox', { name: 'Rôle de Anne Le Bihan' });
    await role.waitFor();
    expect(await role.inputValue()).toBe('Administrateur');
    await page.context().close();
  });

  it('creates a webhook whose secret is shown once, rotates it and opens its deliveries', async () => {
    const page = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await open(page, '/administration/webhooks');
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un webhook' }).click();
    const form = page.getByRole('dialog', { name: 'Nouveau webhook' });
    await form.getByLabel('Adresse (https://)').fill('http://localhost:9/relais');
    await form.getByLabel('Description').fill('ERP du client');
    await form.getByRole('checkbox').first().check();
    await page.screenshot({ path: join(screenshots, 'webhook-create.png') });
    await form.getByRole('button', { name: 'Créer le webhook' }).click();
    const reveal = page.getByRole('dialog', { name: 'Secret de signature' });
    const secret = ((await reveal.getByTestId('revealed-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: join(screenshots, 'webhook-secret.png') });
    await reveal.getByRole('button', { name: 'J’ai copié le secret' }).click();

    const row = page.getByRole('row', { name: /localhost:9\/relais/ });
    await row.getByText('Actif', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Changer le secret' }).click();
    await page
      .getByRole('dialog', { name: /Changer le secret de/ })
      .getByRole('button', { name: 'Changer le secret' })
      .click();
    const rotated = (
      (await page.getByRole('dialog', { name: 'Secret de signature' }).getByTestId('revealed-secret').textContent()) ?? ''
    ).trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
    await page.screenshot({ path: join(screenshots, 'webhooks.png'), fullPage: true });

    await row.getByRole('link', { name: 'Livraisons' }).click();
    await page.getByRole('heading', { name: 'Livraisons vers http://localhost:9/relais' }).waitFor();
    await page.getByText('Aucune livraison.').waitFor();
    await page.screenshot({ path: join(screenshots, 'webhook-deliveries.png'), fullPage: true });
    await page.context().close();
  });

  it('invites a user who opens the mailed link, chooses a password and lands on their home', async () => {
    const invitee = `invite-${Date.now()}@relais.test`;
    const admin = await signIn(browser, backOfficeUrl!, tenant.adminEmail);
    await open(admin, '/administration/utilisateurs');
    await admin.getByRole('button', { name: 'Inviter un utilisateur' }).click();
    const form = admin.getByRole('dialog', { name: 'Inviter un utilisateur' });
    // Every dialog's close button is named (theme default).
    await form.getByRole('button', { name: 'Fermer' }).waitFor();
    await form.getByLabel('Adresse e-mail').fill(invitee);
    await form.getByLabel('Nom complet').fill('Paul Invité');
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin.getByText(`Invitation envoyée à ${invitee}.`).waitFor();
    await admin.context().close();

    const mail = await mailTo(invitee, 'Test admin-screens vous invite');
    const link = /(http\S+\/definir-mot-de-passe\?jeton=\S+)/.exec(mail.text)?.[1];
    expect(link?.startsWith(`${backOfficeUrl}/definir-mot-de-passe?jeton=`)).toBe(true);

    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor();
    await page.getByText(`Compte : ${invitee}`).waitFor();
    await page.screenshot({ path: join(screenshots, 'set-password.png') });

    // Too short: the API refuses it, under the field, and the link still works.
    await page.getByLabel('Nouveau mot de passe').fill('court');
    await page.getByLabel('Confirmez le mot de passe').fill('court');
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await page.getByText('12 caractères au moins', { exact: true }).waitFor();
    await page.screenshot({ path: join(screenshots, 'set-password-refused.png') });

    await page.getByLabel('Nouveau mot de passe').fill('un mot de passe solide');
    await page.getByLabel('Confirmez le mot de passe').fill('un mot de passe solide');
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.waitForURL(new URL('/planning', backOfficeUrl).toString());
    await page.screenshot({ path: join(screenshots, 'set-password-signed-in.png') });

    // The link served once: opened again, it says so and what to do.
    await page.goto(link!);
    await page.getByRole('alert').getByText('Demandez une nouvelle invitation à votre administrateur').waitFor();
    expect(await page.getByTestId('error-code').textContent()).toContain('(INVALID_INVITATION)');
    await page.screenshot({ path: join(screenshots, 'set-password-used.png') });
    await context.close();
  });

  it('shows a planner no Administration menu and "Accès refusé" at its address', async () => {
    const page = await signIn(browser, backOfficeUrl!, 'planning@demo.relais.fr');
    await navigation(page).getByRole('link', { name: 'Planning' }).waitFor();
    expect(await navigation(page).getByRole('link').allTextContents()).not.toContain('Administration');
    await open(page, '/administration/cles-api');
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'planner-denied.png') });
    await page.context().close();
  });
});
