/**
 * The dashboard scenario (issue 10's speed targets), on a tenant of its own (dashboard-data.ts)
 * with 100,000 invoices over two years: the accountant's home (`dashboard`, every block the finance
 * app asks for) through the gateway under a steady load, against a floor measured in the same run
 * on the same data: the same aggregates as one plain SQL statement behind a bare node:http server
 * (the read scenarios' baseline server). Then each block of the home alone, and the profitability
 * report over a year by each grouping. The figures the gateway answers are checked against the
 * floor's and against the generated data. Returns one section of docs/benchmarks.md.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { check, percentile } from './billing';
import { spawnBaselineServer } from './baseline-server';
import type { DashboardTenant } from './dashboard-data';
import { graphqlRequestBody, type GraphQLBody } from './graphql';
import { measure, probe, type LoadTarget, type Measurement } from './measure';
import { fixed, type SectionResult } from './report';
import type { BenchSettings } from './settings';
import { freePort } from '../scripts/stack';

export interface DashboardContext {
  tenant: DashboardTenant;
  gatewayUrl: string;
  token: string;
  /** The finance subgraph's /metrics (its SQL statements). */
  financeMetricsUrl: string;
  appUrl: string;
  settings: BenchSettings;
  log(message: string): void;
}

export interface DashboardScenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  run(context: DashboardContext): Promise<SectionResult>;
}

/** Issue 10's targets. */
export const DASHBOARD_GOALS = { homeP50Ms: 300, profitabilityMs: 1000 };

/** The home as the finance app asks for it (DashboardHome in frontends/finance). */
const HOME = `query DashboardHome {
  dashboard {
    asOf
    receivables { open overdue dso }
    unbilledWork { count oldestDays buckets { age count } }
    revenueByMonth { year currentToDate previousToDate months { month current previous } }
    cashCollectedByMonth { year currentToDate previousToDate months { month current previous } }
    cashForecast { total disputedCount disputedAmount weeks { start end invoices contracts directDebits total } }
  }
}`;

const BLOCKS: Record<string, string> = {
  revenueByMonth: 'revenueByMonth { currentToDate months { month current previous } }',
  cashCollectedByMonth: 'cashCollectedByMonth { currentToDate months { month current previous } }',
  receivables: 'receivables { open overdue dso }',
  unbilledWork: 'unbilledWork { count oldestDays }',
  cashForecast: 'cashForecast { total weeks { start total } }',
};

const PROFITABILITY = `query Profitability($groupBy: ProfitabilityGroup!, $from: LocalDate!, $to: LocalDate!) {
  profitability(groupBy: $groupBy, from: $from, to: $to, first: 200) {
    totalCount edges { node { key label revenue cost { total } margin marginRate costUnknownCount } }
    totals { revenue cost { labour parts travel total } margin marginRate costUnknownCount }
  }
}`;

interface Comparison {
  currentToDate: string;
  months: { month: number; current: string | null; previous: string }[];
}
interface Home {
  dashboard: {
    receivables: { open: string; overdue: string; dso: string | null };
    unbilledWork: { count: number };
    revenueByMonth: Comparison;
    cashCollectedByMonth: Comparison;
    cashForecast: { total: string; weeks: unknown[] };
  };
}
interface Floor {
  revenue: Record<string, string>;
  cash: Record<string, string>;
  open: string;
  overdue: string;
  unbilled: number;
}

