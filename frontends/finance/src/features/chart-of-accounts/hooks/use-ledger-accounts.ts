import { useQuery } from '@apollo/client/react';
import { LedgerAccountsDocument, type LedgerAccountsQuery } from '../../../gql/graphql';

export type LedgerAccount = LedgerAccountsQuery['ledgerAccounts'][number];

export function useLedgerAccounts() {
  const { data, error, refetch } = useQuery(LedgerAccountsDocument);
  return {
    accounts: data?.ledgerAccounts ?? [],
    loading: !data && !error,
    error,
    retry: () => void refetch(),
  };
}
