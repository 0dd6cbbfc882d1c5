import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import {
  AdminWebhookDeliveriesDocument,
  AdminWebhookEndpointsDocument,
  CreateWebhookEndpointDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  type CreateWebhookEndpointInput,
} from '../../gql/graphql';

export function useWebhookEndpoints() {
  const { data, loading, error, refetch } = useQuery(AdminWebhookEndpointsDocument, { fetchPolicy: 'cache-and-network' });
  return {
    endpoints: data?.webhookEndpoints ?? [],
    eventTypes: data?.webhookEventTypes ?? [],
    loading: loading && !data,
    error,
    retry: () => void refetch(),
  };
}

export function useWebhookActions() {
  const [create, creating] = useMutation(CreateWebhookEndpointDocument, { refetchQueries: ['AdminWebhookEndpoints'] });
  const [rotate, rotating] = useMutation(RotateWebhookSecretDocument);
  return {
    creating: creating.loading,
    rotating: rotating.loading,
    create: async (input: CreateWebhookEndpointInput) => (await create({ variables: { input } })).data?.createWebhookEndpoint,
    rotate: async (id: string) => (await rotate({ variables: { id } })).data?.rotateWebhookSecret,
  };
}

export function useWebhookDeliveries(endpointId: string) {
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(AdminWebhookDeliveriesDocument, {
    variables: { endpointId, first: 25 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [redeliver, redelivering] = useMutation(RedeliverWebhookDocument);
  const connection = data?.webhookDeliveries;
  return {
    deliveries: connection?.edges.map((edge) => edge.node) ?? [],
    loading: loading && !data && networkStatus !== NetworkStatus.fetchMore,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
    redelivering: redelivering.loading,
    redeliver: async (deliveryId: string) => (await redeliver({ variables: { deliveryId } })).data?.redeliverWebhook,
  };
}
