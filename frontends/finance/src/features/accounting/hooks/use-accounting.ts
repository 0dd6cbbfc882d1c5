import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { loadMoreControls, useSession } from '@relais/session';
import {
  AccountingFiscalYearsDocument,
  AccountingLedgerBalanceDocument,
  AccountingVatReportDocument,
  JournalEntriesDocument,
  LedgerMappingDocument,
  UpdateLedgerMappingDocument,
  type AccountingLedgerBalanceQuery,
  type AccountingVatReportQuery,
  type JournalEntryItemFragment,
  type LedgerMappingInput,
  type LedgerMappingItemFragment,
} from '../../../gql/graphql';
import { fiscalYearStart, type EntriesFilter } from './accounting-view';

export type JournalEntryItem = JournalEntryItemFragment;
export type LedgerBalance = AccountingLedgerBalanceQuery['ledgerBalance'];
export type VatReport = AccountingVatReportQuery['vatReport'];
export type LedgerMappingItem = LedgerMappingItemFragment;

const pageSize = 50;

/** Users who read the ledger (finance:read): the accountant, the billing clerk and the admin. */
const READERS = new Set(['ADMIN', 'ACCOUNTANT', 'BILLING']);
/** Users who change the accounts the ledger posts to (finance:write). */
const EDITORS = new Set(['ADMIN', 'ACCOUNTANT']);

export function useAccountingPermissions(): { canRead: boolean; canEdit: boolean } {
  const role = useSession()?.user.role ?? '';
  return { canRead: READERS.has(role), canEdit: EDITORS.has(role) };
}

/** The journal entries matching the filter, in date order, one page after another; none read while the filter is invalid. */
export function useJournalEntries(filter: EntriesFilter | null) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(
    JournalEntriesDocument,
    filter
      ? {
          variables: {
            first: pageSize,
            journal: filter.journal,
            from: filter.from,
            to: filter.to,
            account: filter.account || null,
            customerId: filter.customerId,
          },
          notifyOnNetworkStatusChange: true,
          fetchPolicy: 'cache-and-network',
        }
      : skipToken,
  );
  const connection = (data ?? previousData)?.journalEntries;
  return {
    entries: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: filter !== null && !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** The trial balance of the period; none read while the period is invalid. */
export function useLedgerBalance(period: { from: string; to: string } | null) {
  const { data, previousData, error, loading, refetch } = useQuery(
    AccountingLedgerBalanceDocument,
    period ? { variables: period, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  return {
    balance: (data ?? previousData)?.ledgerBalance ?? null,
    updating: loading && Boolean(previousData) && !data,
    loading: period !== null && !data && !previousData && !error,
    error,
    retry: () => void refetch(),
  };
}

/** The VAT of a month (its first and last days). */
export function useVatReport(period: { from: string; to: string }) {
  const { data, previousData, error, refetch } = useQuery(AccountingVatReportDocument, {
    variables: period,
    fetchPolicy: 'cache-and-network',
  });
  return {
    report: (data ?? previousData)?.vatReport ?? null,
    loading: !data && !previousData && !error,
    error,
    retry: () => void refetch(),
  };
}

/** Where the fiscal year of `today` starts (1 January without one); null until known. */
export function useFiscalYearStart(today: string): string | null {
  const { data, error } = useQuery(AccountingFiscalYearsDocument, { fetchPolicy: 'cache-first' });
  if (error) return fiscalYearStart([], today);
  return data ? fiscalYearStart(data.fiscalYears, today) : null;
}

export function useLedgerMapping() {
  const { data, error, refetch } = useQuery(LedgerMappingDocument, { fetchPolicy: 'network-only' });
  return { mapping: data?.ledgerMapping ?? null, loading: !data && !error, error, retry: () => void refetch() };
}

/** Replaces the mapping as it was read (STALE_VERSION otherwise). */
export function useUpdateLedgerMapping() {
  const [update, { loading }] = useMutation(UpdateLedgerMappingDocument, { refetchQueries: ['LedgerMapping'], awaitRefetchQueries: true });
  return {
    busy: loading,
    save: async (input: LedgerMappingInput, expectedVersion: number) =>
      (await update({ variables: { input, expectedVersion } })).data?.updateLedgerMapping ?? null,
  };
}
