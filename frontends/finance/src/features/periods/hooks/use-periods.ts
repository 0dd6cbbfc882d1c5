import { useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '@relais/session';
import {
  ClosePeriodDocument,
  FiscalYearsDocument,
  OpenFiscalYearDocument,
  PeriodClosingChecksDocument,
  ReopenPeriodDocument,
  type AccountingPeriodItemFragment,
  type FiscalYearsQuery,
} from '../../../gql/graphql';

export type AccountingPeriodItem = AccountingPeriodItemFragment;
export type FiscalYearItem = FiscalYearsQuery['fiscalYears'][number];

/** Accountants and admins open years and close months (finance:write); only admins reopen a month. */
export function usePeriodPermissions(): { canClose: boolean; canReopen: boolean } {
  const role = useSession()?.user.role;
  return { canClose: role === 'ADMIN' || role === 'ACCOUNTANT', canReopen: role === 'ADMIN' };
}

/** A closing or a reopening changes which months can be closed next, and the checks of the month. */
const refetchQueries = ['FiscalYears', 'PeriodClosingChecks'];

/** The fiscal years, latest first, each with its months. */
export function useFiscalYears() {
  const { data, error, refetch } = useQuery(FiscalYearsDocument, { fetchPolicy: 'cache-and-network' });
  return { years: data?.fiscalYears ?? [], loading: !data && !error, error, retry: () => void refetch() };
}

/** What is left in the month, always read afresh (it changes as the clerk works). */
export function usePeriodClosingChecks(periodId: string) {
  const { data, error, refetch } = useQuery(PeriodClosingChecksDocument, { variables: { periodId }, fetchPolicy: 'network-only' });
  return { checks: data?.periodClosingChecks ?? null, loading: !data && !error, error, retry: () => void refetch() };
}

/** Opens the next fiscal year (or the first), with its months. */
export function useOpenFiscalYear() {
  const [open, { loading }] = useMutation(OpenFiscalYearDocument, { refetchQueries: ['FiscalYears'], awaitRefetchQueries: true });
  return {
    busy: loading,
    open: async (startsOn: string, endsOn: string) =>
      (await open({ variables: { input: { startsOn, endsOn } } })).data?.openFiscalYear ?? null,
  };
}

/** Closes the month as it was read (STALE_VERSION otherwise), with what is left in it acknowledged. */
export function useClosePeriod(period: AccountingPeriodItem) {
  const [close, { loading }] = useMutation(ClosePeriodDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    close: async (acknowledgeWarnings: boolean) =>
      (await close({ variables: { periodId: period.id, expectedVersion: period.version, acknowledgeWarnings } })).data?.closePeriod ?? null,
  };
}

/** Reopens the last closed month (admins), with the reason kept in its history. */
export function useReopenPeriod(period: AccountingPeriodItem) {
  const [reopen, { loading }] = useMutation(ReopenPeriodDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    reopen: async (reason: string) =>
      (await reopen({ variables: { periodId: period.id, reason, expectedVersion: period.version } })).data?.reopenPeriod ?? null,
  };
}
