import Decimal from 'decimal.js';
import { DomainError, Validator } from '../shared/errors';
import { isLocalDate, localClock } from '../shared/time';

export const INTERVENTION_TYPES = ['PREVENTIVE', 'CORRECTIVE', 'INSTALLATION', 'INSPECTION'] as const;
export const INTERVENTION_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export const INTERVENTION_STATUSES = ['REQUESTED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'INVOICED', 'CANCELLED'] as const;
export const LABOUR_TYPES = ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** How a status reads in texts the server writes (equipment history, documents). */
export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = {
  REQUESTED: 'à planifier',
  SCHEDULED: 'planifiée',
  IN_PROGRESS: 'en cours',
  COMPLETED: 'terminée',
  CLOSED: 'clôturée',
  INVOICED: 'facturée',
  CANCELLED: 'annulée',
};
export type InterventionPriority = (typeof INTERVENTION_PRIORITIES)[number];
export type LabourType = (typeof LABOUR_TYPES)[number];

/**
 * requested -> scheduled -> in progress -> completed (technician) -> closed (office) -> invoiced; or
 * cancelled. Deleting the draft invoice of an intervention makes it closed (billable) again.
 */
const TRANSITIONS: Record<InterventionStatus, readonly InterventionStatus[]> = {
  REQUESTED: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['SCHEDULED', 'REQUESTED', 'IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: ['INVOICED'],
  INVOICED: ['CLOSED'],
  CANCELLED: [],
};

const STATUS_LABELS: Record<InterventionStatus, string> = {
  REQUESTED: 'demandée',
  SCHEDULED: 'planifiée',
  IN_PROGRESS: 'en cours',
  COMPLETED: 'terminée',
  CLOSED: 'clôturée',
  INVOICED: 'facturée',
  CANCELLED: 'annulée',
};

export function canTransition(from: InterventionStatus, to: InterventionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Refuses a move the lifecycle does not allow, naming both states. */
export function assertTransition(from: InterventionStatus, to: InterventionStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'CONFLICT',
      `Une intervention ${STATUS_LABELS[from]} ne peut pas passer à l’état « ${STATUS_LABELS[to]} »`,
      { from, to, allowed: TRANSITIONS[from] },
    );
  }
}

/** Response times when no contract says otherwise (hours). */
export const DEFAULT_SLA_HOURS: Record<InterventionPriority, number> = { URGENT: 4, HIGH: 24, NORMAL: 72, LOW: 168 };

export function slaDeadline(
  requestedAt: Date,
  priority: InterventionPriority,
  slaHours: Partial<Record<InterventionPriority, number>> = {},
): Date {
  const hours = slaHours[priority] ?? DEFAULT_SLA_HOURS[priority];
  return new Date(requestedAt.getTime() + hours * 3600_000);
}

export type ScheduleWarningKind = 'OVERLAP' | 'ABSENCE' | 'OUTSIDE_WORKING_HOURS' | 'MISSING_SKILL' | 'SLA_BREACH';

export interface ScheduleWarning {
  kind: ScheduleWarningKind;
  message: string;
  technicianId?: string;
}

export interface TechnicianAvailability {
  id: string;
  fullName: string;
  skills: readonly string[];
  workDayStart: string;
  workDayEnd: string;
  workDays: readonly number[];
  absences: readonly { startsAt: Date; endsAt: Date; reason: string }[];
  /** Other jobs of the technician (the one being scheduled excluded). */
  jobs: readonly { number: string; start: Date; end: Date }[];
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

/**
 * What a planner should know about a slot before committing to it. Scheduling is never refused
 * for these: the planner decides, the board shows the warnings.
 */
export function scheduleWarnings(
  slot: { start: Date; end: Date; requiredSkills: readonly string[]; dueBy: Date | null },
  technicians: readonly TechnicianAvailability[],
  timezone?: string,
): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const start = localClock(slot.start, timezone);
  const end = localClock(new Date(slot.end.getTime() - 1), timezone);
  const endTime = localClock(slot.end, timezone).time;
  for (const tech of technicians) {
    for (const job of tech.jobs) {
      if (overlaps(slot, job))
        warnings.push({ kind: 'OVERLAP', technicianId: tech.id, message: `${tech.fullName} est déjà sur ${job.number} à ce moment` });
    }
    for (const absence of tech.absences) {
      if (overlaps(slot, { start: absence.startsAt, end: absence.endsAt }))
        warnings.push({ kind: 'ABSENCE', technicianId: tech.id, message: `${tech.fullName} est absent (${absence.reason})` });
    }
    const inHours =
      start.date === end.date &&
      tech.workDays.includes(start.isoWeekday) &&
      start.time >= tech.workDayStart &&
      (endTime <= tech.workDayEnd || endTime === '00:00');
    if (!inHours)
      warnings.push({
        kind: 'OUTSIDE_WORKING_HOURS',
        technicianId: tech.id,
        message: `Hors des horaires de ${tech.fullName} (${tech.workDayStart}–${tech.workDayEnd})`,
      });
    const missing = slot.requiredSkills.filter((skill) => !tech.skills.includes(skill));
    if (missing.length > 0)
      warnings.push({ kind: 'MISSING_SKILL', technicianId: tech.id, message: `${tech.fullName} n’a pas : ${missing.join(', ')}` });
  }
  if (slot.dueBy && slot.start > slot.dueBy)
    warnings.push({ kind: 'SLA_BREACH', message: 'Le début prévu dépasse le délai contractuel d’intervention' });
  return warnings;
}

export interface ReportInput {
  labour: { technicianId: string; workDate: string; hours: string; labourType: string }[];
  travelCount: number;
  travelZone?: string | null;
  parts: { catalogItemId: string; quantity: string; serialNumber?: string | null }[];
  observations?: string | null;
  /** What the customer wrote beside the signature (« sous réserve de… »). */
  customerReservations?: string | null;
  photos?: { caption?: string | null; dataUrl: string }[] | null;
  signerName?: string | null;
  signatureDataUrl?: string | null;
}

export const MAX_PHOTO_DATA_URL = 2_800_000;
export const MAX_SIGNATURE_DATA_URL = 500_000;

/** The photo formats a report accepts (the technician's phone), and a portal request (what every mail client and PDF reads). */
export const REPORT_PHOTO_TYPES = ['png', 'jpeg', 'webp'] as const;
export const REQUEST_PHOTO_TYPES = ['png', 'jpeg'] as const;
const PHOTO_TYPE_NAMES: Record<(typeof REPORT_PHOTO_TYPES)[number], string> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };

