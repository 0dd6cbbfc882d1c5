import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CustomerOptionsDocument } from '../../../gql/graphql';

/** The first customers matching what is typed, as choices for a picker. */
export function useCustomerOptions(searchText: string) {
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { data, previousData } = useQuery(CustomerOptionsDocument, { variables: { search: search || undefined } });
  return ((data ?? previousData)?.customers.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} (${node.code})` }));
}
