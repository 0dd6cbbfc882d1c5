import { useQuery } from '@apollo/client/react';
import { CustomerDetailDocument, type CustomerDetailQuery } from '../../../gql/graphql';

export type CustomerDetail = NonNullable<CustomerDetailQuery['customer']>;

export function useCustomer(id: string) {
  const { data, error, loading, refetch } = useQuery(CustomerDetailDocument, { variables: { id } });
  return { customer: data?.customer ?? null, loading, error, retry: () => void refetch() };
}
