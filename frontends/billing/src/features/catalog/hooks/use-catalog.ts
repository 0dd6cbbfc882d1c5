import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import {
  ArchiveCatalogItemDocument,
  CatalogDocument,
  CatalogEntryDetailDocument,
  CreateCatalogItemDocument,
  RestoreCatalogItemDocument,
  UpdateCatalogItemDocument,
  type CatalogItemInput,
} from '../../../gql/graphql';

/** The catalog by label, searched by code or label, archived items too when asked. */
export function useCatalog(search: string, includeArchived: boolean) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading, error, refetch } = useQuery(CatalogDocument, {
    variables: { search: debounced || null, includeArchived },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  return { items: shown?.catalog ?? [], loading: loading && !shown, error, retry: () => void refetch() };
}

export function useCatalogEntry(id: string) {
  const { data, loading, error, refetch } = useQuery(CatalogEntryDetailDocument, { variables: { id }, skip: !id });
  return { item: data?.catalogItem ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

const refetchQueries = ['Catalog', 'CatalogItems'];

export function useCreateCatalogItem() {
  const [create, { loading }] = useMutation(CreateCatalogItemDocument, { refetchQueries });
  return { busy: loading, create: async (input: CatalogItemInput) => (await create({ variables: { input } })).data?.createCatalogItem };
}

/** Saves, archives or restores one item. */
export function useCatalogItemActions(id: string) {
  const [update, updating] = useMutation(UpdateCatalogItemDocument, { refetchQueries });
  const [archive, archiving] = useMutation(ArchiveCatalogItemDocument, { refetchQueries });
  const [restore, restoring] = useMutation(RestoreCatalogItemDocument, { refetchQueries });
  return {
    busy: updating.loading || archiving.loading || restoring.loading,
    update: async (input: CatalogItemInput) => (await update({ variables: { id, input } })).data?.updateCatalogItem,
    archive: async () => (await archive({ variables: { id } })).data?.archiveCatalogItem,
    restore: async () => (await restore({ variables: { id } })).data?.restoreCatalogItem,
  };
}
