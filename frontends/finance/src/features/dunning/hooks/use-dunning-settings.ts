import { useMutation, useQuery } from '@apollo/client/react';
import { DunningSettingsDocument, UpdateDunningSettingsDocument, type DunningSettingsInput } from '../../../gql/graphql';
import { dunningPreviewQueries } from './use-dunning';

/** The tenant's levels, rate, spacing and mode (the defaults, version 0, until saved once). */
export function useDunningSettings() {
  const { data, error, loading, refetch } = useQuery(DunningSettingsDocument, { fetchPolicy: 'cache-and-network' });
  return { settings: data?.dunningSettings ?? null, loading: loading && !data, error, reload: () => refetch() };
}

/** Saves the settings over the version read (STALE_VERSION if someone saved meanwhile); the preview follows them. */
export function useUpdateDunningSettings() {
  const [update, { loading }] = useMutation(UpdateDunningSettingsDocument, {
    refetchQueries: [...dunningPreviewQueries, 'DunningSettings'],
  });
  return {
    busy: loading,
    save: async (input: DunningSettingsInput, expectedVersion: number) => {
      const { data } = await update({ variables: { input, expectedVersion } });
      return data?.updateDunningSettings;
    },
  };
}
