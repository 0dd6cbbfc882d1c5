import type { Orm } from '../db/orm';
import { inTenantScope } from '../db/tenant-scope';
import { getJobRun, updateJobRun } from '../platform/job-run.service';
import type { Identity } from '../shared/identity';
import { contractsToPlan, generateForContract, preventiveWindow, todayLocal } from './preventive.service';

export interface PreventiveJobData {
  jobRunId: string;
  identity: Identity;
  horizonDays: number;
}

/**
 * The preventive-generation job: one short transaction per contract so progress shows while it
 * runs and a crash loses at most one contract's work, which the next run (idempotent) redoes.
 */
export async function runPreventiveJob(orm: Orm, data: PreventiveJobData): Promise<void> {
  const { identity, jobRunId } = data;
  const scope = (operation: string) => ({ requestId: `job:${jobRunId}`, operation });
  const window = preventiveWindow(todayLocal(), data.horizonDays);
  try {
    const contractIds = await inTenantScope(orm, identity, scope('preventive:start'), async (em) => {
      const run = await getJobRun(em, jobRunId);
      if (run.state === 'SUCCEEDED') return null;
      const ids = await contractsToPlan(em, window);
      await updateJobRun(em, jobRunId, { state: 'RUNNING', total: ids.length, progress: 0 });
      return ids;
    });
    if (!contractIds) return;
    let created = 0;
    let existing = 0;
    for (const [index, contractId] of contractIds.entries()) {
      await inTenantScope(orm, identity, scope('preventive:contract'), async (em) => {
        const outcome = await generateForContract(em, identity, contractId, window);
        created += outcome.created;
        existing += outcome.existing;
        await updateJobRun(em, jobRunId, { progress: index + 1 });
      });
    }
    await inTenantScope(orm, identity, scope('preventive:done'), (em) =>
      updateJobRun(em, jobRunId, {
        state: 'SUCCEEDED',
        result: `${created} intervention(s) préventive(s) créée(s), ${existing} déjà planifiée(s), du ${window.from} au ${window.to}`,
        finishedAt: new Date(),
      }),
    );
  } catch (error) {
    await inTenantScope(orm, identity, scope('preventive:failed'), (em) =>
      updateJobRun(em, jobRunId, {
        state: 'FAILED',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      }),
    );
    throw error;
  }
}
