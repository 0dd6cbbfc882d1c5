import { Money, toAmount } from '../../billing/money';

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
  /** A line, or `lines` lines of these totals (an entry). */
  add(amounts: Pick<ExportLine, 'debit' | 'credit'>, lines = 1): void {
    this.lines += lines;
    this.debitCents += centsOf(amounts.debit);
    this.creditCents += centsOf(amounts.credit);
  }
  /** The totals as amounts ("1234.50"). */
  get debit(): string {
    return toAmount(new Money(this.debitCents).div(100));
  }
  get credit(): string {
    return toAmount(new Money(this.creditCents).div(100));
  }
}
