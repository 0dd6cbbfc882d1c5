import { JobQueue, PREVENTIVE_QUEUE, runPreventiveJob, type Orm, type PreventiveJobData } from '@relais/domain';
import type { Logger } from 'pino';

let queue: JobQueue | null = null;

/** The maintenance subgraph runs the preventive-generation worker; any replica may take a job. */
export async function startJobWorker({
  orm,
  databaseUrl,
  log,
}: {
  orm: Orm;
  databaseUrl: string;
  log: Logger;
}): Promise<() => Promise<void>> {
  queue = await JobQueue.start(databaseUrl, [PREVENTIVE_QUEUE], (error) => log.error({ err: error }, 'job queue error'));
  await queue.work<PreventiveJobData>(PREVENTIVE_QUEUE, (data) => runPreventiveJob(orm, data));
  return async () => {
    await queue?.stop();
    queue = null;
  };
}

export function jobQueue(): JobQueue {
  // eslint-disable-next-line no-restricted-syntax -- a wiring defect, not something a user can cause
  if (!queue) throw new Error('job queue not started');
  return queue;
}
