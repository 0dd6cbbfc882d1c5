import { useQuery } from '@apollo/client/react';
import { loadMoreControls, useSession } from '@relais/session';
import { ContractDetailDocument, ContractsDocument, type ContractDetailQuery, type ContractsQuery } from '../../../gql/graphql';

export type ContractRow = ContractsQuery['contracts']['edges'][number]['node'];
export type ContractDetail = NonNullable<ContractDetailQuery['contract']>;

export function useContractList(search: string) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(ContractsDocument, {
    variables: { first: 50, search: search || null },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.contracts;
  return {
    rows: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

export function useContract(id: string) {
  const { data, error, loading, refetch } = useQuery(ContractDetailDocument, { variables: { id } });
  return { contract: data?.contract ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** Planners and admins create and amend contracts (maintenance:write); the others read them. */
export function useCanEditContracts(): boolean {
  const role = useSession()?.user.role;
  return role === 'ADMIN' || role === 'PLANNER';
}

/** Only admins also set billing terms (billing:write): with the contract's terms, in the same call. */
export function useCanSetContractBilling(): boolean {
  return useSession()?.user.role === 'ADMIN';
}
