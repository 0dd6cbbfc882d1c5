import { skipToken, useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  CustomerStatementDocument,
  CustomerStatementPdfDocument,
  SendCustomerStatementDocument,
  type CustomerStatementQuery,
  type SendCustomerStatementMutation,
} from '../../../gql/graphql';
import { saveBase64File } from '../../receivables/hooks/download';

export type CustomerStatement = CustomerStatementQuery['customerStatement'];
export type StatementSent = SendCustomerStatementMutation['sendCustomerStatement'];

interface StatementKey {
  customerId: string;
  from: string;
  to: string;
}

/**
 * The customer's statement for the period, drawn up by the server; while another period of the
 * same customer is on its way, the previous one stays on screen.
 */
export function useCustomerStatement(key: StatementKey | null) {
  const { data, previousData, error, loading, refetch } = useQuery(
    CustomerStatementDocument,
    key ? { variables: key, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const previous = previousData?.customerStatement;
  const statement = data?.customerStatement ?? (previous && previous.customer.id === key?.customerId ? previous : null);
  return {
    statement,
    updating: loading,
    loading: key !== null && !statement && !error,
    error,
    retry: () => void refetch(),
  };
}

/** Downloads the statement's PDF, rendered on demand; it is not kept in the page's cache. */
export function useStatementPdf() {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    download: async (key: StatementKey) => {
      setBusy(true);
      try {
        const { data } = await client.query({ query: CustomerStatementPdfDocument, variables: key, fetchPolicy: 'no-cache' });
        if (data) saveBase64File(data.customerStatement.pdfFileName, data.customerStatement.pdfBase64, 'application/pdf');
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Mails the statement with its PDF through the outbox; resolves to whom and under which subject. */
export function useSendStatement() {
  const [send, { loading }] = useMutation(SendCustomerStatementDocument);
  return {
    busy: loading,
    send: async (key: StatementKey, recipients: string[] | null, message: string | null) => {
      const { data } = await send({ variables: { ...key, recipients, message } });
      return data?.sendCustomerStatement;
    },
  };
}
