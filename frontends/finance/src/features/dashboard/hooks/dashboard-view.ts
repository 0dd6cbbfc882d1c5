import { csvAmount, csvText, subtractAmounts, toCsv, type CsvCell } from '@relais/ui';
import type { ForecastWeek, YearComparison } from './use-dashboard';

/** "2026-03" for the 3rd month of 2026. */
export const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The first day of a month key, to format it. */
export const firstDayOf = (month: string): string => `${month}-01`;

/** Charts draw numbers; the figures shown and exported stay the API's decimal strings. */
export const plotted = (amount: string | null): number | null => (amount === null ? null : Number(amount));

export interface MonthRow {
  month: number;
  current: string | null;
  previous: string;
  /** This year less last year; null for the months to come. */
  variation: string | null;
}

export function monthRows(comparison: YearComparison): MonthRow[] {
  return comparison.months.map((m) => ({
    month: m.month,
    current: m.current ?? null,
    previous: m.previous,
    variation: m.current == null ? null : subtractAmounts(m.current, m.previous),
  }));
}

/** The month table as a CSV file: month, this year, last year, change. */
export function monthsCsv(comparison: YearComparison, monthName: (month: number) => string, headers: string[]): string {
  const rows: CsvCell[][] = monthRows(comparison).map((r) => [
    csvText(monthName(r.month)),
    csvAmount(r.current),
    csvAmount(r.previous),
    csvAmount(r.variation),
  ]);
  return toCsv(headers, rows);
}

/** The 13 weeks as a CSV file. */
export function forecastCsv(weeks: readonly ForecastWeek[], headers: string[]): string {
  return toCsv(
    headers,
    weeks.map((w) => [
      csvText(w.start),
      csvText(w.end),
      csvAmount(w.invoices),
      csvAmount(w.contracts),
      csvAmount(w.directDebits),
      csvAmount(w.total),
    ]),
  );
}
