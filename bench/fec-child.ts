/**
 * Child-process entry of the FEC scenario (see fec.ts), so `process.resourceUsage().maxRSS` is the
 * export's own peak. Connected as the application role like the finance subgraph, it first writes
 * the FEC of the fiscal year to a file with `writeAccountingExport` in one tenant scope (what the
 * download route runs, the HTTP response replaced by the file), then, to tell where the time goes:
 * the range summary the preview reads; the records alone (`streamFecRecords`: PostgreSQL formats
 * each entry's lines, the cursor brings one text row per entry); the service's loop without the
 * sink (records, totals, ISO 8859-15 encoding, the encoding's CPU time apart); and the export's SQL
 * alone under EXPLAIN ANALYZE, with the server's
 * work_mem and with 256 MB. It sends the figures and the SQL (as sent, parameters inlined) to the
 * parent over IPC.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import {
  ExportTotals,
  QueryCountingLogger,
  createOrm,
  encodeExport,
  fecHeader,
  inTenantScope,
  streamFecRecords,
  localDate,
  newId,
  writeAccountingExport,
  type Identity,
} from '@relais/domain';
import { ledgerRangeSummary, type LedgerLineRange } from '@relais/domain/finance/exports/ledger-export-lines';
import { processCpuMs } from './proc-stats';

export interface FecChildOptions {
  appUrl: string;
  identity: Identity;
  fiscalYearId: string;
  range: { from: string; to: string };
  /** Where the file is written. */
  file: string;
}

export interface ExplainFigures {
  workMem: string;
  executionMs: number;
  /** Each sort of the plan: method, space and where ("external merge, 61,234 kB disk"). */
  sorts: string[];
  tempWrittenMiB: number;
}

/** What one pass cost: wall time, this process's CPU and its PostgreSQL backend's (null when /proc does not tell). */
export interface Cost {
  ms: number;
  nodeCpuMs: number;
  postgresCpuMs: number | null;
}

export interface FecChildFigures {
  fileName: string;
  bytes: number;
  sha256: string;
  /** The export to the file, the file closed. */
  export: Cost;
  rssAfterInitMiB: number;
  peakRssMiB: number;
  lineCount: number;
  totalDebit: string;
  totalCredit: string;
  provisional: boolean;
  /** The lines query as the cursor sent it. */
  sql: string;
  summary: Cost;
  /** The records read, not encoded: `rows` entries holding `lines` lines. */
  cursorOnly: Cost & { rows: number; lines: number };
  /** `encodeCpuMs`: this process's CPU time in the encoding calls. */
  loop: Cost & { encodeCpuMs: number };
  explain: ExplainFigures[];
}

/** The export's record queries: the validated entries, then the open months' (each entry's lines formatted in a lateral subquery). */
const LINES_QUERY = /cross join lateral[\s\S]*order by/i;

/** Counts statements like the domain's logger, with their parameters inlined, and keeps the lines query. */
class CapturingLogger extends QueryCountingLogger {
  static linesQueries: string[] = [];

  override logQuery(context: Parameters<QueryCountingLogger['logQuery']>[0]): void {
    super.logQuery(context);
    if (context.query && LINES_QUERY.test(context.query) && !CapturingLogger.linesQueries.includes(context.query))
      CapturingLogger.linesQueries.push(context.query);
  }

  override isEnabled(namespace: Parameters<QueryCountingLogger['isEnabled']>[0]): boolean {
    return namespace === 'query' || namespace === 'query-params';
  }
}

const MiB = 1024 * 1024;
const CHUNK_CHARS = 256 * 1024;

interface PlanNode {
  'Node Type': string;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  'Temp Written Blocks'?: number;
  Plans?: PlanNode[];
}

function sortsOf(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Sort' && node['Sort Method']
      ? [`${node['Sort Method']}, ${node['Sort Space Used']?.toLocaleString('en')} kB ${node['Sort Space Type']?.toLowerCase()}`]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(sortsOf)];
}

