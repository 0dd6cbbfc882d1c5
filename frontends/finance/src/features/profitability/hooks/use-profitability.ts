import { useMutation, useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import {
  ProfitabilityDocument,
  ProfitabilitySettingsDocument,
  UpdateProfitabilitySettingsDocument,
  type ProfitabilityGroup,
  type ProfitabilityOrder,
  type ProfitabilityQuery,
} from '../../../gql/graphql';

export type ProfitabilityReport = ProfitabilityQuery['profitability'];
export type ProfitabilityRow = ProfitabilityReport['edges'][number]['node'];

/** The server's largest page: most tenants' rows come at once. */
const PAGE_SIZE = 200;

export interface ProfitabilityView {
  groupBy: ProfitabilityGroup;
  from: string;
  to: string;
  orderBy: ProfitabilityOrder;
  descending: boolean;
}

/** The report for the view chosen (skipped while the period is not valid), the previous one kept while the next loads. */
export function useProfitability(view: ProfitabilityView, valid: boolean) {
  const { data, previousData, error, networkStatus, fetchMore, refetch, loading } = useQuery(ProfitabilityDocument, {
    variables: { ...view, first: PAGE_SIZE },
    skip: !valid,
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const report = (data ?? previousData)?.profitability ?? null;
  return {
    report,
    rows: report?.edges.map((edge) => edge.node) ?? [],
    loading: valid && !report && !error,
    updating: loading,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(report?.pageInfo, networkStatus, fetchMore),
  };
}

/** The cost of a trip (null while not set), and how to change it. */
export function useTravelCost() {
  const { data } = useQuery(ProfitabilitySettingsDocument, { fetchPolicy: 'cache-and-network' });
  const [update, { loading }] = useMutation(UpdateProfitabilitySettingsDocument, { refetchQueries: ['Profitability'] });
  const settings = data?.profitabilitySettings ?? null;
  return {
    settings,
    busy: loading,
    save: async (travelCostPerTrip: string | null) => {
      const { data: saved } = await update({ variables: { input: { travelCostPerTrip }, expectedVersion: settings?.version ?? 0 } });
      return saved?.updateProfitabilitySettings;
    },
  };
}
