import { Dexie, type EntityTable } from 'dexie';
import type { FieldCatalogQuery, FieldJobFragment } from '../gql/graphql';
import type { ReportDraft } from '../sync/report-draft';

export type FieldJob = FieldJobFragment;
export type CatalogPart = FieldCatalogQuery['catalogItems'][number];

/** Why the server refused a queued command: shown with both versions until the technician decides. */
export interface JobProblem {
  code: string;
  message: string;
  at: string;
  /** The job as the office has it now (null when it could not be read: no longer visible). */
  server: FieldJob | null;
}

/** A job kept on the device: the server's last answer, and what the queue expects of it. */
export interface JobRecord {
  id: string;
  /** The tenant-local day it is scheduled on (YYYY-MM-DD), as it was loaded. */
  day: string;
  server: FieldJob;
  /** The version the next queued command sends as `expectedVersion` (the one the technician worked from). */
  expectedVersion: number | null;
  /** The job as the technician saw it when they queued their first pending command. */
  base: FieldJob | null;
  problem: JobProblem | null;
}

export type CommandKind = CommandAction['kind'];

/** What the technician did: a report carries the whole report as typed (the API replaces it). */
export type CommandAction = { kind: 'start' } | { kind: 'report'; draft: ReportDraft } | { kind: 'complete' };

/** One action recorded on the device, sent once, in order, under its idempotency key. */
export type QueuedCommand = CommandAction & {
  seq?: number;
  key: string;
  jobId: string;
  createdAt: string;
  /** The variables of the first attempt: a retry sends exactly them, so the gateway can replay its answer. */
  sentVariables?: Record<string, unknown>;
};

/** Whose work the device holds: the user who signed in and loaded it (docs/architecture.md, "The field app"). */
export interface DeviceOwner {
  id: string;
  email: string;
  fullName: string;
}

type MetaRecord = { key: 'lastSync' | 'technicianId'; value: string } | { key: 'owner'; value: DeviceOwner };

/** The report as the technician is typing it, before « Enregistrer » puts it in the queue (kept across a reload or an update). */
export interface DraftRecord {
  jobId: string;
  draft: ReportDraft;
  updatedAt: string;
}

export class FieldDatabase extends Dexie {
  jobs!: EntityTable<JobRecord, 'id'>;
  commands!: EntityTable<QueuedCommand, 'seq'>;
  catalog!: EntityTable<CatalogPart, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  drafts!: EntityTable<DraftRecord, 'jobId'>;

  constructor() {
    super('relais-terrain');
    this.version(1).stores({ jobs: '&id, day', commands: '++seq, jobId', catalog: '&id, code', meta: '&key' });
    this.version(2).stores({ drafts: '&jobId' });
  }
}

export const db = new FieldDatabase();

/** A text kept in `meta` (the last successful synchronisation, the technician's id), null when absent. */
export async function metaText(key: 'lastSync' | 'technicianId'): Promise<string | null> {
  const record = await db.meta.get(key);
  return record && record.key !== 'owner' ? record.value : null;
}
