/**
 * The contract billing scenario: a tenant of its own whose N contracts all have a period due today
 * (contract-billing-data.ts), previewed then billed by a real run, each step in a child process of
 * its own (contract-billing-child.ts) so its peak RSS is the step's, not the bench's. The outcome is
 * checked in the database, then the rows the run wrote are copied out and into temporary tables with
 * COPY, the floor the run is compared with. Returns one section of docs/benchmarks.md.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { BILLING_CHUNK_SIZE, type Identity } from '@relais/domain';
import { check, percentile, tenantQuery } from './billing';
import type { ChildOptions, PreviewFigures, RunFigures, StatementTime } from './contract-billing-child';
import type { ContractTenant } from './contract-billing-data';
import { fixed, type SectionResult } from './report';
import type { BenchSettings } from './settings';
import { runStepChild } from './step-child';

export interface ContractBillingContext {
  tenant: ContractTenant;
  adminUrl: string;
  appUrl: string;
  settings: BenchSettings;
  log(message: string): void;
}

export interface ContractScenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  run(context: ContractBillingContext): Promise<SectionResult>;
}

/** The goals on this 2-CPU machine. */
const GOALS = { runSeconds: 20, previewSeconds: 5, peakRssMiB: 512 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One step in a child process with the billing service's flags: the run and the preview run there in production. */
const runChild = <T>(options: ChildOptions) =>
  runStepChild<T>('billing', 'contract-billing-child.ts', 'CONTRACT_BILLING_CHILD', options, options.step);

interface Outcome {
  firstNumber: string;
  lastNumber: string;
  invoices: number;
  periods: number;
  lines: number;
  revisedLines: number;
  vatRows: number;
  totalNet: string;
  totalGross: string;
}

/**
 * Checks that the run issued exactly one invoice per contract, numbered from 00001 with no gap and
 * no duplicate (the tenant has no other invoice), billed each period once on its contract's
 * invoice, and that the invoices add up: to their lines and VAT rows, to the run's totals, and to
 * what the preview showed.
 */
async function checkOutcome(context: ContractBillingContext, runId: string, preview: PreviewFigures, run: RunFigures): Promise<Outcome> {
  const { tenantId, contracts } = context.tenant;
  const q = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    tenantQuery<R>(context.adminUrl, tenantId, sql, [tenantId, ...params]);
  const [runRow] = await q<{ state: string; invoice_count: number; contracts_total: number; contracts_done: number; errors: number }>(
    `select state, invoice_count, contracts_total, contracts_done, jsonb_array_length(errors) as errors
       from contract_billing_runs where tenant_id = $1 and id = $2`,
    [runId],
  );
  check(
    runRow?.state === 'SUCCEEDED' &&
      runRow.invoice_count === contracts &&
      runRow.contracts_total === contracts &&
      runRow.contracts_done === contracts &&
      runRow.errors === 0,
    `expected the run SUCCEEDED with ${contracts} invoices for ${contracts} contracts and no error, got ${JSON.stringify(runRow)}`,
  );

  const invoices = await q<{ number: string; status: string; contract_id: string; issue_date: string }>(
    `select number, status, contract_id, issue_date::text from invoices where tenant_id = $1 order by number`,
  );
  check(invoices.length === contracts, `expected ${contracts} invoices in the tenant, found ${invoices.length}`);
  check(
    invoices.every((i) => i.status === 'ISSUED'),
    'an invoice of the run is not ISSUED',
  );
  const year = invoices[0]!.issue_date.slice(0, 4);
  invoices.forEach((invoice, i) => {
    const number = `F-${year}-${String(i + 1).padStart(5, '0')}`;
    check(invoice.number === number, `invoice numbers: expected ${number} at position ${i + 1}, found ${invoice.number}`);
  });
  check(new Set(invoices.map((i) => i.contract_id)).size === contracts, 'a contract has no invoice, or two');

  const [periods] = await q<{ periods: number; invoices: number; contracts: number; foreign: number; outside: number; other_run: number }>(
    `select count(*)::int as periods, count(distinct p.invoice_id)::int as invoices, count(distinct p.contract_id)::int as contracts,
            count(*) filter (where i.contract_id is distinct from p.contract_id)::int as foreign,
            count(*) filter (where p.period_start < i.billing_period_start or p.period_end > i.billing_period_end)::int as outside,
            count(*) filter (where p.run_id is distinct from $2)::int as other_run
       from contract_billing_periods p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id
      where p.tenant_id = $1`,
    [runId],
  );
  check(
    periods!.periods === preview.periods &&
      periods!.invoices === contracts &&
      periods!.contracts === contracts &&
      periods!.foreign === 0 &&
      periods!.outside === 0 &&
      periods!.other_run === 0,
    `expected the ${preview.periods} periods of the preview billed once by the run, each on its contract's invoice, got ${JSON.stringify(periods)}`,
  );
  // Each billed period has its lines on the invoice (service period = billed period).
  const [unlined] = await q<{ n: number }>(
    `select count(*)::int as n from contract_billing_periods p
      where p.tenant_id = $1 and not exists (select 1 from invoice_lines l where l.tenant_id = p.tenant_id and l.invoice_id = p.invoice_id
                                               and l.service_start = p.period_start and l.service_end = p.period_end)`,
  );
  check(unlined!.n === 0, `${unlined!.n} billed periods have no line on their invoice`);

  const [sums] = await q<{
    net: string;
    vat: string;
    gross: string;
    lines: number;
    revised: number;
    vat_rows: number;
    bad_lines: number;
    bad_vat: number;
    bad_gross: number;
  }>(
    `with l as (select invoice_id, sum(line_net) as net, count(*) as n, count(reason) as revised from invoice_lines where tenant_id = $1 group by invoice_id),
          v as (select invoice_id, sum(basis) as basis, sum(tax) as tax, count(*) as n from invoice_vat_breakdown where tenant_id = $1 group by invoice_id)
     select sum(i.total_net)::text as net, sum(i.total_vat)::text as vat, sum(i.total_gross)::text as gross,
            sum(l.n)::int as lines, sum(l.revised)::int as revised, sum(v.n)::int as vat_rows,
            count(*) filter (where l.net is distinct from i.total_net)::int as bad_lines,
            count(*) filter (where v.basis is distinct from i.total_net or v.tax is distinct from i.total_vat)::int as bad_vat,
            count(*) filter (where i.total_gross <> i.total_net + i.total_vat or i.amount_due <> i.total_gross)::int as bad_gross
       from invoices i left join l on l.invoice_id = i.id left join v on v.invoice_id = i.id
      where i.tenant_id = $1`,
  );
  const s = sums!;
  check(
    s.bad_lines === 0 && s.bad_vat === 0 && s.bad_gross === 0,
    `invoices whose totals differ from their lines (${s.bad_lines}), from their VAT rows (${s.bad_vat}) or from net + VAT (${s.bad_gross})`,
  );
  check(
    s.net === run.totalNet && s.gross === run.totalGross,
    `the invoices total ${s.net} net / ${s.gross} gross, the run says ${run.totalNet} / ${run.totalGross}`,
  );
  check(
    s.net === preview.totalNet && s.vat === preview.totalVat && s.gross === preview.totalGross,
    `the invoices total ${s.net} / ${s.vat} / ${s.gross}, the preview showed ${preview.totalNet} / ${preview.totalVat} / ${preview.totalGross}`,
  );
  check(
    s.lines === preview.lines && s.revised === preview.revisedLines,
    `the invoices have ${s.lines} lines (${s.revised} revised), the preview showed ${preview.lines} (${preview.revisedLines})`,
  );
  return {
    firstNumber: invoices[0]!.number,
    lastNumber: invoices.at(-1)!.number,
    invoices: invoices.length,
    periods: periods!.periods,
    lines: s.lines,
    revisedLines: s.revised,
    vatRows: s.vat_rows,
    totalNet: s.net,
    totalGross: s.gross,
  };
}

interface CopyTable {
  table: string;
  rows: number;
  bytes: number;
  outMs: number;
  inMs: number;
}

/**
 * The baseline: the rows the run wrote (its invoices, their lines and VAT rows, its billed periods)
 * copied out with `COPY (select …) TO STDOUT` then into temporary tables `LIKE` the real ones
 * (`INCLUDING ALL`: defaults, checks, primary and unique indexes) with `COPY … FROM STDIN`, in one
 * transaction each way, timed separately.
 */
async function copyBaseline(context: ContractBillingContext, runId: string): Promise<CopyTable[]> {
  const { tenantId } = context.tenant;
  check(UUID.test(tenantId) && UUID.test(runId), 'tenant and run ids must be UUIDs');
  const runInvoices = `select invoice_id from contract_billing_periods where tenant_id = '${tenantId}' and run_id = '${runId}'`;
  const tables: { table: string; where: string }[] = [
    { table: 'invoices', where: `t.tenant_id = '${tenantId}' and t.id in (${runInvoices})` },
    {
      table: 'invoice_lines',
      where: `t.tenant_id = '${tenantId}' and t.invoice_id in (${runInvoices})`,
    },
    {
      table: 'invoice_vat_breakdown',
      where: `t.tenant_id = '${tenantId}' and t.invoice_id in (${runInvoices})`,
    },
    {
      table: 'contract_billing_periods',
      where: `t.tenant_id = '${tenantId}' and t.run_id = '${runId}'`,
    },
  ];
  const source = new pg.Client({ connectionString: context.adminUrl });
  const target = new pg.Client({ connectionString: context.adminUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    // Generated columns (an invoice's open balance and settlement state) are computed again on the way in, as on insert.
    const stored = await source.query<{ table_name: string; columns: string }>(
      `select table_name, string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns
         from information_schema.columns where table_schema = 'public' and table_name = any($1) and is_generated = 'NEVER'
        group by table_name`,
      [tables.map((t) => t.table)],
    );
    const columnsOf = new Map(stored.rows.map((r) => [r.table_name, r.columns]));
    const copied: { table: string; columns: string; chunks: Buffer[]; bytes: number; outMs: number }[] = [];
    await source.query('begin read only');
    await source.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    for (const { table, where } of tables) {
      const columns = columnsOf.get(table)!;
      const chunks: Buffer[] = [];
      const t0 = performance.now();
      const stream = source.query(copyTo(`copy (select ${columns} from ${table} t where ${where}) to stdout`));
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      copied.push({ table, columns, chunks, bytes: chunks.reduce((n, c) => n + c.length, 0), outMs: performance.now() - t0 });
    }
    await source.query('commit');

    for (const { table } of tables) await target.query(`create temp table bench_copy_${table} (like ${table} including all)`);
    const result: CopyTable[] = [];
    await target.query('begin');
    for (const { table, columns, chunks, bytes, outMs } of copied) {
      const t0 = performance.now();
      const stream = target.query(copyFrom(`copy bench_copy_${table} (${columns}) from stdin`));
      await pipeline(Readable.from(chunks), stream);
      result.push({ table, rows: stream.rowCount, bytes, outMs, inMs: performance.now() - t0 });
    }
    const t0 = performance.now();
    await target.query('commit');
    result.at(-1)!.inMs += performance.now() - t0;
    return result;
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

/** "label 1.23 s (40×)" for the statements taking the most time, and the total. */
function statementSummary(statements: StatementTime[], top: number): { totalMs: number; text: string } {
  const totalMs = statements.find((s) => s.label === '*')?.ms ?? 0;
  const text = statements
    .filter((s) => s.label !== '*')
    .slice(0, top)
    .map((s) => `${s.label} ${fixed(s.ms / 1000, 2)} s (${s.count}×)`)
    .join(', ');
  return { totalMs, text };
}

const yes = (met: boolean) => (met ? 'yes' : '**no**');

const contractBilling: ContractScenario = {
  id: 'contract-billing',
  async run(context) {
    const { tenant, log } = context;
    const n = tenant.contracts;
    const identity: Identity = { kind: 'user', tenantId: tenant.tenantId, userId: tenant.userId, role: 'billing', email: tenant.email };
    const child = { appUrl: context.appUrl, identity, billingDate: tenant.billingDate };
    const load = os.loadavg()[0]!;
    log(`contract-billing: 1-minute load average ${load.toFixed(2)} on ${os.availableParallelism()} CPUs`);

    log(`contract-billing: previewing ${tenant.billingDate} for ${n} contracts (child process)`);
    const preview = await runChild<PreviewFigures>({ ...child, step: 'preview' });
    check(
      preview.contracts === n && preview.invoices === n && preview.blocked === 0,
      `expected the preview to list ${n} contracts and ${n} invoices, none blocked; got ${JSON.stringify(preview)}`,
    );
    log(
      `contract-billing: preview ${(preview.coldMs / 1000).toFixed(2)} s (warm ${(preview.warmMs / 1000).toFixed(2)} s), ` +
        `${preview.invoices} invoices, ${preview.lines} lines, peak RSS ${preview.peakRssMiB.toFixed(0)} MiB`,
    );

    log(`contract-billing: running the billing of ${tenant.billingDate} (child process)`);
    const run = await runChild<RunFigures>({ ...child, step: 'run' });
    const runSeconds = (run.startMs + run.processMs) / 1000;
    log(`contract-billing: run ${runSeconds.toFixed(1)} s, ${run.invoiceCount} invoices, peak RSS ${run.peakRssMiB.toFixed(0)} MiB`);
    const outcome = await checkOutcome(context, run.runId, preview, run);
    log(`contract-billing: outcome checked (${outcome.firstNumber} … ${outcome.lastNumber}); COPY baseline`);

    const copy = await copyBaseline(context, run.runId);
    for (const { table, rows } of copy) {
      const expected = {
        invoices: n,
        invoice_lines: outcome.lines,
        invoice_vat_breakdown: outcome.vatRows,
        contract_billing_periods: outcome.periods,
      };
      check(
        rows === expected[table as keyof typeof expected],
        `COPY of ${table}: ${rows} rows, expected ${expected[table as keyof typeof expected]}`,
      );
    }
    const copyOutMs = copy.reduce((t, c) => t + c.outMs, 0);
    const copyInMs = copy.reduce((t, c) => t + c.inMs, 0);
    const copySeconds = (copyOutMs + copyInMs) / 1000;
    const copyRows = copy.reduce((t, c) => t + c.rows, 0);
    log(`contract-billing: COPY out ${(copyOutMs / 1000).toFixed(2)} s + in ${(copyInMs / 1000).toFixed(2)} s for ${copyRows} rows`);

    const runSql = statementSummary(run.statements, 8);
    const previewSql = statementSummary(preview.statements, 4);
    log(`contract-billing: run SQL time ${fixed(runSql.totalMs / 1000, 2)} s: ${statementSummary(run.statements, 99).text}`);
    const chunks = run.chunkMarksMs.map((mark, i) => mark - (i === 0 ? run.planMs : run.chunkMarksMs[i - 1]!));
    const previewSeconds = preview.coldMs / 1000;
    const met = {
      run: runSeconds <= GOALS.runSeconds,
      preview: previewSeconds <= GOALS.previewSeconds,
      runRss: run.peakRssMiB <= GOALS.peakRssMiB,
      previewRss: preview.peakRssMiB <= GOALS.peakRssMiB,
    };
    const kinds = Object.entries(tenant.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => `${count} ${kind.toLowerCase().replace('_', '-').replace(' ', ' in ')}`)
      .join(', ');
    return {
      title: 'Billing: contract billing run',
      description:
        `The billing clerk’s monthly run: a tenant of its own with ${n} maintenance contracts (one per customer, ${kinds}), ` +
        `each with its billing terms and 1–3 fee lines (${tenant.feeLines} in all), ${tenant.indexedContracts} of them ` +
        `(${Math.round((tenant.indexedContracts / n) * 100)} %) indexed on a Syntec series and revised; every contract has a period ` +
        `due on the billing date (today, ${tenant.billingDate}) and none billed yet. First the preview ` +
        '(`contractBillingPreview`, what the clerk opens before the run), then a real run as the job worker does it: ' +
        '`startContractBillingRun` in its transaction, then `processContractBillingRun` (the plan in one transaction, then ' +
        `chunks of ${BILLING_CHUNK_SIZE} contracts per transaction: period keys claimed, invoices, lines and VAT rows ` +
        'bulk-inserted, each chunk numbered as one block under the series lock and issued). Each step runs in a child process ' +
        'of its own started with tsx and connected as the application role, so its peak RSS (`process.resourceUsage().maxRSS`) ' +
        'is the step’s own. The baseline copies the rows the run wrote (invoices, lines, VAT rows, billed periods) out with ' +
        '`COPY (select …) TO STDOUT` and into temporary tables `LIKE` the real ones `INCLUDING ALL` with `COPY … FROM STDIN`: ' +
        'the cost of moving the same rows in and out of PostgreSQL with nothing computed, checked or audited. ' +
        `Goals on this ${os.availableParallelism()}-CPU machine: run ≤ ${GOALS.runSeconds} s, preview ≤ ${GOALS.previewSeconds} s, ` +
        `peak RSS ≤ ${GOALS.peakRssMiB} MiB.`,
      headings: ['step', 'seconds', 'invoices', 'invoices/s', 'SQL statements', 'SQL/invoice', 'peak RSS MiB', 'goal', 'met'],
      rows: [
        [
          'preview (`contractBillingPreview`, first call of the process)',
          fixed(previewSeconds, 2),
          String(preview.invoices),
          '–',
          String(preview.sqlStatements),
          '–',
          fixed(preview.peakRssMiB, 0),
          `≤ ${GOALS.previewSeconds} s, ≤ ${GOALS.peakRssMiB} MiB`,
          `${yes(met.preview)}, ${yes(met.previewRss)}`,
        ],
        [
          `run (start + process, ${chunks.length} chunk${chunks.length === 1 ? '' : 's'})`,
          fixed(runSeconds, 1),
          String(run.invoiceCount),
          fixed(run.invoiceCount / runSeconds, 0),
          String(run.sqlStatements),
          fixed(run.sqlStatements / run.invoiceCount, 3),
          fixed(run.peakRssMiB, 0),
          `≤ ${GOALS.runSeconds} s, ≤ ${GOALS.peakRssMiB} MiB`,
          `${yes(met.run)}, ${yes(met.runRss)}`,
        ],
        [
          'baseline: COPY out + in of the same rows',
          fixed(copySeconds, 2),
          String(n),
          fixed(n / copySeconds, 0),
          String(2 * copy.length),
          fixed((2 * copy.length) / n, 3),
          '–',
          '–',
          '–',
        ],
      ],
      ratio: `run / COPY time = ${(runSeconds / copySeconds).toFixed(1)} (COPY out + in moves the same rows ${(runSeconds / copySeconds).toFixed(1)}× faster)`,
      notes: [
        `1-minute load average when the scenario started: ${load.toFixed(2)} on ${os.availableParallelism()} CPUs (the machine was shared with other work; the figures move with it).`,
        `Goals: run ${fixed(runSeconds, 1)} s for ≤ ${GOALS.runSeconds} s — ${met.run ? 'met' : 'not met'}; preview ${fixed(previewSeconds, 2)} s for ` +
          `≤ ${GOALS.previewSeconds} s — ${met.preview ? 'met' : 'not met'} (a second preview in the same process: ${fixed(preview.warmMs / 1000, 2)} s); ` +
          `peak RSS ${fixed(run.peakRssMiB, 0)} MiB for the run and ${fixed(preview.peakRssMiB, 0)} MiB for the preview for ≤ ${GOALS.peakRssMiB} MiB — ` +
          `${met.runRss && met.previewRss ? 'met' : 'not met'} (each process holds ${fixed(run.rssAfterInitMiB, 0)} MiB once the ORM is initialised).`,
        `Checked in the database: the run SUCCEEDED with no error and issued exactly ${outcome.invoices} invoices, one per contract, numbered ` +
          `${outcome.firstNumber} to ${outcome.lastNumber} with no gap and no duplicate; it billed the ${outcome.periods} periods the preview ` +
          `listed once each (\`contract_billing_periods\`), on its contract’s invoice and inside its billed period, each with its lines ` +
          `(${outcome.lines} lines, ${outcome.revisedLines} of them revised, ${outcome.vatRows} VAT rows); every invoice’s totals equal its lines ` +
          `and VAT rows, and the invoices add up to the run’s totals and the preview’s (${outcome.totalNet} € net, ${outcome.totalGross} € gross).`,
        `Where the run’s time goes: ${fixed(run.startMs, 0)} ms to start it; ${fixed(run.planMs, 0)} ms for the plan (the run’s ` +
          `first transaction: it lists the ${n} contracts with billing terms; each chunk then loads and prices its own); then ` +
          `${chunks.length} chunks, ${fixed(percentile(chunks, 50), 0)} ms each at the median (slowest ` +
          `${fixed(chunks.length ? Math.max(...chunks) : null, 0)} ms; measured up to each chunk’s last write, the previous commit included). ` +
          'SQL statements count the ORM’s, `begin`/`commit` and session settings included.',
        `Time in SQL (each statement from sent to answered, by the ORM’s query log): the run ${fixed(runSql.totalMs / 1000, 1)} s of its ` +
          `${fixed(runSeconds, 1)} s (the rest is the worker’s own work: pricing, building the rows) — ${runSql.text}; ` +
          `the preview ${fixed(previewSql.totalMs / 1000, 2)} s of its ${fixed(previewSeconds, 2)} s — ${previewSql.text}.`,
        `PDFs are not rendered during the run: the run only writes and issues the invoices; their Factur-X PDFs are rendered when ` +
          'they are sent, by the `contract-billing-send` job queued after the run (one transaction per invoice), which this scenario ' +
          'does not measure (see the rendering section for the cost of one document).',
        `COPY detail: ${copy
          .map(
            (c) =>
              `${c.table} ${c.rows} rows, ${fixed(c.bytes / 1024 / 1024, 1)} MiB, out ${fixed(c.outMs, 0)} ms, in ${fixed(c.inMs, 0)} ms`,
          )
          .join('; ')}. The temporary tables have no trigger (the real ones audit every row and guard issued invoices), ` +
          'no foreign key, no row-level security and no WAL.',
      ],
    };
  },
};

export const CONTRACT_SCENARIOS: readonly ContractScenario[] = [contractBilling];
