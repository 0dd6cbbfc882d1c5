import { BILLING_BATCH_QUEUE, JobQueue, processBillingBatch, resumeStaleBillingBatches, type BillingBatchJobData } from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

let queue: JobQueue | null = null;

const RESUME_EVERY_MS = 60_000;

/**
 * The bulk invoicing jobs, and the resumption of batches whose worker died. Any replica may take
 * any job; a batch resumed or run twice invoices and sends nothing twice.
 */
export const startBillingBatchWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, databaseUrl, log }) => {
  const q = await JobQueue.start(databaseUrl, [BILLING_BATCH_QUEUE], (error) => log.error({ err: error }, 'billing batch queue error'));
  queue = q;
  await q.work<BillingBatchJobData>(BILLING_BATCH_QUEUE, async (data) => {
    await processBillingBatch(orm, data);
  });
  const resume = setInterval(
    () => void resumeStaleBillingBatches(orm, q).catch((error: unknown) => log.error({ err: error }, 'resuming billing batches')),
    RESUME_EVERY_MS,
  );
  return async () => {
    clearInterval(resume);
    await q.stop();
    queue = null;
  };
};

export function billingBatchQueue(): JobQueue {
  // eslint-disable-next-line no-restricted-syntax -- a wiring defect, not something a user can cause
  if (!queue) throw new Error('billing batch queue not started');
  return queue;
}
