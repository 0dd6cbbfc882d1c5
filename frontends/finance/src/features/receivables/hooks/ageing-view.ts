import { apiDecimal, isNegativeAmount, isPositiveAmount, isTypedDecimal, subtractAmounts } from '@relais/ui';
import type { AgeingBucket, AgeingBucketsFragment } from '../../../gql/graphql';

/** The columns of the balance âgée, in order: the API's bucket and its field in a row's amounts. */
export const AGEING_COLUMNS: readonly { bucket: AgeingBucket; field: keyof AgeingBucketsFragment }[] = [
  { bucket: 'NOT_DUE', field: 'notDue' },
  { bucket: 'D1_30', field: 'd1To30' },
  { bucket: 'D31_60', field: 'd31To60' },
  { bucket: 'D61_90', field: 'd61To90' },
  { bucket: 'D90_PLUS', field: 'over90' },
];

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the accountant narrows the ageing to; the server keeps or drops whole customers. */
export interface AgeingFilters {
  asOf: string;
  customerId: string | null;
  bucket: AgeingBucket | null;
  /** As typed ("1 000,50"); empty for none. */
  minimumAmount: string;
  overdueOnly: boolean;
}

export const defaultAgeingFilters = (today: string): AgeingFilters => ({
  asOf: today,
  customerId: null,
  bucket: null,
  minimumAmount: '',
  overdueOnly: false,
});

export const isMinimumAmountReadable = (typed: string): boolean => typed.trim() === '' || isTypedDecimal(typed);

/** The query's variables, or null while the date or the minimum amount cannot be read. */
export function ageingVariables(filters: AgeingFilters) {
  if (!LOCAL_DATE.test(filters.asOf) || !isMinimumAmountReadable(filters.minimumAmount)) return null;
  return {
    asOf: filters.asOf,
    customerId: filters.customerId,
    bucket: filters.bucket,
    minimumAmount: filters.minimumAmount.trim() ? apiDecimal(filters.minimumAmount) : null,
    overdueOnly: filters.overdueOnly || null,
  };
}

/** By name as the server sends them (French collation), or by total, largest or smallest first. */
export type AgeingSort = 'name' | 'totalDesc' | 'totalAsc';

const compareAmounts = (a: string, b: string): number => {
  const difference = subtractAmounts(a, b);
  return isNegativeAmount(difference) ? -1 : isPositiveAmount(difference) ? 1 : 0;
};

/** The rows in the order asked; equal totals keep the server's order (by name). */
export function sortAgeingRows<Row extends { total: string }>(rows: readonly Row[], sort: AgeingSort): Row[] {
  if (sort === 'name') return [...rows];
  const direction = sort === 'totalDesc' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => direction * compareAmounts(a.row.total, b.row.total) || a.index - b.index)
    .map(({ row }) => row);
}

/** Clicking the total's header: largest first, then smallest first, then largest again. */
export const nextTotalSort = (sort: AgeingSort): AgeingSort => (sort === 'totalDesc' ? 'totalAsc' : 'totalDesc');
