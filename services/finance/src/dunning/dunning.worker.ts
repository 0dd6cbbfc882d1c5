import {
  DUNNING_QUEUE,
  JobQueue,
  dunningDailyTenants,
  dunningRunsToResume,
  inTenantScope,
  localDate,
  processDunningRun,
  startDailyDunningRun,
  systemIdentity,
  type DunningJobData,
  type Orm,
} from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

let queue: JobQueue | null = null;

const RESUME_EVERY_MS = 60_000;
const STALE_RUN_SECONDS = 120;
const DAILY_CHECK_EVERY_MS = 3600_000;

async function resumeStaleRuns(orm: Orm, q: JobQueue): Promise<void> {
  for (const run of await dunningRunsToResume(orm.em.fork(), STALE_RUN_SECONDS)) {
    const identity = systemIdentity(run.tenant_id, DUNNING_QUEUE);
    await q.enqueue(DUNNING_QUEUE, { runId: run.id, identity }, { singletonKey: `resume:${run.id}` });
  }
}

/** Each tenant in AUTO mode gets one run a day; checked hourly, so a day missed is caught up by the next run's levels. */
async function startDailyRuns(orm: Orm, q: JobQueue): Promise<void> {
  const date = localDate(new Date());
  for (const tenantId of await dunningDailyTenants(orm.em.fork())) {
    const identity = systemIdentity(tenantId, DUNNING_QUEUE);
    const runId = await inTenantScope(orm, identity, { requestId: `dunning-daily:${date}` }, (em) =>
      startDailyDunningRun(em, tenantId, date),
    );
    if (runId) await q.enqueue(DUNNING_QUEUE, { runId, identity }, { singletonKey: runId });
  }
}

/** The finance subgraph's jobs: dunning runs (the clerk's and the daily ones) and their resumption. */
export const startDunningWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, databaseUrl, log }) => {
  const q = await JobQueue.start(databaseUrl, [DUNNING_QUEUE], (error) => log.error({ err: error }, 'dunning queue error'));
  queue = q;
  await q.work<DunningJobData>(DUNNING_QUEUE, async (data) => {
    const run = await processDunningRun(orm, data);
    if (run?.failed) log.warn({ runId: run.id, errors: run.errors }, 'reminders not sent');
  });
  const background = (work: () => Promise<void>, what: string) => () => void work().catch((error) => log.error({ err: error }, what));
  const resume = setInterval(
    background(() => resumeStaleRuns(orm, q), 'resuming dunning runs'),
    RESUME_EVERY_MS,
  );
  const daily = setInterval(
    background(() => startDailyRuns(orm, q), 'starting daily dunning runs'),
    DAILY_CHECK_EVERY_MS,
  );
  background(() => startDailyRuns(orm, q), 'starting daily dunning runs')();
  return async () => {
    clearInterval(resume);
    clearInterval(daily);
    await q.stop();
    queue = null;
  };
};

export function dunningQueue(): JobQueue {
  // eslint-disable-next-line no-restricted-syntax -- a wiring defect, not something a user can cause
  if (!queue) throw new Error('dunning queue not started');
  return queue;
}
