import {
  CONTRACT_BILLING_QUEUE,
  CONTRACT_BILLING_SEND_QUEUE,
  JobQueue,
  RENEWAL_QUEUE,
  localDate,
  processContractBillingRun,
  resumeStaleContractBillingRuns,
  runRenewalNotices,
  sendRunInvoices,
  tenantsWithAutomaticRenewalNotices,
  type ContractBillingJobData,
  type Orm,
} from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

let queue: JobQueue | null = null;

const RESUME_EVERY_MS = 60_000;
const RENEWALS_EVERY_MS = 6 * 3600_000;

interface RenewalJobData {
  tenantId: string;
  date: string;
}

async function scheduleRenewals(orm: Orm, q: JobQueue): Promise<void> {
  const date = localDate(new Date());
  const tenants = await tenantsWithAutomaticRenewalNotices(orm.em.fork());
  for (const tenantId of tenants) await q.enqueue(RENEWAL_QUEUE, { tenantId, date }, { singletonKey: `${tenantId}:${date}` });
}

/**
 * The billing subgraph's jobs: contract billing runs, the mailing of their invoices, the daily
 * renewal notices, and the resumption of runs whose worker died. Any replica may take any job;
 * each is idempotent (billed periods and renewal notices have unique keys).
 */
export const startContractBillingWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, databaseUrl, log }) => {
  const q = await JobQueue.start(databaseUrl, [CONTRACT_BILLING_QUEUE, CONTRACT_BILLING_SEND_QUEUE, RENEWAL_QUEUE], (error) =>
    log.error({ err: error }, 'contract billing queue error'),
  );
  queue = q;
  await q.work<ContractBillingJobData>(CONTRACT_BILLING_QUEUE, async (data) => {
    const run = await processContractBillingRun(orm, data);
    if (run?.send) await q.enqueue(CONTRACT_BILLING_SEND_QUEUE, data, { singletonKey: `send:${data.runId}` });
  });
  await q.work<ContractBillingJobData>(CONTRACT_BILLING_SEND_QUEUE, async (data) => {
    await sendRunInvoices(orm, data);
  });
  await q.work<RenewalJobData>(RENEWAL_QUEUE, async ({ tenantId, date }) => {
    const outcome = await runRenewalNotices(orm, tenantId, date);
    if (outcome.failed.length) log.warn({ tenantId, failed: outcome.failed }, 'renewal notices not sent');
  });
  const background = (work: () => Promise<unknown>, what: string) => () => void work().catch((error) => log.error({ err: error }, what));
  const resume = setInterval(
    background(() => resumeStaleContractBillingRuns(orm, q), 'resuming billing runs'),
    RESUME_EVERY_MS,
  );
  const renewals = setInterval(
    background(() => scheduleRenewals(orm, q), 'scheduling renewal notices'),
    RENEWALS_EVERY_MS,
  );
  background(() => scheduleRenewals(orm, q), 'scheduling renewal notices')();
  return async () => {
    clearInterval(resume);
    clearInterval(renewals);
    await q.stop();
    queue = null;
  };
};

export function contractBillingQueue(): JobQueue {
  // eslint-disable-next-line no-restricted-syntax -- a wiring defect, not something a user can cause
  if (!queue) throw new Error('contract billing queue not started');
  return queue;
}
