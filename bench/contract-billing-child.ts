/**
 * Child-process entry of the contract billing scenario (see contract-billing.ts): one process per
 * measured step, so `process.resourceUsage().maxRSS` is that step's own peak. It connects as the
 * application role like the billing subgraph, then either previews the billing date
 * (`contractBillingPreview`) or runs it as the job worker does (`startContractBillingRun` in its
 * transaction, then `processContractBillingRun`), and sends its figures to the parent over IPC.
 */
import { performance } from 'node:perf_hooks';
import {
  contractBillingPreview,
  countQueries,
  createOrm,
  inTenantScope,
  newId,
  processContractBillingRun,
  QueryCountingLogger,
  startContractBillingRun,
  type Identity,
  type QueryCount,
} from '@relais/domain';

export interface ChildOptions {
  step: 'preview' | 'run';
  appUrl: string;
  identity: Identity;
  billingDate: string;
}

/**
 * Time spent in one kind of SQL statement, from the ORM's query log (sent to answered, so the
 * answer's wait for a busy event loop counts too): the union of the statements' intervals, as
 * `loadBillingBasis` sends some of its selects together.
 */
export interface StatementTime {
  label: string;
  count: number;
  ms: number;
}

export interface PreviewFigures {
  step: 'preview';
  /** The first preview of the process (cold), then a second one (warm), in ms. */
  coldMs: number;
  warmMs: number;
  sqlStatements: number;
  contracts: number;
  invoices: number;
  blocked: number;
  periods: number;
  lines: number;
  revisedLines: number;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  rssAfterInitMiB: number;
  peakRssMiB: number;
  statements: StatementTime[];
}

export interface RunFigures {
  step: 'run';
  runId: string;
  startMs: number;
  processMs: number;
  /** The plan: the run's first transaction, which lists the contracts to bill (until the first chunk's first statement). */
  planMs: number;
  /** From the start of `processContractBillingRun` to each chunk's `beforeCommit` hook. */
  chunkMarksMs: number[];
  sqlStatements: number;
  state: string;
  invoiceCount: number;
  contractsTotal: number;
  contractsDone: number;
  errors: number;
  totalNet: string;
  totalGross: string;
  rssAfterInitMiB: number;
  peakRssMiB: number;
  statements: StatementTime[];
}

const COMMIT = 'commit of a run transaction (with the ORM’s last flush, deferred foreign keys, WAL flush)';
const PROGRESS = 'run progress / state';
const LOCK_CHUNK = 'share-lock the chunk’s contracts';
const BASIS = 'load the basis: contracts, fee lines, index, billed keys, VAT rates (sent together)';

/** What each statement of the preview and the run is, by its text. */
const STATEMENT_KINDS: [RegExp, string][] = [
  [/^begin/i, 'begin'],
  [/^commit/i, COMMIT],
  [/^rollback/i, 'rollback'],
  [/set_config|^set /i, 'session settings'],
  [/for share/i, LOCK_CHUNK],
  [/from "?contract_billing_terms"?/i, 'load the basis: billing terms'],
  [/from "?contract_fee_lines"?|from "?index_series"?|from "?index_values"?|from "?vat_rates"?|from "?contracts"?/i, BASIS],
  [/^select contract_id \|\| ':'.*from "?contract_billing_periods"?/is, BASIS],
  [/from "?customers"?/i, 'load the basis: customers'],
  [/^insert into "?contract_billing_periods"?/i, 'claim period keys (insert … on conflict do nothing)'],
  [/^insert into "?invoices"?/i, 'insert invoices'],
  [/^insert into "?invoice_lines"?/i, 'insert invoice lines'],
  [/^insert into "?invoice_vat_breakdown"?/i, 'insert VAT rows'],
  [/pg_advisory_xact_lock/i, 'series lock'],
  [/^insert into "?tenant_counters"?/i, 'number block (counter)'],
  [/^update invoices/i, 'issue the chunk (update invoices)'],
  [/^update "?contract_billing_runs"?/i, PROGRESS],
  [/contract_billing_runs/i, 'read the run'],
  [/from "?tenants"?/i, 'read the tenant'],
  [/from pg_database/i, 'connection check (ORM)'],
];

function statementKind(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return STATEMENT_KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? text.slice(0, 60);
}

type LogContext = Parameters<QueryCountingLogger['logQuery']>[0];

/** Counts statements like the domain's logger and records when each ran, by kind. */
class TimingLogger extends QueryCountingLogger {
  static readonly intervals: { label: string; start: number; end: number }[] = [];