/** Runs `work` in the scope's transaction, measuring its wall time, this process's CPU and the scope's PostgreSQL backend's. */
async function measured<T>(em: Scoped, work: () => Promise<T>): Promise<{ result: T; cost: Cost }> {
  const [{ pid }] = (await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid')) as [{ pid: number }];
  const pg0 = processCpuMs(pid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = processCpuMs(pid);
  return {
    result,
    cost: { ms, nodeCpuMs: (cpu.user + cpu.system) / 1000, postgresCpuMs: pg0 === null || pg1 === null ? null : pg1 - pg0 },
  };
}

type Scoped = Parameters<Parameters<typeof inTenantScope>[3]>[0];

interface Plan {
  Plan: PlanNode;
  'Execution Time': number;
}

async function main(): Promise<FecChildFigures> {
  const options = JSON.parse(process.env.FEC_CHILD ?? '{}') as FecChildOptions;
  const { identity } = options;
  const tenantId = identity.tenantId;
  const orm = await createOrm(options.appUrl, { pool: { min: 0, max: 2 }, loggerFactory: (o) => new CapturingLogger(o) });
  await orm.em.fork().execute('select 1'); // connects, as a server's pool is before a request
  const rssAfterInitMiB = process.memoryUsage.rss() / MiB;
  const scope = <T>(operation: string, work: (em: Scoped) => Promise<T>) =>
    inTenantScope(orm, identity, { requestId: newId(), operation }, work);
  try {
    // The export, to a file, as the download route runs it.
    const hash = createHash('sha256');
    let bytes = 0;
    const out = createWriteStream(options.file);
    const sink = async (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    };
    const t0 = performance.now();
    const { result: record, cost } = await scope('bench-fec-export', (em) =>
      measured(em, () => writeAccountingExport(em, identity, { kind: 'FEC', fiscalYearId: options.fiscalYearId }, sink)),
    );
    out.end();
    await once(out, 'close');
    const exportCost = { ...cost, ms: performance.now() - t0 };
    const peakRssMiB = (process.resourceUsage().maxRSS * 1024) / MiB;
    // The export's queries as one statement (each part keeps its order), for the floors and EXPLAIN.
    const parts = CapturingLogger.linesQueries;
    if (parts.length === 0) throw new Error('the export’s lines queries were not seen in the query log');
    const sql = parts.map((part) => `(${part.trim()})`).join(' union all ');

    // Where the time goes.
    const range: LedgerLineRange = { ...options.range, journal: null };
    const today = localDate(new Date());
    const summary = await scope('bench-fec-summary', (em) => measured(em, () => ledgerRangeSummary(em, tenantId, range)));

    const cursorOnly = await scope('bench-fec-cursor', (em) =>
      measured(em, async () => {
        let rows = 0;
        let lines = 0;
        for await (const entry of streamFecRecords(em, tenantId, range, today)) {
          rows += 1;
          lines += entry.lines;
        }
        return { rows, lines };
      }),
    );

    const loop = await scope('bench-fec-loop', (em) =>
      measured(em, async () => {
        const totals = new ExportTotals();
        let encodeCpuMs = 0;
        let buffer = fecHeader();
        const encode = () => {
          const e = process.cpuUsage();
          encodeExport(buffer, 'iso-8859-15');
          const used = process.cpuUsage(e);
          encodeCpuMs += (used.user + used.system) / 1000;
          buffer = '';
        };
        for await (const entry of streamFecRecords(em, tenantId, range, today)) {
          buffer += entry.text;
          totals.add(entry, entry.lines);
          if (buffer.length >= CHUNK_CHARS) encode();
        }
        encode();
        if (totals.lines !== cursorOnly.result.lines)
          throw new Error(`the loop read ${totals.lines} lines, the records alone ${cursorOnly.result.lines}`);
        return encodeCpuMs;
      }),
    );

    const explain: ExplainFigures[] = [];
    for (const workMem of [null, '256MB']) {
      explain.push(
        await scope('bench-fec-explain', async (em) => {
          if (workMem) await em.execute(`set local work_mem = '${workMem}'`);
          const [{ work_mem: current }] = (await em.execute<{ work_mem: string }[]>('show work_mem')) as [{ work_mem: string }];
          const [row] = await em.execute<{ 'QUERY PLAN': unknown }[]>(`explain (analyze, buffers, timing off, format json) ${sql}`);
          const raw = row!['QUERY PLAN'];
          const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [Plan];
          return {
            workMem: current,
            executionMs: plan['Execution Time'],
            sorts: sortsOf(plan.Plan),
            tempWrittenMiB: ((plan.Plan['Temp Written Blocks'] ?? 0) * 8192) / MiB,
          };
        }),
      );
    }
    return {
      fileName: record.fileName,
      bytes,
      sha256: hash.digest('hex'),
      export: exportCost,
      rssAfterInitMiB,
      peakRssMiB,
      lineCount: record.lineCount,
      totalDebit: record.totalDebit,
      totalCredit: record.totalCredit,
      provisional: record.provisional,
      sql,
      summary: summary.cost,
      cursorOnly: { ...cursorOnly.cost, ...cursorOnly.result },
      loop: { ...loop.cost, encodeCpuMs: loop.result },
      explain,
    };
  } finally {
    await orm.close(true);
  }
}

try {
  const figures = await main();
  await new Promise<void>((resolve, reject) => process.send!(figures, (error: Error | null) => (error ? reject(error) : resolve())));
  process.exit(0);
} catch (error) {
  console.error('[fec child] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
