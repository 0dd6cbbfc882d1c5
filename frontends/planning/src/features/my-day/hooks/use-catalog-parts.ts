import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CatalogPartsDocument } from '../../../gql/graphql';

/** Catalog parts matching the code or label typed. */
export function useCatalogParts(search: string) {
  const [debounced] = useDebouncedValue(search, 250);
  const { data, previousData } = useQuery(CatalogPartsDocument, { variables: { search: debounced || null } });
  return (data ?? previousData)?.catalogItems ?? [];
}
