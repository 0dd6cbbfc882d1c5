/**
 * `pnpm bench`: scratch database with generated data, the federated stack on free ports, then for
 * each scenario the gateway and its hand-written baseline under the same autocannon load; prints a
 * table and rewrites docs/benchmarks.md. Everything started is stopped, also on failure or Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import {
  DEMO_PASSWORD,
  IDENTITY_HEADER,
  databaseName,
  localDate,
  prepareDatabase,
  signInternalIdentity,
  verifySessionToken,
} from '@relais/domain';
import { freePort, startStack, type RunningStack } from '../scripts/stack';
import { spawnBaselineServer } from './baseline-server';
import { BILLING_SCENARIOS } from './billing';
import { COLLECTIONS_SCENARIOS } from './collections';
import { generateCollectionsTenant } from './collections-data';
import { generateBillingTenant, type BillingTenant } from './billing-data';
import { CONTRACT_SCENARIOS } from './contract-billing';
import { DASHBOARD_SCENARIOS } from './dashboard';
import { generateDashboardTenant, type DashboardTenant } from './dashboard-data';
import { generateContractTenant } from './contract-billing-data';
import { FEC_SCENARIOS } from './fec';
import { generateFecTenant, type FecTenant } from './fec-data';
import { generateCustomers, tenantIdOf } from './data';
import { measureProcessMemory, MEMORY_SCENARIO_ID } from './memory';
import { graphqlRequestBody, login, type GraphQLBody } from './graphql';
import { measure, probe, type LoadTarget } from './measure';
import {
  describeEnvironment,
  formatTable,
  loadSection,
  writeMarkdown,
  type ScenarioResult,
  type SectionResult,
  type TargetResult,
} from './report';
import { SCENARIOS, type Scenario, type ScenarioContext } from './scenarios';
import { loadSettings, type BenchSettings } from './settings';

const root = path.resolve(import.meta.dirname, '..');
const TENANT_USER = 'facturation@demo.relais.fr';
const step = (message: string) => console.log(`\x1b[36m[bench]\x1b[0m ${message}`);

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let shuttingDown: Promise<void> | null = null;

function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    while (cleanups.length) {
      const task = cleanups.pop()!;
      try {
        await task.run();
      } catch (error) {
        console.error(`[bench] stopping ${task.name} failed:`, error);
      }
    }
  })();
  return shuttingDown;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    step(`${signal}: stopping`);
    void shutdown().finally(() => process.exit(130));
  });
}

async function postgresVersion(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return `PostgreSQL ${result.rows[0]!.server_version.split(' ')[0]}`;
  } finally {
    await client.end();
  }
}

interface Running {
  stack: RunningStack;
  token: string;
  /** The stack's secrets: the bench signs an identity as the gateway does to load a subgraph alone. */
  secrets: { session: string; internal: string };
  tenantId: string;
  appUrl: string;
  context: ScenarioContext;
  settings: BenchSettings;
}

