import { useEffect } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import {
  ContractBillingPreviewDocument,
  ContractBillingRunDocument,
  ContractBillingRunsDocument,
  ContractBillingSettingsDocument,
  RunContractBillingDocument,
  type ContractBillingMode,
  type ContractBillingPreviewPeriodFragment,
  type ContractBillingPreviewQuery,
  type ContractBillingRunQuery,
  type ContractBillingRunState,
} from '../../../gql/graphql';

export type ContractBillingPreview = ContractBillingPreviewQuery['contractBillingPreview'];
export type PreviewCustomer = ContractBillingPreview['customers'][number];
export type PreviewContract = PreviewCustomer['contracts'][number];
export type PreviewPeriod = ContractBillingPreviewPeriodFragment;
export type PreviewLine = PreviewPeriod['lines'][number];
export type ContractBillingRun = NonNullable<ContractBillingRunQuery['contractBillingRun']>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RUN_POLL_MS = 1000;
const HISTORY_SIZE = 10;

export const isFinished = (state: ContractBillingRunState) => state === 'SUCCEEDED' || state === 'FAILED';

/**
 * What a run on `date` would bill, less the excluded lines: every amount and total is the
 * server's. While a new preview loads (another date, a line excluded), the last one stays shown.
 */
export function useContractBillingPreview(date: string, excludedLineIds: readonly string[]) {
  const { data, previousData, error, loading, refetch } = useQuery(
    ContractBillingPreviewDocument,
    LOCAL_DATE.test(date) ? { variables: { date, excludedLineIds: [...excludedLineIds] }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const preview = (data ?? previousData)?.contractBillingPreview ?? null;
  return {
    preview,
    /** The preview shown is not yet the one for the current date and exclusions. */
    updating: loading || !data,
    loading: !preview && !error && LOCAL_DATE.test(date),
    error,
    retry: () => void refetch(),
  };
}

/** Starts a run in the background (QUEUED); resolves to the run to follow. */
export function useRunContractBilling() {
  const [run, { loading }] = useMutation(RunContractBillingDocument, { refetchQueries: ['ContractBillingRuns'] });
  return {
    busy: loading,
    start: async (input: { date: string; excludedLineIds: readonly string[]; mode: ContractBillingMode | null; send: boolean | null }) => {
      const { data } = await run({
        variables: { date: input.date, excludedLineIds: [...input.excludedLineIds], mode: input.mode, send: input.send },
      });
      return data?.runContractBilling;
    },
  };
}

/**
 * A run, read every second while it is queued or running; once it has finished, the preview and
 * the history are read again (what it billed is no longer due).
 */
export function useContractBillingRun(id: string | null) {
  const { data, error, loading, refetch, startPolling, stopPolling, client } = useQuery(
    ContractBillingRunDocument,
    id ? { variables: { id }, fetchPolicy: 'network-only' } : skipToken,
  );
  const run = data?.contractBillingRun ?? null;
  const running = Boolean(id) && (!run || !isFinished(run.state));
  useEffect(() => {
    if (!running) return undefined;
    startPolling(RUN_POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  const finishedState = run && isFinished(run.state) ? run.state : null;
  useEffect(() => {
    if (finishedState) void client.refetchQueries({ include: ['ContractBillingPreview', 'ContractBillingRuns'] });
  }, [finishedState, client]);
  return { run, loading: loading && !run, error, retry: () => void refetch() };
}

/** The latest runs, newest first. */
export function useContractBillingRuns() {
  const { data, error, loading, refetch } = useQuery(ContractBillingRunsDocument, {
    variables: { first: HISTORY_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  return { runs: data?.contractBillingRuns ?? [], loading: loading && !data, error, retry: () => void refetch() };
}

/** How the company's runs leave their invoices by default: DRAFT, ISSUE (not mailed) or ISSUE_SEND. */
export function useCompanyRunMode(): 'DRAFT' | 'ISSUE' | 'ISSUE_SEND' | null {
  const { data } = useQuery(ContractBillingSettingsDocument);
  const settings = data?.contractBillingSettings;
  if (!settings) return null;
  if (settings.contractBillingMode === 'DRAFT') return 'DRAFT';
  return settings.contractBillingSend ? 'ISSUE_SEND' : 'ISSUE';
}
