import { useEffect } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import {
  DunningPreviewDocument,
  DunningPreviewTotalsDocument,
  DunningRunDocument,
  DunningRunsDocument,
  RunDunningDocument,
  type DunningPreviewQuery,
  type DunningRunQuery,
  type DunningRunState,
} from '../../../gql/graphql';

export type DunningPreview = DunningPreviewQuery['dunningPreview'];
export type PlannedReminder = DunningPreview['reminders'][number];
export type HeldReminder = DunningPreview['held'][number];
export type DunningRun = NonNullable<DunningRunQuery['dunningRun']>;

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RUN_POLL_MS = 1000;
const HISTORY_SIZE = 20;

/** The queries a change of an invoice's collection state or a finished run makes stale. */
export const dunningPreviewQueries = ['DunningPreview', 'DunningPreviewTotals'];

export const isFinished = (state: DunningRunState) => state === 'SUCCEEDED' || state === 'FAILED';

/**
 * The reminders a run on `date` would send and the overdue invoices held back, all of them: the
 * lines the clerk excludes stay listed (struck out) so that they can be put back.
 */
export function useDunningPreview(date: string) {
  const valid = LOCAL_DATE.test(date);
  const { data, previousData, error, loading, refetch } = useQuery(
    DunningPreviewDocument,
    valid ? { variables: { date }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const preview = (data ?? previousData)?.dunningPreview ?? null;
  return {
    preview,
    /** The preview shown is not yet the one of the date chosen. */
    updating: loading || !data,
    loading: !preview && !error && valid,
    error,
    retry: () => void refetch(),
  };
}

/**
 * What the run will send once the excluded invoices are left out, as the server totals it; with
 * nothing excluded, the preview's own totals.
 */
export function useDunningTotals(preview: DunningPreview | null, excludedInvoiceIds: readonly string[]) {
  const ask = preview !== null && excludedInvoiceIds.length > 0;
  const { data, previousData, loading } = useQuery(
    DunningPreviewTotalsDocument,
    ask ? { variables: { date: preview.date, excludedInvoiceIds: [...excludedInvoiceIds] }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  if (!preview) return { totals: null, updating: false };
  if (!ask) return { totals: preview.totals, updating: false };
  const answered = data ?? previousData;
  return { totals: answered?.dunningPreview.totals ?? preview.totals, updating: loading || !data };
}

/** Starts today's run in the background (QUEUED); resolves to the run to follow. */
export function useRunDunning() {
  const [run, { loading }] = useMutation(RunDunningDocument, { refetchQueries: ['DunningRuns'] });
  return {
    busy: loading,
    start: async (excludedInvoiceIds: readonly string[]) => {
      const { data } = await run({ variables: { excludedInvoiceIds: [...excludedInvoiceIds] } });
      return data?.runDunning;
    },
  };
}

/**
 * A run, read every second while it is queued or running; once it has finished, the preview and
 * the history are read again (what it sent is no longer due).
 */
export function useDunningRun(id: string | null) {
  const { data, error, loading, refetch, startPolling, stopPolling, client } = useQuery(
    DunningRunDocument,
    id ? { variables: { id }, fetchPolicy: 'network-only' } : skipToken,
  );
  const run = data?.dunningRun ?? null;
  const running = Boolean(id) && (!run || !isFinished(run.state));
  useEffect(() => {
    if (!running) return undefined;
    startPolling(RUN_POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  const finishedState = run && isFinished(run.state) ? run.state : null;
  useEffect(() => {
    if (finishedState) void client.refetchQueries({ include: [...dunningPreviewQueries, 'DunningRuns'] });
  }, [finishedState, client]);
  return { run, loading: loading && !run, error, retry: () => void refetch() };
}

/** The latest runs, newest first (the clerk's and the daily ones). */
export function useDunningRuns() {
  const { data, error, loading, refetch } = useQuery(DunningRunsDocument, {
    variables: { first: HISTORY_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return { runs: data?.dunningRuns ?? [], loading: loading && !data, error, retry: () => void refetch() };
}
