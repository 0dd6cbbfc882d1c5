import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  AccountingExportPreviewDocument,
  AccountingExportsDocument,
  ExportAccountingDocument,
  ExportFiscalYearsDocument,
  type AccountingExportInput,
  type AccountingExportPreviewQuery,
  type AccountingExportsQuery,
} from '../../../gql/graphql';

export type ExportPreview = AccountingExportPreviewQuery['accountingExportPreview'];
export type ExportRecord = AccountingExportsQuery['accountingExports'][number];

/** The fiscal years a FEC can be taken of, latest first. */
export function useExportFiscalYears() {
  const { data, loading, error } = useQuery(ExportFiscalYearsDocument);
  return { years: data?.fiscalYears ?? [], loading, error };
}

/** The exports taken; the list is read again a moment after a download starts (the record is written when the file is complete). */
export function useExportHistory() {
  const { data, loading, error, refetch } = useQuery(AccountingExportsDocument, { fetchPolicy: 'cache-and-network' });
  return { records: data?.accountingExports ?? [], loading, error, refetch };
}

/** Preview, then download through the signed link the API gives (a plain GET: the browser saves the file). */
export function useAccountingExport() {
  const client = useApolloClient();
  const [exportAccounting, { loading: linking }] = useMutation(ExportAccountingDocument);
  return {
    linking,
    preview: async (input: AccountingExportInput): Promise<ExportPreview> =>
      (await client.query({ query: AccountingExportPreviewDocument, variables: { input }, fetchPolicy: 'network-only' })).data!
        .accountingExportPreview,
    download: async (input: AccountingExportInput): Promise<string> => {
      const link = (await exportAccounting({ variables: { input } })).data!.exportAccounting;
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.download = link.fileName;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      return link.fileName;
    },
  };
}
