import { useMutation, useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import {
  CreateMandateDocument,
  MandatesDocument,
  RevokeMandateDocument,
  type CreateMandateInput,
  type MandateListItemFragment,
  type SepaMandateStatus,
} from '../../../gql/graphql';

export type MandateListItem = MandateListItemFragment;

/** Which mandates the list shows: the active ones (by default), the revoked ones, or all. */
export type MandateStatusFilter = SepaMandateStatus | 'ALL';

export interface MandateFilters {
  customerId: string | null;
  status: MandateStatusFilter;
}

export const defaultMandateFilters: MandateFilters = { customerId: null, status: 'ACTIVE' };

const pageSize = 50;

/** A new or revoked mandate changes which invoices the next batch can take. */
const refetchQueries = ['Mandates', 'DirectDebitCandidates'];

/** The mandates, most recently recorded first, one page after another. */
export function useMandates(filters: MandateFilters) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(MandatesDocument, {
    variables: { first: pageSize, customerId: filters.customerId, status: filters.status === 'ALL' ? null : filters.status },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.mandates;
  return {
    mandates: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** Records a signed mandate; VALIDATION_FAILED names the fields (iban, bic, reference, signedOn…). */
export function useCreateMandate() {
  const [create, { loading }] = useMutation(CreateMandateDocument, { refetchQueries, awaitRefetchQueries: true });
  return { busy: loading, create: async (input: CreateMandateInput) => (await create({ variables: { input } })).data?.createMandate };
}

/** Ends a mandate (date, reason); refused with STALE_VERSION if it changed since the list was read. */
export function useRevokeMandate(mandate: MandateListItem) {
  const [revoke, { loading }] = useMutation(RevokeMandateDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    revoke: async (values: { revokedOn: string; reason: string }) =>
      (await revoke({ variables: { id: mandate.id, ...values, expectedVersion: mandate.version } })).data?.revokeMandate,
  };
}
