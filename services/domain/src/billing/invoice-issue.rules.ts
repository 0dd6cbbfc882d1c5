import { Money } from './money';
import type { VatBreakdownRow } from './totals';

/**
 * What issuing must rewrite of a draft: a draft's lines and VAT breakdown are written with its
 * totals at every change (`writeDraftContent`), so issuing usually finds them as it would compute
 * them and writes neither; only a difference (a rate's exemption reason edited since, say) is
 * rewritten.
 */

/** A VAT breakdown row as stored (`invoice_vat_breakdown`). */
export interface StoredBreakdownRow {
  category: string;
  rate: string;
  basis: string;
  tax: string;
  exemptionReason: string | null;
}

/** Whether the stored breakdown says exactly what the computed one says (rows in any order). */
export function sameVatBreakdown(stored: readonly StoredBreakdownRow[], computed: readonly VatBreakdownRow[]): boolean {
  if (stored.length !== computed.length) return false;
  const left = [...stored];
  return computed.every((row) => {
    const i = left.findIndex(
      (s) =>
        s.category === row.categoryCode &&
        new Money(s.rate).equals(row.rate) &&
        new Money(s.basis).equals(row.basis) &&
        new Money(s.tax).equals(row.tax) &&
        (s.exemptionReason ?? null) === (row.exemptionReason ?? null),
    );
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

/** The lines whose stored net differs from the computed one (same order), with the net to write. */
export function changedLineNets<L extends { id: string; lineNet: string }>(
  lines: readonly L[],
  lineNets: readonly string[],
): { id: string; lineNet: string }[] {
  return lines.flatMap((line, i) => (new Money(line.lineNet).equals(lineNets[i]!) ? [] : [{ id: line.id, lineNet: lineNets[i]! }]));
}
