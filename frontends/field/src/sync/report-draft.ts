import type { FieldJobFragment, InterventionReportInput, LabourType } from '../gql/graphql';

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

/** "2,5" (French keyboard) → "2.5", the Decimal string the API reads. */
export const toDecimal = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');

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

/** The draft as the API's report input (the API replaces the whole report). */
export function reportInput(draft: ReportDraft): InterventionReportInput {
  return {
    labour: draft.labour
      .filter((entry) => entry.hours.trim())
      .map((entry) => ({
        technicianId: entry.technicianId,
        workDate: entry.workDate,
        hours: toDecimal(entry.hours),
        labourType: entry.labourType,
      })),
    travelCount: Number.parseInt(draft.travelCount, 10) || 0,
    travelZone: draft.travelZone || null,
    parts: draft.parts.map((part) => ({
      catalogItemId: part.catalogItemId,
      quantity: toDecimal(part.quantity),
      serialNumber: part.serialNumber.trim() || null,
    })),
    observations: draft.observations.trim() || null,
    ...(draft.photosChanged ? { photos: draft.photos.map((photo) => ({ caption: photo.caption || null, dataUrl: photo.dataUrl })) } : {}),
    signerName: draft.signerName.trim() || null,
    customerReservations: draft.customerReservations.trim() || null,
    signatureDataUrl: draft.signatureDataUrl,
  };
}

export type DraftProblem = 'missingLabour' | 'missingSignature' | 'missingSerial' | 'invalidHours' | 'invalidQuantity';

const decimal = /^\d+(\.\d{1,2})?$/;

/** What stops the report from being saved (`finishing`: also what completion needs). Checked before queueing, offline. */
export function draftProblems(draft: ReportDraft, finishing: boolean): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const labour = draft.labour.filter((entry) => entry.hours.trim());
  if (labour.some((entry) => !decimal.test(toDecimal(entry.hours)) || Number(toDecimal(entry.hours)) <= 0)) problems.push('invalidHours');
  if (draft.parts.some((part) => !decimal.test(toDecimal(part.quantity)) || Number(toDecimal(part.quantity)) <= 0))
    problems.push('invalidQuantity');
  if (finishing && labour.length === 0) problems.push('missingLabour');
  if (finishing && draft.parts.some((part) => part.trackedBySerial && !part.serialNumber.trim())) problems.push('missingSerial');
  if (finishing && (!draft.signatureDataUrl || !draft.signerName.trim())) problems.push('missingSignature');
  return problems;
}
