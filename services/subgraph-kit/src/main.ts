import type { SubgraphDefinition } from './schema';
import { startSubgraph } from './server';

/** Process entry of a subgraph: configuration from the environment, clean stop on SIGINT/SIGTERM. */
export async function runSubgraphProcess(definition: SubgraphDefinition, defaultPort: number): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) {
      console.error(`${name} is required`);
      process.exit(78);
    }
    return value;
  };
  for (const name of definition.requiredEnv ?? []) env(name);
  const upper = definition.name.toUpperCase();
  const running = await startSubgraph(definition, {
    port: Number(process.env[`${upper}_PORT`] ?? defaultPort),
    host: process.env.SUBGRAPH_HOST ?? '127.0.0.1',
    databaseUrl: env('APP_DATABASE_URL'),
    internalSecret: env('INTERNAL_IDENTITY_SECRET'),
  });
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
