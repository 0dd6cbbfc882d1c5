import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateIndexSeriesDocument,
  ImportIndexValuesDocument,
  IndexSeriesListDocument,
  SetIndexValueDocument,
  type IndexSeriesInput,
  type IndexSeriesListQuery,
} from '../../../gql/graphql';

export type IndexSeries = IndexSeriesListQuery['indexSeries'][number];
export type IndexValue = IndexSeries['values'][number];

/** How many months of values each series shows. */
const VALUES_SHOWN = 36;

/** The tenant's price indices by code, each with its latest value and its last months. */
export function useIndexSeries() {
  const { data, error, loading, refetch } = useQuery(IndexSeriesListDocument, {
    variables: { valuesFirst: VALUES_SHOWN },
    fetchPolicy: 'cache-and-network',
  });
  return { series: data?.indexSeries ?? [], loading: loading && !data, error, retry: () => void refetch() };
}

export function useCreateIndexSeries() {
  const [create, { loading }] = useMutation(CreateIndexSeriesDocument, { refetchQueries: ['IndexSeriesList'], awaitRefetchQueries: true });
  return {
    busy: loading,
    create: async (input: IndexSeriesInput) => (await create({ variables: { input } })).data?.createIndexSeries,
  };
}

/** Records or corrects one month ("2026-10"); the value is sent as typed, the server parses it. */
export function useSetIndexValue() {
  const [set, { loading }] = useMutation(SetIndexValueDocument, { refetchQueries: ['IndexSeriesList'], awaitRefetchQueries: true });
  return {
    busy: loading,
    setValue: async (input: { seriesId: string; period: string; value: string; publishedOn: string | null }) =>
      (await set({ variables: input })).data?.setIndexValue,
  };
}

/** Imports a CSV text: all its lines, or none (VALIDATION_FAILED naming csv.line[n]). */
export function useImportIndexValues() {
  const [importValues, { loading }] = useMutation(ImportIndexValuesDocument, {
    refetchQueries: ['IndexSeriesList'],
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    importCsv: async (seriesId: string, csv: string) => (await importValues({ variables: { seriesId, csv } })).data?.importIndexValues,
  };
}
