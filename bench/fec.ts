/**
 * The FEC scenario (issue 10's export target), on a tenant of its own (fec-data.ts) whose fiscal
 * year holds N journal lines (1,000,000 by default), ten months closed and numbered, two open.
 * Through the gateway as the accountant does it: `exportFec`, then a GET of the link with the body
 * written to a file named as the link says, timed from the mutation to the last byte on disk, twice;
 * the finance subgraph's and the gateway's peak RSS during each download (VmHWM in
 * /proc/<pid>/status, reset before through /proc/<pid>/clear_refs, and VmRSS sampled every 50 ms).
 * Then the same export in a child process of its own (fec-child.ts: `writeAccountingExport` to a
 * file, its peak RSS, and where the time goes), and a floor in the same run on the same rows: the
 * export's own SQL (records already formatted by PostgreSQL) read by one plain cursor with pg, and the same SQL as
 * `COPY … TO STDOUT`. The gateway's file is checked by the FEC checker shipped beside the repository
 * (../shared/einvoice/check-fec.mjs --strict), its counts and totals compared with the generated data.
 * Returns one section of docs/benchmarks.md.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DEMO_PASSWORD, Money, toAmount, type Identity } from '@relais/domain';
import { check, tenantQuery } from './billing';
import type { Cost, ExplainFigures, FecChildFigures, FecChildOptions } from './fec-child';
import type { FecTenant } from './fec-data';
import { graphqlRequestBody, login, type GraphQLBody } from './graphql';
import { processCpuMs, processMemoryMiB, resetPeakRss } from './proc-stats';
import { fixed, type SectionResult } from './report';
import type { BenchSettings } from './settings';
import { runStepChild } from './step-child';

const root = path.resolve(import.meta.dirname, '..');
/** The FEC checker shipped beside the repository. */
export const CHECK_FEC = path.resolve(root, '../shared/einvoice/check-fec.mjs');

export interface FecContext {
  tenant: FecTenant;
  gatewayUrl: string;
  /** Process ids of the finance subgraph (it produces the file) and of the gateway (it passes it on). */
  pids: { finance: number; gateway: number };
  adminUrl: string;
  appUrl: string;
  settings: BenchSettings;
  log(message: string): void;
}

export interface FecScenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  run(context: FecContext): Promise<SectionResult>;
}

/** Issue 10's target for a fiscal year of 1,000,000 lines. */
export const FEC_GOALS = { seconds: 10, rssMiB: 256 };
const GATEWAY_RUNS = 2;
const FETCH_ROWS = 5000;
const MiB = 1024 * 1024;

const EXPORT_FEC = 'mutation ExportFec($id: ID!) { exportFec(fiscalYearId: $id) { url fileName expiresAt } }';

interface ProcessWatch {
  stop(): { rssBefore: number; peak: number; reset: boolean; cpuMs: number | null };
}

/**
 * Watches a process from now on: its peak RSS since (VmHWM after a reset, or the largest RSS
 * sampled every 50 ms when the reset is refused) and the CPU time it uses.
 */
function watchProcess(pid: number): ProcessWatch {
  const before = processMemoryMiB(pid);
  const cpu0 = processCpuMs(pid);
  const reset = resetPeakRss(pid);
  let sampledMax = before?.rss ?? 0;
  const timer = setInterval(() => {
    sampledMax = Math.max(sampledMax, processMemoryMiB(pid)?.rss ?? 0);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      const after = processMemoryMiB(pid);
      const cpu1 = processCpuMs(pid);
      sampledMax = Math.max(sampledMax, after?.rss ?? 0);
      return {
        rssBefore: before?.rss ?? NaN,
        peak: reset ? (after?.peak ?? NaN) : sampledMax,
        reset,
        cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
      };
    },
  };
}

interface GatewayRun {
  file: string;
  fileName: string;
  /** Mutation sent to last byte written. */
  ms: number;
  linkMs: number;
  firstByteMs: number;
  bytes: number;
  contentType: string | null;
  disposition: string | null;
  finance: ReturnType<ProcessWatch['stop']>;
  gateway: ReturnType<ProcessWatch['stop']>;
}

