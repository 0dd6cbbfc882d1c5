import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CustomerOptionsDocument, EquipmentOptionsDocument, SiteOptionsDocument } from '../../../gql/graphql';

/** Customers matching what was typed (server search), the chosen customer's sites, the chosen site's equipment. */
export function useRequestOptions({
  customerSearch,
  customerId,
  siteId,
}: {
  customerSearch: string;
  customerId: string | null;
  siteId: string | null;
}) {
  const [search] = useDebouncedValue(customerSearch, 250);
  const customers = useQuery(CustomerOptionsDocument, { variables: { search: search || null } });
  const sites = useQuery(SiteOptionsDocument, customerId ? { variables: { customerId } } : { skip: true, variables: { customerId: '' } });
  const equipment = useQuery(EquipmentOptionsDocument, siteId ? { variables: { siteId } } : { skip: true, variables: { siteId: '' } });
  const customerNodes = (customers.data ?? customers.previousData)?.customers.edges.map(({ node }) => node) ?? [];
  return {
    customers: customerNodes.map((customer) => ({ value: customer.id, label: `${customer.name} (${customer.code})` })),
    sites: customerId
      ? (sites.data?.sites.edges.map(({ node }) => ({ value: node.id, label: `${node.name} — ${node.address.city}` })) ?? [])
      : [],
    equipment: siteId ? (equipment.data?.equipments.edges.map(({ node }) => node) ?? []) : [],
  };
}
