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
