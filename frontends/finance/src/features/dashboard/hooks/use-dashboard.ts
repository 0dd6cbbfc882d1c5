import { skipToken, useQuery } from '@apollo/client/react';
import {
  DashboardCashMovementsDocument,
  DashboardForecastWeekDocument,
  DashboardHomeDocument,
  DashboardRevenueDocumentsDocument,
  type DashboardHomeQuery,
} from '../../../gql/graphql';

export type DashboardHome = DashboardHomeQuery['dashboard'];
export type YearComparison = DashboardHome['revenueByMonth'];
export type ForecastWeek = DashboardHome['cashForecast']['weeks'][number];

/** The home's blocks at `asOf`, read again each time the page is opened. */
export function useDashboardHome(asOf: string) {
  const { data, error, loading, refetch } = useQuery(DashboardHomeDocument, {
    variables: { asOf },
    fetchPolicy: 'cache-and-network',
  });
  return { dashboard: data?.dashboard ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** What the forecast expects in the week starting on `start` (none asked: nothing read). */
export function useForecastWeek(asOf: string, start: string | null) {
  const { data, error, loading, refetch } = useQuery(
    DashboardForecastWeekDocument,
    start ? { variables: { asOf, start }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  return { entries: data?.dashboard.cashForecastWeek ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** The invoices and credit notes behind a month of revenue (YYYY-MM). */
export function useRevenueDocuments(asOf: string, month: string | null) {
  const { data, error, loading, refetch } = useQuery(
    DashboardRevenueDocumentsDocument,
    month ? { variables: { asOf, month }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  return { documents: data?.dashboard.revenueDocuments ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** The payments, reversals and refunds behind a month of cash collected (YYYY-MM). */
export function useCashMovements(asOf: string, month: string | null) {
  const { data, error, loading, refetch } = useQuery(
    DashboardCashMovementsDocument,
    month ? { variables: { asOf, month }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  return { movements: data?.dashboard.cashMovements ?? null, loading: loading && !data, error, retry: () => void refetch() };
}
