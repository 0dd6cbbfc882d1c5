import { useWatch, type Control } from 'react-hook-form';
import type { InvoiceLineInput } from '../../../gql/graphql';
import { useLinesTotalsPreview } from '../../invoice/hooks/use-totals-preview';
import { flatLines, isCounted, isZeroDecimal, quoteLinesInput, type QuoteFormValues } from './quote-form';

const asInvoiceLines = (values: QuoteFormValues): InvoiceLineInput[] =>
  quoteLinesInput(values).map(({ kind, description, quantity, unit, unitPrice, discountPercent, vatRateCode }) => ({
    kind,
    description,
    quantity,
    unit,
    unitPrice,
    discountPercent,
    vatRateCode,
  }));

/**
 * The server's live figures for a quote being typed: every line's net (options included), and
 * the totals of the counted lines (regular lines and chosen options). The global discount is
 * applied per VAT rate by the quote's own rules when it is saved, so while one is typed the
 * totals stop at the lines total.
 */
export function useQuotePreview(control: Control<QuoteFormValues>) {
  const values = useWatch({ control }) as QuoteFormValues;
  const lines = asInvoiceLines(values);
  const counted = flatLines(values).map(isCounted);
  const all = useLinesTotalsPreview({ lines });
  const totals = useLinesTotalsPreview({ lines: lines.filter((_, index) => counted[index]) });
  return {
    lineNets: all.stale ? undefined : all.totals?.lineNets,
    counted,
    totals: totals.totals,
    stale: totals.stale,
    error: all.error ?? totals.error,
    withDiscount: !isZeroDecimal(values.globalDiscountPercent ?? ''),
  };
}
