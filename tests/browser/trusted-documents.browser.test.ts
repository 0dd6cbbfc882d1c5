import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceBundle } from '../../scripts/build-services';
import { freePort, startProcess, stopProcess, waitForHealth } from '../../scripts/stack';
import { browserSkipReason, launchChromium } from '../support/browser';

/**
 * The back-office against a gateway that requires trusted documents (TRUSTED_DOCUMENTS=require-for-sessions,
 * as in docker-compose and `pnpm start`): it signs in and shows each app's pages, and every GraphQL request it
 * sends names a registered document by id, never a text (docs/api.md, "Trusted documents").
 */
const skipReason = browserSkipReason(inject('backOfficeUrl'));

interface Sent {
  body: Record<string, unknown>;
  status: number;
  codes: string[];
}

describe.skipIf(skipReason !== null)(`trusted documents in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let gateway: ChildProcess;
  let backOffice: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    gateway = startProcess('gateway-trusted-documents', serviceBundle('gateway'), {
      APP_DATABASE_URL: inject('appDatabaseUrl'),
      SESSION_SECRET: inject('sessionSecret'),
      INTERNAL_IDENTITY_SECRET: inject('internalSecret'),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: String(port),
      TRUSTED_DOCUMENTS: 'require-for-sessions',
      ...Object.fromEntries(Object.entries(inject('subgraphUrls')).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph])),
    });
    await waitForHealth(`http://127.0.0.1:${port}/health`, gateway, 'gateway requiring trusted documents');
    const { serveBackOffice } = (await import(path.resolve(import.meta.dirname, '../../frontends/shell/server/serve.ts'))) as {
      serveBackOffice(opts: { port: number; gatewayUrl: string }): Promise<{ url: string; close(): Promise<void> }>;
    };
    backOffice = await serveBackOffice({ port: await freePort(), gatewayUrl: `http://127.0.0.1:${port}/graphql` });
    browser = await launchChromium();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await backOffice?.close();
    if (gateway) await stopProcess(gateway);
  });

  /** Every POST /graphql of the page: its body and its answer's status and error codes. */
  function recordGraphql(page: Page): Sent[] {
    const sent: Sent[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const answer = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      sent.push({
        body: JSON.parse(request.postData() ?? '{}') as Record<string, unknown>,
        status: response.status(),
        codes: (answer.errors ?? []).map((e) => e.extensions?.code ?? ''),
      });
    });
    return sent;
  }

  it('signs in and opens the billing, planning and finance pages, sending only document ids', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const sent = recordGraphql(page);
    await page.goto(backOffice.url);
    await page.getByLabel('Adresse e-mail').fill('admin@demo.relais.fr');
    await page.getByLabel('Mot de passe').fill('relais-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    for (const [route, heading] of [
      ['/facturation/clients', 'Clients'],
      ['/facturation/factures', 'Factures'],
      ['/planning/interventions', 'Interventions'],
      ['/finance/payments', 'Encaissements'],
    ] as const) {
      await page.goto(`${backOffice.url}${route}`);
      await page.getByRole('heading', { name: heading, exact: false }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await expect.poll(() => sent.length).toBeGreaterThan(4);
    expect(sent.some((request) => request.body.operationName === 'Login')).toBe(true);
    for (const request of sent) {
      expect(request.body).toHaveProperty('documentId', expect.stringMatching(/^sha256:[0-9a-f]{64}$/));
      expect(request.body).not.toHaveProperty('query');
      expect(request.status).toBe(200);
      expect(request.codes).toEqual([]);
    }
    await context.close();
  });
});
