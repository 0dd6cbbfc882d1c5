import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { loadMoreControls } from '@relais/session';
import {
  BankMovementCountsDocument,
  BankMovementsDocument,
  BankStatementsDocument,
  BookBankMovementDocument,
  ImportBankStatementDocument,
  MatchBankMovementDocument,
  MatchBankMovementToDirectDebitBatchDocument,
  MatchBankMovementToDirectDebitReturnDocument,
  UnmatchBankMovementDocument,
  type AllocationInput,
  type BankBookingKind,
  type BankMovementItemFragment,
  type BankMovementStatus,
} from '../../../gql/graphql';

export type BankMovementItem = BankMovementItemFragment;

/** The workspace's views: what is left to process, what was reconciled, what was booked. */
export type MovementView = 'todo' | 'matched' | 'booked';

export const statusesOf: Record<MovementView, BankMovementStatus[]> = {
  todo: ['UNMATCHED', 'PROPOSED'],
  matched: ['MATCHED'],
  booked: ['BOOKED'],
};

const pageSize = 50;

/** Everything a reconciliation changes on the page and in the other finance screens. */
const refetchQueries = ['BankMovements', 'BankMovementCounts', 'BankStatements', 'PaymentList', 'OpenInvoices'];

export type MovementProposal = BankMovementItem['proposals'][number];

/** The movements of a view, newest booked first, one page after another. */
export function useBankMovements(view: MovementView, searchText: string) {
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(BankMovementsDocument, {
    variables: { statuses: statusesOf[view], search: search || null, first: pageSize },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.bankMovements;
  return {
    movements: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** How many movements wait in each view. */
export function useBankMovementCounts() {
  const { data } = useQuery(BankMovementCountsDocument, { fetchPolicy: 'cache-and-network' });
  const counts = data?.bankMovementCounts;
  return counts ? { todo: counts.unmatched + counts.proposed, matched: counts.matched, booked: counts.booked } : null;
}

/** The latest imports, newest first. */
export function useBankStatements() {
  const { data, error, refetch } = useQuery(BankStatementsDocument, { fetchPolicy: 'cache-and-network' });
  return { statements: data?.bankStatements ?? [], loading: !data && !error, error, retry: () => void refetch() };
}

/** The format the server would detect anyway, told from the file's extension when it is a known one. */
export function formatOfFileName(fileName: string) {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xml') return 'CAMT053' as const;
  if (extension === 'ofx') return 'OFX' as const;
  if (extension === 'txt' || extension === 'cfo') return 'CFONB120' as const;
  return null;
}

/** A file's bytes as base64, read in the browser (the statement never leaves it any other way). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Imports one statement file; BANK_FILE_INVALID names the refused line, and nothing is imported then. */
export function useImportStatement() {
  const [importStatement, { loading }] = useMutation(ImportBankStatementDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    importFile: async (file: File) => {
      const contentBase64 = await readAsBase64(file);
      const result = await importStatement({
        variables: { input: { fileName: file.name, contentBase64, format: formatOfFileName(file.name) } },
      });
      return result.data?.importBankStatement ?? null;
    },
  };
}

/** Records the movement as one payment of a customer, split over its invoices (the rest is credit). */
export function useMatchMovement(movement: BankMovementItem) {
  const [match, { loading }] = useMutation(MatchBankMovementDocument, { refetchQueries });
  return {
    busy: loading,
    match: async (customerId: string, allocations: AllocationInput[]) =>
      (
        await match({
          variables: { movementId: movement.id, input: { customerId, allocations, expectedVersion: movement.version } },
        })
      ).data?.matchBankMovement ?? null,
  };
}

/**
 * Records a direct-debit proposal: the credit of a batch (the batch is settled if still pending),
 * or the return of a collected item (its payment reversed with the bank's reason, the invoice open again).
 */
export function useMatchDirectDebit(movement: BankMovementItem) {
  const [creditOf, { loading: crediting }] = useMutation(MatchBankMovementToDirectDebitBatchDocument, { refetchQueries });
  const [returnOf, { loading: returning }] = useMutation(MatchBankMovementToDirectDebitReturnDocument, { refetchQueries });
  return {
    busy: crediting || returning,
    accept: async (proposal: MovementProposal) => {
      const expectedVersion = movement.version;
      if (proposal.kind === 'DIRECT_DEBIT_BATCH' && proposal.directDebitBatch) {
        const variables = { movementId: movement.id, batchId: proposal.directDebitBatch.id, expectedVersion };
        return (await creditOf({ variables })).data?.matchBankMovementToDirectDebitBatch ?? null;
      }
      if (proposal.kind === 'DIRECT_DEBIT_RETURN' && proposal.directDebitItem) {
        const variables = {
          movementId: movement.id,
          itemId: proposal.directDebitItem.id,
          reasonCode: proposal.returnReasonCode,
          expectedVersion,
        };
        return (await returnOf({ variables })).data?.matchBankMovementToDirectDebitReturn ?? null;
      }
      return null;
    },
  };
}

/** Books the movement as fees, an internal transfer, a supplier payment or other. */
export function useBookMovement(movement: BankMovementItem) {
  const [book, { loading }] = useMutation(BookBankMovementDocument, { refetchQueries });
  return {
    busy: loading,
    book: async (kind: BankBookingKind, note: string | null) =>
      (await book({ variables: { movementId: movement.id, kind, note, expectedVersion: movement.version } })).data?.bookBankMovement ??
      null,
  };
}

/** Undoes the reconciliation: a recorded payment is reversed with the reason. */
export function useUnmatchMovement(movement: BankMovementItem) {
  const [unmatch, { loading }] = useMutation(UnmatchBankMovementDocument, { refetchQueries });
  return {
    busy: loading,
    unmatch: async (reason: string) =>
      (await unmatch({ variables: { movementId: movement.id, reason } })).data?.unmatchBankMovement ?? null,
  };
}
