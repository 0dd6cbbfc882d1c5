/**
 * `pnpm db:migrate [--seed]`: applies migrations to DATABASE_URL (as its owner) and enables the
 * application role; with --seed, loads the demo tenants when absent. Used by docker-compose.
 */
import { prepareDatabase } from '@relais/domain';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required (the owner of the database, used for migrations)');
  process.exit(78);
}
const db = await prepareDatabase({
  embedded: { dataDir: '', port: 0 },
  seed: process.argv.includes('--seed'),
  log: (message) => console.log(`[migrate] ${message}`),
});
await db.stop();
