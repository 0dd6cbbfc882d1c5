import { useQuery } from '@apollo/client/react';
import {
  CustomerActivityDocument,
  CustomerBalanceDocument,
  CustomerDetailDocument,
  CustomerDocumentsDocument,
  CustomerHistoryDocument,
  type CustomerActivityQuery,
  type CustomerDetailQuery,
  type CustomerDocumentsQuery,
  type CustomerHistoryQuery,
  type CustomerRecordFragment,
} from '../../../gql/graphql';
import { useCustomerPermissions } from './use-customer-permissions';

export type CustomerDetail = NonNullable<CustomerDetailQuery['customer']>;
export type CustomerRecord = CustomerRecordFragment;
export type CustomerContact = CustomerRecord['contacts'][number];
export type CustomerSite = CustomerRecord['sites'][number];
export type CustomerActivity = CustomerActivityQuery;
export type CustomerDocuments = CustomerDocumentsQuery;
export type HistoryEntry = NonNullable<CustomerHistoryQuery['customer']>['history'][number];

export function useCustomer(id: string) {
  const { data, error, loading, refetch } = useQuery(CustomerDetailDocument, { variables: { id } });
  return { customer: data?.customer ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** Its contracts and latest interventions (maintenance), asked apart so the record shows first. */
export function useCustomerActivity(id: string) {
  const { data, error, loading, refetch } = useQuery(CustomerActivityDocument, { variables: { id } });
  return { activity: data ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** Its latest quotes and invoices (billing), for the roles that read billing. */
export function useCustomerDocuments(id: string) {
  const { canReadBilling } = useCustomerPermissions();
  const { data, error, loading, refetch } = useQuery(CustomerDocumentsDocument, { variables: { id }, skip: !canReadBilling });
  return { documents: data ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** What the customer owes (finance), for the roles that read finance; null otherwise. */
export function useCustomerBalance(id: string) {
  const { canReadBalance } = useCustomerPermissions();
  const { data } = useQuery(CustomerBalanceDocument, { variables: { id }, skip: !canReadBalance });
  return data?.customer?.balance ?? null;
}

export function useCustomerHistory(id: string) {
  const { data, error, loading, refetch } = useQuery(CustomerHistoryDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { history: data?.customer?.history ?? [], loading: loading && !data, error, retry: () => void refetch() };
}
