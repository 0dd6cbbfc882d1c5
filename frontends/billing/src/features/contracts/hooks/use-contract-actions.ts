import { useMutation } from '@apollo/client/react';
import {
  SendRenewalNoticeDocument,
  SetContractBillingDocument,
  TerminateContractDocument,
  type ContractBillingTermsInput,
} from '../../../gql/graphql';

/** Queries showing a contract's billing: its page, the contracts list and the contract billing preview. */
const contractQueries = ['BillingContract', 'BillingContractList'];

/** Adds (or replaces, same date) a version of the contract's billing terms; the schedule follows. */
export function useSetContractBilling(contractId: string) {
  const [set, { loading }] = useMutation(SetContractBillingDocument, { refetchQueries: contractQueries, awaitRefetchQueries: true });
  return { busy: loading, save: (terms: ContractBillingTermsInput) => set({ variables: { contractId, terms } }) };
}

export interface TerminationValues {
  noticeReceivedOn: string;
  effectiveOn: string;
  reason: string;
}

/** Terminates the contract on its last day; resolves to the outcome (notice respected, credit notes proposed). */
export function useTerminateContract(contractId: string) {
  const [terminate, { loading }] = useMutation(TerminateContractDocument, {
    refetchQueries: contractQueries,
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    terminate: async (values: TerminationValues) => (await terminate({ variables: { contractId, ...values } })).data?.terminateContract,
  };
}

/** Mails the customer the renewal notice of the running term. */
export function useSendRenewalNotice(contractId: string) {
  const [send, { loading }] = useMutation(SendRenewalNoticeDocument, { refetchQueries: contractQueries, awaitRefetchQueries: true });
  return { busy: loading, send: () => send({ variables: { contractId } }) };
}
