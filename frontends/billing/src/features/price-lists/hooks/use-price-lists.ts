import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreatePriceListDocument,
  PriceListDetailDocument,
  PriceListsDocument,
  UpdatePriceListDocument,
  type CreatePriceListInput,
} from '../../../gql/graphql';

/** Every price list by name, active or not. */
export function usePriceLists() {
  const { data, loading, error, refetch } = useQuery(PriceListsDocument, { fetchPolicy: 'cache-and-network' });
  return { lists: data?.priceLists ?? [], loading: loading && !data, error, retry: () => void refetch() };
}

export function usePriceList(id: string) {
  const { data, loading, error, refetch } = useQuery(PriceListDetailDocument, { variables: { id }, skip: !id });
  return { list: data?.priceList ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

export function useCreatePriceList() {
  const [create, { loading }] = useMutation(CreatePriceListDocument, { refetchQueries: ['PriceLists'] });
  return { busy: loading, create: async (input: CreatePriceListInput) => (await create({ variables: { input } })).data?.createPriceList };
}

/** Saves a list over the version read (STALE_VERSION if someone saved it meanwhile); its prices replaced as a whole. */
export function useUpdatePriceList(id: string) {
  const [update, { loading }] = useMutation(UpdatePriceListDocument, { refetchQueries: ['PriceLists'] });
  return {
    busy: loading,
    update: async (input: CreatePriceListInput, expectedVersion: number) =>
      (await update({ variables: { id, expectedVersion, input } })).data?.updatePriceList,
  };
}
