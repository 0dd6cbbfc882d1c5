import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, OptimisticLockError, type FilterQuery } from '@mikro-orm/core';
import { Intervention, InterventionPhoto, InterventionTechnician, LabourEntry, PartUsed } from './intervention.entity';
import {
  assertReadyToComplete,
  assertTransition,
  closeOutcome,
  closesOnCompletion,
  MAX_BULK_CLOSE,
  type ClosingFacts,
  type CloseRefusal,
  scheduleWarnings,
  slaDeadline,
  validateReport,
  type InterventionPriority,
  type InterventionStatus,
  type ReportInput,
  type ScheduleWarning,
  type TechnicianAvailability,
} from './intervention.rules';
import { Contract } from './contract.entity';
import { Equipment } from './equipment.entity';
import { Site } from './site.entity';
import { Technician } from './technician.entity';
import { absencesOverlapping, technicianForUser } from './technician.service';
import { CatalogItem } from '../billing/catalog-item.entity';
import { nextCounterValue } from '../platform/counters';
import { recordFact, recordScopeFact } from '../platform/business-facts';
import { interventionSettings } from '../platform/tenant-settings.service';
import { Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { isUuid, newId, uuidArrayLiteral } from '../shared/ids';
import { localDayBounds, localDate } from '../shared/time';

export interface CreateInterventionRequestInput {
  customerId: string;
  siteId: string;
  equipmentId?: string | null;
  type?: Intervention['type'];
  priority?: InterventionPriority;
  title: string;
  description?: string | null;
  requiredSkills?: string[] | null;
  estimatedDurationMinutes?: number | null;
}

async function nextInterventionNumber(em: EntityManager, tenantId: string, at: Date): Promise<string> {
  const year = localDate(at).slice(0, 4);
  const value = await nextCounterValue(em, tenantId, `intervention:${year}`);
  return `I-${year}-${String(value).padStart(5, '0')}`;
}

/** The active contract covering a site for that customer, if any (its SLA sets the deadline). */
async function coveringContract(
  em: EntityManager,
  customerId: string,
  siteId: string,
  equipmentId?: string | null,
): Promise<Contract | null> {
  if (equipmentId) {
    const equipment = await em.findOne(Equipment, { id: equipmentId });
    if (equipment?.contractId) return em.findOne(Contract, { id: equipment.contractId });
  }
  const today = localDate(new Date());
  const [contract] = await em.getConnection().execute<{ id: string }[]>(
    `select c.id from contracts c join contract_sites cs on cs.tenant_id = c.tenant_id and cs.contract_id = c.id
      where c.customer_id = ? and cs.site_id = ? and c.starts_on <= ? and (c.ends_on >= ? or c.tacit_renewal) and c.terminated_on is null
      order by c.starts_on desc, c.reference desc limit 1`,
    [customerId, siteId, today, today],
    'all',
    em.getTransactionContext(),
  );
  return contract ? em.findOne(Contract, { id: contract.id }) : null;
}

export async function createInterventionRequest(
  em: EntityManager,
  identity: Identity,
  input: CreateInterventionRequestInput,
  extra: { source?: string; planKey?: string; requestedAt?: Date; contractId?: string | null; requestedBy?: string | null } = {},
): Promise<Intervention> {
  const v = new Validator().check(input.title.trim().length > 0, 'title', 'obligatoire', 'REQUIRED');
  const site = await em.findOne(Site, { id: input.siteId });
  v.check(Boolean(site), 'siteId', 'site introuvable');
  v.check(!site || site.customerId === input.customerId, 'siteId', 'ce site n’appartient pas à ce client');
  if (input.equipmentId) {
    const equipment = await em.findOne(Equipment, { id: input.equipmentId });
    v.check(Boolean(equipment) && equipment!.siteId === input.siteId, 'equipmentId', 'équipement introuvable sur ce site');
  }
  if (input.estimatedDurationMinutes != null)
    v.check(
      Number.isInteger(input.estimatedDurationMinutes) && input.estimatedDurationMinutes > 0 && input.estimatedDurationMinutes <= 24 * 60,
      'estimatedDurationMinutes',
      'de 1 à 1440 minutes',
    );
  v.throwIfInvalid();
  const requestedAt = extra.requestedAt ?? new Date();
  const priority = input.priority ?? 'NORMAL';
  const contract = extra.contractId
    ? await em.findOne(Contract, { id: extra.contractId })
    : await coveringContract(em, input.customerId, input.siteId, input.equipmentId);
  const intervention = em.create(Intervention, {
    id: newId(),
    tenantId: identity.tenantId,
    number: await nextInterventionNumber(em, identity.tenantId, requestedAt),
    type: input.type ?? 'CORRECTIVE',
    priority,
    status: 'REQUESTED',
    title: input.title.trim(),
    description: input.description?.trim() || null,
    customerId: input.customerId,
    siteId: input.siteId,
    equipmentId: input.equipmentId ?? null,
    contractId: contract?.id ?? null,
    requiredSkills: input.requiredSkills ?? [],
    estimatedDurationMinutes: input.estimatedDurationMinutes ?? 120,
    source: extra.source ?? (identity.kind === 'api_key' ? 'PARTNER_API' : 'PLANNER'),
    requestedBy: extra.requestedBy ?? null,
    planKey: extra.planKey ?? null,
    requestedAt,
    dueBy: slaDeadline(requestedAt, priority, contract?.sla),
  });
  recordFact(em, identity, {
    kind: 'intervention.requested',
    subjectType: 'Intervention',
    subjectId: intervention.id,
    occurredOn: localDate(requestedAt),
    payload: {
      number: intervention.number,
      title: intervention.title,
      type: intervention.type,
      priority: intervention.priority,
      source: intervention.source,
      customerId: intervention.customerId,
      siteId: intervention.siteId,
      equipmentId: intervention.equipmentId ?? null,
      contractId: intervention.contractId ?? null,
      dueBy: intervention.dueBy?.toISOString() ?? null,
    },
  });
  await em.flush();
  return intervention;
}

export async function getIntervention(em: EntityManager, id: string): Promise<Intervention> {
  const intervention = await em.findOne(Intervention, { id });
  if (!intervention) throw Errors.notFound('Intervention', id);
  return intervention;
}

/** Loads the intervention and refuses to act on a version the caller has not seen. */
async function loadForChange(em: EntityManager, id: string, expectedVersion: number): Promise<Intervention> {
  const intervention = await getIntervention(em, id);
  if (intervention.version !== expectedVersion) throw staleVersion(intervention, expectedVersion);
  return intervention;
}

/** A technician acts only on jobs assigned to them; the office acts on all. */
async function assertMayWorkOn(em: EntityManager, identity: Identity, intervention: Intervention): Promise<void> {
  if (identity.kind !== 'user' || identity.role !== 'technician') return;
  const technician = await technicianForUser(em, identity.userId);
  const assigned = technician && (await em.count(InterventionTechnician, { interventionId: intervention.id, technicianId: technician.id }));
  if (!assigned) throw Errors.forbidden('Cette intervention ne vous est pas affectée');
}

function moveTo(intervention: Intervention, to: InterventionStatus): void {
  assertTransition(intervention.status, to);
  intervention.status = to;
}

/** The office (or the rule closing on completion) closed the job: the fact partners are told of, in the same transaction. */
function close(em: EntityManager, intervention: Intervention, closedAt: Date): void {
  moveTo(intervention, 'CLOSED');
  intervention.closedAt = closedAt;
  recordScopeFact(em, intervention.tenantId, {
    kind: 'intervention.closed',
    subjectType: 'Intervention',
    subjectId: intervention.id,
    occurredOn: localDate(closedAt),
    payload: {
      number: intervention.number,
      customerId: intervention.customerId,
      siteId: intervention.siteId,
      closedAt: closedAt.toISOString(),
    },
  });
}

/** Their draft invoice was deleted: the (locked) interventions are CLOSED, billable again. */
export function reopenInvoicedInterventions(interventions: readonly Intervention[]): void {
  for (const intervention of interventions) moveTo(intervention, 'CLOSED');
}

export async function assignedTechnicianIds(em: EntityManager, interventionId: string): Promise<string[]> {
  return (await em.find(InterventionTechnician, { interventionId })).map((a) => a.technicianId);
}

export async function scheduleIntervention(
  em: EntityManager,
  id: string,
  input: { technicianIds: string[]; start: Date; end: Date; expectedVersion: number },
): Promise<Intervention> {
  const intervention = await loadForChange(em, id, input.expectedVersion);
  const technicianIds = [...new Set(input.technicianIds)];
  const found = technicianIds.length ? await em.find(Technician, { id: { $in: technicianIds }, active: true }) : [];
  new Validator()
    .check(technicianIds.length > 0, 'technicianIds', 'au moins un technicien')
    .check(found.length === technicianIds.length, 'technicianIds', 'technicien introuvable ou inactif')
    .check(input.end > input.start, 'end', 'la fin doit suivre le début')
    .check(input.end.getTime() - input.start.getTime() <= 7 * 24 * 3600_000, 'end', 'une intervention dure au plus 7 jours')
    .throwIfInvalid();
  moveTo(intervention, 'SCHEDULED');
  intervention.scheduledStart = input.start;
  intervention.scheduledEnd = input.end;
  const current = await em.find(InterventionTechnician, { interventionId: id });
  for (const assignment of current) if (!technicianIds.includes(assignment.technicianId)) em.remove(assignment);
  for (const technicianId of technicianIds) {
    if (!current.some((a) => a.technicianId === technicianId))
      em.create(InterventionTechnician, { tenantId: intervention.tenantId, interventionId: id, technicianId });
  }
  await flushWithNewVersion(em, intervention);
  return intervention;
}

export async function unscheduleIntervention(em: EntityManager, id: string, expectedVersion: number): Promise<Intervention> {
  const intervention = await loadForChange(em, id, expectedVersion);
  moveTo(intervention, 'REQUESTED');
  intervention.scheduledStart = null;
  intervention.scheduledEnd = null;
  await em.nativeDelete(InterventionTechnician, { interventionId: id });
  await flushWithNewVersion(em, intervention);
  return intervention;
}

export async function startIntervention(em: EntityManager, identity: Identity, id: string, expectedVersion: number): Promise<Intervention> {
  const intervention = await loadForChange(em, id, expectedVersion);
  await assertMayWorkOn(em, identity, intervention);
  moveTo(intervention, 'IN_PROGRESS');
  intervention.startedAt ??= new Date();
  await flushWithNewVersion(em, intervention);
  return intervention;
}

function assertReportOpen(intervention: Intervention): void {
  if (intervention.status === 'CLOSED' || intervention.status === 'INVOICED' || intervention.status === 'CANCELLED') {
    throw Errors.conflict('REPORT_FROZEN', `Le rapport de l’intervention ${intervention.number} est figé (${intervention.status})`, {
      status: intervention.status,
    });
  }
}

/** Replaces the whole report; allowed until the office closes the intervention. */
export async function recordInterventionReport(
  em: EntityManager,
  identity: Identity,
  id: string,
  report: ReportInput,
  expectedVersion: number,
): Promise<Intervention> {
  const intervention = await loadForChange(em, id, expectedVersion);
  assertReportOpen(intervention);
  await assertMayWorkOn(em, identity, intervention);
  const itemIds = [...new Set(report.parts.map((p) => p.catalogItemId))];
  const items = itemIds.length ? await em.find(CatalogItem, { id: { $in: itemIds } }) : [];
  const technicianIds = [...new Set(report.labour.map((l) => l.technicianId))];
  const technicians = technicianIds.length ? await em.find(Technician, { id: { $in: technicianIds } }) : [];
  const v = new Validator()
    .check(items.length === itemIds.length, 'parts', 'article du catalogue introuvable')
    .check(technicians.length === technicianIds.length, 'labour', 'technicien introuvable');
  v.throwIfInvalid();
  validateReport(report, new Set(items.filter((i) => i.trackedBySerial).map((i) => i.id)));

  await em.nativeDelete(LabourEntry, { interventionId: id });
  await em.nativeDelete(PartUsed, { interventionId: id });
  report.labour.forEach((entry, position) =>
    em.create(LabourEntry, {
      id: newId(),
      tenantId: intervention.tenantId,
      interventionId: id,
      ...entry,
      labourType: entry.labourType as LabourEntry['labourType'],
      position,
    }),
  );
  report.parts.forEach((part, position) =>
    em.create(PartUsed, {
      id: newId(),
      tenantId: intervention.tenantId,
      interventionId: id,
      catalogItemId: part.catalogItemId,
      quantity: part.quantity,
      serialNumber: part.serialNumber?.trim() || null,
      position,
    }),
  );
  if (report.photos) {
    await em.nativeDelete(InterventionPhoto, { interventionId: id, kind: 'REPORT' });
    report.photos.forEach((photo, position) =>
      em.create(InterventionPhoto, {
        id: newId(),
        tenantId: intervention.tenantId,
        interventionId: id,
        caption: photo.caption ?? null,
        dataUrl: photo.dataUrl,
        position,
      }),
    );
  }
  intervention.travelCount = report.travelCount;
  intervention.travelZone = report.travelZone?.trim() || null;
  intervention.observations = report.observations?.trim() || null;
  intervention.customerReservations = report.customerReservations?.trim() || null;
  const signatureChanged = report.signatureDataUrl && report.signatureDataUrl !== intervention.signatureDataUrl;
  intervention.signerName = report.signerName?.trim() || null;
  intervention.signatureDataUrl = report.signatureDataUrl ?? null;
  if (signatureChanged) intervention.signedAt = new Date();
  if (!report.signatureDataUrl) intervention.signedAt = null;
  await flushWithNewVersion(em, intervention);
  return intervention;
}

/**
 * Flushes, and makes sure the intervention's version moved even when only its child rows
 * (assignments, report lines) changed, so every change invalidates what others have loaded.
 */
async function flushWithNewVersion(em: EntityManager, intervention: Intervention): Promise<void> {
  const before = intervention.version;
  try {
    await em.flush();
  } catch (error) {
    // Another writer committed between our version check and this flush.
    if (error instanceof OptimisticLockError) throw staleVersion(intervention);
    throw error;
  }
  if (intervention.version !== before) return;
  const updated = await em.nativeUpdate(Intervention, { id: intervention.id, version: before }, { version: before + 1 });
  if (updated !== 1) throw staleVersion(intervention);
  intervention.version = before + 1;
}

function staleVersion(intervention: Intervention, expectedVersion?: number) {
  return Errors.staleVersion(
    `L’intervention ${intervention.number} a été modifiée entre-temps ; rechargez-la`,
    intervention.version,
    expectedVersion,
  );
}

export async function completeIntervention(
  em: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
): Promise<Intervention> {
  const intervention = await loadForChange(em, id, expectedVersion);
  await assertMayWorkOn(em, identity, intervention);
  assertTransition(intervention.status, 'COMPLETED');
  await em.populate(intervention, ['signatureDataUrl']);
  assertReadyToComplete({
    labourCount: await em.count(LabourEntry, { interventionId: id }),
    signerName: intervention.signerName ?? null,
    signatureDataUrl: intervention.signatureDataUrl ?? null,
  });
  const completedAt = new Date();
  intervention.status = 'COMPLETED';
  intervention.completedAt = completedAt;
  const { autoCloseInterventions } = await interventionSettings(em, intervention.tenantId);
  if (closesOnCompletion(autoCloseInterventions, closingFacts(intervention))) close(em, intervention, completedAt);
  await flushWithNewVersion(em, intervention);
  return intervention;
}

/** What closing rules read of a job (its signature loaded). */
function closingFacts(intervention: Intervention): ClosingFacts {
  return {
    number: intervention.number,
    status: intervention.status,
    signed: Boolean(intervention.signerName && intervention.signatureDataUrl),
    customerReservations: intervention.customerReservations ?? null,
  };
}

export interface CloseResult {
  interventionId: string;
  /** Null for an id that names no intervention of the tenant. */
  intervention: Intervention | null;
  outcome: 'CLOSED' | 'ALREADY_CLOSED' | 'REFUSED';
  refusal: CloseRefusal | null;
  message: string | null;
}

/**
 * The outcome of closing each job, in the order asked, without changing anything; the rows are
 * locked when `lock` is set, so the check and the close see the same state.
 */
async function closeOutcomes(em: EntityManager, ids: readonly string[], lock: boolean): Promise<CloseResult[]> {
  new Validator().check(ids.length <= MAX_BULK_CLOSE, 'ids', `${MAX_BULK_CLOSE} interventions au plus`, 'OUT_OF_RANGE').throwIfInvalid();
  const unique = [...new Set(ids)];
  const wellFormed = unique.filter(isUuid);
  const found = wellFormed.length
    ? await em.find(
        Intervention,
        { id: { $in: wellFormed } },
        { populate: ['signatureDataUrl'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
      )
    : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  return unique.map((id): CloseResult => {
    const intervention = byId.get(id);
    if (!intervention)
      return { interventionId: id, intervention: null, outcome: 'REFUSED', refusal: 'NOT_FOUND', message: 'intervention introuvable' };
    const outcome = closeOutcome(closingFacts(intervention));
    if (outcome.kind === 'REFUSED')
      return { interventionId: id, intervention, outcome: 'REFUSED', refusal: outcome.refusal, message: outcome.message };
    return {
      interventionId: id,
      intervention,
      outcome: outcome.kind === 'CLOSE' ? 'CLOSED' : 'ALREADY_CLOSED',
      refusal: null,
      message: null,
    };
  });
}

/** What `closeInterventions` would do with these jobs (CLOSED: would be closed); nothing changes. */
export function previewCloseInterventions(em: EntityManager, ids: readonly string[]): Promise<CloseResult[]> {
  return closeOutcomes(em, ids, false);
}

/**
 * The office closes several finished jobs at once: every job the rule accepts is closed, each
 * refused one is reported with its reason and left untouched, closed ones stay as they are. One
 * transaction (the caller's) with the rows locked: the accepted closes commit together.
 */
export async function closeInterventions(em: EntityManager, ids: readonly string[]): Promise<CloseResult[]> {
  const results = await closeOutcomes(em, ids, true);
  const closedAt = new Date();
  for (const result of results) {
    if (result.outcome === 'CLOSED') close(em, result.intervention!, closedAt);
  }
  await em.flush();
  return results;
}

export async function closeIntervention(em: EntityManager, id: string, expectedVersion: number): Promise<Intervention> {
  const intervention = await loadForChange(em, id, expectedVersion);
  close(em, intervention, new Date());
  await flushWithNewVersion(em, intervention);
  return intervention;
}

export async function cancelIntervention(em: EntityManager, id: string, reason: string, expectedVersion: number): Promise<Intervention> {
  new Validator().check(reason.trim().length > 0, 'reason', 'motif d’annulation obligatoire', 'REQUIRED').throwIfInvalid();
  const intervention = await loadForChange(em, id, expectedVersion);
  moveTo(intervention, 'CANCELLED');
  intervention.cancelledAt = new Date();
  intervention.cancelReason = reason.trim();
  await flushWithNewVersion(em, intervention);
  return intervention;
}

export function interventionsByIds(em: EntityManager, ids: readonly string[]): Promise<Intervention[]> {
  return em.find(Intervention, { id: { $in: [...ids] } });
}

export function assignmentsByInterventionIds(em: EntityManager, ids: readonly string[]): Promise<InterventionTechnician[]> {
  return em.find(InterventionTechnician, { interventionId: { $in: [...ids] } });
}

export function labourByInterventionIds(em: EntityManager, ids: readonly string[]): Promise<LabourEntry[]> {
  return em.find(LabourEntry, { interventionId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
}

export function partsByInterventionIds(em: EntityManager, ids: readonly string[]): Promise<PartUsed[]> {
  return em.find(PartUsed, { interventionId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
}

export function photosByInterventionIds(em: EntityManager, ids: readonly string[]): Promise<InterventionPhoto[]> {
  return em.find(InterventionPhoto, { interventionId: { $in: [...ids] }, kind: 'REPORT' }, { orderBy: { position: 'asc' } });
}

/** Scheduled interventions of the technicians overlapping [from, to), with their assignments. */
async function scheduledInWindow(em: EntityManager, from: Date, to: Date, technicianIds?: readonly string[]): Promise<Intervention[]> {
  const where: FilterQuery<Intervention> = {
    scheduledStart: { $lt: to },
    scheduledEnd: { $gt: from },
    status: { $nin: ['CANCELLED'] },
  };
  if (technicianIds) {
    const ids = (await em.find(InterventionTechnician, { technicianId: { $in: [...technicianIds] } }, { fields: ['interventionId'] })).map(
      (a) => a.interventionId,
    );
    return em.find(Intervention, { $and: [where, { id: { $in: ids } }] }, { orderBy: { scheduledStart: 'asc' } });
  }
  return em.find(Intervention, where, { orderBy: { scheduledStart: 'asc' } });
}

/** A job a technician is on, as the warnings compare slots with it. */
export interface AssignedJob {
  technicianId: string;
  id: string;
  number: string;
  start: Date;
  end: Date;
}

/** What the warnings read of a job: an entity, or a row of the board. */
export type WarnedJob = Pick<Intervention, 'id' | 'status' | 'scheduledStart' | 'scheduledEnd' | 'requiredSkills' | 'dueBy'>;

/** Scheduled interventions the warnings are computed for: a slot and an active status. */
export function warnedOf<T extends WarnedJob>(interventions: readonly T[]): T[] {
  return interventions.filter((i) => i.scheduledStart && i.scheduledEnd && ['SCHEDULED', 'IN_PROGRESS'].includes(i.status));
}

/** The span the warnings look at: from the earliest start to the latest end of the scheduled jobs. */
export function warningSpan(scheduled: readonly WarnedJob[]): { from: Date; to: Date } {
  return {
    from: new Date(Math.min(...scheduled.map((i) => i.scheduledStart!.getTime()))),
    to: new Date(Math.max(...scheduled.map((i) => i.scheduledEnd!.getTime()))),
  };
}

/**
 * Warnings of the interventions from data already loaded: who is assigned to what, the
 * technicians, their jobs and absences over the span (more is fine: only overlaps count).
 */
export function computeWarnings(
  interventions: readonly WarnedJob[],
  loaded: {
    technicianIdsOf: (interventionId: string) => readonly string[];
    technicians: readonly Omit<TechnicianAvailability, 'absences' | 'jobs'>[];
    jobs: readonly AssignedJob[];
    absences: readonly (TechnicianAvailability['absences'][number] & { technicianId: string })[];
  },
): Map<string, ScheduleWarning[]> {
  const result = new Map<string, ScheduleWarning[]>();
  for (const i of interventions) result.set(i.id, []);
  for (const intervention of warnedOf(interventions)) {
    const mine = loaded.technicianIdsOf(intervention.id);
    const availability = loaded.technicians
      .filter((t) => mine.includes(t.id))
      .map((t) => ({
        ...t,
        absences: loaded.absences.filter((a) => a.technicianId === t.id),
        jobs: loaded.jobs
          .filter((o) => o.technicianId === t.id && o.id !== intervention.id)
          .map((o) => ({ number: o.number, start: o.start, end: o.end })),
      }));
    result.set(
      intervention.id,
      scheduleWarnings(
        {
          start: intervention.scheduledStart!,
          end: intervention.scheduledEnd!,
          requiredSkills: intervention.requiredSkills as string[],
          dueBy: intervention.dueBy ?? null,
        },
        availability,
      ),
    );
  }
  return result;
}

/**
 * Warnings for scheduled interventions, computed together: one query for assignments, one for
 * the technicians, one for their other jobs, one for absences, whatever the number of jobs.
 */
export async function warningsForInterventions(
  em: EntityManager,
  interventions: readonly Intervention[],
): Promise<Map<string, ScheduleWarning[]>> {
  const scheduled = warnedOf(interventions);
  if (!scheduled.length) return computeWarnings(interventions, { technicianIdsOf: () => [], technicians: [], jobs: [], absences: [] });
  const { from, to } = warningSpan(scheduled);
  const assignments = await assignmentsByInterventionIds(
    em,
    scheduled.map((i) => i.id),
  );
  const technicianIds = [...new Set(assignments.map((a) => a.technicianId))];
  if (!technicianIds.length) return computeWarnings(interventions, { technicianIdsOf: () => [], technicians: [], jobs: [], absences: [] });
  const [technicians, others, absences] = await Promise.all([
    em.find(Technician, { id: { $in: technicianIds } }),
    em.getConnection().execute<{ technician_id: string; id: string; number: string; scheduled_start: Date; scheduled_end: Date }[]>(
      `select it.technician_id, i.id, i.number, i.scheduled_start, i.scheduled_end
         from interventions i join intervention_technicians it on it.tenant_id = i.tenant_id and it.intervention_id = i.id
        where it.technician_id = any(?::uuid[]) and i.scheduled_start < ? and i.scheduled_end > ? and i.status in ('SCHEDULED', 'IN_PROGRESS')`,
      [uuidArrayLiteral(technicianIds), to, from],
      'all',
      em.getTransactionContext(),
    ),
    absencesOverlapping(em, technicianIds, from, to),
  ]);
  return computeWarnings(interventions, {
    technicianIdsOf: (id) => assignments.filter((a) => a.interventionId === id).map((a) => a.technicianId),
    technicians,
    jobs: others.map((o) => ({
      technicianId: o.technician_id,
      id: o.id,
      number: o.number,
      start: new Date(o.scheduled_start),
      end: new Date(o.scheduled_end),
    })),
    absences,
  });
}

export async function agenda(em: EntityManager, technicianId: string, from: Date, to: Date): Promise<Intervention[]> {
  return scheduledInWindow(em, from, to, [technicianId]);
}

/** The signed-in technician's jobs for a local day. */
export async function myDay(em: EntityManager, identity: Identity, date?: string | null): Promise<Intervention[]> {
  if (identity.kind !== 'user') throw Errors.forbidden('Réservé aux techniciens connectés');
  const technician = await technicianForUser(em, identity.userId);
  if (!technician) return [];
  const { from, to } = localDayBounds(date ?? localDate(new Date()));
  return scheduledInWindow(em, from, to, [technician.id]);
}