  override logQuery(context: LogContext): void {
    super.logQuery(context);
    const end = performance.now();
    const label = statementKind(context.query ?? '');
    // The ORM logs `commit` once done, without its duration: after a write to the run (a chunk's last
    // statement) it is timed from that statement, which leaves only the ORM's last flush in between.
    const previous = TimingLogger.intervals.at(-1);
    const start = label === COMMIT ? (previous?.label === PROGRESS ? previous.end : end) : end - (context.took ?? 0);
    TimingLogger.intervals.push({ label, start, end });
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
  const all = TimingLogger.intervals.splice(0);
  const byLabel = Map.groupBy(all, (i) => i.label);
  byLabel.delete('begin'); // logged without its duration
  const times = [...byLabel].map(([label, list]) => ({ label, count: list.length, ms: covered(list) }));
  return [{ label: '*', count: all.length, ms: covered(all) }, ...times.sort((a, b) => b.ms - a.ms)];
}

const MiB = 1024 * 1024;
const peakRssMiB = () => (process.resourceUsage().maxRSS * 1024) / MiB;

async function main(): Promise<PreviewFigures | RunFigures> {
  const options = JSON.parse(process.env.CONTRACT_BILLING_CHILD ?? '{}') as ChildOptions;
  const { identity, billingDate } = options;
  const orm = await createOrm(options.appUrl, { pool: { min: 0, max: 4 }, loggerFactory: (o) => new TimingLogger(o) });
  const rssAfterInitMiB = process.memoryUsage.rss() / MiB;
  TimingLogger.intervals.length = 0; // the ORM's own statements at start-up
  const counter: QueryCount = { queries: 0 };
  try {
    if (options.step === 'preview') {
      const preview = () =>
        inTenantScope(orm, identity, { requestId: newId(), operation: 'bench-contract-billing-preview' }, (em) =>
          contractBillingPreview(em, billingDate),
        );
      const t0 = performance.now();
      const result = await countQueries(counter, preview);
      const coldMs = performance.now() - t0;
      const peak = peakRssMiB();
      const statements = statementTimes();
      const t1 = performance.now();
      await preview();
      const warmMs = performance.now() - t1;
      const lines = result.bills.flatMap((b) => b.periods.flatMap((p) => p.lines));
      return {
        step: 'preview',
        coldMs,
        warmMs,
        sqlStatements: counter.queries,
        contracts: result.contractCount,
        invoices: result.invoiceCount,
        blocked: result.blockedCount,
        periods: result.bills.reduce((n, b) => n + b.periods.length, 0),
        lines: lines.length,
        revisedLines: lines.filter((l) => l.revision).length,
        totalNet: result.totalNet,
        totalVat: result.totalVat,
        totalGross: result.totalGross,
        rssAfterInitMiB,
        peakRssMiB: peak,
        statements,
      };
    }
    const chunkMarksMs: number[] = [];
    let processStart = 0;
    const t0 = performance.now();
    const started = await countQueries(counter, () =>
      inTenantScope(orm, identity, { requestId: newId(), operation: 'runContractBilling' }, (em) =>
        startContractBillingRun(em, identity, { billingDate }),
      ),
    );
    processStart = performance.now();
    const firstChunkStatement = TimingLogger.intervals.length;
    const run = await countQueries(counter, () =>
      processContractBillingRun(
        orm,
        { runId: started.id, identity },
        {
          beforeCommit: async () => {
            chunkMarksMs.push(performance.now() - processStart);
          },
        },
      ),
    );
    const processMs = performance.now() - processStart;
    if (!run) throw new Error(`run ${started.id} was not processed`);
    const chunkStart = TimingLogger.intervals.slice(firstChunkStatement).find((i) => i.label === LOCK_CHUNK);
    return {
      step: 'run',
      runId: run.id,
      startMs: processStart - t0,
      processMs,
      planMs: (chunkStart?.start ?? processStart) - processStart,
      chunkMarksMs,
      sqlStatements: counter.queries,
      state: run.state,
      invoiceCount: run.invoiceCount,
      contractsTotal: run.contractsTotal,
      contractsDone: run.contractsDone,
      errors: run.errors.length,
      totalNet: run.totalNet,
      totalGross: run.totalGross,
      rssAfterInitMiB,
      peakRssMiB: peakRssMiB(),
      statements: statementTimes(),
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
  console.error('[contract-billing child] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
