import pg from 'pg';
import { inject } from 'vitest';
import { createOrm, type Orm } from '@relais/domain';

/** A plain connection as the application role (subject to row-level security), for tests that check the database itself. */
export async function appClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('appDatabaseUrl') });
  await client.connect();
  return client;
}

export async function adminClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  return client;
}

export function appOrm(): Promise<Orm> {
  return createOrm(inject('appDatabaseUrl'), { pool: { min: 0, max: 5 } });
}

/** Runs `work` in a transaction bound to `tenantId` (as a request would be), then rolls it back. */
export async function inTenantTransaction<T>(client: pg.Client, tenantId: string, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await work();
  } finally {
    await client.query('rollback');
  }
}

/**
 * Runs `work` while another connection holds the rows `lockSql` locks, as a transaction in flight
 * elsewhere would (a job then waits at them), and lets them go when `work` ends.
 */
export async function whileLocked<T>(lockSql: string, params: unknown[], work: () => Promise<T>): Promise<T> {
  const holder = await adminClient();
  try {
    await holder.query('begin');
    await holder.query(lockSql, params);
    return await work();
  } finally {
    await holder.query('rollback').catch(() => {});
    await holder.end();
  }
}

/** What the application's pg clients are asked to send while `work` runs: a text, or a query config (a prepared statement's name, text and values). */
export async function queriesSent<T>(work: () => Promise<T>): Promise<{ result: T; sent: unknown[] }> {
  const sent: unknown[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    sent.push(args[0]);
    return query.apply(this, args);
  } as typeof query;
  try {
    return { result: await work(), sent };
  } finally {
    pg.Client.prototype.query = query;
  }
}

/** The messages the application's pg clients send while `work` runs (one message may hold several statements). */
export async function messagesSent<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const { result, sent } = await queriesSent(work);
  return { result, sent: sent.map((text) => (typeof text === 'string' ? text : String((text as { text?: string }).text))) };
}