function graphqlData(name: string, response: { status: number; body: unknown }): unknown {
  const body = response.body as GraphQLBody;
  if (response.status !== 200 || typeof body !== 'object' || body === null) {
    throw new Error(`${name} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  if (body.errors?.length) throw new Error(`${name} answered errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

async function countCustomers(adminUrl: string, tenantId: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const count = Number(
      (await client.query<{ count: string }>('select count(*) from customers where tenant_id = $1', [tenantId])).rows[0]!.count,
    );
    await client.query('commit');
    return count;
  } finally {
    await client.end();
  }
}

async function runScenario(scenario: Scenario, run: Running): Promise<ScenarioResult> {
  const { settings } = run;
  const load = { connections: settings.connections, duration: settings.duration, warmup: settings.warmup };
  const notes: string[] = [];
  const targets: TargetResult[] = [];

  const gateway: LoadTarget = {
    url: run.stack.gatewayUrl,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token}` },
    body: graphqlRequestBody(scenario.query, scenario.variables, scenario.operationName),
    metricsUrl: run.stack.subgraphUrls[scenario.sqlSubgraphs[0]!].replace(/\/graphql$/, '/metrics'),
    cpuPids: { gateway: run.stack.pids.gateway, [scenario.sqlSubgraphs[0]!]: run.stack.pids[scenario.sqlSubgraphs[0]!] },
  };
  const extraSubgraphs = scenario.sqlSubgraphs.slice(1);
  if (extraSubgraphs.length)
    notes.push(`SQL/request counts the ${scenario.sqlSubgraphs[0]} subgraph only (not ${extraSubgraphs.join(', ')}).`);

  const gatewayData = graphqlData('gateway', await probe(gateway));
  scenario.verify(gatewayData, run.context);
  step(
    `${scenario.id}: gateway response checked; measuring (${load.warmup} s warm-up + ${load.duration} s, ${load.connections} connections)`,
  );
  targets.push({ name: 'gateway (federated)', measurement: await measure(gateway, load) });
  scenario.verify(graphqlData('gateway after the load', await probe(gateway)), run.context);

  // The subgraph alone, called as the gateway calls it (signed identity header, 60 s token), with the same document:
  // what the gateway adds shows as the difference between the two rows.
  const subgraphName = scenario.sqlSubgraphs[0]!;
  if (load.warmup + load.duration > 50) {
    notes.push(`subgraph alone not measured: the signed identity lives 60 s, warm-up + duration is ${load.warmup + load.duration} s.`);
  } else {
    const identity = await verifySessionToken(run.token, run.secrets.session);
    const alone: LoadTarget = {
      url: run.stack.subgraphUrls[subgraphName],
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signInternalIdentity(identity, run.secrets.internal) },
      body: gateway.body,
      metricsUrl: gateway.metricsUrl,
      cpuPids: { [subgraphName]: run.stack.pids[subgraphName] },
    };
    const aloneData = graphqlData(`${subgraphName} subgraph`, await probe(alone));
    if (!isDeepStrictEqual(aloneData, gatewayData))
      throw new Error(`${scenario.id}: the ${subgraphName} subgraph's data differs from the gateway's`);
    step(`${scenario.id}: ${subgraphName} subgraph alone checked (same data as the gateway); measuring`);
    targets.push({ name: `${subgraphName} subgraph alone`, measurement: await measure(alone, load) });
  }

  let ratioToBaseline: number | null = null;
  let subgraphRatioToBaseline: number | null = null;
  if (scenario.baseline) {
    const baseline = await spawnBaselineServer({
      appDatabaseUrl: run.appUrl,
      tenantId: run.tenantId,
      query: scenario.baseline,
      port: await freePort(),
    });
    const cleanup = { name: 'baseline server', run: baseline.stop };
    cleanups.push(cleanup);
    try {
      const target: LoadTarget = {
        url: baseline.url,
        headers: { 'content-type': 'application/json' },
        body: gateway.body,
        metricsUrl: baseline.metricsUrl,
        cpuPids: { baseline: baseline.pid },
      };
      const baselineData = graphqlData('baseline', await probe(target));
      scenario.verify(baselineData, run.context);
      if (!isDeepStrictEqual(baselineData, gatewayData)) throw new Error(`${scenario.id}: the baseline's data differs from the gateway's`);
      step(`${scenario.id}: baseline response checked (same data as the gateway); measuring`);
      targets.push({ name: 'baseline (node:http + pg)', measurement: await measure(target, load) });
    } finally {
      if (cleanups.includes(cleanup)) cleanups.splice(cleanups.indexOf(cleanup), 1);
      await baseline.stop();
    }
    const baselineRate = targets.at(-1)!.measurement.requestsPerSecond;
    ratioToBaseline = targets[0]!.measurement.requestsPerSecond / baselineRate;
    const aloneTarget = targets.find((t) => t.name.endsWith('subgraph alone'));
    if (aloneTarget) subgraphRatioToBaseline = aloneTarget.measurement.requestsPerSecond / baselineRate;
  }
  const cpu = targets.map(
    ({ name, measurement: m }) =>
      `${name}: ${Object.entries(m.cpuMsPerRequest)
        .map(([process, ms]) => `${process} ${ms.toFixed(2)} + `)
        .join('')}PostgreSQL ${m.postgresCpuMsPerRequest.toFixed(2)}, whole machine ${m.machineCpuMsPerRequest.toFixed(2)} ` +
      `(at most ${Math.round((os.cpus().length * 1000) / m.machineCpuMsPerRequest)} req/s on ${os.cpus().length} CPUs)`,
  );
  notes.push(
    "CPU ms per request (user + system, from /proc; moved by the machine's load far less than req/s and latencies; the whole " +
      `machine includes the load generator): ${cpu.join('; ')}.`,
  );
  for (const { name, measurement } of targets) {
    if (measurement.non2xx || measurement.errors)
      notes.push(`${name}: ${measurement.non2xx} non-2xx responses and ${measurement.errors} errors (${measurement.timeouts} timeouts).`);
  }
  return { scenario, targets, ratioToBaseline, subgraphRatioToBaseline, notes };
}

async function main(): Promise<void> {
  const settings = loadSettings();
  const selected = (id: string) => !settings.scenarios.length || settings.scenarios.includes(id);
  const scenarios = SCENARIOS.filter((s) => selected(s.id));
  const billingScenarios = BILLING_SCENARIOS.filter((s) => selected(s.id));
  const contractScenarios = CONTRACT_SCENARIOS.filter((s) => selected(s.id));
  const collectionsScenarios = COLLECTIONS_SCENARIOS.filter((s) => selected(s.id));
  const dashboardScenarios = DASHBOARD_SCENARIOS.filter((s) => selected(s.id));
  const fecScenarios = FEC_SCENARIOS.filter((s) => selected(s.id));
  const memory = selected(MEMORY_SCENARIO_ID);
  if (
    !scenarios.length &&
    !billingScenarios.length &&
    !contractScenarios.length &&
    !collectionsScenarios.length &&
    !dashboardScenarios.length &&
    !fecScenarios.length &&
    !memory
  )
    throw new Error(
      `no scenario matches BENCH_SCENARIOS (known: ${[
        ...SCENARIOS,
        ...BILLING_SCENARIOS,
        ...CONTRACT_SCENARIOS,
        ...COLLECTIONS_SCENARIOS,
        ...DASHBOARD_SCENARIOS,
        ...FEC_SCENARIOS,
      ]
        .map((s) => s.id)
        .concat(MEMORY_SCENARIO_ID)
        .join(', ')})`,
    );

  const db = await prepareDatabase({
    embedded: { dataDir: path.join(root, '.data/bench-postgres'), port: Number(process.env.BENCH_PG_PORT ?? (await freePort())) },
    // BENCH_DATABASE: another name, so that two runs on one DATABASE_URL server do not drop each other's database.
    database: process.env.BENCH_DATABASE ?? 'relais_bench',
    forceDatabaseName: true,
    fresh: true,
    seed: true,
    log: step,
  });
  cleanups.push({ name: 'PostgreSQL', run: db.stop });
  if (shuttingDown) return;

  const tenantId = await tenantIdOf(db.adminUrl, TENANT_USER);
  const dataLines: string[] = [];
  let tenantCustomers = 0;
  if (scenarios.length) {
    step(`generating ${settings.customers} customers with sites and contacts for the demo tenant`);
    const data = await generateCustomers(db.adminUrl, tenantId, settings.customers);
    step(
      `inserted ${data.customers} customers, ${data.sites} sites, ${data.contacts} contacts in ${(data.milliseconds / 1000).toFixed(1)} s`,
    );
    tenantCustomers = await countCustomers(db.adminUrl, tenantId);
    dataLines.push(
      `${tenantCustomers} customers in the measured tenant (${data.customers} generated: ${data.sites} sites, ${data.contacts} contacts)`,
    );
  }
  let billingTenant: BillingTenant | null = null;
  if (billingScenarios.length) {
    step(`generating the billing tenant: 2 × ${settings.invoices} closed interventions with labour, travel and parts`);
    billingTenant = await generateBillingTenant(db.adminUrl, settings.invoices);
    const b = billingTenant;
    step(`billing tenant ready in ${(b.milliseconds / 1000).toFixed(1)} s`);
    dataLines.push(
      `billing tenant: ${b.gatewaySet.length + b.inProcessSet.length + b.concurrentSet.length} closed interventions (${b.labourEntries} labour entries, ` +
        `${b.partsUsed} parts) for ${b.customers} customers, ${b.contracts} of them under contract`,
    );
  }
  const contractTenant = contractScenarios.length
    ? await (async () => {
        step(`generating the contract billing tenant: ${settings.contracts} customers, each with a contract billed from today`);
        const t = await generateContractTenant(db.adminUrl, settings.contracts, localDate(new Date()));
        step(`contract billing tenant ready in ${(t.milliseconds / 1000).toFixed(1)} s`);
        dataLines.push(
          `contract billing tenant: ${t.contracts} contracts with ${t.feeLines} fee lines (${t.indexedContracts} indexed) for ` +
            `${t.customers} customers (${t.sites} sites)`,
        );
        return t;
      })()
    : null;
  const collectionsTenant = collectionsScenarios.length
    ? await (async () => {
        step(
          `generating the collections tenant: ${settings.openInvoices} open overdue invoices and a statement of ${settings.movements} movements`,
        );
        const t = await generateCollectionsTenant(db.adminUrl, { openInvoices: settings.openInvoices, movements: settings.movements });
        step(`collections tenant ready in ${(t.milliseconds / 1000).toFixed(1)} s`);
        dataLines.push(
          `collections tenant: ${t.openInvoices} open overdue invoices (${t.openTotal} €) for ${t.customers} customers ` +
            `(${t.ibanCustomers} with a known IBAN), ${t.reminders} reminders sent; a CAMT.053 statement of ${t.statement.movements} movements`,
        );
        return t;
      })()
    : null;
  let dashboardTenant: DashboardTenant | null = null;
  if (dashboardScenarios.length) {
    step(`generating the dashboard tenant: ${settings.dashboardInvoices} invoices over two years, with their payments and interventions`);
    dashboardTenant = await generateDashboardTenant(db.adminUrl, settings.dashboardInvoices);
    const t = dashboardTenant;
    step(`dashboard tenant ready in ${(t.milliseconds / 1000).toFixed(1)} s`);
    dataLines.push(
      `dashboard tenant: ${t.invoices} invoices and ${t.creditNotes} credit notes over two years (${t.openInvoices} open) for ` +
        `${t.customers} customers, ${t.payments} paid, ${t.interventions} interventions, ${t.contracts} contracts`,
    );
  }
  let fecTenant: FecTenant | null = null;
  if (fecScenarios.length) {
    step(`generating the FEC tenant: a fiscal year of ${settings.fecLines} journal lines, ten months closed`);
    fecTenant = await generateFecTenant(db.adminUrl, settings.fecLines, step);
    const t = fecTenant;
    step(`FEC tenant ready in ${(t.milliseconds / 1000).toFixed(1)} s`);
    dataLines.push(
      `FEC tenant: ${t.lines} journal lines in ${t.entries} entries (${t.invoices} sales, ${t.receipts} receipts) for ` +
        `${t.customers} customers, ${t.validatedEntries} entries validated by ten closings, ${t.provisionalEntries} in two open months`,
    );
  }
  const postgres = await postgresVersion(db.adminUrl);

  const results: SectionResult[] = [];
  let loadBefore: number | null = null;
  const noteLoad = () => {
    if (loadBefore !== null) return;
    loadBefore = os.loadavg()[0]!;
    step(`1-minute load average before measuring: ${loadBefore.toFixed(2)} on ${os.availableParallelism()} CPUs`);
  };
  /** The read and billing scenarios, through the federated stack. */
  async function runStackScenarios(): Promise<void> {
    step('starting the subgraphs and the gateway');
    // One user sends thousands of requests a minute here: its calls are still counted, never refused.
    process.env.RATE_LIMIT_PER_USER ??= '1000000000';
    process.env.RATE_LIMIT_PER_API_KEY ??= '1000000000';
    const secrets = { session: randomBytes(32).toString('base64url'), internal: randomBytes(32).toString('base64url') };
    const stack = await startStack({
      appDatabaseUrl: db.appUrl,
      sessionSecret: secrets.session,
      internalSecret: secrets.internal,
      gatewayPort: await freePort(),
      subgraphPorts: { platform: await freePort(), maintenance: await freePort(), billing: await freePort(), finance: await freePort() },
      logLevel: 'warn',
      onOutput: (service, line) => {
        if (shuttingDown) return; // PostgreSQL may stop first on Ctrl-C: the subgraphs' complaints are expected
        if (/"level":(50|60)/.test(line) || (!line.startsWith('{') && !line.includes('inline tracing')))
          console.error(`  ${service} | ${line}`);
      },
    });
    const stackCleanup = { name: 'stack', run: stack.stop };
    cleanups.push(stackCleanup);
    if (shuttingDown) return;
    const token = await login(stack.gatewayUrl, TENANT_USER, DEMO_PASSWORD);
    noteLoad();

    const run: Running = { stack, token, secrets, tenantId, appUrl: db.appUrl, context: { tenantCustomers }, settings };
    for (const scenario of scenarios) {
      results.push(loadSection(await runScenario(scenario, run)));
      console.log(`\n${formatTable(results.at(-1)!)}\n`);
    }
    if (dashboardTenant) {
      const dashboardRun = {
        tenant: dashboardTenant,
        gatewayUrl: stack.gatewayUrl,
        token: await login(stack.gatewayUrl, dashboardTenant.email, DEMO_PASSWORD),
        financeMetricsUrl: stack.subgraphUrls.finance.replace(/\/graphql$/, '/metrics'),
        appUrl: db.appUrl,
        settings,
        log: step,
      };
      for (const scenario of dashboardScenarios) {
        results.push(await scenario.run(dashboardRun));
        console.log(`\n${formatTable(results.at(-1)!)}\n`);
      }
    }
    if (fecTenant) {
      const fecRun = {
        tenant: fecTenant,
        gatewayUrl: stack.gatewayUrl,
        pids: { finance: stack.pids.finance, gateway: stack.pids.gateway },
        adminUrl: db.adminUrl,
        appUrl: db.appUrl,
        settings,
        log: step,
      };
      for (const scenario of fecScenarios) {
        results.push(await scenario.run(fecRun));
        console.log(`\n${formatTable(results.at(-1)!)}\n`);
      }
    }
    if (billingTenant) {
      const billingRun = {
        tenant: billingTenant,
        gatewayUrl: stack.gatewayUrl,
        token: await login(stack.gatewayUrl, billingTenant.email, DEMO_PASSWORD),
        billingMetricsUrl: stack.subgraphUrls.billing.replace(/\/graphql$/, '/metrics'),
        cpuPids: { gateway: stack.pids.gateway, billing: stack.pids.billing },
        adminUrl: db.adminUrl,
        appUrl: db.appUrl,
        settings,
        log: step,
      };
      for (const scenario of billingScenarios) {
        results.push(await scenario.run(billingRun));
        console.log(`\n${formatTable(results.at(-1)!)}\n`);
      }
    }
    if (memory) {
      results.push(
        await measureProcessMemory({
          gatewayUrl: stack.gatewayUrl,
          token: await login(stack.gatewayUrl, 'admin@demo.relais.fr', DEMO_PASSWORD),
          pids: stack.pids,
          previousScenarios: [...scenarios, ...dashboardScenarios, ...fecScenarios, ...billingScenarios].map((s) => s.id),
          log: step,
        }),
      );
      console.log(`\n${formatTable(results.at(-1)!)}\n`);
    }
    if (shuttingDown || !cleanups.includes(stackCleanup)) return;
    cleanups.splice(cleanups.indexOf(stackCleanup), 1);
    await stack.stop();
  }
  if (scenarios.length || billingScenarios.length || dashboardScenarios.length || fecScenarios.length || memory) await runStackScenarios();
  if (shuttingDown) return;
  // The contract billing run and the collections need no HTTP stack: they run once it has stopped, on a quiet machine, and
  // the jobs they queue (the contract invoices' sending: thousands of PDFs) are not taken by a billing service measured meanwhile.
  if (contractTenant) {
    noteLoad();
    for (const scenario of contractScenarios) {
      results.push(await scenario.run({ tenant: contractTenant, adminUrl: db.adminUrl, appUrl: db.appUrl, settings, log: step }));
      console.log(`\n${formatTable(results.at(-1)!)}\n`);
    }
  }
  if (collectionsTenant) {
    noteLoad();
    for (const scenario of collectionsScenarios) {
      results.push(await scenario.run({ tenant: collectionsTenant, adminUrl: db.adminUrl, appUrl: db.appUrl, settings, log: step }));
      console.log(`\n${formatTable(results.at(-1)!)}\n`);
    }
  }

  if (settings.writeDocs) {
    const environment = describeEnvironment(
      postgres,
      `\`${databaseName(db.adminUrl)}\` on ${db.embedded ? 'the embedded PostgreSQL' : 'the DATABASE_URL server'}`,
      settings,
      dataLines.join('; '),
      loadBefore ?? os.loadavg()[0]!,
    );
    const file = path.join(root, 'docs/benchmarks.md');
    await writeMarkdown(file, results, environment);
    step(`wrote ${path.relative(root, file)}`);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error('\x1b[31m[bench] failed:\x1b[0m', error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
