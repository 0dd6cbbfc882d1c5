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

const fixed = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));

function rows(result: ScenarioResult): string[][] {
  return result.targets.map(({ name, measurement: m }) => [
    name,
    fixed(m.requestsPerSecond, 1),
    fixed(m.latencyMs.p50, 0),
    fixed(m.latencyMs.p99, 0),
    fixed(m.sqlPerRequest, 2),
    `${m.non2xx} / ${m.errors}`,
    String(m.requests),
  ]);
}

const HEADINGS = ['target', 'req/s', 'p50 ms', 'p99 ms', 'SQL/request', 'non-2xx / errors', 'requests'];

function ratioLine(result: ScenarioResult): string | null {
  if (result.ratioToBaseline === null) return null;
  return `gateway / baseline req/s = ${result.ratioToBaseline.toFixed(3)} (the baseline is ${(1 / result.ratioToBaseline).toFixed(1)}× faster)`;
}

/** A plain-text table for the terminal. */
export function formatTable(result: ScenarioResult): string {
  const table = [HEADINGS, ...rows(result)];
  const widths = HEADINGS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [result.scenario.title, line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  const ratio = ratioLine(result);
  if (ratio) out.push(ratio);
  for (const note of result.notes) out.push(`note: ${note}`);
  return out.join('\n');
}

function markdownTable(result: ScenarioResult): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const all = [HEADINGS, ...rows(result)];
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

Columns: requests per second over the measured run; median and 99th-percentile latency; SQL statements per
request, read from the \`/metrics\` counters of the process that runs the SQL (for the gateway, the subgraph's
statements including \`begin\`/\`commit\` and session settings; the baseline sends its 4 statements —
\`begin\`, \`set_config\`, the query, \`commit\` — in one round trip); non-2xx responses and connection errors.
`;
}

export function scenarioSection(result: ScenarioResult, env: Environment): string {
  const scenario = result.scenario;
  const lines = [`## ${scenario.title}`, '', scenario.description, '', '```graphql', scenario.query, '```', '', markdownTable(result), ''];
  const ratio = ratioLine(result);
  if (ratio) lines.push(`Ratio: ${ratio}.`, '');
  for (const note of result.notes) lines.push(`Note: ${note}`, '');
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
export async function writeMarkdown(file: string, results: ScenarioResult[], env: Environment): Promise<void> {
  const previous = existsSync(file) ? await readFile(file, 'utf8') : '';
  const sections: { title: string; text: string }[] = [];
  const parts = previous.split(/^(?=## )/m);
  for (const part of parts.slice(previous.startsWith('## ') ? 0 : 1)) {
    const title = /^## (.*)$/m.exec(part)?.[1]?.trim();
    if (title) sections.push({ title, text: part.trimEnd() + '\n' });
  }
  for (const result of results) {
    const text = scenarioSection(result, env);
    const existing = sections.find((s) => s.title === result.scenario.title);
    if (existing) existing.text = text;
    else sections.push({ title: result.scenario.title, text });
  }
  const body = [header(env), ...sections.map((s) => s.text)].join('\n').trimEnd() + '\n';
  await writeFile(file, await formatMarkdown(file, body));
}
