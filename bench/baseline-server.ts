/**
 * The hand-written baseline: a bare node:http server and a `pg` pool connected as the application
 * role, answering each POST with one SQL query that builds the whole JSON response. It runs in a
 * process of its own (like each subgraph and the gateway) so it does not share an event loop with
 * the load generator. It does no authentication and no GraphQL parsing: it is the floor the
 * federated stack is compared with, not a competitor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { stopProcess, waitForHealth } from '../scripts/stack';

export interface BaselineOptions {
  appDatabaseUrl: string;
  tenantId: string;
  /** One of BASELINE_QUERIES. */
  query: string;
  port: number;
  poolSize?: number;
}

export interface RunningBaseline {
  url: string;
  metricsUrl: string;
  /** The server's process (its CPU time per request is reported beside the gateway's). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The statement for each baseline query, `$tenant` standing for the tenant id. Each must return a
 * single row with a `body` text column: the JSON response, shaped like the GraphQL one.
 */
export const BASELINE_QUERIES: Record<string, string> = {
  customersWithSites: `
    with page as (
      select c.id, c.code, c.name, c.billing_city
        from customers c
       where c.tenant_id = $tenant
       order by c.name, c.id
       limit 50
    )
    select json_build_object('data', json_build_object('customers', json_build_object(
      'totalCount', (select count(*) from customers where tenant_id = $tenant),
      'edges', coalesce((
        select json_agg(json_build_object('node', json_build_object(
                 'id', p.id,
                 'code', p.code,
                 'name', p.name,
                 'billingAddress', json_build_object('city', p.billing_city),
                 'sites', coalesce((
                   select json_agg(json_build_object('id', s.id, 'name', s.name, 'address', json_build_object('city', s.city))
                                   order by s.name, s.id)
                     from sites s
                    where s.tenant_id = $tenant and s.customer_id = p.id), '[]'::json)
               )) order by p.name, p.id)
          from page p), '[]'::json)
    )))::text as body`,
  /**
   * The dashboard's floor: the home's aggregates in one statement (revenue and cash by month since
   * the start of last year, open and overdue receivables, unbilled count, open invoices by due
   * week), without the DSO count-back, the customers' payment behaviour or the contract schedules.
   */
  dashboardHome: `
    with d as (select (now() at time zone 'Europe/Paris')::date as today),
    span as (select make_date(extract(year from today)::int - 1, 1, 1) as since, today from d),
    revenue as (
      select to_char(date_trunc('month', i.issue_date), 'YYYY-MM') as month,
             sum(case when i.type_code = '381' then -i.total_net else i.total_net end) as amount
        from invoices i, span
       where i.tenant_id = $tenant and i.status = 'ISSUED' and i.issue_date between span.since and span.today
         and (i.type_code = '380' or (i.type_code = '381' and (
               select o.type_code from invoices o where o.tenant_id = i.tenant_id and o.id = i.credited_invoice_id) = '380'))
       group by date_trunc('month', i.issue_date)),
    cash as (
      select to_char(date_trunc('month', m.on_date), 'YYYY-MM') as month, sum(m.amount) as amount
        from (select p.received_on as on_date, p.amount from payments p, span
               where p.tenant_id = $tenant and p.received_on between span.since and span.today
              union all
              select p.reversed_on, -p.amount from payments p, span
               where p.tenant_id = $tenant and p.reversed_on between span.since and span.today
              union all
              select r.refunded_on, -r.amount from payment_refunds r, span
               where r.tenant_id = $tenant and r.refunded_on between span.since and span.today) m
       group by date_trunc('month', m.on_date)),
    open_items as (
      select coalesce(sum(i.open_balance), 0) as open, coalesce(sum(i.open_balance) filter (where i.due_date < d.today), 0) as overdue
        from invoices i, d
       where i.tenant_id = $tenant and i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0),
    credit as (select coalesce(sum(p.unallocated_amount), 0) as amount from payments p where p.tenant_id = $tenant and p.unallocated_amount > 0),
    unbilled as (
      select count(*)::int as count from interventions i, d
       where i.tenant_id = $tenant and i.status = 'CLOSED' and (i.closed_at at time zone 'Europe/Paris')::date <= d.today
         and not exists (select 1 from invoice_interventions l where l.tenant_id = i.tenant_id and l.intervention_id = i.id)
         and not exists (select 1 from billing_exclusions e where e.tenant_id = i.tenant_id and e.intervention_id = i.id)),
    weeks as (
      select date_trunc('week', greatest(i.due_date, d.today))::date as week, sum(i.open_balance) as amount
        from invoices i, d
       where i.tenant_id = $tenant and i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0
         and greatest(i.due_date, d.today) < date_trunc('week', d.today)::date + 91
       group by 1)
    select json_build_object('data', json_build_object('dashboard', json_build_object(
      'revenue', (select coalesce(json_object_agg(month, amount::text order by month), '{}'::json) from revenue),
      'cash', (select coalesce(json_object_agg(month, amount::text order by month), '{}'::json) from cash),
      'open', (select round(o.open - c.amount, 2)::text from open_items o, credit c),
      'overdue', (select round(overdue, 2)::text from open_items),
      'unbilled', (select count from unbilled),
      'forecast', (select coalesce(json_object_agg(week, amount::text order by week), '{}'::json) from weeks)
    )))::text as body`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Starts the server in this process. Each request is ONE round trip: a simple-protocol batch
 * `begin; set_config('app.tenant_id'); <query>; commit` (row-level security needs the setting in the
 * transaction; the tenant id is a validated UUID, inlined because a batch cannot take parameters).
 * GET /metrics answers {requests, sqlQueries} like the subgraphs, counting the 4 statements.
 */
export async function startBaselineServer(options: BaselineOptions): Promise<RunningBaseline & { port: number }> {
  if (!UUID.test(options.tenantId)) throw new Error(`not a tenant id: ${options.tenantId}`);
  const sql = BASELINE_QUERIES[options.query];
  if (!sql) throw new Error(`unknown baseline query ${options.query}`);
  const tenant = `'${options.tenantId}'::uuid`;
  const batch = `begin; select set_config('app.tenant_id', '${options.tenantId}', true); ${sql.replaceAll('$tenant', tenant)}; commit`;
  const statementsPerRequest = 4;
  const pool = new pg.Pool({ connectionString: options.appDatabaseUrl, max: options.poolSize ?? 20 });
  const metrics = { requests: 0, sqlQueries: 0 };

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/metrics') return send(res, 200, JSON.stringify(metrics));
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, '{"status":"ok"}');
    if (req.method !== 'POST') return send(res, 405, '{"error":"method not allowed"}');
    for await (const _chunk of req) {
      // the body is ignored: the query is fixed
    }
    const results = (await pool.query(batch)) as unknown as pg.QueryResult<{ body?: string }>[];
    metrics.requests += 1;
    metrics.sqlQueries += statementsPerRequest;
    send(res, 200, results[2]!.rows[0]!.body!);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('baseline request failed', error);
      if (!res.headersSent) send(res, 500, '{"errors":[{"message":"internal error"}]}');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    pid: process.pid,
    url: `http://127.0.0.1:${port}/`,
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

/** Starts the baseline server in a child process and waits until it answers /health. */
export async function spawnBaselineServer(options: BaselineOptions): Promise<RunningBaseline> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'baseline-main.ts')], {
    env: { ...process.env, BASELINE_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => stopProcess(child);
  const base = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(`${base}/health`, child, 'baseline server', 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${base}/`, metricsUrl: `${base}/metrics`, pid: child.pid!, stop };
}
