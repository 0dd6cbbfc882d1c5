/** Child-process entry of the baseline server (see spawnBaselineServer). */
import { startBaselineServer, type BaselineOptions } from './baseline-server';

const options = JSON.parse(process.env.BASELINE_OPTIONS ?? '{}') as BaselineOptions;
const server = await startBaselineServer(options);
const shutdown = () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
