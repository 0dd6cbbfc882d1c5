/**
 * The billing scenarios. Unlike the read scenarios they are not autocannon loads: converting then
 * issuing chains two mutations on the previous answer, and the documents are rendered in this
 * process. Each scenario measures its target and an in-process baseline in the same run, checks
 * the outcome in the database, and returns one section of docs/benchmarks.md.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  convertInterventionToInvoice,
  countQueries,
  createOrm,
  inTenantScope,
  issueInvoice,
  loadInvoiceDocument,
  newId,
  renderCiiXml,
  renderInvoicePdf,
  renderInvoicePdfInPool,
  closeRenderPool,
  renderThreadCount,
  type Identity,
  type Orm,
  type QueryCount,
} from '@relais/domain';
import type { BillingTenant } from './billing-data';
import { graphqlRequestBody, type GraphQLBody } from './graphql';
import { readMetrics } from './measure';
import { cpuMeter, formatCpuMs, machineBusyMs, postgresCpuMs, postgresCpuSince } from './proc-stats';
import { fixed, type SectionResult } from './report';
import type { BenchSettings } from './settings';

export interface BillingRun {
  tenant: BillingTenant;
  gatewayUrl: string;
  /** Session token of the billing tenant's user. */
  token: string;
  /** The billing subgraph's /metrics, for the SQL statements the gateway path costs. */
  billingMetricsUrl: string;
  /** The gateway's and the billing subgraph's processes, for their CPU time per invoice. */
  cpuPids: Readonly<Record<'gateway' | 'billing', number>>;
  adminUrl: string;
  appUrl: string;
  settings: BenchSettings;
  log(message: string): void;
}

export interface BillingScenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  run(run: BillingRun): Promise<SectionResult>;
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Nearest-rank percentile of durations in ms. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Runs `work` on every item with at most `concurrency` at a time; stops starting new ones after the first failure. */
async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (failure === null && next < items.length) {
        const item = items[next++]!;
        try {
          await work(item);
        } catch (error) {
          failure ??= error;
        }
      }
    }),
  );
  if (failure !== null) throw failure;
}

function billingIdentity(tenant: BillingTenant): Identity {
  return { kind: 'user', tenantId: tenant.tenantId, userId: tenant.userId, role: 'billing', email: tenant.email };
}

/** Runs `query` as the admin in a read-only transaction scoped to the tenant (row-level security is FORCEd). */
export async function tenantQuery<R extends pg.QueryResultRow>(
  adminUrl: string,
  tenantId: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin read only');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await client.query<R>(sql, params);
    await client.query('commit');
    return result.rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until the finance service's ledger worker has posted the bench tenant's facts (the convert +
 * issue scenario leaves about 2,000 issues to post, 30 s of work on this machine), so that a batch
 * measured next does not share PostgreSQL with that backlog.
 */
async function ledgerCaughtUp(run: BillingRun, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [waiting] = await tenantQuery<{ waiting: boolean }>(
      run.adminUrl,
      run.tenant.tenantId,
      'select exists (select 1 from ledger_tenants_to_post() t where t.id = $1) as waiting',
      [run.tenant.tenantId],
    );
    if (!waiting!.waiting) return (performance.now() - started) / 1000;
    check(performance.now() - started < timeoutMs, `the ledger had not posted the bench tenant's facts after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function appOrm(run: BillingRun, connections: number): Promise<Orm> {
  return createOrm(run.appUrl, { pool: { min: 0, max: connections } });
}

// ---------------------------------------------------------------------------------------------
// Convert + issue

const CONVERT = `mutation ConvertIntervention($interventionId: ID!) {
  convertInterventionToInvoice(interventionId: $interventionId) { id version }
}`;
const ISSUE = `mutation IssueInvoice($id: ID!, $expectedVersion: Int!) {
  issueInvoice(id: $id, expectedVersion: $expectedVersion) { id number status version }
}`;

interface Draft {
  id: string;
  version: number;
}

interface BatchResult {
  convertMs: number[];
  issueMs: number[];
  seconds: number;
  /** SQL statements per invoice (conversion + issue), null when not counted. */
  sqlPerInvoice: number | null;
  /** CPU ms per invoice of each process of the path, of PostgreSQL and of the whole machine (through the gateway only). */
  cpuMsPerInvoice?: Record<string, number>;
  postgresMsPerInvoice?: number;
  machineMsPerInvoice?: number;
  invoiceIds: string[];
}

async function convertAndIssueAll(
  interventionIds: readonly string[],
  concurrency: number,
  convert: (interventionId: string) => Promise<Draft>,
  issue: (draft: Draft) => Promise<void>,
): Promise<Omit<BatchResult, 'sqlPerInvoice'>> {
  const convertMs: number[] = [];
  const issueMs: number[] = [];
  const invoiceIds: string[] = [];
  const started = performance.now();
  await forEachConcurrently(interventionIds, concurrency, async (interventionId) => {
    const t0 = performance.now();
    const draft = await convert(interventionId);
    const t1 = performance.now();
    await issue(draft);
    const t2 = performance.now();
    convertMs.push(t1 - t0);
    issueMs.push(t2 - t1);
    invoiceIds.push(draft.id);
  });
  return { convertMs, issueMs, invoiceIds, seconds: (performance.now() - started) / 1000 };
}

/** One authenticated mutation through the gateway, as the billing clerk's app sends it; any error fails the run. */
async function callGateway<T>(run: BillingRun, operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(run.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token}` },
    body: graphqlRequestBody(query, variables, operationName),
  });
  const text = await response.text();
  let body: GraphQLBody<T> | null = null;
  try {
    body = JSON.parse(text) as GraphQLBody<T>;
  } catch {
    // reported below with the text
  }
  if (response.status !== 200 || !body?.data || body.errors?.length)
    throw new Error(`${operationName} through the gateway answered ${response.status}: ${text.slice(0, 500)}`);
  return body.data;
}

