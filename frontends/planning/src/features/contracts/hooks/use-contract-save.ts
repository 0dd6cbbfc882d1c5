import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import {
  AmendContractDocument,
  ContractCustomerOptionsDocument,
  ContractSiteOptionsDocument,
  CreateContractDocument,
  type ContractTermsInput,
} from '../../../gql/graphql';

/** Customers matching what was typed (server search) and the chosen customer's sites, as choices. */
export function useContractOptions(customerSearch: string, customerId: string | null) {
  const [search] = useDebouncedValue(customerSearch, 250);
  const customers = useQuery(ContractCustomerOptionsDocument, { variables: { search: search || null } });
  const sites = useQuery(
    ContractSiteOptionsDocument,
    customerId ? { variables: { customerId } } : { skip: true, variables: { customerId: '' } },
  );
  return {
    customers: ((customers.data ?? customers.previousData)?.customers.edges ?? []).map(({ node }) => ({
      value: node.id,
      label: `${node.name} (${node.code})`,
    })),
    sites: customerId
      ? (sites.data?.sites.edges.map(({ node }) => ({ value: node.id, label: `${node.name} — ${node.address.city}` })) ?? [])
      : [],
    sitesLoading: sites.loading,
  };
}

const contractQueries = ['Contracts', 'ContractDetail'];

/** A new contract for the customer; resolves to its id and reference. */
export function useCreateContract() {
  const [create, { loading }] = useMutation(CreateContractDocument, { refetchQueries: ['Contracts'] });
  return {
    busy: loading,
    create: async (customerId: string, terms: ContractTermsInput) =>
      (await create({ variables: { customerId, terms } })).data?.createContract,
  };
}

/** New terms as an amendment, from the version the planner loaded (STALE_VERSION otherwise). */
export function useAmendContract(id: string) {
  const [amend, { loading }] = useMutation(AmendContractDocument, { refetchQueries: contractQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    amend: async (input: { terms: ContractTermsInput; effectiveOn: string; reason: string; expectedVersion: number }) =>
      (await amend({ variables: { id, ...input } })).data?.amendContract,
  };
}
