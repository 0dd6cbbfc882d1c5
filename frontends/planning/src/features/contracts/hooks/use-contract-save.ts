import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useFormatters } from '@relais/ui';
import {
  AmendContractDocument,
  ContractBillingOptionsDocument,
  ContractChosenCustomerDocument,
  ContractCustomerOptionsDocument,
  ContractLatestBillingTermsDocument,
  ContractSiteOptionsDocument,
  CreateContractDocument,
  type ContractBillingInput,
  type ContractTermsInput,
} from '../../../gql/graphql';

/**
 * Customers matching what was typed (server search), the chosen one always among them (a customer
 * given by the customer's file may not be in the first page), and the chosen customer's sites, as choices.
 */
export function useContractOptions(customerSearch: string, customerId: string | null) {
  const [search] = useDebouncedValue(customerSearch, 250);
  const customers = useQuery(ContractCustomerOptionsDocument, { variables: { search: search || null } });
  const chosen = useQuery(ContractChosenCustomerDocument, { variables: { id: customerId ?? '' }, skip: !customerId });
  const sites = useQuery(
    ContractSiteOptionsDocument,
    customerId ? { variables: { customerId } } : { skip: true, variables: { customerId: '' } },
  );
  const found = ((customers.data ?? customers.previousData)?.customers.edges ?? []).map(({ node }) => node);
  const chosenCustomer = chosen.data?.customer;
  return {
    customers: [...(chosenCustomer && !found.some((c) => c.id === chosenCustomer.id) ? [chosenCustomer] : []), ...found].map((node) => ({
      value: node.id,
      label: `${node.name} (${node.code})`,
    })),
    sites: customerId
      ? (sites.data?.sites.edges.map(({ node }) => ({ value: node.id, label: `${node.name} — ${node.address.city}` })) ?? [])
      : [],
    sitesLoading: sites.loading,
  };
}

/** The VAT rates and index series the contract's fee lines can use. */
export function useContractBillingOptions() {
  const format = useFormatters();
  const { data } = useQuery(ContractBillingOptionsDocument);
  const rates = (data?.vatRates ?? []).filter((rate) => rate.active);
  return {
    vatRates: rates.map((rate) => ({ value: rate.code, label: rate.categoryCode === 'S' ? format.percent(rate.rate) : rate.label })),
    defaultVatRateCode: rates[0]?.code ?? '',
    series: (data?.indexSeries ?? []).map((series) => ({ value: series.id, label: `${series.name} (${series.code})` })),
  };
}

/** The latest version of the contract's billing terms, an amendment's starting point (not read when `skip`). */
export function useLatestBillingTerms(contractId: string, skip: boolean) {
  const { data, loading, error, refetch } = useQuery(ContractLatestBillingTermsDocument, { variables: { id: contractId }, skip });
  return { latest: data?.contract?.billingTerms.at(-1), loading: loading && !data, error, retry: () => void refetch() };
}

const contractQueries = ['Contracts', 'ContractDetail', 'ContractLatestBillingTerms'];

/** A new contract for the customer, with its billing terms when given (one call); resolves to its id and reference. */
export function useCreateContract() {
  const [create, { loading }] = useMutation(CreateContractDocument, { refetchQueries: ['Contracts'] });
  return {
    busy: loading,
    create: async (customerId: string, terms: ContractTermsInput, billing: ContractBillingInput | null) =>
      (await create({ variables: { customerId, terms, billing } })).data?.createContract,
  };
}

/**
 * New terms as an amendment, from the version the planner loaded (STALE_VERSION otherwise), and
 * the billing terms from the same date when given (one call).
 */
export function useAmendContract(id: string) {
  const [amend, { loading }] = useMutation(AmendContractDocument, { refetchQueries: contractQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    amend: async (input: {
      terms: ContractTermsInput;
      effectiveOn: string;
      reason: string;
      expectedVersion: number;
      billing: ContractBillingInput | null;
    }) => (await amend({ variables: { id, ...input } })).data?.amendContract,
  };
}
