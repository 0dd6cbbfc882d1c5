import { sumAmounts } from '@relais/ui';

/**
 * The batch the accountant is about to create: the candidates still ticked, counted and totalled
 * exactly (in cents, as the server totals them), and the invoices to send to the API.
 */
export function batchSelection(
  candidates: readonly { invoice: { id: string }; amount: string }[],
  isExcluded: (invoiceId: string) => boolean,
) {
  const selected = candidates.filter((candidate) => !isExcluded(candidate.invoice.id));
  return {
    invoiceIds: selected.map((candidate) => candidate.invoice.id),
    count: selected.length,
    amount: sumAmounts(selected.map((candidate) => candidate.amount)),
  };
}