async function viaGateway(run: BillingRun): Promise<BatchResult> {
  const call = <T>(operationName: string, query: string, variables: Record<string, unknown>) =>
    callGateway<T>(run, operationName, query, variables);
  const before = await readMetrics(run.billingMetricsUrl);
  const cpu = cpuMeter(run.cpuPids);
  const [postgresBefore, machineBefore] = [postgresCpuMs(), machineBusyMs()];
  const result = await convertAndIssueAll(
    run.tenant.gatewaySet,
    run.settings.billingConcurrency,
    async (interventionId) =>
      (await call<{ convertInterventionToInvoice: Draft }>('ConvertIntervention', CONVERT, { interventionId }))
        .convertInterventionToInvoice,
    async (draft) => {
      const { issueInvoice: issued } = await call<{ issueInvoice: { id: string; number: string | null; status: string } }>(
        'IssueInvoice',
        ISSUE,
        { id: draft.id, expectedVersion: draft.version },
      );
      check(issued.id === draft.id && issued.status !== 'DRAFT' && !!issued.number, `issueInvoice answered ${JSON.stringify(issued)}`);
    },
  );
  const invoices = run.tenant.gatewaySet.length;
  const cpuMsPerInvoice = cpu(invoices);
  const postgresMsPerInvoice = postgresCpuSince(postgresBefore, postgresCpuMs()) / invoices;
  const machineMsPerInvoice = (machineBusyMs() - machineBefore) / invoices;
  const after = await readMetrics(run.billingMetricsUrl);
  const served = after.requests - before.requests;
  check(served === 2 * invoices, `the billing subgraph served ${served} requests, expected 2 per invoice`);
  return {
    ...result,
    sqlPerInvoice: (after.sqlQueries - before.sqlQueries) / invoices,
    cpuMsPerInvoice,
    postgresMsPerInvoice,
    machineMsPerInvoice,
  };
}

/** The domain functions the resolvers call, each in its own tenant-scoped transaction as a request would be. */
async function inProcess(orm: Orm, tenant: BillingTenant, interventionIds: readonly string[], concurrency: number): Promise<BatchResult> {
  const identity = billingIdentity(tenant);
  const counter: QueryCount = { queries: 0 };
  const scoped = <T>(operation: string, work: Parameters<typeof inTenantScope<T>>[3]) =>
    countQueries(counter, () => inTenantScope(orm, identity, { requestId: newId(), operation }, work));
  const result = await convertAndIssueAll(
    interventionIds,
    concurrency,
    (interventionId) =>
      scoped('ConvertIntervention', async (em) => {
        const invoice = await convertInterventionToInvoice(em, identity, interventionId);
        return { id: invoice.id, version: invoice.version };
      }),
    async (draft) => {
      await scoped('IssueInvoice', (em) => issueInvoice(em, draft.id, draft.version));
    },
  );
  return { ...result, sqlPerInvoice: interventionIds.length ? counter.queries / interventionIds.length : null };
}

/**
 * Checks in the database that the tenant's issued invoices are exactly `${series}-${year}-00001`
 * to the given count, no gap and no duplicate, and that the last batch's invoices and interventions match.
 */
