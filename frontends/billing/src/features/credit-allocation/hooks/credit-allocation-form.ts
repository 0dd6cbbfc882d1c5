import { apiDecimal, isAmount, isPositiveAmount, subtractAmounts, sumAmounts } from '@relais/ui';

/** An invoice of the customer that can receive credit: issued, with something left to pay. */
export interface CreditableInvoice {
  id: string;
  status: string;
  issueDate: string | null;
  dueDate: string | null;
  number: string | null;
  openBalance: string;
}

/** Part of the credit going to one invoice, as the API takes it. */
export interface CreditAllocationInput {
  invoiceId: string;
  amount: string;
}

/** The amounts typed, by invoice id ("120,5"); an empty amount means none. */
export type TypedAmounts = Record<string, string>;

/**
 * The customer's invoices the surplus can go to, oldest due first: issued, something still owed,
 * never the invoice whose surplus it is.
 */
export function creditableInvoices<Invoice extends CreditableInvoice>(invoices: readonly Invoice[], surplusInvoiceId: string): Invoice[] {
  const dueKey = (invoice: Invoice) => invoice.dueDate ?? invoice.issueDate ?? '';
  return invoices
    .filter((invoice) => invoice.id !== surplusInvoiceId && invoice.status !== 'DRAFT' && isPositiveAmount(invoice.openBalance))
    .sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || (a.number ?? '').localeCompare(b.number ?? ''));
}

/** A typed amount as an API decimal, or null while it is not one ("12,", "abc"). */
export function typedAmount(typed: string): string | null {
  const value = apiDecimal(typed);
  return isAmount(value) ? value : null;
}

/** The amounts typed, in the list's order, as the API takes them; null while one cannot be read. */
export function creditAllocationInputs(invoices: readonly CreditableInvoice[], amounts: TypedAmounts): CreditAllocationInput[] | null {
  const allocations: CreditAllocationInput[] = [];
  for (const invoice of invoices) {
    const typed = amounts[invoice.id]?.trim() ?? '';
    if (!typed) continue;
    const amount = typedAmount(typed);
    if (amount === null) return null;
    allocations.push({ invoiceId: invoice.id, amount });
  }
  return allocations;
}

/** What is left of the surplus once the typed amounts are taken (negative: too much); null while an amount cannot be read. */
export function remainingSurplus(surplus: string, invoices: readonly CreditableInvoice[], amounts: TypedAmounts): string | null {
  const allocations = creditAllocationInputs(invoices, amounts);
  return allocations === null ? null : subtractAmounts(surplus, sumAmounts(allocations.map((allocation) => allocation.amount)));
}

/** Where a refusal of one allocation shows: "allocations.1.amount" (the index in what was sent) on that invoice's input. */
export function amountPath(formPath: string, sent: readonly CreditAllocationInput[]): `amounts.${string}` | null {
  const index = /^allocations\.(\d+)\./.exec(formPath)?.[1];
  const invoiceId = index === undefined ? undefined : sent[Number(index)]?.invoiceId;
  return invoiceId ? `amounts.${invoiceId}` : null;
}
