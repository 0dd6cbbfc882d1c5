import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appDatabaseUrl, withDatabaseName } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';
import { dropDatabase, ensureDatabase, migrate } from './migrate';
import { createOrm } from './orm';
import { seedDemo } from '../seed/demo';

export interface PreparedDatabase {
  adminUrl: string;
  appUrl: string;
  embedded: boolean;
  seeded: boolean;
  stop(): Promise<void>;
}

export interface PrepareOptions {
  /** Used when DATABASE_URL is not set. */
  embedded: { dataDir: string; port: number };
  /** Database name on the embedded server (DATABASE_URL names its own unless `database` is forced). */
  database?: string;
  forceDatabaseName?: boolean;
  fresh?: boolean;
  seed?: boolean;
  /** Where the demo writes the files it offers to import (its bank statement); not written when absent. */
  demoFilesDir?: string;
  log?: (message: string) => void;
}

/**
 * The database for a run: the server from DATABASE_URL, or the embedded one; the database created
 * if missing, migrated, the application role enabled, demo data loaded on first run when asked.
 */
export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !adminUrl;
  if (!adminUrl) {
    log(`starting embedded PostgreSQL (port ${options.embedded.port}, data in ${options.embedded.dataDir})`);
    const server = await startEmbeddedPostgres(options.embedded);
    adminUrl = withDatabaseName(server.adminUrl, options.database ?? 'relais');
    stop = server.stop;
  } else if (options.forceDatabaseName && options.database) {
    adminUrl = withDatabaseName(adminUrl, options.database);
  }
  try {
    if (options.fresh) await dropDatabase(adminUrl);
    await ensureDatabase(adminUrl);
    const applied = await migrate(adminUrl);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');
    const seeded = options.seed ? await loadDemoData(adminUrl, options.demoFilesDir) : false;
    if (options.seed) log(seeded ? 'demo data loaded' : 'demo data already present');
    return { adminUrl, appUrl: appDatabaseUrl(adminUrl), embedded, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function loadDemoData(adminUrl: string, filesDir: string | undefined): Promise<boolean> {
  const orm = await createOrm(adminUrl, { pool: { min: 0, max: 2 } });
  try {
    const files = await seedDemo(orm);
    if (files && filesDir) {
      await mkdir(filesDir, { recursive: true });
      for (const file of files) await writeFile(path.join(filesDir, file.name), file.content);
    }
    return files !== null;
  } finally {
    await orm.close(true);
  }
}
