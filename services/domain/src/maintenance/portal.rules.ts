import { Validator } from '../shared/errors';
import { localDate } from '../shared/time';
import { checkPhotos, REQUEST_PHOTO_TYPES, type InterventionStatus } from './intervention.rules';
import type { Intervention } from './intervention.entity';

/**
 * What a customer's contact sees of the maintenance records on the portal (docs/portal.md): a few
 * words for the lifecycle, first names of the technicians, a request's own fields; never costs,
 * internal notes or other customers.
 */

export type PortalVisitKind = 'PREVENTIVE' | 'CORRECTIVE';
export type PortalVisitStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export type PortalRequestStatus = 'RECEIVED' | 'SCHEDULED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

/** Finished on site: the office's closing and invoicing are none of the customer's concern. */
const DONE: readonly InterventionStatus[] = ['COMPLETED', 'CLOSED', 'INVOICED'];

export function portalVisitStatus(status: InterventionStatus): PortalVisitStatus {
  if (DONE.includes(status)) return 'DONE';
  if (status === 'IN_PROGRESS' || status === 'CANCELLED') return status;
  return 'PLANNED';
}

export function portalRequestStatus(status: InterventionStatus): PortalRequestStatus {
  if (DONE.includes(status)) return 'DONE';
  if (status === 'REQUESTED') return 'RECEIVED';
  return status as 'SCHEDULED' | 'IN_PROGRESS' | 'CANCELLED';
}

/** Inspections come back periodically like preventive visits; installations are called-out work like repairs. */
export function portalVisitKind(type: Intervention['type']): PortalVisitKind {
  return type === 'PREVENTIVE' || type === 'INSPECTION' ? 'PREVENTIVE' : 'CORRECTIVE';
}

/** "Théo Le Floch" -> "Théo", "Jean-Marc Durand" -> "Jean-Marc": a technician's first name only. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

/** The visit's day (tenant-local): when it was done, else when it is (or was) planned, else when it was asked for. */
export function portalVisitDate(visit: {
  status: InterventionStatus;
  completedAt?: Date | null;
  scheduledStart?: Date | null;
  requestedAt: Date;
}): string {
  const at = (DONE.includes(visit.status) ? visit.completedAt : null) ?? visit.scheduledStart ?? visit.requestedAt;
  return localDate(at);
}

/** The signed visit report exists once the job is finished on site with the customer's signature. */
export function hasVisitReport(visit: { status: InterventionStatus; signerName?: string | null }): boolean {
  return DONE.includes(visit.status) && Boolean(visit.signerName);
}

/** A visit, for the portal, is any job of the equipment past the request (requests are listed apart). */
export const isPortalVisit = (status: InterventionStatus): boolean => status !== 'REQUESTED';

export const MAX_BREAKDOWN_PHOTOS = 3;
export const MAX_BREAKDOWN_DESCRIPTION = 4000;
const TITLE_LENGTH = 80;

export interface BreakdownInput {
  equipmentId?: string | null;
  siteId?: string | null;
  description: string;
  photos?: { dataUrl: string; caption?: string | null }[] | null;
}

/** Checks a breakdown report from the portal: one place (equipment or site), a description, 3 JPEG/PNG photos of 2 MB at most. */
export function validateBreakdown(input: BreakdownInput): void {
  const photos = input.photos ?? [];
  const v = new Validator()
    .check(Boolean(input.equipmentId || input.siteId), 'equipmentId', 'choisissez l’équipement ou le site concerné', 'REQUIRED')
    .check(!(input.equipmentId && input.siteId), 'siteId', 'un équipement ou un site, pas les deux')
    .check(input.description.trim().length > 0, 'description', 'décrivez la panne', 'REQUIRED')
    .check(
      input.description.length <= MAX_BREAKDOWN_DESCRIPTION,
      'description',
      `${MAX_BREAKDOWN_DESCRIPTION} caractères au plus`,
      'TOO_LONG',
    )
    .check(photos.length <= MAX_BREAKDOWN_PHOTOS, 'photos', `${MAX_BREAKDOWN_PHOTOS} photos au plus`, 'OUT_OF_RANGE');
  photos.forEach((photo, i) => v.check((photo.caption ?? '').length <= 200, `photos[${i}].caption`, '200 caractères au plus', 'TOO_LONG'));
  checkPhotos(v, photos, REQUEST_PHOTO_TYPES).throwIfInvalid();
}

/** The request's title for the planner: the description's first line, cut at a word near 80 characters. */
export function breakdownTitle(description: string): string {
  const line = description.trim().split(/\r?\n/)[0]!.trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
