import type { Orm } from '../../db/orm';
import type { JobQueue } from '../../platform/job-queue';
import { systemIdentity } from '../../shared/identity';
import { CONTRACT_BILLING_QUEUE, type ContractBillingJobData } from './contract-billing-run';

/** A run silent this long lost its worker (a process killed mid-run): any replica resumes it. */
export const STALE_RUN_SECONDS = 120;

/**
 * Queues again, as the system, the runs of every tenant still QUEUED or RUNNING with no progress
 * for STALE_RUN_SECONDS (their worker died); returns their ids. A run has one resume job at a
 * time, however many replicas sweep; resuming bills nothing twice.
 */
export async function resumeStaleContractBillingRuns(orm: Orm, queue: JobQueue): Promise<string[]> {
  const stale = await orm.em
    .fork()
    .execute<{ tenant_id: string; id: string }[]>('select tenant_id, id from contract_billing_runs_to_resume(?)', [STALE_RUN_SECONDS]);
  for (const run of stale) {
    const job: ContractBillingJobData = { runId: run.id, identity: systemIdentity(run.tenant_id, CONTRACT_BILLING_QUEUE) };
    await queue.enqueue(CONTRACT_BILLING_QUEUE, job, { singletonKey: `resume:${run.id}` });
  }
  return stale.map((run) => run.id);
}
