/**
 * Child-process entry of the collections scenario (see collections.ts): one process per measured
 * step, so `process.resourceUsage().maxRSS` is that step's own peak. It connects as the application
 * role like the finance subgraph and runs, in one tenant scope (one transaction), either the
 * dunning preview (`dunningPreview`, twice: cold then warm) or the import of a statement file
 * (`importBankStatement`, what the `importBankStatement` mutation calls), then sends its figures to
 * the parent over IPC.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  countQueries,
  createOrm,
  dunningPreview,
  importBankStatement,
  inTenantScope,
  newId,
  parseBankFile,
  QueryCountingLogger,
  type Identity,
  type Orm,
  type QueryCount,
} from '@relais/domain';
import { processCpuMs } from './proc-stats';

export interface CollectionsChildOptions {
  step: 'dunning' | 'import' | 'reimport';
  appUrl: string;
  identity: Identity;
  /** dunning: the preview's date. */
  date?: string;
  /** import: the statement file. */
  file?: string;
  fileName?: string;
}

/** Time spent in one kind of SQL statement, from the ORM's query log (sent to answered), and its backend's CPU time. */
export interface StatementTime {
  label: string;
  count: number;
  ms: number;
  /** CPU time of the PostgreSQL backend between the statement's predecessor and its answer; null when not read. */
  postgresCpuMs: number | null;
}

/**
 * CPU time the step used, load-independent (the machine may be shared): this process's (all its
 * threads, the garbage collector's included) and its PostgreSQL backend's, read from /proc, when
 * the step ran on the connection whose backend was found before it (null otherwise).
 */
export interface CpuFigures {
  nodeMs: number;
  postgresMs: number | null;
}

export interface DunningFigures {
  step: 'dunning';
  cpu: CpuFigures;
  coldMs: number;
  warmMs: number;
  sqlStatements: number;
  reminders: number;
  held: number;
  byLevel: Record<string, number>;
  heldByReason: Record<string, number>;
  openBalance: string;
  lateInterest: string;
  indemnity: string;
  rssAfterInitMiB: number;
  peakRssMiB: number;
  statements: StatementTime[];
}

export interface ImportFigures {
  step: 'import' | 'reimport';
  cpu: CpuFigures;
  ms: number;
  /** The same file parsed again after the import, in the same process (warm): the parser's share. */
  parseMs: number;
  parseCpuMs: number;
  sqlStatements: number;
  statementIds: string[];
  movementCount: number;
  newMovementCount: number;
  duplicateCount: number;
  autoMatchedCount: number;
  rssAfterInitMiB: number;
  peakRssMiB: number;
  statements: StatementTime[];
}

const COMMIT = 'commit (the ORM’s last flush, deferred foreign keys, WAL flush)';
/** The bench's own statement (which backend the step runs on): left out of the figures. */
const MEASUREMENT = 'measurement';

/** What each statement is, by its text. */
const STATEMENT_KINDS: [RegExp, string][] = [
  [/^begin/i, 'begin'],
  [/^commit/i, COMMIT],
  [/^rollback/i, 'rollback'],
  [/set_config|^set /i, 'session settings'],
  [/^insert into "?bank_accounts"?/i, 'bank account (insert … on conflict)'],
  [/^insert into "?bank_statements"?/i, 'insert the statement'],
  [/^insert into "?bank_movements"?/i, 'insert movements (on conflict do nothing)'],
  [/^select .* from "?bank_movements"?/is, 'look up the movements already imported (fingerprints)'],
  [/^update "?bank_statements"?/i, 'update the statement'],
  [/from "?bank_accounts"?/i, 'read the bank account'],
  [/from invoices i\s+join customers .* left join invoice_collection_states/is, 'dunning candidates (one select)'],
  [/^select .* from invoices i join customers/is, 'matching index: open invoices'],
  [/from payments where payer_iban/i, 'matching index: known IBANs'],
  [/for update/i, 'lock invoices (select … for update)'],
  [/^select .* from "?customers"?/is, 'read customers'],
  [/^insert into "?payments"?/i, 'insert payments'],
  [/^insert into "?payment_allocations"?/i, 'insert allocations'],
  [/^insert into "?business_facts"?/i, 'insert facts'],
  [/^update "?invoices"?/i, 'update invoices (paid amount)'],
  [/^select .* from "?invoices"?/is, 'read invoices'],
  [/from "?dunning_settings"?/i, 'dunning settings'],
  [/from pg_database/i, 'connection check (ORM)'],
  [/pg_backend_pid/i, MEASUREMENT],
];

function statementKind(query: string): string {
  // Bulk statements carry their rows in the middle (up to 100 KB): their head and tail tell what they are.
  const text = (query.length > 5000 ? `${query.slice(0, 2000)} … ${query.slice(-200)}` : query).replace(/\s+/g, ' ').trim();
  return STATEMENT_KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? text.slice(0, 60);
}

type LogContext = Parameters<QueryCountingLogger['logQuery']>[0];

/** Counts statements like the domain's logger and records when each ran, by kind. */
class TimingLogger extends QueryCountingLogger {
  static readonly intervals: { label: string; start: number; end: number; postgresCpuMs: number | null }[] = [];
  /** The backend whose CPU time is read after each statement (see `withCpu`), and its last reading. */
  static backend: { pid: number; cpuMs: number } | null = null;