/** Checks photos sent as data URLs: an image of one of `types`, 2 MB at most each; each problem names `photos[i].dataUrl`. */
export function checkPhotos(
  v: Validator,
  photos: readonly { dataUrl: string }[],
  types: readonly (typeof REPORT_PHOTO_TYPES)[number][] = REPORT_PHOTO_TYPES,
): Validator {
  const pattern = new RegExp(`^data:image\\/(${types.join('|')});base64,[A-Za-z0-9+/=]+$`);
  const names = types.map((t) => PHOTO_TYPE_NAMES[t]);
  const expected = `image ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' ou ' : ''}${names.at(-1)} attendue`;
  photos.forEach((photo, i) => {
    v.check(pattern.test(photo.dataUrl), `photos[${i}].dataUrl`, expected, 'UNKNOWN_VALUE');
    v.check(photo.dataUrl.length <= MAX_PHOTO_DATA_URL, `photos[${i}].dataUrl`, 'photo trop lourde (2 Mo au plus)', 'TOO_LONG');
  });
  return v;
}

function isPositiveDecimal(value: string, maxDecimals: number): boolean {
  try {
    const d = new Decimal(value);
    return d.isFinite() && d.greaterThan(0) && d.decimalPlaces() <= maxDecimals;
  } catch {
    return false;
  }
}

