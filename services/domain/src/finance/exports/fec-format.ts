import type { ExportLine } from './export-line';

/**
 * The FEC (Fichier des Écritures Comptables, art. A47 A-1 LPF) in its flat form: the 18 fields in
 * the regulatory order, `|` between fields, CR LF between records, dates AAAAMMJJ, amounts with a
 * comma and no thousands separator, empty optional fields left empty.
 */

export const FEC_FIELDS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const FEC_SEPARATOR = '|';
export const FEC_RECORD_END = '\r\n';

/** A text field: no separator, tab or line break inside (they would shift the columns), trimmed. */
export function fecText(value: string | null): string {
  if (!value) return '';
  return SEPARATORS.test(value)
    ? value
        .replace(/[|\t\r\n]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim()
    : value.trim();
}
const SEPARATORS = /[|\t\r\n]/;

/** "1234.50" (PostgreSQL numeric) as "1234,50". */
export const fecAmount = (amount: string) => amount.replace('.', ',');

export const fecHeader = () => FEC_FIELDS.join(FEC_SEPARATOR) + FEC_RECORD_END;

export function fecRecord(line: ExportLine): string {
  return (
    [
      line.journal,
      fecText(line.journalLabel),
      line.entryNumber,
      line.entryDate,
      line.account,
      fecText(line.accountLabel),
      fecText(line.auxiliaryAccount),
      fecText(line.auxiliaryLabel),
      fecText(line.pieceRef),
      line.pieceDate,
      fecText(line.label),
      fecAmount(line.debit),
      fecAmount(line.credit),
      '',
      '',
      line.validDate,
      '',
      '',
    ].join(FEC_SEPARATOR) + FEC_RECORD_END
  );
}

/** `<SIREN>FEC<closing date AAAAMMJJ>.txt`, the closing date being the fiscal year's last day. */
export const fecFileName = (siren: string, fiscalYearEnd: string) => `${siren}FEC${fiscalYearEnd.replaceAll('-', '')}.txt`;
