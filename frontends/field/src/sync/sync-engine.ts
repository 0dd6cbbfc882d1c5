import { graphqlRequest, type RequestOutcome } from '../api/graphql-request';
import { readSession } from '../api/session';
import {
  FieldCatalogDocument,
  FieldCompleteDocument,
  FieldDayDocument,
  FieldJobByIdDocument,
  FieldMeDocument,
  FieldRecordReportDocument,
  FieldStartDocument,
  type InterventionReportInput,
} from '../gql/graphql';
import { db, type CommandAction, type FieldJob, type QueuedCommand } from '../store/db';
import { deviceOwner } from '../store/device-owner';
import { commandsToResend, commandVariables, actionFor } from './queue-rules';
import type { ReportDraft } from './report-draft';
import { nextDays } from './paris-days';

/** How many days are kept on the device: today and the next ones. */
export const DAYS_KEPT = 4;

/** `signIn`: the session is missing or expired; `otherUser`: the session is no longer the device owner's (nothing was sent). */
export type SyncResult = 'done' | 'offline' | 'signIn' | 'otherUser';

const newKey = () => crypto.randomUUID();

/** Records one action on the device; the queue sends it when it can. */
export async function enqueue(jobId: string, action: CommandAction): Promise<void> {
  await db.transaction('rw', db.jobs, db.commands, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) throw new Error(`job ${jobId} is not on the device`);
    if (job.expectedVersion === null) await db.jobs.update(jobId, { expectedVersion: job.server.version, base: job.server });
    await db.commands.add({ ...action, key: newKey(), jobId, createdAt: new Date().toISOString() });
  });
}

/** « Enregistrer » / « Terminer »: the report (and the completion) join the queue, and the report being typed is done with. */
export async function enqueueReport(jobId: string, draft: ReportDraft, finishing: boolean): Promise<void> {
  await db.transaction('rw', db.jobs, db.commands, db.drafts, async () => {
    await enqueue(jobId, { kind: 'report', draft });
    if (finishing) await enqueue(jobId, { kind: 'complete' });
    await db.drafts.delete(jobId);
  });
}

/** The report as the technician is typing it, kept on the device at each change (a reload or an update loses nothing). */
export async function keepDraftInProgress(jobId: string, draft: ReportDraft): Promise<void> {
  await db.drafts.put({ jobId, draft, updatedAt: new Date().toISOString() });
}

async function send(command: QueuedCommand, variables: Record<string, unknown>): Promise<RequestOutcome<FieldJob>> {
  const options = { idempotencyKey: command.key };
  const id = String(variables['id']);
  const expectedVersion = Number(variables['expectedVersion']);
  if (command.kind === 'start') {
    const outcome = await graphqlRequest(FieldStartDocument, { id, expectedVersion }, options);
    return outcome.kind === 'ok' ? { kind: 'ok', data: outcome.data.startIntervention } : outcome;
  }
  if (command.kind === 'report') {
    const report = variables['report'] as InterventionReportInput;
    const outcome = await graphqlRequest(FieldRecordReportDocument, { id, report, expectedVersion }, options);
    return outcome.kind === 'ok' ? { kind: 'ok', data: outcome.data.recordInterventionReport } : outcome;
  }
  const outcome = await graphqlRequest(FieldCompleteDocument, { id, expectedVersion }, options);
  return outcome.kind === 'ok' ? { kind: 'ok', data: outcome.data.completeIntervention } : outcome;
}

/** Sends the queue in order, each command once; a refused command holds the rest of its job for the technician. */
async function drainQueue(): Promise<SyncResult> {
  const commands = await db.commands.orderBy('seq').toArray();
  const held = new Set((await db.jobs.filter((job) => job.problem !== null).toArray()).map((job) => job.id));
  for (const command of commands) {
    if (held.has(command.jobId)) continue;
    const job = await db.jobs.get(command.jobId);
    if (!job) continue;
    let variables = command.sentVariables;
    if (!variables) {
      variables = commandVariables(command, job.expectedVersion ?? job.server.version);
      await db.commands.update(command.seq!, { sentVariables: variables });
    }
    const outcome = await send(command, variables);
    const action = actionFor(outcome);
    if (action === 'retryLater') return 'offline';
    if (action === 'signIn') return 'signIn';
    if (outcome.kind === 'ok') {
      const saved = outcome.data;
      await db.transaction('rw', db.jobs, db.commands, async () => {
        await db.commands.delete(command.seq!);
        const remaining = await db.commands.where('jobId').equals(job.id).count();
        await db.jobs.update(job.id, {
          server: saved,
          expectedVersion: remaining > 0 ? saved.version : null,
          base: remaining > 0 ? job.base : null,
        });
      });
    } else if (outcome.kind === 'refused') {
      const current = await graphqlRequest(FieldJobByIdDocument, { id: job.id });
      if (current.kind === 'offline') return 'offline';
      const server = current.kind === 'ok' ? (current.data.intervention ?? null) : null;
      await db.jobs.update(job.id, { problem: { code: outcome.code, message: outcome.message, at: new Date().toISOString(), server } });
      held.add(job.id);
    }
  }
  return 'done';
}

