import { useMutation, useQuery } from '@apollo/client/react';
import { AdminApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument, type CreateApiKeyInput } from '../../gql/graphql';

export function useApiKeys() {
  const { data, loading, error, refetch } = useQuery(AdminApiKeysDocument, { fetchPolicy: 'cache-and-network' });
  return { keys: data?.apiKeys ?? [], loading: loading && !data, error, retry: () => void refetch() };
}

export function useApiKeyActions() {
  const [create, creating] = useMutation(CreateApiKeyDocument, { refetchQueries: ['AdminApiKeys'] });
  const [revoke, revoking] = useMutation(RevokeApiKeyDocument);
  return {
    creating: creating.loading,
    revoking: revoking.loading,
    create: async (input: CreateApiKeyInput) => (await create({ variables: { input } })).data?.createApiKey,
    revoke: async (id: string) => (await revoke({ variables: { id } })).data?.revokeApiKey,
  };
}
