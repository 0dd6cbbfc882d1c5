import path from 'node:path';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '@relais/domain';
import { freePort, startStack } from '../../scripts/stack';

const root = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    appDatabaseUrl: string;
    gatewayUrl: string;
    subgraphUrls: Record<string, string>;
    sessionSecret: string;
    backOfficeUrl: string | null;
  }
}

const log = (message: string) => console.log(`[test setup] ${message}`);

export default async function setup(project: TestProject) {
  const started = Date.now();
  const db = await prepareDatabase({
    embedded: { dataDir: path.join(root, '.data/test-postgres'), port: Number(process.env.TEST_PG_PORT ?? 54339) },
    database: process.env.TEST_DATABASE_NAME ?? 'relais_test',
    forceDatabaseName: true,
    fresh: true,
    seed: true,
    log,
  });
  const sessionSecret = 'test-session-secret-0123456789abcdef';
  const stack = await startStack({
    appDatabaseUrl: db.appUrl,
    sessionSecret,
    internalSecret: 'test-internal-secret-0123456789abcdef',
    gatewayPort: await freePort(),
    subgraphPorts: {
      platform: await freePort(),
      maintenance: await freePort(),
      billing: await freePort(),
      finance: await freePort(),
    },
    logLevel: 'error',
    onOutput: (service, line) => console.error(`[${service}] ${line}`),
  });
  let backOffice: { url: string; close(): Promise<void> } | null = null;
  const serveModule = path.join(root, 'frontends/shell/server/serve.ts');
  if (existsSync(path.join(root, 'frontends/shell/dist/index.html')) && existsSync(serveModule)) {
    const { serveBackOffice } = (await import(serveModule)) as {
      serveBackOffice(opts: { port: number; gatewayUrl: string }): Promise<{ url: string; close(): Promise<void> }>;
    };
    backOffice = await serveBackOffice({ port: await freePort(), gatewayUrl: stack.gatewayUrl });
  }
  log(`database, subgraphs and gateway ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('adminDatabaseUrl', db.adminUrl);
  project.provide('appDatabaseUrl', db.appUrl);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('subgraphUrls', stack.subgraphUrls);
  project.provide('sessionSecret', sessionSecret);
  project.provide('backOfficeUrl', backOffice?.url ?? null);
  return async () => {
    await backOffice?.close();
    await stack.stop();
    await db.stop();
  };
}