  override logQuery(context: LogContext): void {
    super.logQuery(context);
    const end = performance.now();
    let postgresCpuMs: number | null = null;
    const backend = TimingLogger.backend;
    if (backend) {
      const now = processCpuMs(backend.pid);
      if (now !== null) [postgresCpuMs, backend.cpuMs] = [now - backend.cpuMs, now];
    }
    TimingLogger.intervals.push({ label: statementKind(context.query ?? ''), start: end - (context.took ?? 0), end, postgresCpuMs });
  }
}

/** The time covered by some intervals, overlaps counted once. */
function covered(intervals: readonly { start: number; end: number }[]): number {
  let total = 0;
  let until = -Infinity;
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end <= until) continue;
    total += end - Math.max(start, until);
    until = end;
  }
  return total;
}

/** Time by kind of statement, the most first, and in all (`*`). */
function statementTimes(): StatementTime[] {
  const all = TimingLogger.intervals.splice(0).filter((i) => i.label !== MEASUREMENT);
  const byLabel = Map.groupBy(all, (i) => i.label);
  byLabel.delete('begin'); // logged without its duration
  const cpuOf = (list: typeof all) => (list.every((i) => i.postgresCpuMs !== null) ? list.reduce((t, i) => t + i.postgresCpuMs!, 0) : null);
  const times = [...byLabel].map(([label, list]) => ({ label, count: list.length, ms: covered(list), postgresCpuMs: cpuOf(list) }));
  return [{ label: '*', count: all.length, ms: covered(all), postgresCpuMs: cpuOf(all) }, ...times.sort((a, b) => b.ms - a.ms)];
}

/** The pid of the backend of the pool's idle connection (the next unit of work runs on it: the pool holds only that one). */
async function backendPid(orm: Orm): Promise<number | null> {
  try {
    const [row] = await orm.em.fork().execute<{ pid: number }[]>('select pg_backend_pid() as pid');
    return row?.pid ?? null;
  } catch {
    return null;
  }
}

/** Measures the CPU time of `work` in this process and in the PostgreSQL backend it runs on. */
async function withCpu<T>(orm: Orm, work: () => Promise<T>): Promise<{ result: T; ms: number; cpu: CpuFigures }> {
  const pid = await backendPid(orm);
  TimingLogger.intervals.length = 0;
  const pgBefore = pid === null ? null : processCpuMs(pid);
  if (pid !== null && pgBefore !== null) TimingLogger.backend = { pid, cpuMs: pgBefore };
  const before = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(before);
  TimingLogger.backend = null;
  const pgAfter = pid === null ? null : processCpuMs(pid);
  const samePid = (await backendPid(orm)) === pid;
  return {
    result,
    ms,
    cpu: {
      nodeMs: (used.user + used.system) / 1000,
      postgresMs: samePid && pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null,
    },
  };
}

const MiB = 1024 * 1024;
const peakRssMiB = () => (process.resourceUsage().maxRSS * 1024) / MiB;
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  Object.fromEntries([...Map.groupBy(items, key)].map(([k, list]) => [k, list.length]));

async function main(): Promise<DunningFigures | ImportFigures> {
  const options = JSON.parse(process.env.COLLECTIONS_CHILD ?? '{}') as CollectionsChildOptions;
  const { identity } = options;
  const orm = await createOrm(options.appUrl, { pool: { min: 0, max: 4 }, loggerFactory: (o) => new TimingLogger(o) });
  await backendPid(orm); // connects, so the step starts on a warm connection as a server's request would
  const rssAfterInitMiB = process.memoryUsage.rss() / MiB;
  TimingLogger.intervals.length = 0; // the ORM's own statements at start-up
  const counter: QueryCount = { queries: 0 };
  try {
    if (options.step === 'dunning') {
      const preview = () =>
        inTenantScope(orm, identity, { requestId: newId(), operation: 'bench-dunning-preview' }, (em) =>
          dunningPreview(em, identity.tenantId, options.date!),
        );
      const { result, ms: coldMs, cpu } = await withCpu(orm, () => countQueries(counter, preview));
      const peak = peakRssMiB();
      const statements = statementTimes();
      const t1 = performance.now();
      await preview();
      const warmMs = performance.now() - t1;
      return {
        step: 'dunning',
        cpu,
        coldMs,
        warmMs,
        sqlStatements: counter.queries,
        reminders: result.reminders.length,
        held: result.held.length,
        byLevel: countBy(result.reminders, (r) => `${r.level.rank}`),
        heldByReason: countBy(result.held, (h) => h.reason),
        openBalance: result.totals.openBalance,
        lateInterest: result.totals.lateInterest,
        indemnity: result.totals.indemnity,
        rssAfterInitMiB,
        peakRssMiB: peak,
        statements,
      };
    }
    const content = await readFile(options.file!);
    const { result, ms, cpu } = await withCpu(orm, () =>
      countQueries(counter, () =>
        inTenantScope(orm, identity, { requestId: newId(), operation: 'importBankStatement' }, (em) =>
          importBankStatement(em, identity, { content, fileName: options.fileName! }),
        ),
      ),
    );
    const peak = peakRssMiB();
    const statements = statementTimes();
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    parseBankFile(content);
    const parseCpu = process.cpuUsage(c1);
    const parseMs = performance.now() - t1;
    return {
      step: options.step,
      cpu,
      ms,
      parseMs,
      parseCpuMs: (parseCpu.user + parseCpu.system) / 1000,
      sqlStatements: counter.queries,
      statementIds: result.statements.map((s) => s.id),
      movementCount: result.movementCount,
      newMovementCount: result.newMovementCount,
      duplicateCount: result.duplicateCount,
      autoMatchedCount: result.autoMatchedCount,
      rssAfterInitMiB,
      peakRssMiB: peak,
      statements,
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
  console.error('[collections child] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
