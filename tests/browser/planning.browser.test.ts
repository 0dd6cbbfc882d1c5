import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser';
import { mailAbout } from '../support/mail-catcher';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * From request to closing in the planning app, as its users do it: the planner drags a request
 * onto a technician's day, the technician reports on a phone-sized screen, the office closes
 * it, a partner reads the result through the API, and the billing clerk invoices, sends and
 * downloads it.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const gatewayUrl = inject('gatewayUrl');
const screenshots = join(process.cwd(), 'test-results', 'planning');
const password = 'relais-demo';
const technicianName = 'Théo Le Floch';

const skipReason = browserSkipReason(backOfficeUrl);

async function api<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const signIn = async (email: string) =>
  (
    await api<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: email,
      p: password,
    })
  ).login.token;

/** Today in Paris, YYYY-MM-DD. */
const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

describe.skipIf(skipReason !== null)(
  `planning app in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let request: { id: string; number: string; title: string };

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      browser = await launchChromium();
      // A request of our own, so the test does not depend on demo data other tests use.
      const token = await signIn('planning@demo.relais.fr');
      const { customers } = await api<{ customers: { edges: { node: { id: string; sites: { id: string }[] } }[] } }>(
        '{ customers(first: 5) { edges { node { id sites { id } } } } }',
        {},
        token,
      );
      const customer = customers.edges.map((edge) => edge.node).find((node) => node.sites.length > 0)!;
      const title = `Test navigateur — ventilo-convecteur bruyant ${Date.now().toString(36)}`;
      const created = await api<{ createInterventionRequest: { id: string; number: string } }>(
        'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id number } }',
        {
          input: {
            customerId: customer.id,
            siteId: customer.sites[0]!.id,
            title,
            priority: 'HIGH',
            type: 'CORRECTIVE',
            estimatedDurationMinutes: 120,
          },
        },
        token,
      );
      request = { ...created.createInterventionRequest, title };
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function openAs(email: string, viewport = { width: 1500, height: 950 }): Promise<Page> {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport });
      const page = await context.newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    it('the planner drags the request onto the technician’s day', async () => {
      const page = await openAs('planning@demo.relais.fr');
      await page.goto(new URL(`/planning?du=${todayInParis()}&jours=1`, backOfficeUrl).href);
      await page.getByRole('heading', { name: 'À planifier' }).waitFor();
      await page.getByRole('searchbox', { name: /Filtrer/ }).fill(request.number);
      const card = page.getByRole('button', { name: request.title });
      await card.waitFor();
      await page.screenshot({ path: join(screenshots, '1-board-before.png') });

      const cell = page.getByRole('cell', { name: new RegExp(`^${technicianName}`) });
      const cellBox = (await cell.boundingBox())!;
      const cardBox = (await card.boundingBox())!;
      // 15:00 on the 7:00–19:00 day.
      const target = { x: cellBox.x + (cellBox.width * (15 - 7)) / 12 + 4, y: cellBox.y + cellBox.height / 2 };
      await page.mouse.move(cardBox.x + 30, cardBox.y + 20);
      await page.mouse.down();
      await page.mouse.move(cardBox.x + 60, cardBox.y + 30, { steps: 5 });
      await page.mouse.move(target.x, target.y, { steps: 20 });
      await page.mouse.up();

      await page.getByRole('status').filter({ hasText: request.number }).first().waitFor();
      const block = cell.locator(`[data-job-number="${request.number}"]`);
      await block.waitFor();
      expect(await block.getAttribute('aria-label')).toContain('15:00–17:00');
      await page.screenshot({ path: join(screenshots, '2-board-scheduled.png') });
      await page.context().close();
    });

    it('the technician starts, reports and completes it on a phone', async () => {
      const page = await openAs('technicien@demo.relais.fr', { width: 390, height: 844 });
      await page.getByRole('heading', { name: 'Ma journée' }).waitFor();
      expect(page.url()).toContain('/planning/ma-journee');
      await page.getByRole('link', { name: request.title }).click();
      await page.getByRole('button', { name: 'Démarrer' }).click();
      await page.getByRole('button', { name: 'Ajouter des heures' }).click();
      await page.screenshot({ path: join(screenshots, '3-phone-started.png') });

      await page.getByLabel('Heures', { exact: true }).fill('2,5');
      await page.getByLabel('Nombre de déplacements').fill('1');
      for (const code of ['FIL-G4-592', 'CRR-SPA1250']) {
        await page.getByRole('combobox', { name: 'Rechercher une pièce' }).fill(code);
        await page.getByRole('option', { name: new RegExp(code) }).click();
        await page.getByRole('button', { name: 'Ajouter la pièce' }).click();
      }
      await expect.poll(() => page.getByTestId('report-part').count()).toBe(2);
      await page.getByRole('textbox', { name: 'Observations' }).fill('Roulement du ventilateur remplacé, filtre encrassé changé.');
      await page.getByLabel('Nom du signataire').fill('Mme Le Gall');
      const canvas = page.getByTestId('signature-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + 30, box.y + 120);
      await page.mouse.down();
      for (const [dx, dy] of [
        [60, 40],
        [110, 90],
        [160, 50],
        [220, 110],
        [280, 60],
      ] as const) {
        await page.mouse.move(box.x + dx, box.y + dy, { steps: 6 });
      }
      await page.mouse.up();
      await page.screenshot({ path: join(screenshots, '4-phone-report.png'), fullPage: true });

      await page.getByRole('button', { name: 'Terminer l’intervention' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Intervention ${request.number} terminée` })
        .waitFor();
      await page.getByRole('heading', { name: 'Ma journée' }).waitFor();
      await page.screenshot({ path: join(screenshots, '5-phone-completed.png') });
      await page.context().close();
    });

    it('the office (the billing clerk) closes it from the intervention page', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.goto(new URL(`/planning/interventions/${request.id}`, backOfficeUrl).href);
      await page.getByRole('heading', { name: `${request.number} — ${request.title}` }).waitFor();
      await page.getByText('2,5', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Clôturer' }).click();
      await page.getByText('Rapport figé (intervention clôturée)').waitFor();
      await page.screenshot({ path: join(screenshots, '6-closed.png'), fullPage: true });
      await page.context().close();
    });

    it('a partner reads the closed intervention and its report through the API', async () => {
      const admin = await signIn('admin@demo.relais.fr');
      const { createApiKey } = await api<{ createApiKey: { token: string } }>(
        'mutation { createApiKey(input: { name: "Test navigateur — lecture", scopes: ["maintenance:read"] }) { token } }',
        {},
        admin,
      );
      const { intervention } = await api<{
        intervention: {
          status: string;
          technicians: { fullName: string }[];
          report: {
            frozen: boolean;
            totalHours: string;
            travelCount: number;
            signerName: string;
            parts: { quantity: string; item: { code: string } }[];
          };
        };
      }>(
        'query($id: ID!) { intervention(id: $id) { status technicians { fullName } report { frozen totalHours travelCount signerName parts { quantity item { code } } } } }',
        { id: request.id },
        createApiKey.token,
      );
      expect(intervention.status).toBe('CLOSED');
      expect(intervention.technicians.map((t) => t.fullName)).toEqual([technicianName]);
      expect(intervention.report.frozen).toBe(true);
      expect(intervention.report.totalHours).toMatch(/^2\.50?$/);
      expect(intervention.report.travelCount).toBe(1);
      expect(intervention.report.signerName).toBe('Mme Le Gall');
      expect(intervention.report.parts.map((part) => part.item.code).toSorted()).toEqual(['CRR-SPA1250', 'FIL-G4-592']);
    });

    it('the billing clerk invoices it from À facturer, issues and sends it (the SMTP server gets the PDF) and downloads the PDF', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.goto(new URL('/facturation/a-facturer', backOfficeUrl).href);
      const row = page.getByRole('checkbox', { name: `Sélectionner ${request.number}` });
      await row.check();
      const group = page.getByTestId('billable-group').filter({ has: row });
      const estimate = await group.getByTestId('billable-selection-total').textContent();
      await page.screenshot({ path: join(screenshots, '7-billable.png') });
      await group.getByRole('button', { name: 'Créer la facture' }).click();
      await page.getByRole('heading', { name: 'Brouillon de facture' }).waitFor();
      await expect.poll(() => page.getByTestId('invoice-line').count()).toBeGreaterThan(0);
      // What À facturer estimated is what the draft bills.
      const gross = ((await page.getByTestId('invoice-total-gross').textContent()) ?? '').replace(/\s/g, ' ');
      expect((estimate ?? '').replace(/\s/g, ' ')).toContain(`${gross} TTC`);

      await page.getByRole('button', { name: 'Émettre', exact: true }).click();
      await page.getByRole('button', { name: 'Émettre définitivement' }).click();
      await page.getByRole('heading', { name: /^Facture F-/ }).waitFor();
      const number = (await page.getByTestId('invoice-number').textContent()) ?? '';
      expect(number).toMatch(/^F-\d{4}-\d{5}$/);

      // Sent to the customer's address: the real SMTP server receives the Factur-X PDF.
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByTestId('deliveries').waitFor();
      const mail = await mailAbout(`Facture ${number} `);
      // The transfer QR code (inline image of the HTML part), then the Factur-X PDF.
      expect(mail.attachments).toEqual([
        expect.objectContaining({ filename: 'virement-qr.png', contentType: 'image/png' }),
        expect.objectContaining({ filename: `${number}.pdf`, contentType: 'application/pdf' }),
      ]);
      expect(await page.getByTestId('invoice-status').textContent()).toBe('Envoyée');
      // The page follows the outbox until the mail is delivered.
      await page.getByTestId('deliveries').getByText('Envoyé', { exact: true }).waitFor();

      // The download link works with the clerk's authorisation, through the back-office origin.
      const href = await page.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href');
      const download = await page.request.get(new URL(href!, page.url()).href);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);
      const pdf = await download.body();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(mail.attachments[1]!.sha256);
      writeFileSync(join(screenshots, `${number}.pdf`), pdf);
      await page.screenshot({ path: join(screenshots, '8-invoice-sent.png'), fullPage: true });
      await page.context().close();
    });
  },
  90_000,
);
