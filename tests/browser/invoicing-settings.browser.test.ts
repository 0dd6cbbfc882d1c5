import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCustomer, createSite, inTenantScope, type Orm } from '@relais/domain';
import { blockingViolations } from '../support/axe';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { adminClient, appOrm } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createMaintenanceWorld, customerInput, interventionThrough, siteInput, simpleReport } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The tenant's invoicing settings on their screen, in a tenant of its own: the admin switches bulk
 * invoicing to one draft per site and sets the reply-to address; after a reload both are there, and
 * the bulk preview of a customer with work at two sites now proposes two drafts (to the cent). An
 * invalid reply-to and an unknown placeholder are refused next to their field, nothing stored; the
 * mail template's preview is rendered by the server for a sample invoice. The billing clerk, who
 * may not change them, has no such entry and gets "Accès refusé" at its address.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'invoicing-settings');
const skipReason = browserSkipReason(backOfficeUrl);

const SETTINGS = `{ invoicingSettings { invoiceGrouping billingEmail publicUrl customTemplate invoiceMailSubject } }`;
const PORTAL_COMPANY = `query($slug: String!) { portalCompany(tenant: $slug) { primaryColor } }`;
const PREVIEW = `query($selection: BillingSelectionInput!) { billingBatchPreview(selection: $selection) {
  invoiceCount totalNet totalGross groups { label totalNet totalVat totalGross } } }`;