async function checkIssued(run: BillingRun, expected: number, batch: { interventionIds: readonly string[]; invoiceIds: string[] }) {
  const { tenantId } = run.tenant;
  const invoices = await tenantQuery<{ id: string; number: string; issue_date: string }>(
    run.adminUrl,
    tenantId,
    `select id, number, issue_date::text from invoices where tenant_id = $1 and status = 'ISSUED' order by number`,
    [tenantId],
  );
  check(invoices.length === expected, `expected ${expected} issued invoices in the bench tenant, found ${invoices.length}`);
  const year = invoices[0]!.issue_date.slice(0, 4);
  invoices.forEach((invoice, i) => {
    const number = `F-${year}-${String(i + 1).padStart(5, '0')}`;
    check(invoice.number === number, `invoice numbers: expected ${number} at position ${i + 1}, found ${invoice.number}`);
  });
  const issuedIds = new Set(invoices.map((i) => i.id));
  check(
    batch.invoiceIds.length === batch.interventionIds.length && batch.invoiceIds.every((id) => issuedIds.has(id)),
    'an invoice of the batch is not issued',
  );
  const [links] = await tenantQuery<{ links: string; invoices: string; invoiced: string }>(
    run.adminUrl,
    tenantId,
    `select count(*) as links, count(distinct ii.invoice_id) as invoices,
            count(*) filter (where i.status = 'INVOICED') as invoiced
       from invoice_interventions ii join interventions i on i.tenant_id = ii.tenant_id and i.id = ii.intervention_id
      where ii.tenant_id = $1 and ii.intervention_id = any($2::uuid[])`,
    [tenantId, batch.interventionIds],
  );
  const n = String(batch.interventionIds.length);
  check(
    links!.links === n && links!.invoices === n && links!.invoiced === n,
    `expected each of the ${n} interventions INVOICED on its own invoice, got ${JSON.stringify(links)}`,
  );
  return { first: invoices[0]!.number, last: invoices.at(-1)!.number };
}

async function invoiceFacts(run: BillingRun) {
  const { tenantId } = run.tenant;
  const [lines] = await tenantQuery<{ mean: string; min: number; max: number }>(
    run.adminUrl,
    tenantId,
    `select avg(n)::numeric(6, 1)::text as mean, min(n) as min, max(n) as max
       from (select count(*)::int as n from invoice_lines where tenant_id = $1 group by invoice_id) per_invoice`,
    [tenantId],
  );
  // Included contract hours given beyond a contract's yearly allowance (all the bench's interventions are in the current contract year).
  const overused = await tenantQuery<{ reference: string; allowance: string; covered: string }>(
    run.adminUrl,
    tenantId,
    `select c.reference, (c.rate_card ->> 'includedLabourHoursPerYear')::numeric::text as allowance, sum(l.quantity)::numeric(8, 2)::text as covered
       from contracts c
       join interventions i on i.tenant_id = c.tenant_id and i.contract_id = c.id
       join invoice_lines l on l.tenant_id = i.tenant_id and l.intervention_id = i.id and l.kind = 'LABOUR' and l.covered_by_contract
      where c.tenant_id = $1
      group by c.tenant_id, c.id
     having sum(l.quantity) > (c.rate_card ->> 'includedLabourHoursPerYear')::numeric
      order by c.reference`,
    [tenantId],
  );
  return { lines: lines!, overused };
}

/** The goal of issue 13, in invoices/s through the gateway. */
const CONVERT_ISSUE_GOAL = 200;

