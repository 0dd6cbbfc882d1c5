import { useQuery } from '@apollo/client/react';
import { loadMoreControls, useSession } from '@relais/session';
import { EquipmentDetailDocument, EquipmentsDocument, type EquipmentsQuery } from '../../../gql/graphql';

export type EquipmentRow = EquipmentsQuery['equipments']['edges'][number]['node'];

export function useEquipmentList(search: string) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(EquipmentsDocument, {
    variables: { first: 50, search: search || null },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.equipments;
  return {
    rows: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** One piece of equipment with its history, newest first. */
export function useEquipment(id: string) {
  const { data, error, loading, refetch } = useQuery(EquipmentDetailDocument, { variables: { id } });
  return { equipment: data?.equipment ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** Planners and admins create and edit equipment (maintenance:write); the others read it. */
export function useCanEditEquipment(): boolean {
  const role = useSession()?.user.role;
  return role === 'ADMIN' || role === 'PLANNER';
}
