/**
 * `pnpm start`: database (embedded unless DATABASE_URL), migrations, demo data on first run,
 * subgraphs, gateway and back-office; prints the URLs; Ctrl-C stops everything.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { DEMO_PASSWORD, prepareDatabase } from '@relais/domain';
import { startStack } from './stack';
import { startMailCatcherProcess } from './mail-catcher-process';
import { loadSecrets } from './secrets';
import { SUBGRAPHS } from './stack-config';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data');
const step = (message: string) => console.log(`\x1b[36m[relais]\x1b[0m ${message}`);
const verbose = process.env.LOG_LEVEL !== undefined;

/** Refuses to start over another process: its health checks would answer for ours. */
async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const busy: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) busy.push(`${port} (${name}, set ${name.toUpperCase()}_PORT to change it)`);
  }
  if (busy.length) throw new Error(`ports already in use: ${busy.join(', ')}; is Relais already running?`);
}

async function main() {
  const started = Date.now();
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  const subgraphPorts = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)]),
  );
  const backOfficePort = Number(process.env.BACKOFFICE_PORT ?? 5173);
  const mailPorts = process.env.SMTP_URL
    ? null
    : { mail_smtp: Number(process.env.MAIL_SMTP_PORT ?? 1025), mail_http: Number(process.env.MAIL_HTTP_PORT ?? 8025) };
  await assertPortsFree({ gateway: gatewayPort, ...subgraphPorts, backoffice: backOfficePort, ...mailPorts });
  const db = await prepareDatabase({
    embedded: { dataDir: path.join(dataDir, 'postgres'), port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) },
    database: 'relais',
    seed: process.env.DEMO_DATA !== 'false',
    demoFilesDir: path.join(dataDir, 'demo'),
    log: step,
  });
  const shutdownTasks: (() => Promise<void>)[] = [db.stop];
  const shutdown = async (code: number) => {
    step('stopping…');
    for (const task of shutdownTasks.reverse()) await task().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  try {
    const secrets = loadSecrets(dataDir);
    let smtpUrl = process.env.SMTP_URL;
    let mailInbox: string | null = null;
    if (mailPorts) {
      step('starting the mail catcher (outgoing mails are kept locally, never delivered)');
      const catcher = await startMailCatcherProcess({ smtpPort: mailPorts.mail_smtp, httpPort: mailPorts.mail_http });
      shutdownTasks.push(catcher.stop);
      smtpUrl = catcher.smtpUrl;
      mailInbox = `http://localhost:${mailPorts.mail_http}`;
    }
    step('starting subgraphs (platform, maintenance, billing, finance) and the gateway');
    // The back-office sends only registered documents: sessions may send nothing else (docs/api.md, trusted documents).
    process.env.TRUSTED_DOCUMENTS ??= 'require-for-sessions';
    const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
    const stack = await startStack({
      appDatabaseUrl: db.appUrl,
      ...secrets,
      gatewayPort,
      subgraphPorts: Object.fromEntries(
        SUBGRAPHS.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)]),
      ),
      logLevel: process.env.LOG_LEVEL ?? 'warn',
      subgraphEnv: {
        SMTP_URL: smtpUrl ?? '',
        MAIL_FROM: process.env.MAIL_FROM ?? 'no-reply@relais.localhost',
        // Invitation links open the back-office's password page.
        BACKOFFICE_URL: process.env.BACKOFFICE_URL || `http://${process.env.BACKOFFICE_HOST ?? '127.0.0.1'}:${backOfficePort}`,
        // Development: webhooks may be tried against a receiver on this machine (docs/api.md, "Webhooks").
        WEBHOOK_ALLOW_PRIVATE_HOSTS: process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS ?? 'localhost,127.0.0.1',
      },
      onOutput: (service, line) => {
        if (verbose || /"level":(50|60)|error/i.test(line)) console.log(`  ${service} | ${line}`);
      },
    });
    shutdownTasks.push(stack.stop);
    const backOfficeUrl = await startBackOffice(stack.gatewayUrl, backOfficePort);
    if (backOfficeUrl) shutdownTasks.push(backOfficeUrl.close);
    step(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`
  Back-office   ${backOfficeUrl?.url ?? '(not built)'}
  Portal        ${backOfficeUrl ? `${backOfficeUrl.url}/portail/climouest/ (customers' contacts sign in with a mailed link)` : '(not built)'}
  GraphQL API   ${stack.gatewayUrl}
  Mails         ${mailInbox ? `(caught locally)  ${mailInbox}` : `sent through ${new URL(smtpUrl ?? '').host}`}
  Database      ${db.embedded ? 'embedded PostgreSQL, data in .data/postgres' : 'DATABASE_URL'}
  Demo files    .data/demo (a bank statement to import in Finance > Banque)

  Demo logins (password ${DEMO_PASSWORD}):
    facturation@demo.relais.fr (billing)   planning@demo.relais.fr (planner)
    compta@demo.relais.fr (accountant)     technicien@demo.relais.fr (technician)
    admin@demo.relais.fr (admin)           admin@autre.relais.fr (admin, second tenant)

  Ctrl-C stops everything.
`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

async function startBackOffice(gatewayUrl: string, port: number): Promise<{ url: string; close(): Promise<void> } | null> {
  const serveModule = path.join(root, 'frontends/shell/server/serve.ts');
  if (!existsSync(serveModule)) return null;
  if (process.env.SKIP_FRONTEND_BUILD === 'true' && !existsSync(path.join(root, 'frontends/shell/dist'))) return null;
  if (process.env.SKIP_FRONTEND_BUILD !== 'true') {
    step('building the front ends (back-office shell, planning, billing, finance; field app; customer portal)');
    const build = spawnSync('pnpm', ['run', '--silent', 'build:frontends'], { cwd: root, stdio: verbose ? 'inherit' : 'pipe' });
    if (build.status !== 0) throw new Error(`front-end build failed:\n${build.stderr?.toString() ?? ''}`);
  }
  const { serveBackOffice } = (await import(serveModule)) as {
    serveBackOffice(opts: { port: number; host?: string; gatewayUrl: string }): Promise<{ url: string; close(): Promise<void> }>;
  };
  return serveBackOffice({ port, host: process.env.BACKOFFICE_HOST, gatewayUrl });
}

await main().catch((error: unknown) => {
  console.error(`\x1b[31m[relais]\x1b[0m ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
