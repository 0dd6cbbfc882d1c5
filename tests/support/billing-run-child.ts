/**
 * A billing run in a process of its own, for the test that kills it with SIGKILL: it bills its
 * first chunk, then stops inside the second chunk's transaction (its writes made, not committed),
 * says "PAUSED" and waits to be killed. Arguments: the app database URL, then the job data as JSON.
 */
import { createOrm, processContractBillingRun, type ContractBillingJobData } from '@relais/domain';

const [databaseUrl, job] = process.argv.slice(2);
const orm = await createOrm(databaseUrl!, { pool: { min: 0, max: 2 } });
await processContractBillingRun(orm, JSON.parse(job!) as ContractBillingJobData, {
  chunkSize: 3,
  beforeCommit: async (chunk) => {
    if (chunk !== 1) return;
    process.stdout.write('PAUSED\n');
    await new Promise(() => {});
  },
});
