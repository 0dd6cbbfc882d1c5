import { useApolloClient, useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useAction } from '@relais/session';
import { useState } from 'react';
import {
  CloseInterventionsDocument,
  CloseInterventionsPreviewDocument,
  FinishedInterventionIdsDocument,
  InterventionSettingsDocument,
  UpdateInterventionSettingsDocument,
  type CloseResultFieldsFragment,
  type InterventionFilter,
} from '../../../gql/graphql';

export type CloseResult = CloseResultFieldsFragment;

/** The rows ticked for « Clôturer (N) », and "every finished one matching the filters". */
export function useCloseSelection(filter: InterventionFilter) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [loadFinished, finished] = useLazyQuery(FinishedInterventionIdsDocument, { fetchPolicy: 'network-only' });
  return {
    selected,
    loadingAll: finished.loading,
    toggle: (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    selectAllFinished: async () => {
      const { data } = await loadFinished({ variables: { filter: { ...filter, status: ['COMPLETED'] } } });
      setSelected(new Set(data?.interventions.edges.map((edge) => edge.node.id) ?? []));
    },
    clear: () => setSelected(new Set()),
  };
}

/** The confirmation's preview (what the server would close and refuse), then the close itself. */
export function useBulkClose(ids: readonly string[]) {
  const client = useApolloClient();
  const preview = useQuery(CloseInterventionsPreviewDocument, { variables: { ids: [...ids] }, fetchPolicy: 'network-only' });
  const [close, closeState] = useMutation(CloseInterventionsDocument);
  const action = useAction();
  const [results, setResults] = useState<readonly CloseResult[] | null>(null);
  return {
    preview: preview.data?.closeInterventionsPreview,
    previewError: preview.error,
    busy: closeState.loading,
    error: action.error,
    results,
    confirm: async () => {
      const answer = await action.run(() => close({ variables: { ids: [...ids] } }));
      if (!answer?.data) return;
      setResults(answer.data.closeInterventions);
      await client.refetchQueries({ include: ['Interventions'] });
    },
  };
}

/** « Clôture automatique »: read by the office, changed by an admin. */
export function useAutoCloseSetting() {
  const { data } = useQuery(InterventionSettingsDocument);
  const [update, state] = useMutation(UpdateInterventionSettingsDocument);
  const action = useAction();
  return {
    enabled: data?.interventionSettings.autoCloseInterventions,
    saving: state.loading,
    error: action.error,
    set: (autoCloseInterventions: boolean) =>
      action.run(() =>
        update({
          variables: { input: { autoCloseInterventions } },
          update: (cache, { data: saved }) => {
            if (saved)
              cache.writeQuery({ query: InterventionSettingsDocument, data: { interventionSettings: saved.updateInterventionSettings } });
          },
        }),
      ),
  };
}
