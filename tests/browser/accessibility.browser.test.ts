import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blockingViolations, levelOneHeadings } from '../support/axe';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { TODAY } from '../support/dates';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Every main screen of the back-office, as each role opens it, passes axe's WCAG 2.1 A/AA rules
 * with no serious or critical violation (contrast, names of buttons and fields, roles, landmarks)
 * and has exactly one level-one heading.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const skipReason = browserSkipReason(backOfficeUrl);
const screenshots = join(process.cwd(), 'test-results', 'accessibility');

interface Screen {
  name: string;
  path: string;
}

interface Finding {
  levelOneHeadings: number;
  violations: string[];
}

const passing: Finding = { levelOneHeadings: 1, violations: [] };

/** The first node of a connection, read through the gateway as `email`. */
async function firstId(email: string, query: string, field: string): Promise<string> {
  const data = must(await gql<Record<string, { edges: { node: { id: string } }[] }>>(query, {}, await login(email)));
  const id = data[field]?.edges[0]?.node.id;
  if (!id) throw new Error(`the demo data has no ${field}`);
  return id;
}

/** Waits until the page's data has arrived: no request in flight, no loader turning. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, [aria-busy="true"]'));
}

async function inspect(page: Page, name: string): Promise<Finding> {
  await settle(page);
  await page.screenshot({ path: join(screenshots, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-$/, '')}.png`) });
  return { levelOneHeadings: await levelOneHeadings(page), violations: await blockingViolations(page) };
}

/** Opens each screen in turn (a page load, as a link or a bookmark would) and inspects it. */
async function visit(page: Page, screens: Screen[]): Promise<Record<string, Finding>> {
  const findings: Record<string, Finding> = {};
  for (const screen of screens) {
    await page.goto(new URL(screen.path, backOfficeUrl).href);
    findings[screen.name] = await inspect(page, screen.name);
  }
  return findings;
}

const allPassing = (screens: Screen[]) => Object.fromEntries(screens.map((screen) => [screen.name, passing]));

let writeOffTenant: TestTenant | null = null;

/**
 * An issued invoice of 300,00 € TTC written off as irrecoverable, in a tenant of its own (the demo's
 * receivables stay as they are): the invoice page then shows its write-offs table.
 */
async function invoiceWrittenOff(): Promise<string> {
  writeOffTenant = await createTestTenant('a11y-write-off');
  const token = await login(writeOffTenant.adminEmail);
  const call = async <T>(query: string, variables: Record<string, unknown>) => must(await gql<T>(query, variables, token));
  const { createCustomer } = await call<{ createCustomer: { id: string } }>(
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    {
      input: {
        name: 'Forges de l’Erdre',
        paymentTermsDays: 0,
        billingAddressLine1: '2 rue des Forges',
        billingPostalCode: '44000',
        billingCity: 'Nantes',
      },
    },
  );
  const { createInvoice } = await call<{ createInvoice: { id: string; version: number } }>(
    'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
    {
      input: {
        customerId: createCustomer.id,
        lines: [{ kind: 'LABOUR', description: 'Maintenance CVC', quantity: '1', unit: 'HUR', unitPrice: '250.00', vatRateCode: 'TVA20' }],
      },
    },
  );
  await call('mutation($id: ID!, $version: Int!) { issueInvoice(id: $id, expectedVersion: $version) { id } }', {
    id: createInvoice.id,
    version: createInvoice.version,
  });
  await call('mutation($input: WriteOffInvoiceInput!) { writeOffInvoice(input: $input) { id } }', {
    input: { invoiceId: createInvoice.id, kind: 'IRRECOVERABLE', reason: 'Liquidation judiciaire', writtenOffOn: TODAY },
  });
  return createInvoice.id;
}

