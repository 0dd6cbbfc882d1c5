import { csvAmount, csvCount, csvText, toCsv, type CsvCell } from '@relais/ui';
import type { ProfitabilityGroup } from '../../../gql/graphql';
import { billingPaths, planningPaths } from '../../../routes';
import type { ProfitabilityReport, ProfitabilityRow } from './use-profitability';

/** The longest period the server accepts, in days from the first to the last (366 days in all). */
const MAX_SPAN_DAYS = 365;
const DAY_MS = 24 * 3600_000;

export const isValidPeriod = (from: string, to: string): boolean => {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  return !Number.isNaN(start) && !Number.isNaN(end) && start <= end && (end - start) / DAY_MS <= MAX_SPAN_DAYS;
};

/** The page of the contract, customer or technician; a site opens its customer's file (where its sites are). */
export function rowPath(groupBy: ProfitabilityGroup, row: Pick<ProfitabilityRow, 'key' | 'customerId'>): string | null {
  if (!row.key) return null;
  switch (groupBy) {
    case 'CONTRACT':
      return billingPaths.contract(row.key);
    case 'CUSTOMER':
      return billingPaths.customer(row.key);
    case 'SITE':
      return row.customerId ? billingPaths.customer(row.customerId) : null;
    case 'TECHNICIAN':
      return planningPaths.technician(row.key);
  }
}

/** Margin rate colours: a loss in red, a thin margin (under 20 %) in orange, the rest in green. */
export function rateColor(rate: string | null): 'red' | 'orange' | 'green' | 'gray' {
  if (rate === null) return 'gray';
  if (rate.startsWith('-')) return 'red';
  return Number.parseFloat(rate) < 20 ? 'orange' : 'green';
}

export const withCustomer = (groupBy: ProfitabilityGroup) => groupBy === 'CONTRACT' || groupBy === 'SITE';

/** The rows and the total line, as the table shows them, as a CSV file. */
export function profitabilityCsv(
  report: ProfitabilityReport,
  rows: readonly ProfitabilityRow[],
  headers: string[],
  labelOf: (row: ProfitabilityRow) => string,
  totalLabel: string,
): string {
  const customer = withCustomer(report.groupBy);
  const figures = (r: Omit<ProfitabilityRow, 'key' | 'label' | 'customerId' | 'customerName' | '__typename'>): CsvCell[] => [
    csvAmount(r.revenue),
    csvAmount(r.cost.labour),
    csvAmount(r.cost.parts),
    csvAmount(r.cost.travel),
    csvAmount(r.cost.total),
    csvAmount(r.margin),
    csvAmount(r.marginRate),
    csvAmount(r.hours),
    csvCount(r.interventionCount),
    csvCount(r.invoiceCount),
    csvCount(r.costUnknownCount),
  ];
  const lines = rows.map((r) => [csvText(labelOf(r)), ...(customer ? [csvText(r.customerName)] : []), ...figures(r)]);
  const total = [csvText(totalLabel), ...(customer ? [null] : []), ...figures(report.totals)];
  return toCsv(headers, [...lines, total]);
}
