import { defineEntity, p } from '@mikro-orm/core';

export const JOB_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;

/** The visible side of a queued job (pg-boss carries the work): state, progress, outcome. */
export const JobRun = defineEntity({
  name: 'JobRun',
  tableName: 'job_runs',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    kind: p.string(),
    state: p.enum(JOB_STATES),
    params: p.json<Record<string, unknown>>(),
    progress: p.integer().default(0),
    total: p.integer().default(0),
    result: p.string().nullable(),
    error: p.string().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
});
export type JobRun = InstanceType<typeof JobRun.class>;
