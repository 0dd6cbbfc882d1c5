import { csvAmount, csvText, sumAmounts, toCsv, type CsvCell } from '@relais/ui';
import type { Journal, LedgerSourceType } from '../../../gql/graphql';
import { billingPaths, financePaths } from '../../../routes';

export const JOURNALS: readonly Journal[] = ['VT', 'BQ', 'OD'];

const isJournal = (value: string | null): value is Journal => JOURNALS.some((journal) => journal === value);

/** Account numbers are digits and capitals: what the API accepts as a prefix. */
const ACCOUNT_PREFIX = /^[0-9A-Z]{1,20}$/;

/** What is typed in the account filter, as the API reads it ("411", "44571"); empty: no filter. */
export const accountPrefix = (typed: string): string => typed.trim().toUpperCase();

export const isAccountPrefix = (prefix: string): boolean => prefix === '' || ACCOUNT_PREFIX.test(prefix);

const pad = (n: number) => String(n).padStart(2, '0');

/** The month (YYYY-MM) `offset` months from the month of `date`. */
export function monthOf(date: string, offset = 0): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The first and the last day of a month (YYYY-MM). */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(lastDay)}` };
}

/** The months offered for the VAT return, the latest first: this month and the `count` - 1 before it. */
export const recentMonths = (today: string, count: number): string[] => Array.from({ length: count }, (_, i) => monthOf(today, -i));

/** The first day of the fiscal year `today` falls in; 1 January when no fiscal year covers it. */
export function fiscalYearStart(years: readonly { startsOn: string; endsOn: string }[], today: string): string {
  return years.find((year) => year.startsOn <= today && today <= year.endsOn)?.startsOn ?? `${today.slice(0, 4)}-01-01`;
}

/** What the "Écritures" tab shows, read from the page address; by default every journal of the current month. */
export interface EntriesFilter {
  journal: Journal | null;
  from: string;
  to: string;
  account: string;
  customerId: string | null;
}

export function entriesFilter(params: URLSearchParams, today: string): EntriesFilter {
  const month = monthBounds(monthOf(today));
  const journal = params.get('journal');
  return {
    journal: isJournal(journal) ? journal : null,
    from: params.get('from') ?? month.from,
    to: params.get('to') ?? month.to,
    account: params.get('account') ?? '',
    customerId: params.get('customer'),
  };
}

/** The "Balance" tab's period, from the page address; by default the fiscal year to date. */
export function balancePeriod(params: URLSearchParams, today: string, yearStart: string): { from: string; to: string } {
  return { from: params.get('from') ?? yearStart, to: params.get('to') ?? today };
}

/** The "TVA" tab's month (YYYY-MM), from the page address; by default last month, the one being declared. */
export function vatMonth(params: URLSearchParams, today: string): string {
  const month = params.get('month');
  return month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : monthOf(today, -1);
}

/** The page address with `changes` applied: null drops a key (its default applies again). */
export function changedParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** The "Écritures" tab on the entries of an account over a period (a line of the balance opened). */
export const entriesOfAccount = (account: string, period: { from: string; to: string }): URLSearchParams =>
  new URLSearchParams({ tab: 'entries', account, from: period.from, to: period.to });

/**
 * The page of the document an entry books; a bank movement opens the bank's page (movements have
 * none of their own), a write-off its invoice's page (where it is listed).
 */
export function documentPath(entry: { sourceType: LedgerSourceType; sourceId: string; invoice?: { id: string } | null }): string {
  switch (entry.sourceType) {
    case 'INVOICE':
      return billingPaths.invoice(entry.sourceId);
    case 'CREDIT_NOTE':
      return billingPaths.creditNote(entry.sourceId);
    case 'PAYMENT':
      return financePaths.payment(entry.sourceId);
    case 'BANK_MOVEMENT':
      return financePaths.bank;
    case 'DEFERRED_REVENUE':
      return financePaths.periods;
    case 'WRITE_OFF':
      return entry.invoice ? billingPaths.invoice(entry.invoice.id) : financePaths.accounting;
  }
}

interface EntryLine {
  account: string;
  accountLabel: string | null;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  label: string;
  debit: string;
  credit: string;
}

interface Entry {
  journal: Journal;
  entryDate: string;
  number: string | null;
  pieceRef: string;
  label: string;
  lines: readonly EntryLine[];
}

/** The debits and the credits of an entry, added in exact cents (equal: the entry balances). */
export function entryTotals(entry: Pick<Entry, 'lines'>): { debit: string; credit: string } {
  return { debit: sumAmounts(entry.lines.map((line) => line.debit)), credit: sumAmounts(entry.lines.map((line) => line.credit)) };
}

/** The entries shown, one CSV line per entry line: date, journal, number, piece, entry label, account, its label, auxiliary, line label, debit, credit. */
export function entriesCsv(entries: readonly Entry[], headers: readonly string[]): string {
  const rows: CsvCell[][] = entries.flatMap((entry) =>
    entry.lines.map((line) => [
      csvText(entry.entryDate),
      csvText(entry.journal),
      csvText(entry.number),
      csvText(entry.pieceRef),
      csvText(entry.label),
      csvText(line.account),
      csvText(line.accountLabel),
      csvText(line.auxiliaryAccount),
      csvText(line.label),
      csvAmount(line.debit),
      csvAmount(line.credit),
    ]),
  );
  return toCsv(headers, rows);
}

interface BalanceRow {
  account: string;
  label: string | null;
  debit: string;
  credit: string;
  balance: string;
}

/** The trial balance as shown: one line per account, then the totals. */
export function balanceCsv(
  balance: { rows: readonly BalanceRow[]; totalDebit: string; totalCredit: string },
  headers: readonly string[],
  totalLabel: string,
): string {
  const rows: CsvCell[][] = balance.rows.map((row) => [
    csvText(row.account),
    csvText(row.label),
    csvAmount(row.debit),
    csvAmount(row.credit),
    csvAmount(row.balance),
  ]);
  return toCsv(headers, [...rows, [csvText(totalLabel), null, csvAmount(balance.totalDebit), csvAmount(balance.totalCredit), null]]);
}

interface VatFigures {
  dueOnIssue: string;
  invoicedOnPayment: string;
  dueOnPayment: string;
  due: string;
}

/** The VAT of the month per rate, then the totals; the rate as a decimal ("20,00"). */
export function vatCsv(
  report: { rows: readonly (VatFigures & { rate: string })[]; totals: VatFigures },
  headers: readonly string[],
  totalLabel: string,
): string {
  const figures = (f: VatFigures): CsvCell[] => [
    csvAmount(f.dueOnIssue),
    csvAmount(f.invoicedOnPayment),
    csvAmount(f.dueOnPayment),
    csvAmount(f.due),
  ];
  return toCsv(headers, [
    ...report.rows.map((row) => [csvAmount(row.rate), ...figures(row)]),
    [csvText(totalLabel), ...figures(report.totals)],
  ]);
}