const convertIssue: BillingScenario = {
  id: 'convert-issue',
  async run(run) {
    const { settings, tenant } = run;
    const n = tenant.gatewaySet.length;
    run.log(`convert-issue: converting and issuing ${n} interventions through the gateway (${settings.billingConcurrency} workers)`);
    const gateway = await viaGateway(run);
    const gatewayNumbers = await checkIssued(run, n, { interventionIds: tenant.gatewaySet, invoiceIds: gateway.invoiceIds });
    run.log(`convert-issue: gateway done in ${gateway.seconds.toFixed(1)} s, ${gatewayNumbers.first} … ${gatewayNumbers.last} checked`);

    run.log(`convert-issue: the same for ${tenant.inProcessSet.length} other interventions in-process`);
    const orm = await appOrm(run, settings.billingConcurrency + 2);
    let baseline: BatchResult;
    try {
      baseline = await inProcess(orm, tenant, tenant.inProcessSet, settings.billingConcurrency);
    } finally {
      await orm.close(true);
    }
    const allNumbers = await checkIssued(run, 2 * n, { interventionIds: tenant.inProcessSet, invoiceIds: baseline.invoiceIds });
    run.log(`convert-issue: in-process done in ${baseline.seconds.toFixed(1)} s, numbers checked up to ${allNumbers.last}`);
    const facts = await invoiceFacts(run);

    const row = (name: string, r: BatchResult) => [
      name,
      fixed(r.invoiceIds.length / r.seconds, 1),
      fixed(percentile(r.convertMs, 50), 0),
      fixed(percentile(r.convertMs, 99), 0),
      fixed(percentile(r.issueMs, 50), 0),
      fixed(percentile(r.issueMs, 99), 0),
      fixed(r.sqlPerInvoice, 1),
      String(r.invoiceIds.length),
      fixed(r.seconds, 1),
    ];
    const ratio = gateway.invoiceIds.length / gateway.seconds / (baseline.invoiceIds.length / baseline.seconds);
    const notes = [
      `Checked in the database: the ${n} invoices issued through the gateway are numbered ${gatewayNumbers.first} to ${gatewayNumbers.last}, ` +
        `the ${tenant.inProcessSet.length} issued in-process continue up to ${allNumbers.last}, with no gap and no duplicate; every ` +
        `intervention is INVOICED on an invoice of its own. Invoices have ${facts.lines.mean} lines on average (${facts.lines.min} to ${facts.lines.max}).`,
      'SQL/invoice counts the statements of both transactions (conversion and issue), `begin`/`commit` and session settings included: ' +
        'for the gateway from the billing subgraph’s `/metrics`, in-process from the same ORM query counter.',
      'Profile (`--cpu-prof` on every service during this scenario and the next, 2026-12-07, load average 22 on 2 CPUs: shares, ' +
        'not times; `pnpm exec tsx bench/cpu-profile-summary.ts <file>`): of the billing subgraph’s busy time MikroORM (unit of work, ' +
        'hydration, change sets, query building) takes 34 %, writing statements to PostgreSQL’s socket 11 % and the pg driver 6 %, ' +
        'GC 8 %, GraphQL (graphql, Apollo Server, type-graphql) 6 %, our own code 7 %, time zones and decimals 4 %; of the gateway’s, ' +
        'Node’s HTTP server and client 27 %, GraphQL execution and delegation 16 %, GC 8 %, Yoga and the fetch layer 9 %. ' +
        'Statements went first: 36.2 per invoice on 2026-12-06, now a conversion locks its interventions and their contracts in one ' +
        'statement (`lockInterventionsAndContracts`), reads every pricing input in one (`loadConversionInputs`) and writes the draft ' +
        'in one (its link, VAT and line inserts and the interventions’ move to INVOICED carried with the invoice’s insert: ' +
        '`flushInOneStatement`); an issue locks the draft and reads its lines, breakdown, customer, VAT rates and closed periods in ' +
        'one statement, then takes the series lock, reads the clock, moves the counter and writes the invoice with its fact in one ' +
        '(`issueStatement`). What remains per invoice: `begin` + session settings (one round trip, two statements) and `commit` of ' +
        'each transaction (6), and the 5 statements above, with or without a contract.',
    ];
    if (gateway.cpuMsPerInvoice)
      notes.push(
        `CPU ms per invoice through the gateway (user + system from /proc, both mutations): ` +
          `${formatCpuMs(gateway.cpuMsPerInvoice)}, PostgreSQL (every \`postgres\` process of this machine) ` +
          `${fixed(gateway.postgresMsPerInvoice ?? null, 2)}; the whole machine (load generator included) ` +
          `${fixed(gateway.machineMsPerInvoice ?? null, 2)}. At ${CONVERT_ISSUE_GOAL} invoices/s two cores give 10 ms of CPU per invoice ` +
          'to every process together, PostgreSQL and the load generator included.',
      );
    if (facts.overused.length)
      notes.push(
        `Contracts given more included labour hours than their yearly allowance: ${facts.overused.length} of ${tenant.contracts} ` +
          `(e.g. ${facts.overused[0]!.reference}: ${facts.overused[0]!.covered} h for ${facts.overused[0]!.allowance} h): concurrent ` +
          'conversions of interventions under one contract each read the hours consumed before the other committed.',
      );
    return {
      title: 'Billing: convert and issue closed interventions',
      description:
        `The billing clerk’s batch: ${n} CLOSED interventions (each with 1–3 labour entries, 1–2 travels and 4–7 parts; ` +
        `${Math.round((tenant.contracts / tenant.customers) * 100)} % of the customers under a maintenance contract with its rate card and included hours) ` +
        `of a tenant of their own (so its invoice numbers start at 00001), each converted to a draft invoice then issued, ` +
        `${settings.billingConcurrency} at a time. Through the gateway: two authenticated HTTP mutations per invoice, the second ` +
        'sent with the version the first returned. The baseline does the same to another set of equal size in this process, calling ' +
        'the domain functions the resolvers call (`convertInterventionToInvoice`, `issueInvoice`), each in its own tenant-scoped ' +
        'transaction: the difference is the cost of HTTP, the gateway and the subgraph. Invoices/s is invoices over the wall-clock ' +
        'time of the whole batch; latencies are per mutation.',
      query: `${CONVERT}\n\n${ISSUE}`,
      headings: [
        'target',
        'invoices/s',
        'convert p50 ms',
        'convert p99 ms',
        'issue p50 ms',
        'issue p99 ms',
        'SQL/invoice',
        'invoices',
        'seconds',
      ],
      rows: [row('gateway (federated, HTTP)', gateway), row('in-process (domain functions)', baseline)],
      ratio: `gateway / in-process invoices/s = ${ratio.toFixed(3)} (in-process is ${(1 / ratio).toFixed(1)}× faster)`,
      notes,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Concurrent issues

/**
 * CONCURRENT_ISSUES drafts (converted in-process first, not measured) issued all at once through
 * the gateway: they queue on the series lock, so the p99 is how long the last one waited. Checked
 * in the database: the tenant's F numbers still run from 00001 without gap or duplicate, the batch
 * holds consecutive numbers, and a later number never carries an earlier issue time.
 */
const concurrentIssue: BillingScenario = {
  id: 'concurrent-issue',
  async run(run) {
    const { tenant, settings } = run;
    const count = tenant.concurrentSet.length;
    run.log(`concurrent-issue: converting ${count} interventions in-process (not measured)`);
    const identity = billingIdentity(tenant);
    const orm = await appOrm(run, settings.billingConcurrency + 2);
    const drafts: Draft[] = [];
    try {
      await forEachConcurrently(tenant.concurrentSet, settings.billingConcurrency, async (interventionId) => {
        drafts.push(
          await inTenantScope(orm, identity, { requestId: newId(), operation: 'ConvertIntervention' }, async (em) => {
            const invoice = await convertInterventionToInvoice(em, identity, interventionId);
            return { id: invoice.id, version: invoice.version };
          }),
        );
      });
    } finally {
      await orm.close(true);
    }
    const waited = await ledgerCaughtUp(run);
    run.log(`concurrent-issue: waited ${waited.toFixed(1)} s for the ledger to post the facts of the scenarios before`);

    run.log(`concurrent-issue: issuing the ${count} drafts at once through the gateway`);
    const before = await readMetrics(run.billingMetricsUrl);
    const cpu = cpuMeter(run.cpuPids);
    const [postgresBefore, machineBefore] = [postgresCpuMs(), machineBusyMs()];
    const latencies: number[] = [];
    const started = performance.now();
    const issued = await Promise.all(
      drafts.map(async (draft) => {
        const t0 = performance.now();
        const { issueInvoice: invoice } = await callGateway<{ issueInvoice: { id: string; number: string | null; status: string } }>(
          run,
          'IssueInvoice',
          ISSUE,
          { id: draft.id, expectedVersion: draft.version },
        );
        latencies.push(performance.now() - t0);
        check(
          invoice.id === draft.id && invoice.status !== 'DRAFT' && !!invoice.number,
          `issueInvoice answered ${JSON.stringify(invoice)}`,
        );
        return invoice.number!;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuMsPerIssue = cpu(count);
    const postgresMsPerIssue = postgresCpuSince(postgresBefore, postgresCpuMs()) / count;
    const machineMs = machineBusyMs() - machineBefore;
    const after = await readMetrics(run.billingMetricsUrl);
    check(
      after.requests - before.requests === count,
      `the billing subgraph served ${after.requests - before.requests} requests, expected ${count}`,
    );

    // Contiguous: the tenant's whole series, the batch's numbers as one block, chronological.
    const series = await tenantQuery<{ number: string; issued_at: Date }>(
      run.adminUrl,
      tenant.tenantId,
      `select number, issued_at from invoices where tenant_id = $1 and status = 'ISSUED' and series = 'F' order by number`,
      [tenant.tenantId],
    );
    const value = (number: string) => Number(number.slice(-5));
    series.forEach((invoice, i) => {
      check(value(invoice.number) === i + 1, `invoice numbers: expected ${i + 1} at position ${i + 1}, found ${invoice.number}`);
      if (i > 0)
        check(
          invoice.issued_at.getTime() >= series[i - 1]!.issued_at.getTime(),
          `${invoice.number} was issued before ${series[i - 1]!.number}`,
        );
    });
    const batch = issued.map(value).sort((a, b) => a - b);
    check(
      new Set(batch).size === count && batch.at(-1)! - batch[0]! === count - 1,
      `the ${count} concurrent issues are not one block of numbers: ${batch.join(', ')}`,
    );
    const sorted = [...issued].sort();
    return {
      title: 'Billing: 100 concurrent issues',
      description:
        `${count} draft invoices of the bench tenant (converted beforehand, not measured) issued at the same moment: ${count} ` +
        'authenticated `issueInvoice` mutations sent at once through the gateway. Each issue takes the series lock ' +
        '(numbers are gapless and chronological per tenant, series and year), so they queue there: the p99 is the wait of the last ' +
        'ones. Latencies are per mutation, from sending to the answer; SQL/issue from the billing subgraph’s `/metrics`.',
      query: ISSUE,
      headings: ['target', 'issues', 'seconds', 'issues/s', 'p50 ms', 'p99 ms', 'max ms', 'SQL/issue'],
      rows: [
        [
          `gateway, ${count} at once`,
          String(count),
          fixed(seconds, 2),
          fixed(count / seconds, 1),
          fixed(percentile(latencies, 50), 0),
          fixed(percentile(latencies, 99), 0),
          fixed(Math.max(...latencies), 0),
          fixed((after.sqlQueries - before.sqlQueries) / count, 1),
        ],
      ],
      ratio: null,
      notes: [
        `Checked in the database: the batch holds ${sorted[0]} to ${sorted.at(-1)}, one block; the tenant's ${series.length} issued ` +
          'invoices are numbered from 00001 with no gap and no duplicate, and number order is issue-time order.',
        'Issues of one series pass the lock one at a time, so the last one waits for all the others. The draft is read, its ' +
          'totals, breakdown and buyer computed before the lock; one statement then takes the lock, reads the clock, moves the ' +
          'counter and writes the invoice with its fact, and `commit` goes in its message: the lock is held for that statement’s ' +
          'execution in PostgreSQL, nothing runs in the service meanwhile.',
        `CPU ms per issue (user + system from /proc): ${formatCpuMs(cpuMsPerIssue)}, PostgreSQL (every \`postgres\` process of ` +
          `this machine) ${fixed(postgresMsPerIssue, 2)}; ` +
          `the whole machine (load generator included) was busy ${fixed(machineMs / 1000, 2)} CPU-s during the batch, ` +
          `${fixed(machineMs / count, 2)} ms per issue: on ${os.availableParallelism()} CPUs the last answer cannot come before ` +
          `${fixed(machineMs / os.availableParallelism() / 1000, 2)} s, the queue on the lock aside.`,
      ],
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Documents

interface RenderSample {
  totalMs: number;
  loadMs: number;
  xmlMs: number;
  pdfMs: number | null;
  xmlBytes: number;
  pdfBytes: number | null;
}

interface ModeResult {
  name: string;
  samples: RenderSample[];
  seconds: number;
  peakRssBytes: number;
  /** CPU time of the whole bench process (every thread, the render threads included) per render. */
  cpuMsPerRender: number;
  /** How late this event loop ran its timers during the mode (99th percentile). */
  loopDelayP99Ms: number;
}

/** Where the PDF is rendered: not at all (XML only), in the caller's thread, or on the render pool. */
type PdfMode = 'none' | 'thread' | 'pool';

/** Issued invoices of the bench tenant closest to 10 lines, issuing more in-process when there are too few. */
async function invoicesToRender(run: BillingRun, count: number): Promise<{ ids: string[]; meanLines: number }> {
  const { tenantId } = run.tenant;
  const select = () =>
    tenantQuery<{ id: string; lines: number }>(
      run.adminUrl,
      tenantId,
      `select i.id, count(l.id)::int as lines
         from invoices i join invoice_lines l on l.tenant_id = i.tenant_id and l.invoice_id = i.id
        where i.tenant_id = $1 and i.status = 'ISSUED' and i.type_code = '380'
        group by i.tenant_id, i.id
        order by abs(count(l.id) - 10), i.number
        limit $2`,
      [tenantId, count],
    );
  let rows = await select();
  if (rows.length < count) {
    const closed = await tenantQuery<{ id: string }>(
      run.adminUrl,
      tenantId,
      `select id from interventions where tenant_id = $1 and status = 'CLOSED' order by number limit $2`,
      [tenantId, count - rows.length],
    );
    run.log(`documents: issuing ${closed.length} invoices in-process to have ${count} to render`);
    const orm = await appOrm(run, run.settings.billingConcurrency + 2);
    try {
      await inProcess(
        orm,
        run.tenant,
        closed.map((c) => c.id),
        run.settings.billingConcurrency,
      );
    } finally {
      await orm.close(true);
    }
    rows = await select();
  }
  check(rows.length > 0, 'no issued invoice to render');
  return { ids: rows.map((r) => r.id), meanLines: mean(rows.map((r) => r.lines))! };
}

async function renderOne(orm: Orm, identity: Identity, invoiceId: string, pdfMode: PdfMode): Promise<RenderSample> {
  const t0 = performance.now();
  const doc = await inTenantScope(orm, identity, { requestId: newId(), operation: 'bench-render' }, (em) =>
    loadInvoiceDocument(em, invoiceId),
  );
  const t1 = performance.now();
  const xml = renderCiiXml(doc);
  const t2 = performance.now();
  check(!!doc.number && xml.includes(doc.number), `the XML of invoice ${invoiceId} does not carry its number`);
  if (pdfMode === 'none')
    return { totalMs: t2 - t0, loadMs: t1 - t0, xmlMs: t2 - t1, pdfMs: null, xmlBytes: Buffer.byteLength(xml), pdfBytes: null };
  const pdf = pdfMode === 'pool' ? await renderInvoicePdfInPool(doc, xml) : await renderInvoicePdf(doc, xml);
  const t3 = performance.now();
  check(Buffer.from(pdf.subarray(0, 5)).toString('latin1') === '%PDF-', `invoice ${invoiceId} did not render as a PDF`);
  return { totalMs: t3 - t0, loadMs: t1 - t0, xmlMs: t2 - t1, pdfMs: t3 - t2, xmlBytes: Buffer.byteLength(xml), pdfBytes: pdf.byteLength };
}

const WARMUP_RENDERS = 5;
/** Renders in flight in the last mode: enough to keep every render thread of a small machine busy. */
const POOL_PARALLEL = 4;

async function renderMode(
  orm: Orm,
  identity: Identity,
  ids: readonly string[],
  options: { name: string; pdfMode: PdfMode; parallel: number; renders: number },
): Promise<ModeResult> {
  for (const id of ids.slice(0, WARMUP_RENDERS)) await renderOne(orm, identity, id, options.pdfMode);
  const queue = Array.from({ length: options.renders }, (_, i) => ids[i % ids.length]!);
  const samples: RenderSample[] = [];
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, 5);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    await forEachConcurrently(queue, options.parallel, async (id) => {
      samples.push(await renderOne(orm, identity, id, options.pdfMode));
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    });
  } finally {
    clearInterval(sampler);
    loopDelay.disable();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    name: options.name,
    samples,
    seconds,
    peakRssBytes,
    cpuMsPerRender: (cpu.user + cpu.system) / 1000 / samples.length,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  };
}

const MiB = 1024 * 1024;

const documents: BillingScenario = {
  id: 'documents',
  async run(run) {
    const renders = run.settings.renders;
    const { ids, meanLines } = await invoicesToRender(run, renders);
    const identity = billingIdentity(run.tenant);
    const orm = await appOrm(run, 4);
    const rssBefore = process.memoryUsage.rss();
    const modes: ModeResult[] = [];
    try {
      for (const mode of [
        { name: 'XML only (load + CII XML)', pdfMode: 'none' as const, parallel: 1 },
        { name: 'PDF + Factur-X in this thread, one at a time', pdfMode: 'thread' as const, parallel: 1 },
        { name: 'PDF + Factur-X on the render pool, one at a time', pdfMode: 'pool' as const, parallel: 1 },
        { name: `PDF + Factur-X on the render pool, ${POOL_PARALLEL} at a time`, pdfMode: 'pool' as const, parallel: POOL_PARALLEL },
      ]) {
        run.log(`documents: ${mode.name}, ${renders} renders of ${ids.length} invoices`);
        modes.push(await renderMode(orm, identity, ids, { ...mode, renders }));
      }
    } finally {
      await closeRenderPool();
      await orm.close(true);
    }
    const p = (values: number[], q: number) => fixed(percentile(values, q), 1);
    const rows = modes.map((m) => {
      const total = m.samples.map((s) => s.totalMs);
      const pdfMs = m.samples.flatMap((s) => (s.pdfMs === null ? [] : [s.pdfMs]));
      const pdfBytes = m.samples.flatMap((s) => (s.pdfBytes === null ? [] : [s.pdfBytes]));
      return [
        m.name,
        fixed(m.samples.length / m.seconds, 1),
        p(total, 50),
        p(total, 99),
        p(
          m.samples.map((s) => s.loadMs),
          50,
        ),
        p(
          m.samples.map((s) => s.xmlMs),
          50,
        ),
        p(pdfMs, 50),
        p(pdfMs, 99),
        pdfBytes.length ? fixed(mean(pdfBytes)! / 1024, 1) : '–',
        fixed(m.cpuMsPerRender, 1),
        fixed(m.loopDelayP99Ms, 1),
        fixed(m.peakRssBytes / MiB, 0),
      ];
    });
    const [xmlOnly, sequential, pooled, pooledParallel] = modes as [ModeResult, ModeResult, ModeResult, ModeResult];
    const rate = (m: ModeResult) => m.samples.length / m.seconds;
    const ratio = rate(sequential) / rate(xmlOnly);
    return {
      title: 'Billing: invoice PDF and Factur-X rendering',
      description:
        `Rendering the legal documents of issued invoices in this process, as the billing subgraph does on the first download: ` +
        '`loadInvoiceDocument` (one tenant-scoped transaction reading the invoice, its lines, VAT breakdown, customer and tenant, ' +
        'totals re-checked), `renderCiiXml` (the EN 16931 CII XML) and `renderInvoicePdf` (the PDF/A-3 with the XML embedded as ' +
        '`factur-x.xml`), either in this thread or, as the services do, on the render pool (`renderInvoicePdfInPool`, ' +
        `${renderThreadCount()} worker thread(s) here, RENDER_THREADS). ${sequential.samples.length} renders per mode over the ${ids.length} issued invoices of the bench tenant closest to 10 lines ` +
        `(${meanLines.toFixed(1)} lines on average), after ${WARMUP_RENDERS} unmeasured ones. The baseline renders the XML alone, so the ` +
        'ratio is the cost of the PDF. Times are per render (p50/p99 of the whole render, then p50 of each step); the PDF size is the mean; ' +
        'CPU ms/render is the CPU time of the whole bench process (all its threads, not PostgreSQL’s) over the mode divided by its renders, ' +
        'which the load of the machine does not inflate as it does the times; the loop delay is how late this thread’s event loop ' +
        'ran (`monitorEventLoopDelay`, p99), i.e. how long a request would have waited behind a render; ' +
        'the peak RSS is the whole bench process (`process.memoryUsage`), sampled every 5 ms during the mode.',
      headings: [
        'mode',
        'renders/s',
        'p50 ms',
        'p99 ms',
        'load p50 ms',
        'XML p50 ms',
        'PDF p50 ms',
        'PDF p99 ms',
        'PDF KiB',
        'CPU ms/render',
        'loop delay p99 ms',
        'peak RSS MiB',
      ],
      rows,
      ratio: `PDF + Factur-X / XML only renders/s = ${ratio.toFixed(3)} (XML alone is ${(1 / ratio).toFixed(1)}× faster)`,
      notes: [
        `The XML is ${fixed(mean(xmlOnly.samples.map((s) => s.xmlBytes))! / 1024, 1)} KiB on average. RSS before rendering: ${fixed(rssBefore / MiB, 0)} MiB.`,
        `PDF + Factur-X alone, in this thread: ${fixed(sequential.cpuMsPerRender - xmlOnly.cpuMsPerRender, 1)} ms of CPU per render ` +
          `(${fixed(1000 / (sequential.cpuMsPerRender - xmlOnly.cpuMsPerRender), 0)} documents/s per core), the load and XML excluded.`,
        `On the render pool the event loop only loads the invoice and writes the XML while pdfkit runs on a worker thread; ` +
          `${POOL_PARALLEL} at a time overlap the database reads with the renders (${fixed(rate(pooledParallel) / rate(pooled), 2)}× ` +
          'the one-at-a-time rate on the pool); more throughput needs more cores (RENDER_THREADS).',
      ],
    };
  },
};

export const BILLING_SCENARIOS: readonly BillingScenario[] = [convertIssue, concurrentIssue, documents];