async function exportThroughGateway(context: FecContext, token: string, dir: string): Promise<GatewayRun> {
  const finance = watchProcess(context.pids.finance);
  const gateway = watchProcess(context.pids.gateway);
  const t0 = performance.now();
  const answer = await fetch(context.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: graphqlRequestBody(EXPORT_FEC, { id: context.tenant.fiscalYear.id }, 'ExportFec'),
  });
  const body = (await answer.json()) as GraphQLBody<{ exportFec: { url: string; fileName: string } }>;
  if (answer.status !== 200 || body.errors?.length || !body.data)
    throw new Error(`exportFec answered ${answer.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  const link = body.data.exportFec;
  const linkMs = performance.now() - t0;
  const download = await fetch(new URL(link.url, context.gatewayUrl));
  const firstByteMs = performance.now() - t0;
  if (download.status !== 200 || !download.body)
    throw new Error(`the download answered ${download.status}: ${(await download.text()).slice(0, 500)}`);
  const file = path.join(dir, link.fileName);
  await pipeline(Readable.fromWeb(download.body as ReadableStream<Uint8Array>), createWriteStream(file));
  const ms = performance.now() - t0;
  return {
    file,
    fileName: link.fileName,
    ms,
    linkMs,
    firstByteMs,
    bytes: (await stat(file)).size,
    contentType: download.headers.get('content-type'),
    disposition: download.headers.get('content-disposition'),
    finance: finance.stop(),
    gateway: gateway.stop(),
  };
}

/**
 * The in-process export in a child process with the finance service's flags (its RSS includes tsx's compilation,
 * ~50 MB more than a service bundle).
 */
const runChild = (options: FecChildOptions) => runStepChild<FecChildFigures>('finance', 'fec-child.ts', 'FEC_CHILD', options, 'FEC');

/** Runs `work` as the application role in a read-only transaction scoped to the tenant. */
async function asApp<T>(appUrl: string, tenantId: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('begin read only');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } finally {
    await client.end();
  }
}

interface FloorRun extends Cost {
  rows: number;
  bytes: number;
}

/** Wall time, this process's CPU and the connection's PostgreSQL backend's, of `work` on `client`. */
async function costOf(client: pg.Client, work: () => Promise<number>): Promise<Cost & { rows: number }> {
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const pg0 = processCpuMs(pid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = processCpuMs(pid);
  return {
    ms,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    postgresCpuMs: pg0 === null || pg1 === null ? null : pg1 - pg0,
    rows,
  };
}

/** The floor: the export's SQL (one row of records per entry) through one plain cursor (FETCH 5000 at a time), each row's values joined by "|". */
function cursorFloor(context: FecContext, sql: string, file: string): Promise<FloorRun> {
  return asApp(context.appUrl, context.tenant.tenantId, async (client) => {
    const cost = await costOf(client, async () => {
      const out = createWriteStream(file);
      let rows = 0;
      await client.query(`declare fec_floor no scroll cursor for ${sql}`);
      for (;;) {
        const batch = await client.query({ text: `fetch ${FETCH_ROWS} from fec_floor`, rowMode: 'array' });
        if (!batch.rows.length) break;
        rows += batch.rows.length;
        const text = (batch.rows as unknown[][]).map((row) => row.join('|')).join('\r\n') + '\r\n';
        if (!out.write(text)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'close');
      return rows;
    });
    return { ...cost, bytes: (await stat(file)).size };
  });
}

/** The same SQL as `COPY (…) TO STDOUT`, straight to a file. */
function copyFloor(context: FecContext, sql: string, file: string): Promise<FloorRun> {
  return asApp(context.appUrl, context.tenant.tenantId, async (client) => {
    const cost = await costOf(client, async () => {
      const stream = client.query(copyTo(`copy (${sql}) to stdout`));
      await pipeline(stream, createWriteStream(file));
      return stream.rowCount;
    });
    return { ...cost, bytes: (await stat(file)).size };
  });
}

interface FecReport {
  lines: number;
  entries: number;
  totalDebit: string;
  totalCredit: string;
  errors: string[];
  warnings: string[];
}

/** check-fec.mjs --strict --json on a file (its exit code is 1 when it finds errors: the report says which). */
async function checkFec(file: string): Promise<{ report: FecReport; ms: number }> {
  const t0 = performance.now();
  const run = await promisify(execFile)(process.execPath, [CHECK_FEC, '--strict', '--json', file], {
    maxBuffer: 64 * MiB,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    if (!error.stdout) throw new Error(`check-fec.mjs failed: ${error.stderr ?? String(error)}`);
    return { stdout: error.stdout };
  });
  return { report: JSON.parse(run.stdout) as FecReport, ms: performance.now() - t0 };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

const seconds = (ms: number) => fixed(ms / 1000, 2);
const perSecond = (rows: number, ms: number) => fixed(rows / (ms / 1000), 0);
const mib = (bytes: number) => fixed(bytes / MiB, 1);
const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
/** "4.52 + 5.01": seconds of CPU of the Node process and of its PostgreSQL backend. */
const cpuText = (cost: Cost) => `${seconds(cost.nodeCpuMs)} + ${cost.postgresCpuMs === null ? '?' : seconds(cost.postgresCpuMs)}`;

const fec: FecScenario = {
  id: 'fec',
  async run(context) {
    const { tenant, log } = context;
    const load = os.loadavg()[0]!;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'relais-bench-fec-'));
    try {
      const token = await login(context.gatewayUrl, tenant.email, DEMO_PASSWORD);
      const runs: GatewayRun[] = [];
      for (let i = 0; i < GATEWAY_RUNS; i += 1) {
        log(`fec: export ${i + 1} of ${GATEWAY_RUNS} through the gateway (${tenant.lines} lines)`);
        const run = await exportThroughGateway(context, token, await mkdtemp(path.join(dir, 'gateway-')));
        log(
          `fec: ${run.fileName} ${mib(run.bytes)} MiB in ${seconds(run.ms)} s (first byte ${seconds(run.firstByteMs)} s); ` +
            `finance peak RSS ${fixed(run.finance.peak, 0)} MiB (${fixed(run.finance.rssBefore, 0)} before), gateway ${fixed(run.gateway.peak, 0)} MiB`,
        );
        runs.push(run);
      }
      const first = runs[0]!;
      check(
        first.fileName === `${tenant.siren}FEC${tenant.fiscalYear.endsOn.replaceAll('-', '')}.txt`,
        `unexpected file name ${first.fileName}`,
      );
      check(
        first.disposition === `attachment; filename="${first.fileName}"` && first.contentType === 'text/plain; charset=iso-8859-15',
        `unexpected headers: ${first.contentType} / ${first.disposition}`,
      );

      log('fec: checking the file with check-fec.mjs --strict');
      const { report, ms: checkMs } = await checkFec(first.file);
      const total = toAmount(new Money(tenant.totalCents.toString()).div(100)).replace('.', ',');
      check(
        report.lines === tenant.lines && report.entries === tenant.entries,
        `check-fec counted ${report.lines} lines and ${report.entries} entries, expected ${tenant.lines} and ${tenant.entries}`,
      );
      check(
        report.totalDebit === total && report.totalCredit === total,
        `check-fec totals ${report.totalDebit} / ${report.totalCredit}, expected ${total}`,
      );
      const hashes = await Promise.all(runs.map((r) => sha256(r.file)));

      log('fec: the same export in a child process, then where the time goes');
      const identity: Identity = {
        kind: 'user',
        tenantId: tenant.tenantId,
        userId: tenant.userId,
        role: 'accountant',
        email: tenant.email,
      };
      const child = await runChild({
        appUrl: context.appUrl,
        identity,
        fiscalYearId: tenant.fiscalYear.id,
        range: { from: tenant.fiscalYear.startsOn, to: tenant.fiscalYear.endsOn },
        file: path.join(dir, `in-process-${first.fileName}`),
      });
      check(child.lineCount === tenant.lines, `the in-process export wrote ${child.lineCount} lines, expected ${tenant.lines}`);
      log(
        `fec: in-process ${seconds(child.export.ms)} s (CPU ${cpuText(child.export)} s), peak RSS ${fixed(child.peakRssMiB, 0)} MiB; ` +
          `records alone ${seconds(child.cursorOnly.ms)} s (CPU ${cpuText(child.cursorOnly)} s), loop without the sink ` +
          `${seconds(child.loop.ms)} s (CPU ${cpuText(child.loop)} s, encoding ${seconds(child.loop.encodeCpuMs)} s); SQL alone ` +
          child.explain.map((e) => `${seconds(e.executionMs)} s with work_mem ${e.workMem}`).join(', '),
      );

      log('fec: floors (plain cursor, COPY) on the same SQL');
      const cursor = await cursorFloor(context, child.sql, path.join(dir, 'floor-cursor.txt'));
      const copy = await copyFloor(context, child.sql, path.join(dir, 'floor-copy.txt'));
      check(cursor.rows === tenant.entries && copy.rows === tenant.entries, `the floors read ${cursor.rows} and ${copy.rows} rows`);

      const [recorded] = await tenantQuery<{ exports: number; bad: number }>(
        context.adminUrl,
        tenant.tenantId,
        `select count(*)::int as exports,
                count(*) filter (where line_count <> $2 or total_debit <> $3::numeric or total_credit <> $3::numeric
                                   or not provisional or file_name <> $4)::int as bad
           from accounting_exports where tenant_id = $1 and kind = 'FEC'`,
        [tenant.tenantId, tenant.lines, toAmount(new Money(tenant.totalCents.toString()).div(100)), first.fileName],
      );
      check(
        recorded!.exports === GATEWAY_RUNS + 1 && recorded!.bad === 0,
        `expected ${GATEWAY_RUNS + 1} FEC exports recorded with ${tenant.lines} lines and ${total} € each, got ${JSON.stringify(recorded)}`,
      );

      const slowest = Math.max(...runs.map((r) => r.ms));
      const peak = Math.max(...runs.map((r) => r.finance.peak));
      const met = {
        seconds: slowest <= FEC_GOALS.seconds * 1000,
        rss: peak <= FEC_GOALS.rssMiB,
        childRss: child.peakRssMiB <= FEC_GOALS.rssMiB,
      };
      const passed = report.errors.length === 0;
      const [defaultPlan, bigPlan] = child.explain as [ExplainFigures, ExplainFigures];
      // Node CPU of the service's loop beyond reading the records: adding the totals and joining the text, then encoding.
      const formatCpuMs = child.loop.nodeCpuMs - child.cursorOnly.nodeCpuMs - child.loop.encodeCpuMs;
      const timings = tenant.timings;
      const goal = `≤ ${FEC_GOALS.seconds} s, ≤ ${FEC_GOALS.rssMiB} MB`;
      const row = (name: string, cost: Cost | null, ms: number, bytes: number | null, rss = '–', target = '–', ok = '–') => [
        name,
        seconds(ms),
        cost ? cpuText(cost) : '–',
        perSecond(tenant.lines, ms),
        bytes === null ? '–' : mib(bytes),
        rss,
        target,
        ok,
      ];
      return {
        title: 'FEC export of a fiscal year',
        description:
          `The FEC of one fiscal year (${tenant.fiscalYear.startsOn} to ${tenant.fiscalYear.endsOn}) in a tenant of its own holding ` +
          `${tenant.lines} journal lines in ${tenant.entries} entries: ${tenant.invoices} sales entries (VT: customer 411 with its ` +
          `auxiliary account, labour 706, travel 7085, parts 707, VAT 445711 on issue and on payment) and ${tenant.receipts} bank ` +
          `receipts (BQ: 512 / 411) for ${tenant.customers} customers, each entry with its source fact; the first ten months closed ` +
          `(${tenant.validatedEntries} entries numbered and validated by their closing), the last two open (${tenant.provisionalEntries} ` +
          'entries numbered provisionally by the export). Through the gateway as the accountant does it: the `exportFec` mutation, ' +
          'then a GET of its link with the body written to a file named as the link says, timed from the mutation to the last byte ' +
          `on disk (${GATEWAY_RUNS} runs); the peak RSS is the finance subgraph process’s during the run (VmHWM of /proc/<pid>/status ` +
          'after resetting it through /proc/<pid>/clear_refs). Then the same `writeAccountingExport` in a child process of its own ' +
          'writing to a file (its `process.resourceUsage().maxRSS`), and in that process where the time goes: the range summary ' +
          'the preview reads, the records alone (PostgreSQL writes each entry’s lines as FEC records, one row per entry), the ' +
          'service’s loop without the sink, the SQL alone under EXPLAIN ANALYZE. Floor, in the same run on the same rows: the ' +
          `export’s own SQL (captured from the ORM’s query log) read by one plain \`pg\` cursor (FETCH ${FETCH_ROWS}), and the ` +
          'same SQL as `COPY (…) TO STDOUT`. ' +
          `Targets (issue 10): a fiscal year of 1,000,000 lines in ≤ ${FEC_GOALS.seconds} s with a peak RSS ≤ ${FEC_GOALS.rssMiB} MB, ` +
          'streamed from a PostgreSQL cursor; the file passes `check-fec.mjs --strict`.',
        query: EXPORT_FEC,
        headings: ['path', 'seconds', 'CPU s', 'lines/s', 'MiB', 'peak RSS MiB', 'goal', 'met'],
        rows: [
          ...runs.map((r, i) => [
            `gateway run ${i + 1}: \`exportFec\` + GET of the link (first byte after ${seconds(r.firstByteMs)} s)`,
            seconds(r.ms),
            `${r.finance.cpuMs === null ? '?' : seconds(r.finance.cpuMs)} finance + ${r.gateway.cpuMs === null ? '?' : seconds(r.gateway.cpuMs)} gateway`,
            perSecond(tenant.lines, r.ms),
            mib(r.bytes),
            `${fixed(r.finance.peak, 0)} finance (${fixed(r.finance.rssBefore, 0)} before); ${fixed(r.gateway.peak, 0)} gateway (${fixed(r.gateway.rssBefore, 0)} before)`,
            goal,
            `${verdict(r.ms <= FEC_GOALS.seconds * 1000)}, ${verdict(r.finance.peak <= FEC_GOALS.rssMiB)}`,
          ]),
          row(
            'in process: `writeAccountingExport` to a file (child process)',
            child.export,
            child.export.ms,
            child.bytes,
            `${fixed(child.peakRssMiB, 0)} (${fixed(child.rssAfterInitMiB, 0)} before)`,
            goal,
            `${verdict(child.export.ms <= FEC_GOALS.seconds * 1000)}, ${verdict(met.childRss)}`,
          ),
          row('· the range summary the preview reads (`ledgerRangeSummary`)', child.summary, child.summary.ms, null),
          row(`· the records alone (\`streamFecRecords\`, ${child.cursorOnly.rows} entries)`, child.cursorOnly, child.cursorOnly.ms, null),
          row(
            `· the records + totals + encoding (of which encoding ${seconds(child.loop.encodeCpuMs)} s of CPU), no sink`,
            child.loop,
            child.loop.ms,
            null,
          ),
          ...child.explain.map((e) => row(`· the SQL alone (EXPLAIN ANALYZE, work_mem ${e.workMem})`, null, e.executionMs, null)),
          row('floor: the same SQL through one plain `pg` cursor', cursor, cursor.ms, cursor.bytes),
          row('floor: the same SQL as `COPY (…) TO STDOUT`', copy, copy.ms, copy.bytes),
        ],
        ratio:
          `slowest gateway run / cursor floor time = ${(slowest / cursor.ms).toFixed(1)}; ` +
          `in-process export / cursor floor = ${(child.export.ms / cursor.ms).toFixed(1)}; ` +
          `cursor floor / COPY floor = ${(cursor.ms / copy.ms).toFixed(1)}`,
        notes: [
          `1-minute load average when the scenario started: ${load.toFixed(2)} on ${os.availableParallelism()} CPUs (the machine was shared with other work; the figures move with it).`,
          `Goals: time through the gateway, slowest of ${GATEWAY_RUNS} runs ${seconds(slowest)} s for ≤ ${FEC_GOALS.seconds} s — ` +
            `${verdict(met.seconds)}; peak RSS of the finance subgraph during the export ${fixed(peak, 0)} MiB for ≤ ` +
            `${FEC_GOALS.rssMiB} MB — ${verdict(met.rss)}: the process held ${fixed(first.finance.rssBefore, 0)} MiB before the ` +
            `first run, the export added ${fixed(Math.max(...runs.map((r) => r.finance.peak - r.finance.rssBefore)), 0)} MiB at most` +
            `${first.finance.reset ? '' : ' (its peak could not be reset: the figure is the largest RSS sampled every 50 ms)'}; ` +
            `the export alone in a process of its own peaks at ${fixed(child.peakRssMiB, 0)} MiB, ${fixed(child.rssAfterInitMiB, 0)} ` +
            `MiB of which held once the ORM is initialised — ${verdict(met.childRss)}.`,
          `check-fec.mjs --strict on the gateway’s file (${first.fileName}, ${mib(first.bytes)} MiB, checked in ${seconds(checkMs)} s): ` +
            `${passed ? 'PASS' : 'FAIL'} — ${report.lines} lines, ${report.entries} entries, debit ${report.totalDebit} / credit ` +
            `${report.totalCredit} (the generated data: ${tenant.lines} lines, ${tenant.entries} entries, ${total} each)` +
            `${report.errors.length ? `; errors: ${report.errors.slice(0, 5).join(' · ')}` : ''}` +
            `${report.warnings.length ? `; ${report.warnings.length} warning(s): ${report.warnings.slice(0, 3).join(' · ')}` : '; no warning'}.`,
          `The ${GATEWAY_RUNS} gateway files and the in-process one are ` +
            `${new Set([...hashes, child.sha256]).size === 1 ? 'byte for byte the same' : '**not** the same (sha256 differ)'}; ` +
            `each export was recorded (${recorded!.exports} rows in accounting_exports, provisional, with the line count and totals).`,
          `Where the time goes (CPU s: this process’s + its PostgreSQL backend’s, read from /proc, load-independent): the ` +
            `preview’s range summary takes ${seconds(child.summary.ms)} s (the export itself only asks whether an entry is provisional); ` +
            `the export’s SQL alone executes in ${seconds(defaultPlan.executionMs)} s with the server’s work_mem ${defaultPlan.workMem} (` +
            `${defaultPlan.sorts.join('; ') || 'no sort'}, ${fixed(defaultPlan.tempWrittenMiB, 0)} MiB of temporary files; ` +
            `${seconds(bigPlan.executionMs)} s with work_mem ${bigPlan.workMem}: ${bigPlan.sorts.join('; ') || 'no sort'}); its ` +
            `backend spends ${child.cursorOnly.postgresCpuMs === null ? '?' : seconds(child.cursorOnly.postgresCpuMs)} s of CPU on ` +
            `the query read through the cursor. Reading the records through the ORM’s cursor costs ` +
            `${seconds(child.cursorOnly.nodeCpuMs)} s of Node CPU (the plain \`pg\` cursor ${seconds(cursor.nodeCpuMs)} s including ` +
            `writing them); joining the text and adding the totals ${seconds(formatCpuMs)} s more; encoding to ISO 8859-15 ` +
            `${seconds(child.loop.encodeCpuMs)} s; in the gateway runs the finance subgraph used ` +
            `${runs.map((r) => (r.finance.cpuMs === null ? '?' : seconds(r.finance.cpuMs))).join(' and ')} s of CPU and the gateway, ` +
            `passing the file on, ${runs.map((r) => (r.gateway.cpuMs === null ? '?' : seconds(r.gateway.cpuMs))).join(' and ')} s.`,
          `Data generation (${fixed(tenant.milliseconds / 1000, 0)} s in all): customers ${fixed(timings.customersMs / 1000, 1)} s; ` +
            `facts, entries and lines written with COPY month by month with the ledger’s triggers as they are (lines with their entry, ` +
            `period open, audit of every row) ${fixed(timings.ledgerMs / 1000, 1)} s, of which ${fixed(timings.commitMs / 1000, 1)} s in ` +
            `the commits (the deferred balance check of each entry); ten closings numbering ${tenant.validatedEntries} entries ` +
            `${fixed(timings.closingMs / 1000, 1)} s; VACUUM ANALYZE ${fixed(timings.vacuumMs / 1000, 1)} s.`,
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export const FEC_SCENARIOS: readonly FecScenario[] = [fec];
