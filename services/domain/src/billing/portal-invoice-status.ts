import { Money } from './money';
import { openBalanceOf, type StatusFacts } from './invoice-status';

/**
 * What the customer portal shows of an issued invoice or credit note (docs/portal.md): the office's
 * settlement facts (invoice-status.ts) told from the customer's side, with what is left to pay.
 * - An invoice: CREDITED once credit notes cover it whole; PAID when nothing is left open by payments
 *   and credit notes; SETTLED when a write-off closed what was left (nothing more is asked, but it was
 *   not paid); else OVERDUE the day after its due date, PARTIALLY_PAID once a payment came in, TO_PAY.
 * - A credit note: REFUND_DUE while the invoice it credits holds credit in the customer's favour (it
 *   was paid before being credited, and the surplus has been neither refunded nor moved to another
 *   invoice), SETTLED otherwise (deducted from what the customer owed).
 */

export const PORTAL_INVOICE_STATUSES = ['TO_PAY', 'PARTIALLY_PAID', 'OVERDUE', 'PAID', 'CREDITED', 'REFUND_DUE', 'SETTLED'] as const;
export type PortalInvoiceStatus = (typeof PORTAL_INVOICE_STATUSES)[number];

export type PortalStatusFacts = Pick<
  StatusFacts,
  'typeCode' | 'dueDate' | 'amountDue' | 'retentionAmount' | 'paidAmount' | 'creditedAmount' | 'writtenOffAmount' | 'totalGross'
>;

export interface PortalSettlement {
  status: PortalInvoiceStatus;
  /** What the customer still has to pay now (2 decimals, never negative; 0.00 for a credit note). */
  amountDue: string;
}

/**
 * `creditedInvoice` is the invoice a credit note credits (null for an invoice); `today` is the
 * tenant's local date (YYYY-MM-DD).
 */
export function portalSettlement(document: PortalStatusFacts, creditedInvoice: PortalStatusFacts | null, today: string): PortalSettlement {
  if (document.typeCode === '381') {
    const owed = creditedInvoice !== null && new Money(openBalanceOf(creditedInvoice)).isNegative();
    return { status: owed ? 'REFUND_DUE' : 'SETTLED', amountDue: '0.00' };
  }
  const open = new Money(openBalanceOf(document));
  const gross = new Money(document.totalGross);
  if (gross.greaterThan(0) && new Money(document.creditedAmount).greaterThanOrEqualTo(gross))
    return { status: 'CREDITED', amountDue: '0.00' };
  if (!open.greaterThan(0)) return { status: new Money(document.writtenOffAmount).greaterThan(0) ? 'SETTLED' : 'PAID', amountDue: '0.00' };
  const amountDue = open.toFixed(2);
  if (document.dueDate && document.dueDate < today) return { status: 'OVERDUE', amountDue };
  if (new Money(document.paidAmount).greaterThan(0)) return { status: 'PARTIALLY_PAID', amountDue };
  return { status: 'TO_PAY', amountDue };
}