// The screens are only read (the write-off is in a tenant of its own): two roles at a time, each in its own context,
// with the time a visit of seven screens takes when it shares the CPUs.
describe.skipIf(skipReason !== null)(
  `accessibility (axe, WCAG 2.1 AA) in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  { concurrent: true, timeout: 120_000 },
  () => {
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('the login page', async () => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      expect(await inspect(page, 'login')).toEqual(passing);
      await context.close();
    });

    it("the planner's screens: the board by day and by week, the interventions, an intervention, a new request", async () => {
      const interventionId = await firstId(
        'planning@demo.relais.fr',
        '{ interventions(first: 1) { edges { node { id } } } }',
        'interventions',
      );
      const screens: Screen[] = [
        { name: 'planning board, day', path: `/planning?du=${TODAY}&jours=1` },
        { name: 'planning board, week', path: `/planning?du=${TODAY}&jours=7` },
        { name: 'interventions', path: '/planning/interventions' },
        { name: 'an intervention', path: `/planning/interventions/${interventionId}` },
        { name: 'new request', path: '/planning/nouvelle-demande' },
      ];
      const page = await signIn(browser, backOfficeUrl!, 'planning@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      expect(await visit(page, screens)).toEqual(allPassing(screens));
      await page.context().close();
    });

    it("the technician's day on a phone", async () => {
      const page = await signIn(browser, backOfficeUrl!, 'technicien@demo.relais.fr', { viewport: { width: 390, height: 844 } });
      await page.getByRole('heading', { name: 'Ma journée' }).waitFor();
      expect(await inspect(page, 'my day (phone)')).toEqual(passing);
      await page.context().close();
    });

    it("the billing clerk's screens: to invoice, invoices, quotes and customers, lists and files", async () => {
      const clerk = 'facturation@demo.relais.fr';
      const [invoiceId, quoteId, customerId] = await Promise.all([
        firstId(clerk, '{ invoices(first: 1) { edges { node { id } } } }', 'invoices'),
        firstId(clerk, '{ quotes(first: 1) { edges { node { id } } } }', 'quotes'),
        firstId(clerk, '{ customers(first: 1) { edges { node { id } } } }', 'customers'),
      ]);
      const screens: Screen[] = [
        { name: 'to invoice', path: '/facturation/a-facturer' },
        { name: 'invoices', path: '/facturation/factures' },
        { name: 'an invoice', path: `/facturation/factures/${invoiceId}` },
        { name: 'quotes', path: '/facturation/devis' },
        { name: 'a quote', path: `/facturation/devis/${quoteId}` },
        { name: 'customers', path: '/facturation/clients' },
        { name: 'a customer', path: `/facturation/clients/${customerId}` },
      ];
      const page = await signIn(browser, backOfficeUrl!, clerk, { viewport: { width: 1500, height: 950 } });
      expect(await visit(page, screens)).toEqual(allPassing(screens));
      await page.context().close();
    });

    it("the accountant's screens: dashboard, to collect, accounting, bank", async () => {
      const screens: Screen[] = [
        { name: 'finance dashboard', path: '/finance/dashboard' },
        { name: 'to collect', path: '/finance/to-collect' },
        { name: 'accounting', path: '/finance/accounting' },
        { name: 'bank', path: '/finance/bank' },
      ];
      const page = await signIn(browser, backOfficeUrl!, 'compta@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      expect(await visit(page, screens)).toEqual(allPassing(screens));
      await page.context().close();
    });

    it("the planner's new screens: a technician with absences, the interventions' bulk close, the contract's rates and inclusions", async () => {
      const planner = 'planning@demo.relais.fr';
      const technicianId = await firstId(planner, '{ technicians(first: 1) { edges { node { id } } } }', 'technicians');
      const page = await signIn(browser, backOfficeUrl!, planner, { viewport: { width: 1500, height: 950 } });
      const findings = await visit(page, [{ name: 'technician form with absences', path: `/planning/techniciens/${technicianId}` }]);

      await page.goto(new URL('/planning/interventions', backOfficeUrl).href);
      await page
        .getByRole('checkbox', { name: /^Sélectionner / })
        .first()
        .check();
      findings['interventions, selected to close'] = await inspect(page, 'interventions, selected to close');
      await page.getByRole('button', { name: /^Clôturer \(\d+\)$/ }).click();
      await page.getByRole('dialog', { name: 'Clôturer les interventions' }).waitFor();
      findings['bulk close confirmation'] = await inspect(page, 'bulk close confirmation');

      await page.goto(new URL('/planning/contrats/nouveau', backOfficeUrl).href);
      await page.getByRole('button', { name: 'Ajouter un type d’intervention' }).click();
      await page.getByLabel('Heures incluses, ligne 1').waitFor();
      findings['contract form, rate card and inclusions'] = await inspect(page, 'contract form, rate card and inclusions');
      expect(findings).toEqual(
        allPassing([
          { name: 'technician form with absences', path: '' },
          { name: 'interventions, selected to close', path: '' },
          { name: 'bulk close confirmation', path: '' },
          { name: 'contract form, rate card and inclusions', path: '' },
        ]),
      );
      await page.context().close();
    });

    it("the billing clerk's new screens: catalog, price lists, the quote's send dialog, an invoice's write-offs", async () => {
      const clerk = 'facturation@demo.relais.fr';
      const [quoteId, writtenOffInvoiceId] = await Promise.all([
        firstId(clerk, '{ quotes(first: 1, status: DRAFT) { edges { node { id } } } }', 'quotes'),
        invoiceWrittenOff(),
      ]);
      const screens: Screen[] = [
        { name: 'catalog', path: '/facturation/catalogue' },
        { name: 'catalog item form', path: '/facturation/catalogue/nouveau' },
        { name: 'price lists', path: '/facturation/tarifs' },
        { name: 'price list form', path: '/facturation/tarifs/nouveau' },
      ];
      const page = await signIn(browser, backOfficeUrl!, clerk, { viewport: { width: 1500, height: 950 } });
      const findings = await visit(page, screens);
      await page.goto(new URL(`/facturation/devis/${quoteId}`, backOfficeUrl).href);
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Texte du message').waitFor();
      findings['quote send dialog'] = await inspect(page, 'quote send dialog');
      expect(findings).toEqual(allPassing([...screens, { name: 'quote send dialog', path: '' }]));
      await page.context().close();

      const admin = await signIn(browser, backOfficeUrl!, writeOffTenant!.adminEmail, { viewport: { width: 1500, height: 950 } });
      await admin.goto(new URL(`/facturation/factures/${writtenOffInvoiceId}`, backOfficeUrl).href);
      await admin.getByTestId('write-off').waitFor();
      expect(await inspect(admin, 'invoice with a write-off')).toEqual(passing);
      await admin.context().close();
    });

    it("the accountant's write-off dialog, opened from « À encaisser »", async () => {
      const page = await signIn(browser, backOfficeUrl!, 'compta@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      await page.goto(new URL('/finance/to-collect', backOfficeUrl).href);
      await page
        .getByRole('button', { name: /^Passer en perte la facture / })
        .first()
        .click();
      await page.getByTestId('write-off-modal').getByLabel('Montant').waitFor();
      expect(await inspect(page, 'write-off dialog')).toEqual(passing);
      await page.context().close();
    });

    it("the administrator's home", async () => {
      const page = await signIn(browser, backOfficeUrl!, 'admin@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      expect(await inspect(page, 'administrator home')).toEqual(passing);
      await page.context().close();
    });
  },
);
