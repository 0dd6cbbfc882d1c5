/** Printing the results and writing them into docs/benchmarks.md. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Measurement } from './measure';
import type { Scenario } from './scenarios';
import type { BenchSettings } from './settings';

export interface TargetResult {
  /** e.g. "gateway (federated)" or "baseline (node:http + pg)". */
  name: string;
  measurement: Measurement;
}

export interface ScenarioResult {
  scenario: Scenario;
  targets: TargetResult[];
  /** First target's req/s over the baseline's, when there is a baseline. */
  ratioToBaseline: number | null;
  /** The subgraph alone's req/s over the baseline's, when both were measured. */
  subgraphRatioToBaseline?: number | null;
  notes: string[];
}

/** One section of the report: a table of figures under a heading, whatever was measured. */
export interface SectionResult {
  title: string;
  /** One paragraph of markdown: what is measured and why. */
  description: string;
  /** The GraphQL operation(s) measured, shown in a code block, if any. */
  query?: string;
  headings: string[];
  /** Cells as printed; the first column is left-aligned, the others right-aligned. */
  rows: string[][];
  /** e.g. "gateway / baseline req/s = 0.121 (the baseline is 8.3× faster)". */
  ratio: string | null;
  notes: string[];
}

export interface Environment {
  date: Date;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  database: string;
  settings: BenchSettings;
  data: string;
  /** 1-minute load average just before the measurements: other work on the machine skews the figures. */
  loadBefore: number;
}

export function describeEnvironment(
  postgres: string,
  database: string,
  settings: BenchSettings,
  data: string,
  loadBefore: number,
): Environment {
  return {
    loadBefore,
    date: new Date(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres,
    database,
    settings,
    data,
  };
}

export const fixed = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));

const HEADINGS = ['target', 'req/s', 'p50 ms', 'p99 ms', 'SQL/request', 'non-2xx / errors', 'requests'];

/** The section of an autocannon scenario. */
export function loadSection(result: ScenarioResult): SectionResult {
  const ratio = result.ratioToBaseline;
  return {
    title: result.scenario.title,
    description: result.scenario.description,
    query: result.scenario.query,
    headings: HEADINGS,
    rows: result.targets.map(({ name, measurement: m }) => [
      name,
      fixed(m.requestsPerSecond, 1),
      fixed(m.latencyMs.p50, 0),
      fixed(m.latencyMs.p99, 0),
      fixed(m.sqlPerRequest, 2),
      `${m.non2xx} / ${m.errors}`,
      String(m.requests),
    ]),
    ratio:
      ratio === null
        ? null
        : `gateway / baseline req/s = ${ratio.toFixed(3)} (the baseline is ${(1 / ratio).toFixed(1)}× faster)` +
          (result.subgraphRatioToBaseline ? `; subgraph alone / baseline = ${result.subgraphRatioToBaseline.toFixed(3)}` : ''),
    notes: result.notes,
  };
}

