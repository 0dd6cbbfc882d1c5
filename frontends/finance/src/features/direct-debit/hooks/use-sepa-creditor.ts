import { useMutation, useQuery } from '@apollo/client/react';
import { SepaCreditorDocument, SetSepaCreditorIdentifierDocument } from '../../../gql/graphql';

/** The company as SEPA creditor: its name, the account batches credit and its creditor identifier (ICS). */
export function useSepaCreditor() {
  const { data, error, refetch } = useQuery(SepaCreditorDocument, { fetchPolicy: 'cache-and-network' });
  const creditor = data?.sepaCreditor ?? null;
  return {
    creditor,
    /** What a batch still needs before it can be created: the ICS, the IBAN. */
    missing: creditor ? { creditorId: !creditor.creditorId, iban: !creditor.iban } : null,
    loading: !data && !error,
    error,
    retry: () => void refetch(),
  };
}

/** Records the ICS; VALIDATION_FAILED on creditorId (format, check digits). */
export function useSetCreditorId() {
  const [setCreditorId, { loading }] = useMutation(SetSepaCreditorIdentifierDocument, {
    refetchQueries: ['SepaCreditor'],
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    save: async (creditorId: string) => (await setCreditorId({ variables: { creditorId } })).data?.setSepaCreditorIdentifier,
  };
}
