import type { EntityManager } from '@mikro-orm/postgresql';
import { JobRun } from './job-run.entity';
import { Errors } from '../shared/errors';
import { actorId, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';

export async function createJobRun(em: EntityManager, identity: Identity, kind: string, params: Record<string, unknown>): Promise<JobRun> {
  const run = em.create(JobRun, { id: newId(), tenantId: identity.tenantId, kind, state: 'QUEUED', params, createdBy: actorId(identity) });
  await em.flush();
  return run;
}

export async function getJobRun(em: EntityManager, id: string): Promise<JobRun> {
  const run = await em.findOne(JobRun, { id });
  if (!run) throw Errors.notFound('JobRun', id);
  return run;
}

export async function updateJobRun(
  em: EntityManager,
  id: string,
  changes: Partial<Pick<JobRun, 'state' | 'progress' | 'total' | 'result' | 'error' | 'finishedAt'>>,
): Promise<void> {
  const run = await getJobRun(em, id);
  em.assign(run, changes);
  await em.flush();
}
