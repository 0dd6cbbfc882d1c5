import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateEquipmentDocument,
  EquipmentFormContractsDocument,
  EquipmentFormOptionsDocument,
  UpdateEquipmentDocument,
  type EquipmentInput,
} from '../../../gql/graphql';

/** The site the equipment is (or goes) on, its customer's other sites and contracts, as choices. */
export function useEquipmentFormOptions(siteId: string) {
  const site = useQuery(EquipmentFormOptionsDocument, { variables: { siteId }, skip: !siteId });
  const customer = site.data?.site?.customer ?? null;
  const contracts = useQuery(EquipmentFormContractsDocument, {
    variables: { customerId: customer?.id ?? '' },
    skip: !customer,
  });
  return {
    loading: site.loading && !site.data,
    error: site.error,
    site: site.data?.site ?? null,
    customer,
    sites: customer?.sites.map((s) => ({ value: s.id, label: `${s.name} — ${s.address.city}` })) ?? [],
    contracts: contracts.data?.contracts.edges.map(({ node }) => ({ value: node.id, label: `${node.reference} — ${node.title}` })) ?? [],
  };
}

export function useCreateEquipment() {
  const [create, { loading }] = useMutation(CreateEquipmentDocument, { refetchQueries: ['Equipments'] });
  return { busy: loading, create: async (input: EquipmentInput) => (await create({ variables: { input } })).data?.createEquipment };
}

export function useUpdateEquipment(id: string) {
  const [update, { loading }] = useMutation(UpdateEquipmentDocument, {
    refetchQueries: ['EquipmentDetail', 'Equipments'],
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    update: async (input: EquipmentInput, expectedVersion: number) =>
      (await update({ variables: { id, input, expectedVersion } })).data?.updateEquipment,
  };
}
