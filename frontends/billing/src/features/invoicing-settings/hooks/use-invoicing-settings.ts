import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import {
  InvoiceMailPreviewDocument,
  InvoicingSettingsScreenDocument,
  UpdateInvoicingSettingsDocument,
  type InvoicingSettingsInput,
} from '../../../gql/graphql';

export function useInvoicingSettings() {
  const { data, loading, error, refetch } = useQuery(InvoicingSettingsScreenDocument, { fetchPolicy: 'cache-and-network' });
  return { settings: data?.invoicingSettings ?? null, loading: loading && !data, error, reload: () => refetch() };
}

export function useUpdateInvoicingSettings() {
  // The settings have no id to update the screen's query by: it is read again (the form restarts from what was stored).
  const [update, { loading }] = useMutation(UpdateInvoicingSettingsDocument, {
    refetchQueries: ['InvoicingSettingsScreen'],
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    save: async (input: InvoicingSettingsInput) => (await update({ variables: { input } })).data?.updateInvoicingSettings,
  };
}

/** The mail as the server renders it for a sample invoice, once typing pauses. */
export function useInvoiceMailPreview(subject: string, body: string) {
  const [templates] = useDebouncedValue({ subject, body }, 400);
  const { data, previousData, error } = useQuery(InvoiceMailPreviewDocument, { variables: templates });
  return { preview: (data ?? previousData)?.invoiceMailPreview ?? null, error };
}
