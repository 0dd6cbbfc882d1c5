/**
 * The technician's report as typed on a form (French decimals, empty fields) turned into the API's
 * `InterventionReportInput`. One module for the planning app's « Ma journée » and the offline field
 * app; it imports nothing, so `@relais/ui/report-input` brings no Mantine into the field app.
 */

/** What a report form holds: the typed texts, before they become the API's Decimal strings. */
export interface ReportFormValues<Labour extends string = string> {
  labour: readonly { technicianId: string; workDate: string; hours: string; labourType: Labour }[];
  travelCount: string;
  travelZone: string | null;
  parts: readonly { catalogItemId: string; quantity: string; serialNumber: string }[];
  observations: string;
  photos: readonly { caption: string; dataUrl: string }[];
  signerName: string;
  customerReservations: string;
}

/** The API's report input (the API replaces the whole report; photos only when sent). */
export interface ReportInput<Labour extends string = string> {
  labour: { technicianId: string; workDate: string; hours: string; labourType: Labour }[];
  travelCount: number;
  travelZone: string | null;
  parts: { catalogItemId: string; quantity: string; serialNumber: string | null }[];
  observations: string | null;
  photos?: { caption: string | null; dataUrl: string }[];
  signerName: string | null;
  customerReservations: string | null;
  signatureDataUrl: string | null;
}

/** "2,5" or " 1 250,5 " (French keyboard) → "2.5", "1250.5": the Decimal string the API reads. */
export const toDecimal = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');

const positiveDecimal = /^\d+(\.\d{1,2})?$/;

/** A typed quantity or number of hours the API accepts: positive, two decimals at most ("2,5" yes; "0", "1,255", "abc" no). */
export function isPositiveDecimal(text: string): boolean {
  const decimal = toDecimal(text);
  return positiveDecimal.test(decimal) && /[1-9]/.test(decimal);
}

/**
 * The form's values as the API's input: blank hour lines dropped, decimals with a dot, blank texts as
 * null; the photos only when the technician changed them (the API keeps the stored ones otherwise).
 */
export function reportInput<Labour extends string>(
  values: ReportFormValues<Labour>,
  { signatureDataUrl, photosChanged }: { signatureDataUrl: string | null; photosChanged: boolean },
): ReportInput<Labour> {
  return {
    labour: values.labour
      .filter((entry) => entry.hours.trim())
      .map((entry) => ({
        technicianId: entry.technicianId,
        workDate: entry.workDate,
        hours: toDecimal(entry.hours),
        labourType: entry.labourType,
      })),
    travelCount: Number.parseInt(values.travelCount, 10) || 0,
    travelZone: values.travelZone || null,
    parts: values.parts.map((part) => ({
      catalogItemId: part.catalogItemId,
      quantity: toDecimal(part.quantity),
      serialNumber: part.serialNumber.trim() || null,
    })),
    observations: values.observations.trim() || null,
    ...(photosChanged ? { photos: values.photos.map((photo) => ({ caption: photo.caption || null, dataUrl: photo.dataUrl })) } : {}),
    signerName: values.signerName.trim() || null,
    customerReservations: values.customerReservations.trim() || null,
    signatureDataUrl,
  };
}