describe.skipIf(skipReason !== null)(`invoicing settings in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  let token: string;
  let page: Page;
  const interventionIds: string[] = [];
  const clerkEmail = () => tenant.adminEmail.replace(/^admin@/, 'facturation@');

  const settings = async () => must(await gql<{ invoicingSettings: Record<string, unknown> }>(SETTINGS, {}, token)).invoicingSettings;
  const preview = async () =>
    must(
      await gql<{ billingBatchPreview: { invoiceCount: number; totalNet: string; totalGross: string; groups: unknown[] } }>(
        PREVIEW,
        { selection: { interventionIds } },
        token,
      ),
    ).billingBatchPreview;
  /** Text as shown, with Intl's narrow no-break spaces read as plain spaces. */
  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();
  const form = () => page.getByTestId('invoicing-settings');
  const field = (label: string | RegExp) => form().getByRole('textbox', { name: label });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('invoicing-settings-ui');
    const world = await createMaintenanceWorld(orm, tenant, []);
    // One customer, one closed hour of work at each of its two buildings: 65,00 € + 45,00 € trip HT each.
    const { customerId, siteIds } = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
      const customer = await createCustomer(em, tenant.tenantId, {
        ...customerInput('Résidence Les Tilleuls'),
        email: 'syndic@tilleuls.test',
      });
      const a = await createSite(em, tenant.tenantId, siteInput(customer.id, 'Bâtiment A'));
      const b = await createSite(em, tenant.tenantId, siteInput(customer.id, 'Bâtiment B'));
      return { customerId: customer.id, siteIds: [a.id, b.id] };
    });
    for (const siteId of siteIds)
      interventionIds.push((await interventionThrough(orm, tenant, world, { customerId, siteId, report: simpleReport(world, '1') })).id);
    // The tenant's billing clerk, signing in with the same password as its admin.
    const db = await adminClient();
    try {
      await db.query(
        `insert into users (tenant_id, id, email, full_name, role, password_hash)
         select tenant_id, gen_random_uuid(), $2, 'Françoise Méheut', 'billing', password_hash from users where email = $1`,
        [tenant.adminEmail, clerkEmail()],
      );
    } finally {
      await db.end();
    }
    token = await login(tenant.adminEmail);
    browser = await launchChromium();
    page = await signIn(browser, backOfficeUrl!, tenant.adminEmail, { viewport: { width: 1500, height: 1100 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
  });

  it('the admin sets one draft per site and the reply-to address; after a reload both are kept, and bulk invoicing proposes one draft per site', async () => {
    // Before: the default, one draft for the customer's two buildings (2 × 110,00 € HT).
    expect(await preview()).toMatchObject({ invoiceCount: 1, totalNet: '220.00', totalGross: '264.00' });

    await page.goto(new URL('/facturation/factures', backOfficeUrl).href);
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.waitForURL(/\/facturation\/parametres$/);
    await page.getByRole('heading', { level: 1, name: 'Paramètres de facturation' }).waitFor();
    expect(await form().getByRole('radio', { name: 'Une facture par client' }).isChecked()).toBe(true);
    await form().getByText('Une facture pour chaque site d’intervention d’un client').waitFor();
    // The placeholders the server accepts, each explained.
    const placeholders = form().getByTestId('invoice-mail-placeholders');
    expect(await text(placeholders.getByRole('row').filter({ hasText: '{{numero}}' }))).toBe('{{numero}}numéro de la facture');
    expect(await placeholders.getByRole('row').count()).toBe(8);
    // The default template rendered for the sample invoice, by the server.
    const mailPreview = form().getByTestId('invoice-mail-preview');
    await expect.poll(() => text(mailPreview.getByTestId('invoice-mail-preview-body'))).toContain('d’un montant de 1 234,56 € TTC');
    expect(await text(mailPreview.getByTestId('invoice-mail-preview-subject'))).toMatch(
      /^Facture F-\d{4}-00042 — Test invoicing-settings-ui SAS$/,
    );
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, '1-settings.png'), fullPage: true });

    await form().getByRole('radio', { name: 'Une facture par site' }).check();
    await field('Adresse de réponse (facturation)').fill('factures@tilleuls-maintenance.test');
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('invoicing-settings-saved').getByText('Paramètres enregistrés.').waitFor();
    await page.screenshot({ path: join(screenshots, '2-saved.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Paramètres de facturation' }).waitFor();
    expect(await form().getByRole('radio', { name: 'Une facture par site' }).isChecked()).toBe(true);
    expect(await field('Adresse de réponse (facturation)').inputValue()).toBe('factures@tilleuls-maintenance.test');

    // Stored as typed, and only what was changed: the templates and the public address stay the defaults.
    expect(await settings()).toMatchObject({
      invoiceGrouping: 'SITE',
      billingEmail: 'factures@tilleuls-maintenance.test',
      customTemplate: false,
    });
    // Bulk invoicing now proposes one draft per building, 110,00 € HT + 20 % each.
    const perSite = await preview();
    expect(perSite).toMatchObject({ invoiceCount: 2, totalNet: '220.00', totalGross: '264.00' });
    expect(perSite.groups).toEqual([
      { label: 'Résidence Les Tilleuls — Bâtiment A', totalNet: '110.00', totalVat: '22.00', totalGross: '132.00' },
      { label: 'Résidence Les Tilleuls — Bâtiment B', totalNet: '110.00', totalVat: '22.00', totalGross: '132.00' },
    ]);
  });

  it('the admin sets the customer portal’s colour; it is kept after a reload and the portal’s sign-in page gets it', async () => {
    await page.goto(new URL('/facturation/parametres', backOfficeUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Paramètres de facturation' }).waitFor();
    const colour = form().getByRole('textbox', { name: 'Couleur de l’espace client' });
    expect(await colour.inputValue()).toBe('#1c7ed6');
    // The hint gives the address to tell customers.
    await form().getByText(`/portail/${tenant.slug}/`, { exact: false }).waitFor();
    await colour.fill('#2b8a3');
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await form().getByText('Couleur attendue au format #rrggbb, par exemple #1c7ed6').waitFor();
    expect(
      must(await gql<{ portalCompany: { primaryColor: string } }>(PORTAL_COMPANY, { slug: tenant.slug })).portalCompany.primaryColor,
    ).toBe('#1c7ed6');

    await colour.fill('#2b8a3e');
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('invoicing-settings-saved').getByText('Paramètres enregistrés.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Paramètres de facturation' }).waitFor();
    expect(await form().getByRole('textbox', { name: 'Couleur de l’espace client' }).inputValue()).toBe('#2b8a3e');
    await page.screenshot({ path: join(screenshots, '2b-portal-colour.png'), fullPage: true });
    expect(
      must(await gql<{ portalCompany: { primaryColor: string } }>(PORTAL_COMPANY, { slug: tenant.slug })).portalCompany.primaryColor,
    ).toBe('#2b8a3e');
  });

  it('refuses an invalid reply-to and an unknown placeholder next to their field, storing nothing', async () => {
    const before = await settings();
    const replyTo = field('Adresse de réponse (facturation)');
    await replyTo.fill('factures@tilleuls');
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await form().getByText('Adresse e-mail invalide, par exemple facturation@entreprise.fr').waitFor();
    expect(await replyTo.getAttribute('aria-invalid')).toBe('true');
    const publicUrl = field('Adresse publique');
    await publicUrl.fill('relais.tilleuls.test');
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await form().getByText('Adresse complète attendue, commençant par https:// ou http://', { exact: false }).waitFor();
    await page.screenshot({ path: join(screenshots, '3-refused-addresses.png'), fullPage: true });
    expect(await settings()).toEqual(before);

    // Fixed addresses; a placeholder the server does not know, in the text: the preview warns, the server refuses.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Paramètres de facturation' }).waitFor();
    const body = field('Texte de l’e-mail');
    await body.fill('Bonjour,\n\nVotre facture {{numéro}} est jointe.\n\n{{societe}}');
    await form().getByText('Repères inconnus, refusés à l’enregistrement : {{numéro}}').waitFor();
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await form()
      .getByText(/^Repère inconnu : \{\{numéro\}\}/)
      .waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(screenshots, '4-refused-placeholder.png'), fullPage: true });
    expect(await settings()).toEqual(before);

    // Corrected, the subject too: the preview shows the sample invoice's values, and the template is the tenant's.
    await body.fill('Bonjour,\n\nVotre facture {{numero}} de {{montant}} est jointe.\n\n{{societe}}');
    await field('Objet de l’e-mail').fill('Votre facture {{numero}}');
    const mailPreview = form().getByTestId('invoice-mail-preview');
    await expect.poll(() => text(mailPreview.getByTestId('invoice-mail-preview-subject'))).toMatch(/^Votre facture F-\d{4}-00042$/);
    await expect.poll(() => text(mailPreview.getByTestId('invoice-mail-preview-body'))).toMatch(/de 1 234,56 € est jointe\./);
    await form().getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('invoicing-settings-saved').waitFor();
    expect(await settings()).toMatchObject({ ...before, customTemplate: true, invoiceMailSubject: 'Votre facture {{numero}}' });
  });

  it('shows the billing clerk no settings entry, "Accès refusé" at its address, and the API refuses the change', async () => {
    const clerk = await signIn(browser, backOfficeUrl!, clerkEmail());
    await clerk.goto(new URL('/facturation/factures', backOfficeUrl).href);
    await clerk.getByRole('tab', { name: 'Factures', selected: true }).waitFor();
    expect(await clerk.getByRole('tab').allTextContents()).not.toContain('Paramètres');
    await clerk.goto(new URL('/facturation/parametres', backOfficeUrl).href);
    await clerk.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await clerk.screenshot({ path: join(screenshots, '5-clerk-denied.png') });
    await clerk.context().close();

    const before = await settings();
    const refused = await gql(
      'mutation { updateInvoicingSettings(input: { invoiceGrouping: CONTRACT }) { invoiceGrouping } }',
      {},
      await login(clerkEmail()),
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await settings()).toEqual(before);
  });
});