async function post<T>(
  context: DashboardContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ ms: number; data: T }> {
  const started = performance.now();
  const response = await fetch(context.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
    body: graphqlRequestBody(query, variables),
  });
  const body = (await response.json()) as GraphQLBody<T>;
  const ms = performance.now() - started;
  if (response.status !== 200 || body.errors?.length || !body.data)
    throw new Error(`dashboard bench: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return { ms, data: body.data };
}

/** `count` requests one after the other (after one not counted): the latency of one user. */
async function sequential(context: DashboardContext, count: number, query: string, variables: Record<string, unknown> = {}) {
  await post(context, query, variables);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push((await post(context, query, variables)).ms);
  return { p50: percentile(times, 50)!, p95: percentile(times, 95)!, max: Math.max(...times) };
}

/** The months of this year and last as the floor keys them ("2026-03"), from the gateway's answer. */
function monthsOf(year: number, c: Comparison): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of c.months) {
    const key = (y: number) => `${y}-${String(m.month).padStart(2, '0')}`;
    if (m.current !== null && m.current !== '0.00') out[key(year)] = m.current;
    if (m.previous !== '0.00') out[key(year - 1)] = m.previous;
  }
  return out;
}

/** The months with an amount, in month order, to compare. */
const sorted = (months: Record<string, string>) => JSON.stringify(Object.entries(months).sort(([a], [b]) => a.localeCompare(b)));

function sameFigures(home: Home['dashboard'], floor: Floor, year: number): void {
  const revenue = sorted(monthsOf(year, home.revenueByMonth));
  check(revenue === sorted(floor.revenue), `revenue by month differs: gateway ${revenue}, floor ${sorted(floor.revenue)}`);
  const cash = sorted(monthsOf(year, home.cashCollectedByMonth));
  check(cash === sorted(floor.cash), `cash by month differs: gateway ${cash}, floor ${sorted(floor.cash)}`);
  check(
    home.receivables.open === floor.open && home.receivables.overdue === floor.overdue,
    `receivables differ: gateway ${JSON.stringify(home.receivables)}, floor open ${floor.open} overdue ${floor.overdue}`,
  );
  check(home.unbilledWork.count === floor.unbilled, `unbilled work: gateway ${home.unbilledWork.count}, floor ${floor.unbilled}`);
}

const row = (name: string, m: Measurement) => [
  name,
  fixed(m.requestsPerSecond, 1),
  fixed(m.latencyMs.p50, 0),
  fixed(m.latencyMs.p99, 0),
  fixed(m.sqlPerRequest, 1),
  `${m.non2xx} / ${m.errors}`,
];

export const dashboard: DashboardScenario = {
  id: 'dashboard',
  async run(context) {
    const { tenant, settings, log } = context;
    const load = os.loadavg()[0]!;
    const year = Number(tenant.today.slice(0, 4));
    // One connection: the latency a user waits for the home, not the throughput of the machine.
    const loadSettings = { connections: 1, duration: settings.duration, warmup: settings.warmup };
    const gateway: LoadTarget = {
      url: context.gatewayUrl,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
      body: graphqlRequestBody(HOME, {}, 'DashboardHome'),
      metricsUrl: context.financeMetricsUrl,
    };
    const first = await post<Home>(context, HOME);
    const home = first.data.dashboard;
    check(home.unbilledWork.count === 300, `expected the 300 closed interventions waiting to be billed, got ${home.unbilledWork.count}`);
    check(home.cashForecast.weeks.length === 13, 'expected 13 weeks of forecast');
    log(
      `dashboard: first home ${fixed(first.ms, 0)} ms (cold); measuring the gateway (${loadSettings.warmup} s + ${loadSettings.duration} s, 1 connection)`,
    );
    const gatewayRun = await measure(gateway, loadSettings);

    const baseline = await spawnBaselineServer({
      appDatabaseUrl: context.appUrl,
      tenantId: tenant.tenantId,
      query: 'dashboardHome',
      port: await freePort(),
    });
    let floorRun: Measurement;
    try {
      const target: LoadTarget = {
        url: baseline.url,
        headers: { 'content-type': 'application/json' },
        body: gateway.body,
        metricsUrl: baseline.metricsUrl,
      };
      const answer = await probe(target);
      const floor = (answer.body as { data: { dashboard: Floor } }).data.dashboard;
      sameFigures(home, floor, year);
      log('dashboard: the floor answers the same revenue, cash, receivables and unbilled figures; measuring it');
      floorRun = await measure(target, loadSettings);
    } finally {
      await baseline.stop();
    }

    const alone = await sequential(context, 40, HOME);
    log(`dashboard: home one request after the other p50 ${fixed(alone.p50, 0)} ms, p95 ${fixed(alone.p95, 0)} ms`);

    const blocks: [string, { p50: number; max: number }][] = [];
    for (const [name, selection] of Object.entries(BLOCKS))
      blocks.push([name, await sequential(context, 20, `{ dashboard { ${selection} } }`)]);
    log(`dashboard: blocks alone ${blocks.map(([n, b]) => `${n} ${fixed(b.p50, 0)} ms`).join(', ')}`);

    const yearAgo = new Date(Date.parse(`${tenant.today}T12:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const reports: [string, { p50: number; max: number }, number][] = [];
    for (const groupBy of ['CUSTOMER', 'CONTRACT', 'SITE', 'TECHNICIAN']) {
      const variables = { groupBy, from: yearAgo, to: tenant.today };
      const answer = await post<{ profitability: { totalCount: number } }>(context, PROFITABILITY, variables);
      reports.push([groupBy, await sequential(context, 5, PROFITABILITY, variables), answer.data.profitability.totalCount]);
    }
    log(`dashboard: profitability over a year ${reports.map(([g, r]) => `${g} ${fixed(r.p50, 0)} ms`).join(', ')}`);

    const p50 = gatewayRun.latencyMs.p50;
    const slowestReport = Math.max(...reports.map(([, r]) => r.p50));
    const met = { home: p50 <= DASHBOARD_GOALS.homeP50Ms, profitability: slowestReport <= DASHBOARD_GOALS.profitabilityMs };
    return {
      title: 'Dashboard: the accountant’s home and profitability',
      description:
        `The finance home (\`dashboard\`: revenue and cash by month this year against last, receivables with the DSO, unbilled ` +
        `work, the 13-week cash forecast — the query the finance app sends) in a tenant of its own holding ${tenant.invoices} ` +
        `invoices and ${tenant.creditNotes} credit notes over two years for ${tenant.customers} customers (${tenant.openInvoices} ` +
        `still open, ${tenant.payments} paid at each customer's habit), ${tenant.interventions} interventions with labour and ` +
        `parts (300 waiting to be billed) and ${tenant.contracts} contracts billing monthly. Measured through the gateway with ` +
        'one connection (the time one user waits; the machine is shared by the load generator, the gateway, the subgraphs and ' +
        'PostgreSQL), against a floor measured in the same run on the same data: the same aggregates (revenue and cash by month, ' +
        'open and overdue receivables, unbilled count, open invoices by due week) as one plain SQL statement behind a bare ' +
        '`node:http` server, which does no DSO count-back, no customer payment behaviour and no contract schedule. Then the ' +
        'home 40 times one request after the other (its p50 and p95), each block alone (20 requests one after the other), and ' +
        `\`profitability\` over a year by each grouping (5 requests). ` +
        `Targets (issue 10): home ≤ ${DASHBOARD_GOALS.homeP50Ms} ms p50 through the gateway; profitability over a year ≤ ` +
        `${DASHBOARD_GOALS.profitabilityMs / 1000} s.`,
      query: HOME,
      headings: ['target', 'req/s', 'p50 ms', 'p99 ms', 'SQL/request', 'non-2xx / errors'],
      rows: [
        row('home through the gateway (federated)', gatewayRun),
        row('floor: the aggregates as one SQL (node:http + pg)', floorRun),
        ['home, 40 requests one after the other', '–', fixed(alone.p50, 0), `p95 ${fixed(alone.p95, 0)}`, '–', '–'],
        ...blocks.map(([name, b]) => [`block alone: \`${name}\``, '–', fixed(b.p50, 0), `max ${fixed(b.max, 0)}`, '–', '–']),
        ...reports.map(([groupBy, r, rows]) => [
          `profitability over a year by ${groupBy} (${rows} rows)`,
          '–',
          fixed(r.p50, 0),
          `max ${fixed(r.max, 0)}`,
          '–',
          '–',
        ]),
      ],
      ratio:
        `home p50 / floor p50 = ${(gatewayRun.latencyMs.p50 / Math.max(1, floorRun.latencyMs.p50)).toFixed(1)}; ` +
        `gateway / floor req/s = ${(gatewayRun.requestsPerSecond / floorRun.requestsPerSecond).toFixed(3)}`,
      notes: [
        `1-minute load average when the scenario started: ${load.toFixed(2)} on ${os.availableParallelism()} CPUs (the machine was shared with other work; the figures move with it).`,
        `Goals: home p50 ${fixed(p50, 0)} ms for ≤ ${DASHBOARD_GOALS.homeP50Ms} ms — ${met.home ? 'met' : 'not met'}; ` +
          `profitability over a year, slowest grouping p50 ${fixed(slowestReport, 0)} ms for ≤ ${DASHBOARD_GOALS.profitabilityMs} ms — ${met.profitability ? 'met' : 'not met'}.`,
        `Checked: the gateway's revenue and cash by month, open (${home.receivables.open} €) and overdue (${home.receivables.overdue} €) ` +
          `receivables and unbilled count (${home.unbilledWork.count}) equal the floor's; the forecast has 13 weeks ` +
          `(${home.cashForecast.total} € expected); DSO ${home.receivables.dso ?? '–'} days.`,
        'Command: `BENCH_SCENARIOS=dashboard pnpm bench` (add `DATABASE_URL` to use a running PostgreSQL server, ' +
          '`BENCH_DASHBOARD_INVOICES` to change the 100,000 documents, e.g. 20000 for a quicker run while iterating).',
        'SQL/request counts the finance subgraph’s statements (`begin`/`commit` and session settings included) for the gateway, ' +
          'the baseline’s 4 for the floor. The home’s blocks are resolved one after the other in the request’s one transaction.',
      ],
    };
  },
};

export const DASHBOARD_SCENARIOS: readonly DashboardScenario[] = [dashboard];
