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

interface MetaRecord {
  key: 'lastSync' | 'technicianId';
  value: string;
}

export class FieldDatabase extends Dexie {
  jobs!: EntityTable<JobRecord, 'id'>;
  commands!: EntityTable<QueuedCommand, 'seq'>;
  catalog!: EntityTable<CatalogPart, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor() {
    super('relais-terrain');
    this.version(1).stores({ jobs: '&id, day', commands: '++seq, jobId', catalog: '&id, code', meta: '&key' });
  }
}

export const db = new FieldDatabase();
