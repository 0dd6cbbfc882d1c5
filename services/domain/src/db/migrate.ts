import { MikroORM } from '@mikro-orm/postgresql';
import { PgBoss } from 'pg-boss';
import pg from 'pg';
import { ormOptions } from './orm-config';
import { APP_ROLE } from './roles';
import { DEFAULT_APP_PASSWORD, databaseName, withDatabaseName } from './database-url';

/** Creates the database when missing (connecting to the server's `postgres` database). */
export async function ensureDatabase(adminUrl: string): Promise<boolean> {
  const name = databaseName(adminUrl);
  const client = new pg.Client({ connectionString: withDatabaseName(adminUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${pg.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(adminUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(databaseName(adminUrl))} with (force)`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations as the admin and lets the application role log in with its password. */
export async function migrate(
  adminUrl: string,
  appPassword = process.env.DATABASE_APP_PASSWORD ?? DEFAULT_APP_PASSWORD,
): Promise<string[]> {
  const orm = await MikroORM.init(ormOptions(adminUrl, { debug: false, pool: { min: 0, max: 2 } }));
  try {
    const applied = await orm.migrator.up();
    await installJobQueue(adminUrl);
    await orm.em.getConnection().execute(`
      grant usage, create on schema pgboss to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema pgboss to ${APP_ROLE};
      grant usage, select on all sequences in schema pgboss to ${APP_ROLE};
      grant execute on all functions in schema pgboss to ${APP_ROLE};
      alter role ${APP_ROLE} login password '${appPassword.replaceAll("'", "''")}'`);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

/** pg-boss creates and upgrades its own schema (`pgboss`) with its own versioned migrations. */
async function installJobQueue(adminUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: adminUrl, schedule: false, supervise: false, max: 2 });
  await boss.start();
  await boss.stop({ graceful: false });
}