/** Loads the days kept on the device, the parts catalog and who the technician is. Keeps what the queue needs. */
async function refresh(): Promise<SyncResult> {
  const me = await graphqlRequest(FieldMeDocument, {});
  if (me.kind !== 'ok') return me.kind === 'unauthenticated' ? 'signIn' : 'offline';
  const days = nextDays(new Date(), DAYS_KEPT);
  const loaded: { day: string; jobs: FieldJob[] }[] = [];
  for (const day of days) {
    const answer = await graphqlRequest(FieldDayDocument, { date: day });
    if (answer.kind !== 'ok') return answer.kind === 'unauthenticated' ? 'signIn' : 'offline';
    loaded.push({ day, jobs: answer.data.myDay });
  }
  const catalog = await graphqlRequest(FieldCatalogDocument, {});
  await db.transaction('rw', db.jobs, db.commands, db.catalog, db.meta, async () => {
    const technicianId = me.data.me.technician?.id;
    if (technicianId) await db.meta.put({ key: 'technicianId', value: technicianId });
    if (catalog.kind === 'ok') {
      await db.catalog.clear();
      await db.catalog.bulkPut(catalog.data.catalogItems);
    }
    const kept = new Set<string>();
    for (const { day, jobs } of loaded) {
      for (const server of jobs) {
        kept.add(server.id);
        const existing = await db.jobs.get(server.id);
        await db.jobs.put({
          id: server.id,
          day,
          server,
          expectedVersion: existing?.expectedVersion ?? null,
          base: existing?.base ?? null,
          problem: existing?.problem ?? null,
        });
      }
    }
    // Jobs no longer planned for this technician go, unless the device still holds work or a problem on them.
    const pendingJobs = new Set((await db.commands.toArray()).map((command) => command.jobId));
    const stale = await db.jobs.filter((job) => !kept.has(job.id) && !pendingJobs.has(job.id) && job.problem === null).primaryKeys();
    await db.jobs.bulkDelete(stale);
  });
  return 'done';
}

async function runOnce(): Promise<SyncResult> {
  // The queue is sent only under its owner's session: never one technician's work under another's name.
  const user = readSession()?.user;
  if (!user) return 'signIn';
  if ((await deviceOwner())?.id !== user.id) return 'otherUser';
  const drained = await drainQueue();
  if (drained !== 'done') return drained;
  const refreshed = await refresh();
  if (refreshed === 'done') await db.meta.put({ key: 'lastSync', value: new Date().toISOString() });
  return refreshed;
}

let current: Promise<SyncResult> | null = null;
let next: Promise<SyncResult> | null = null;

/**
 * One synchronisation: the queue first (the technician's work), then fresh days. One at a time; asked
 * for while one runs (a command queued, a conflict settled), another follows it, so nothing waits
 * for the next 30-second round.
 */
export function synchronise(): Promise<SyncResult> {
  if (!current) {
    current = runOnce().finally(() => {
      current = null;
    });
    return current;
  }
  next ??= current.then(
    () => {
      next = null;
      return synchronise();
    },
    () => {
      next = null;
      return synchronise();
    },
  );
  return next;
}

/** The technician sends their work again on the office's version of the job (new keys: new requests). */
export async function resendOnServerVersion(jobId: string): Promise<void> {
  await db.transaction('rw', db.jobs, db.commands, async () => {
    const job = await db.jobs.get(jobId);
    const server = job?.problem?.server;
    if (!job || !server) return;
    const commands = await db.commands.where('jobId').equals(jobId).sortBy('seq');
    const kept = commandsToResend(server.status, commands);
    if (!kept) return;
    const keptSeqs = new Set(kept.map((command) => command.seq));
    await db.commands.bulkDelete(commands.filter((command) => !keptSeqs.has(command.seq)).map((command) => command.seq!));
    for (const command of kept) await db.commands.update(command.seq!, { key: newKey(), sentVariables: undefined });
    await db.jobs.update(jobId, {
      server,
      expectedVersion: kept.length ? server.version : null,
      base: kept.length ? server : null,
      problem: null,
    });
  });
}

/** The technician drops what the device held for the job and takes the office's version. */
export async function discardLocalWork(jobId: string): Promise<void> {
  await db.transaction('rw', db.jobs, db.commands, db.drafts, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) return;
    await db.commands.where('jobId').equals(jobId).delete();
    await db.drafts.delete(jobId);
    if (job.problem?.server) await db.jobs.update(jobId, { server: job.problem.server, expectedVersion: null, base: null, problem: null });
    else await db.jobs.delete(jobId);
  });
}