/** A plain-text table for the terminal. */
export function formatTable(section: SectionResult): string {
  const table = [section.headings, ...section.rows];
  const widths = section.headings.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [section.title, line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  if (section.ratio) out.push(section.ratio);
  for (const note of section.notes) out.push(`note: ${note}`);
  return out.join('\n');
}

function markdownTable(section: SectionResult): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const all = [section.headings, ...section.rows];
  return [
    `| ${all[0]!.map(escape).join(' | ')} |`,
    `| ${all[0]!.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...all.slice(1).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function machineLine(env: Environment): string {
  return `${env.cpus} CPU (${env.cpuModel}), ${env.memoryGiB.toFixed(1)} GiB RAM, Node ${env.node}, ${env.postgres}`;
}

function header(env: Environment): string {
  const s = env.settings;
  return `# Benchmarks

Measured with \`pnpm bench\` (\`bench/run.ts\`): a scratch database (${env.database}, recreated each run), the demo
tenants plus generated data, the four subgraphs and the gateway started as for \`pnpm start\`, and
[autocannon](https://github.com/mcollina/autocannon) sending the same POST over and over through the gateway and
to a hand-written baseline (a bare \`node:http\` server with a \`pg\` pool as the application role, running one SQL
statement that builds the whole JSON answer). Load generator, gateway, subgraphs, baseline and PostgreSQL all share
the machine below, so the figures compare the two paths with each other; they are not capacity figures.

- Last run: ${env.date.toISOString().replace(/\.\d+Z$/, 'Z')}
- Machine: \`nproc\` = ${env.cpus} (${env.cpuModel}), ${env.memoryGiB.toFixed(1)} GiB RAM, ${os.type()} ${os.release()}
- Node ${env.node}; ${env.postgres}
- 1-minute load average before measuring: ${env.loadBefore.toFixed(2)} (other work on the machine skews the figures)
- Data: ${env.data}
- Load: ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s measured per target
  (\`BENCH_CONNECTIONS\`, \`BENCH_WARMUP\`, \`BENCH_DURATION\`; \`BENCH_CUSTOMERS\`, \`BENCH_SCENARIOS\`, \`DATABASE_URL\` also apply)
- Billing: ${s.invoices} invoices per target, ${s.billingConcurrency} workers; ${s.renders} documents rendered per mode;
  ${s.contracts} contracts in the contract billing run
  (\`BENCH_INVOICES\`, \`BENCH_BILLING_CONCURRENCY\`, \`BENCH_RENDERS\`, \`BENCH_CONTRACTS\`)
- Collections: ${s.movements} bank movements imported against ${s.openInvoices} open invoices, dunning preview over them
  (\`BENCH_MOVEMENTS\`, \`BENCH_OPEN_INVOICES\`)
- Dashboard: ${s.dashboardInvoices} invoices over two years in the dashboard tenant (\`BENCH_DASHBOARD_INVOICES\`)
- FEC: ${s.fecLines} journal lines in the fiscal year of the FEC tenant (\`BENCH_FEC_LINES\`)

Columns of the read scenarios: requests per second over the measured run; median and 99th-percentile latency; SQL
statements per request, read from the \`/metrics\` counters of the process that runs the SQL (for the gateway, the
subgraph's statements including \`begin\`/\`commit\` and session settings; the baseline sends its 4 statements —
\`begin\`, \`set_config\`, the query, \`commit\` — in one round trip); non-2xx responses and connection errors.
The billing sections are not autocannon loads (each mutation depends on the previous answer, and rendering runs
in-process): each says what it measures and what its columns are.
`;
}

export function scenarioSection(section: SectionResult, env: Environment): string {
  const lines = [`## ${section.title}`, '', section.description, ''];
  if (section.query) lines.push('```graphql', section.query, '```', '');
  lines.push(markdownTable(section), '');
  if (section.ratio) lines.push(`Ratio: ${section.ratio}.`, '');
  for (const note of section.notes) lines.push(`Note: ${note}`, '');
  lines.push(`_Measured ${env.date.toISOString().slice(0, 10)} on ${machineLine(env)}._`, '');
  return lines.join('\n');
}

/** Formats with the repository's Prettier settings, so `pnpm lint` accepts the file as written. */
async function formatMarkdown(file: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch (error) {
    console.warn('[bench] could not format the markdown with Prettier:', error instanceof Error ? error.message : error);
    return text;
  }
}

/**
 * Rewrites the header of docs/benchmarks.md and the sections of the scenarios run, keeping the
 * sections of the others (each says when and where it was measured).
 */
export async function writeMarkdown(file: string, results: SectionResult[], env: Environment): Promise<void> {
  const previous = existsSync(file) ? await readFile(file, 'utf8') : '';
  const sections: { title: string; text: string }[] = [];
  const parts = previous.split(/^(?=## )/m);
  for (const part of parts.slice(previous.startsWith('## ') ? 0 : 1)) {
    const title = /^## (.*)$/m.exec(part)?.[1]?.trim();
    if (title) sections.push({ title, text: part.trimEnd() + '\n' });
  }
  for (const result of results) {
    const text = scenarioSection(result, env);
    const existing = sections.find((s) => s.title === result.title);
    if (existing) existing.text = text;
    else sections.push({ title: result.title, text });
  }
  const body = [header(env), ...sections.map((s) => s.text)].join('\n').trimEnd() + '\n';
  await writeFile(file, await formatMarkdown(file, body));
}
