import { DataloaderType } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../entities';
import { migrations } from '../migrations';
import { QueryCountingLogger } from './query-counter';
import { RelaisPostgreSqlDriver } from './session-begin.driver';

export function ormOptions(clientUrl: string, overrides: Options = {}): Options {
  return defineConfig({
    driver: RelaisPostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    sessionContext: 'transaction',
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: ['query'],
    loggerFactory: (options) => new QueryCountingLogger(options),
    pool: { min: 0, max: 20 },
    migrations: {
      migrationsList: migrations,
      tableName: 'schema_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    ...overrides,
  });
}
