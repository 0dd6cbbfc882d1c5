import type { InvoiceLineKind, QuoteDetailFragment, QuoteLineInputType, UpdateQuoteInput } from '../../../gql/graphql';
import { apiDecimal, editableDecimal } from '@relais/ui';
import type { EditableLineFields } from '../../../shared/lines/LineRow';

/** A quote line as typed; an optional line counts in the totals once selected. */
export interface QuoteLineValues extends EditableLineFields {
  kind: InvoiceLineKind;
  optional: boolean;
  selected: boolean;
}

/** Consecutive lines under one title (the title may be empty for lines outside any section). */
export interface QuoteSectionValues {
  title: string;
  lines: QuoteLineValues[];
}

export interface QuoteFormValues {
  title: string;
  validUntil: string;
  globalDiscountPercent: string;
  notes: string;
  sections: QuoteSectionValues[];
}

export const emptyQuoteLine = (vatRateCode: string): QuoteLineValues => ({
  kind: 'OTHER',
  description: '',
  quantity: '1',
  unit: 'C62',
  unitPrice: '',
  discountPercent: '0',
  vatRateCode,
  optional: false,
  selected: false,
});

export const emptySection = (vatRateCode: string): QuoteSectionValues => ({ title: '', lines: [emptyQuoteLine(vatRateCode)] });

export const newQuoteValues = (vatRateCode: string, validUntil: string): QuoteFormValues => ({
  title: '',
  validUntil,
  globalDiscountPercent: '0',
  notes: '',
  sections: [emptySection(vatRateCode)],
});

/** The saved quote as editor values, its lines grouped as the server groups them. */
export function quoteValuesOf(quote: QuoteDetailFragment): QuoteFormValues {
  const lineById = new Map(quote.lines.map((line) => [line.id, line]));
  return {
    title: quote.title,
    validUntil: quote.validUntil,
    globalDiscountPercent: editableDecimal(quote.globalDiscountPercent),
    notes: quote.notes ?? '',
    sections: quote.sections.map((section) => ({
      title: section.title ?? '',
      lines: section.lines.map(({ id }) => {
        const line = lineById.get(id)!;
        return {
          kind: line.kind,
          description: line.description,
          quantity: editableDecimal(line.quantity),
          unit: line.unit,
          unitPrice: editableDecimal(line.unitPrice, 2),
          discountPercent: editableDecimal(line.discountPercent),
          vatRateCode: line.vatRateCode,
          optional: line.optional,
          selected: line.selected,
        };
      }),
    })),
  };
}

/** The lines in order, each with the title of its section. */
export const flatLines = (values: QuoteFormValues) =>
  values.sections.flatMap((section) => section.lines.map((line) => ({ ...line, section: section.title.trim() || null })));

/** A decimal from the API or typed ("0", "0.00", "0,0") that is zero. */
export const isZeroDecimal = (value: string) => /^-?0*([.,]0*)?$/.test(value.trim());

/** Counted in the totals: a regular line, or an option already chosen. */
export const isCounted = (line: Pick<QuoteLineValues, 'optional' | 'selected'>) => !line.optional || line.selected;

export const quoteLinesInput = (values: QuoteFormValues): QuoteLineInputType[] =>
  flatLines(values).map((line) => ({
    section: line.section,
    optional: line.optional,
    selected: line.optional ? line.selected : null,
    kind: line.kind,
    description: line.description,
    quantity: apiDecimal(line.quantity),
    unit: line.unit,
    unitPrice: apiDecimal(line.unitPrice),
    discountPercent: apiDecimal(line.discountPercent) || '0',
    vatRateCode: line.vatRateCode,
  }));

/** The whole quote for createQuote / updateQuote (lines replace the saved ones). */
export const quoteInput = (values: QuoteFormValues): UpdateQuoteInput & { lines: QuoteLineInputType[] } => ({
  title: values.title.trim(),
  validUntil: values.validUntil,
  globalDiscountPercent: apiDecimal(values.globalDiscountPercent) || '0',
  notes: values.notes,
  lines: quoteLinesInput(values),
});

/**
 * The input of the quote form the server's refused field names: the server counts lines across
 * sections ("lines.3.quantity"), the form per section ("sections.1.lines.0.quantity"); null otherwise.
 */
export function quoteFormPathOf(values: QuoteFormValues) {
  const places = values.sections.flatMap((section, s) => section.lines.map((_, l) => `sections.${s}.lines.${l}`));
  return (
    formPath: string,
  ): `sections.${number}.lines.${number}.${'description' | 'quantity' | 'unitPrice' | 'discountPercent'}` | null => {
    const match = /^lines\.(\d+)\.(description|quantity|unitPrice|discountPercent)$/.exec(formPath);
    const place = match ? places[Number(match[1])] : undefined;
    return place
      ? (`${place}.${match![2]}` as `sections.${number}.lines.${number}.${'description' | 'quantity' | 'unitPrice' | 'discountPercent'}`)
      : null;
  };
}
