import { apiDecimal, editableDecimal, isAmount, isPositiveAmount, minAmount, subtractAmounts, sumAmounts } from '@relais/ui';

/** An invoice the payment can settle, and what is still owed on it. */
export interface AllocatableInvoice {
  id: string;
  openBalance: string;
}

/** Part of the payment going to one invoice, as the API takes it. */
export interface Allocation {
  invoiceId: string;
  amount: string;
}

/** One invoice's line in the picker, as typed: ticked or not, and the amount ("120,5"). */
export interface AllocationValue {
  selected: boolean;
  amount: string;
}

/** The picker's lines, by invoice id; an invoice without a line is not ticked. */
export type AllocationValues = Record<string, AllocationValue>;

/** A typed amount as an API decimal, or null while it is not one ("12,", "abc"). */
export function typedAmount(typed: string): string | null {
  const value = apiDecimal(typed);
  return isAmount(value) ? value : null;
}

const selectedLines = (invoices: readonly AllocatableInvoice[], values: AllocationValues) =>
  invoices.flatMap((invoice) => {
    const line = values[invoice.id];
    return line?.selected ? [{ invoiceId: invoice.id, typed: line.amount }] : [];
  });

/**
 * What is left of `total` once the ticked lines are allocated (negative: too much allocated);
 * null while the total or a ticked amount cannot be read.
 */
export function remainingAfter(total: string | null, invoices: readonly AllocatableInvoice[], values: AllocationValues): string | null {
  const inputs = allocationInputs(invoices, values);
  return total === null || inputs === null ? null : subtractAmounts(total, sumAmounts(inputs.map((input) => input.amount)));
}

/** Oldest due first, each invoice gets what is left of `total`, up to its open balance. */
export function autoAllocate(invoices: readonly AllocatableInvoice[], total: string): AllocationValues {
  let left = total;
  const values: AllocationValues = {};
  for (const invoice of invoices) {
    if (!isPositiveAmount(left)) break;
    const amount = minAmount(left, invoice.openBalance);
    values[invoice.id] = { selected: true, amount: editableDecimal(amount, 2) };
    left = subtractAmounts(left, amount);
  }
  return values;
}

/** Ticking an invoice offers what is left to allocate, up to its open balance; unticking clears it. */
export function toggleLine(
  invoice: AllocatableInvoice,
  selected: boolean,
  remaining: string | null,
  values: AllocationValues,
): AllocationValues {
  const offered = remaining !== null && isPositiveAmount(remaining) ? editableDecimal(minAmount(remaining, invoice.openBalance), 2) : '';
  return { ...values, [invoice.id]: { selected, amount: selected ? offered : '' } };
}

/** The ticked lines as the API takes them, in the picker's order; null while an amount cannot be read. */
export function allocationInputs(invoices: readonly AllocatableInvoice[], values: AllocationValues): Allocation[] | null {
  const allocations: Allocation[] = [];
  for (const line of selectedLines(invoices, values)) {
    const amount = typedAmount(line.typed);
    if (amount === null) return null;
    allocations.push({ invoiceId: line.invoiceId, amount });
  }
  return allocations;
}

/**
 * Where a refusal of the allocations shows: "allocations.1.amount" (the API's index in what was
 * sent) on that invoice's amount, "allocations" under the picker.
 */
export function allocationPath(formPath: string, sent: readonly Allocation[]): `allocations.${string}` | 'allocations' | null {
  if (formPath === 'allocations') return formPath;
  const index = /^allocations\.(\d+)\./.exec(formPath)?.[1];
  const invoiceId = index === undefined ? undefined : sent[Number(index)]?.invoiceId;
  return invoiceId ? `allocations.${invoiceId}.amount` : null;
}
