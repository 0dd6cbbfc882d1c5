import { isPositiveAmount, sumAmounts } from '@relais/ui';
import type { PortalHomeQuery } from '../gql/graphql';

/** What needs the customer's attention, on the home page. */
export interface Attention {
  /** Quotes the customer can still accept or refuse. */
  quotesToDecide: number;
  /** Invoices with something left to pay (credit notes apart). */
  invoicesToPay: number;
  /** The sum of what is left to pay on them, a Decimal string ("1234.50"), added in exact cents. */
  totalDue: string;
  /** Requests not done nor cancelled yet. */
  openRequests: number;
}

const unpaid = new Set(['TO_PAY', 'PARTIALLY_PAID', 'OVERDUE']);
const open = new Set(['RECEIVED', 'SCHEDULED', 'IN_PROGRESS']);

export function attentionOf({ portalQuotes, portalInvoices, portalRequests }: PortalHomeQuery): Attention {
  const toPay = portalInvoices.filter(
    (invoice) => invoice.kind === 'INVOICE' && unpaid.has(invoice.status) && isPositiveAmount(invoice.amountDue),
  );
  return {
    quotesToDecide: portalQuotes.filter((quote) => quote.canDecide).length,
    invoicesToPay: toPay.length,
    totalDue: sumAmounts(toPay.map((invoice) => invoice.amountDue)),
    openRequests: portalRequests.filter((request) => open.has(request.status)).length,
  };
}
