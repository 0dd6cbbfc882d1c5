import { isPositiveDecimal } from '@relais/ui/report-input';
import type { FieldJobFragment, LabourType } from '../gql/graphql';

/** What the technician types on the report, kept as typed (French decimals, part labels) until sent. */
export interface ReportDraft {
  labour: { technicianId: string; workDate: string; hours: string; labourType: LabourType }[];
  travelCount: string;
  travelZone: string;
  parts: {
    catalogItemId: string;
    code: string;
    label: string;
    unit: string;
    trackedBySerial: boolean;
    quantity: string;
    serialNumber: string;
  }[];
  observations: string;
  photos: { caption: string; dataUrl: string }[];
  /** Photos are sent only when the technician changed them (the API keeps them otherwise). */
  photosChanged: boolean;
  signerName: string;
  customerReservations: string;
  signatureDataUrl: string | null;
}

/** The server's "2.50" shown as the technician types it: "2,5". */
const forInput = (decimal: string) => String(Number(decimal)).replace('.', ',');

export function draftFromJob(job: FieldJobFragment): ReportDraft {
  const { report } = job;
  return {
    labour: report.labour.map((entry) => ({
      technicianId: entry.technician.id,
      workDate: entry.workDate,
      hours: forInput(entry.hours),
      labourType: entry.labourType,
    })),
    travelCount: String(report.travelCount),
    travelZone: report.travelZone ?? '',
    parts: report.parts.map((part) => ({
      catalogItemId: part.item.id,
      code: part.item.code,
      label: part.item.label,
      unit: part.item.unit,
      trackedBySerial: part.item.trackedBySerial,
      quantity: forInput(part.quantity),
      serialNumber: part.serialNumber ?? '',
    })),
    observations: report.observations ?? '',
    photos: report.photos.map((photo) => ({ caption: photo.caption ?? '', dataUrl: photo.url })),
    photosChanged: false,
    signerName: report.signerName ?? '',
    customerReservations: report.customerReservations ?? '',
    signatureDataUrl: report.signatureDataUrl ?? null,
  };
}

export type DraftProblem = 'missingLabour' | 'missingSignature' | 'missingSerial' | 'invalidHours' | 'invalidQuantity';

/** What stops the report from being saved (`finishing`: also what completion needs). Checked before queueing, offline. */
export function draftProblems(draft: ReportDraft, finishing: boolean): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const labour = draft.labour.filter((entry) => entry.hours.trim());
  if (labour.some((entry) => !isPositiveDecimal(entry.hours))) problems.push('invalidHours');
  if (draft.parts.some((part) => !isPositiveDecimal(part.quantity))) problems.push('invalidQuantity');
  if (finishing && labour.length === 0) problems.push('missingLabour');
  if (finishing && draft.parts.some((part) => part.trackedBySerial && !part.serialNumber.trim())) problems.push('missingSerial');
  if (finishing && (!draft.signatureDataUrl || !draft.signerName.trim())) problems.push('missingSignature');
  return problems;
}
