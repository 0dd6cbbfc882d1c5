/**
 * One line of a journal entry as the exports read it: dates `YYYYMMDD`, amounts as PostgreSQL
 * writes numeric(14, 2) ("1234.50", "0.00").
 */
export interface ExportLine {
  journal: string;
  journalLabel: string;
  /** The entry's number (EcritureNum); provisional while its month is open. */
  entryNumber: string;
  entryDate: string;
  account: string;
  accountLabel: string;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  pieceRef: string;
  pieceDate: string;
  label: string;
  debit: string;
  credit: string;
  /** The closing that validated the entry, or the export date while its month is open (FEC ValidDate). */
  validDate: string;
}

/** Journal names as they read in the accountant's software. */
export const JOURNAL_LABELS: Record<string, string> = { VT: 'Ventes', BQ: 'Banque', OD: 'Opérations diverses' };

/** A numeric(14, 2) text as integer cents, without floating point. */
export function cents(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [units = '0', decimals = ''] = amount.replace(/^[+-]/, '').split('.');
  const value = BigInt(units) * 100n + BigInt((decimals + '00').slice(0, 2));
  return negative ? -value : value;
}

/** Cents as a decimal text with the separator given ("1234,50"). */
export function fromCents(value: bigint, separator: ',' | '.'): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}${separator}${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * numeric(14, 2) text ("1234.50", always two decimals) as a number of cents: exact (integers
 * below 2^53), and cheap enough for the million lines of a FEC.
 */
const centsOf = (amount: string) => Number(amount.replace('.', ''));

/** Running totals of what an export wrote. */
export class ExportTotals {
  lines = 0;
  private debitCents = 0;
  private creditCents = 0;
  add(line: Pick<ExportLine, 'debit' | 'credit'>): void {
    this.lines += 1;
    this.debitCents += centsOf(line.debit);
    this.creditCents += centsOf(line.credit);
  }
  get debit(): bigint {
    return BigInt(this.debitCents);
  }
  get credit(): bigint {
    return BigInt(this.creditCents);
  }
}
