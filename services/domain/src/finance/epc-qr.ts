import { toBuffer, toString, type QRCodeToBufferOptions } from 'qrcode';
import { Money } from '../billing/money';
import { Errors, type FieldProblem } from '../shared/errors';
import { bicProblems, ibanProblems, normalizeBic, normalizeIban } from './sepa/bank-account';

/**
 * The EPC QR code ("GiroCode", EPC069-12 v2.1, "Quick Response Code: guidelines to enable data
 * capture for the initiation of a SEPA credit transfer"): a banking app scans it and prefills a
 * SEPA transfer with the beneficiary, the IBAN, the amount and the reference to quote.
 */

export const EPC_QR_MAX_BYTES = 331;
const AMOUNT_TEXT = /^\d+(\.\d{1,2})?$/;
const MAX_AMOUNT = new Money('999999999.99');

export interface EpcQrInput {
  /** Name of the account holder (cut to 70 characters). */
  beneficiaryName: string;
  iban: string;
  /** Optional since version 002 inside the EEA. */
  bic?: string | null;
  /** EUR, 0.01 to 999 999 999.99, at most 2 decimals. */
  amount: string;
  /** Unstructured remittance information, e.g. the invoice number (cut to 140 characters). */
  remittanceText?: string | null;
  /** An ISO 11649 creditor reference ("RF18 5390 0754 7034"); sent instead of the text when given. */
  creditorReference?: string | null;
}

/** "rf18 5390 0754 7034" -> "RF18539007547034". */
export function normalizeCreditorReference(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 11649: "RF", 2 check digits, up to 21 letters or digits; mod 97 of the rearranged reference is 1. */
export function isValidCreditorReference(value: string): boolean {
  const ref = normalizeCreditorReference(value);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  const digits = `${ref.slice(4)}${ref.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder === 1;
}

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * The text the QR code carries: BCD, version 002, character set 1 (UTF-8), SCT, BIC, name, IBAN,
 * amount, purpose (empty), structured reference or unstructured text, one element per line.
 * VALIDATION_FAILED naming the field when the transfer could not be made as described.
 */
export function epcQrPayload(input: EpcQrInput): string {
  const name = oneLine(input.beneficiaryName ?? '').slice(0, 70);
  const reference = input.creditorReference?.trim() ? normalizeCreditorReference(input.creditorReference) : null;
  const text = reference ? '' : oneLine(input.remittanceText ?? '').slice(0, 140);
  const problems: FieldProblem[] = [
    ...(name ? [] : [{ field: 'beneficiaryName', message: 'nom du bénéficiaire obligatoire' }]),
    ...ibanProblems(input.iban, 'iban', { sepaOnly: true }),
    ...(input.bic?.trim() ? bicProblems(input.bic, 'bic') : []),
    ...(reference && !isValidCreditorReference(reference)
      ? [{ field: 'creditorReference', message: 'référence créancier RF invalide (ISO 11649)' }]
      : []),
  ];
  if (typeof input.amount !== 'string' || !AMOUNT_TEXT.test(input.amount))
    problems.push({ field: 'amount', message: 'montant positif attendu, 2 décimales au plus' });
  else if (new Money(input.amount).lessThan('0.01') || new Money(input.amount).greaterThan(MAX_AMOUNT))
    problems.push({ field: 'amount', message: 'entre 0,01 € et 999 999 999,99 €' });
  if (problems.length) throw Errors.validation(problems);

  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    input.bic?.trim() ? normalizeBic(input.bic) : '',
    name,
    normalizeIban(input.iban),
    `EUR${new Money(input.amount).toFixed(2)}`,
    '',
    reference ?? '',
    text,
  ];
  // The last populated element ends the payload (no trailing separators).
  while (lines.at(-1) === '') lines.pop();
  const payload = lines.join('\n');
  if (Buffer.byteLength(payload, 'utf8') > EPC_QR_MAX_BYTES)
    throw Errors.validation([{ field: 'remittanceText', message: `QR code de paiement limité à ${EPC_QR_MAX_BYTES} octets` }]);
  return payload;
}

/**
 * The QR code as a grayscale PNG (no alpha channel, so it can go into a PDF/A), error correction
 * level M as EPC069-12 requires, in byte mode (UTF-8) with the standard 4-module quiet zone.
 * `width` in pixels (360 by default), or `scale` pixels per module: the PDF draws it ~3 cm wide,
 * where 4 whole pixels per module are sharp (~200 dpi) and half the pixels of 360 px.
 */
export function epcQrPng(payload: string, options: { width?: number; scale?: number } = {}): Promise<Buffer> {
  return toBuffer([{ mode: 'byte', data: Buffer.from(payload, 'utf8') }], {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    ...(options.scale ? { scale: options.scale } : { width: options.width ?? 360 }),
    // pngjs options (not in the qrcode typings): 0 = grayscale; rows unfiltered (deflate packs the
    // runs of a QR code as well, and pngjs does not try the 5 filters on every row).
    rendererOpts: { colorType: 0, filterType: 0 } as QRCodeToBufferOptions['rendererOpts'],
  });
}

/** The same QR code as an SVG document (black modules on white, 4-module quiet zone), for a web page to show at any size. */
export function epcQrSvg(payload: string): Promise<string> {
  return toString([{ mode: 'byte', data: Buffer.from(payload, 'utf8') }], { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
