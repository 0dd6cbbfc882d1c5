import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useWatch, type Control } from 'react-hook-form';
import { InvoiceTotalsPreviewDocument, type InvoiceTotalsPreviewInput } from '../../../gql/graphql';
import { previewInput, type DraftFormValues } from './draft-form';

const API_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Lines whose numbers are all typed: the server is asked nothing about a blank or half-typed line. */
const isComplete = (input: InvoiceTotalsPreviewInput) =>
  input.lines.length > 0 && input.lines.every((line) => API_DECIMAL.test(line.quantity) && API_DECIMAL.test(line.unitPrice));

/**
 * Totals of lines being typed, computed by the server with the invoice's own rules, 300 ms after
 * the last keystroke. While a preview is refused (a value not yet valid), the last totals stay,
 * marked stale, with the server's message; lines not fully typed are not sent.
 */
export function useLinesTotalsPreview(input: InvoiceTotalsPreviewInput) {
  const current = JSON.stringify(input);
  const [serialized] = useDebouncedValue(current, 300);
  const { data, previousData, error, loading } = useQuery(InvoiceTotalsPreviewDocument, {
    variables: { input: JSON.parse(serialized) },
    skip: !isComplete(JSON.parse(serialized) as InvoiceTotalsPreviewInput),
  });
  const totals = (data ?? previousData)?.invoiceTotalsPreview ?? null;
  return { totals, error: error ?? null, stale: current !== serialized || loading || Boolean(error) || !data };
}

/** The live totals of an invoice draft form. */
export function useTotalsPreview(control: Control<DraftFormValues>) {
  const values = useWatch({ control }) as DraftFormValues;
  return useLinesTotalsPreview(previewInput(values));
}