/** Checks a technician's report; `trackedItemIds` are catalog items that need a serial number. */
export function validateReport(report: ReportInput, trackedItemIds: ReadonlySet<string>): void {
  const v = new Validator();
  report.labour.forEach((entry, i) => {
    v.check(
      isPositiveDecimal(entry.hours, 2) && new Decimal(entry.hours).lessThanOrEqualTo(24),
      `labour[${i}].hours`,
      'durée en heures, de 0,01 à 24',
    );
    v.check(isLocalDate(entry.workDate), `labour[${i}].workDate`, 'date attendue au format AAAA-MM-JJ');
    v.check((LABOUR_TYPES as readonly string[]).includes(entry.labourType), `labour[${i}].labourType`, 'type de main-d’œuvre inconnu');
  });
  v.check(
    Number.isInteger(report.travelCount) && report.travelCount >= 0 && report.travelCount <= 20,
    'travelCount',
    'nombre de déplacements de 0 à 20',
  );
  report.parts.forEach((part, i) => {
    v.check(isPositiveDecimal(part.quantity, 2), `parts[${i}].quantity`, 'quantité positive');
    if (trackedItemIds.has(part.catalogItemId))
      v.check(Boolean(part.serialNumber?.trim()), `parts[${i}].serialNumber`, 'numéro de série obligatoire pour cette pièce');
  });
  checkPhotos(v, report.photos ?? []);
  if (report.signatureDataUrl) {
    v.check(
      /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(report.signatureDataUrl),
      'signatureDataUrl',
      'signature attendue en image PNG ou SVG',
    );
    v.check(
      report.signatureDataUrl.length <= MAX_SIGNATURE_DATA_URL,
      'signatureDataUrl',
      'signature trop lourde (500 000 caractères au plus)',
      'TOO_LONG',
    );
    v.check(Boolean(report.signerName?.trim()), 'signerName', 'nom du signataire obligatoire avec la signature');
  }
  v.throwIfInvalid();
}

/** A technician may only complete a job once the work and the customer's signature are recorded. */
export function assertReadyToComplete(report: { labourCount: number; signerName: string | null; signatureDataUrl: string | null }): void {
  new Validator()
    .check(report.labourCount > 0, 'labour', 'au moins une ligne de main-d’œuvre')
    .check(Boolean(report.signerName && report.signatureDataUrl), 'signature', 'la signature du client est requise')
    .throwIfInvalid();
}

export function totalHours(entries: readonly { hours: string }[]): string {
  return entries.reduce((sum, e) => sum.plus(e.hours), new Decimal(0)).toFixed(2);
}

/** Why the office may not close a job with the others: the codes a bulk close answers per row. */
export type CloseRefusal = 'NOT_FOUND' | 'NOT_COMPLETED' | 'SIGNATURE_MISSING' | 'CUSTOMER_RESERVATIONS';
export type CloseOutcome = { kind: 'CLOSE' } | { kind: 'ALREADY_CLOSED' } | { kind: 'REFUSED'; refusal: CloseRefusal; message: string };

export interface ClosingFacts {
  number: string;
  status: InterventionStatus;
  /** The customer's name and drawn signature are on the report. */
  signed: boolean;
  customerReservations: string | null;
}

const hasReservations = (job: ClosingFacts) => Boolean(job.customerReservations?.trim());

/**
 * What closing a job in bulk does: a finished (COMPLETED) job signed by the customer without
 * reservations closes; a closed or invoiced one stays as it is (closing again changes nothing);
 * anything else is refused with its reason. Reservations are read one job at a time, so a job
 * with reservations is closed from its own page, never in a batch.
 */
export function closeOutcome(job: ClosingFacts): CloseOutcome {
  if (job.status === 'CLOSED' || job.status === 'INVOICED') return { kind: 'ALREADY_CLOSED' };
  if (job.status !== 'COMPLETED')
    return { kind: 'REFUSED', refusal: 'NOT_COMPLETED', message: `${job.number} n’est pas terminée (${STATUS_LABELS[job.status]})` };
  if (!job.signed) return { kind: 'REFUSED', refusal: 'SIGNATURE_MISSING', message: `${job.number} n’a pas la signature du client` };
  if (hasReservations(job))
    return {
      kind: 'REFUSED',
      refusal: 'CUSTOMER_RESERVATIONS',
      message: `${job.number} porte des réserves du client : à clôturer depuis sa fiche après lecture`,
    };
  return { kind: 'CLOSE' };
}

/** « Clôture automatique »: with the tenant's setting on, a job just completed closes itself when a batch would close it. */
export function closesOnCompletion(autoClose: boolean, job: ClosingFacts): boolean {
  return autoClose && closeOutcome(job).kind === 'CLOSE';
}

/** A bulk close names at most this many jobs (a day's work is a few dozen). */
export const MAX_BULK_CLOSE = 200;
