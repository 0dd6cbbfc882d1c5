import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { todayInParis } from '@relais/ui';
import {
  CreateDirectDebitBatchDocument,
  DirectDebitCalendarDocument,
  DirectDebitCandidatesDocument,
  type DirectDebitCandidatesQuery,
} from '../../../gql/graphql';

export type DirectDebitPlan = DirectDebitCandidatesQuery['directDebitCandidates'];
export type DirectDebitCandidate = DirectDebitPlan['candidates'][number];
export type BlockedDirectDebit = DirectDebitPlan['blocked'][number];

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The collection dates a batch prepared today may take (the first business day after the file reaches the bank, 14 months ahead). */
export function useCollectionCalendar() {
  const { data, error, refetch } = useQuery(DirectDebitCalendarDocument, { variables: { today: todayInParis() } });
  const calendar = data?.directDebitCandidates;
  return {
    earliest: calendar?.earliestCollectionDate ?? null,
    latest: calendar?.latestCollectionDate ?? null,
    error,
    retry: () => void refetch(),
  };
}

/** What a batch collecting on `date` would take, exactly, and the invoices it cannot take, with why. */
export function useDirectDebitCandidates(date: string | null) {
  const valid = date !== null && LOCAL_DATE.test(date);
  const { data, previousData, error, loading, refetch } = useQuery(
    DirectDebitCandidatesDocument,
    valid ? { variables: { collectionDate: date }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const plan = (data ?? previousData)?.directDebitCandidates ?? null;
  return {
    plan,
    /** The plan shown is not yet the one of the date chosen. */
    updating: loading || !data,
    loading: !plan && !error && valid,
    error,
    retry: () => void refetch(),
  };
}

/** Builds the pain.008 file of the invoices given and records the batch (SUBMITTED). */
export function useCreateBatch() {
  const [create, { loading }] = useMutation(CreateDirectDebitBatchDocument, {
    refetchQueries: ['DirectDebitCandidates', 'DirectDebitBatches', 'Mandates'],
  });
  return {
    busy: loading,
    create: async (collectionDate: string, invoiceIds: readonly string[]) =>
      (await create({ variables: { collectionDate, invoiceIds: [...invoiceIds] } })).data?.createDirectDebitBatch,
  };
}
