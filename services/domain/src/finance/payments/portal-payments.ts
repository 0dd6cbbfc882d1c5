import type { EntityManager } from '@mikro-orm/postgresql';
import { Payment, PaymentAllocation, type PaymentMethod } from './payment.entity';

/**
 * What the customer portal shows of the payments of an invoice (docs/portal.md): the customer's own
 * payments allocated to it and still standing (a reversed payment or an undone allocation no longer
 * settles anything), each with the part of it that went to that invoice.
 */

export interface PortalPaymentView {
  invoiceId: string;
  receivedOn: string;
  /** The part of the payment allocated to the invoice. */
  amount: string;
  method: PaymentMethod;
}

/** By invoice, oldest receipt first; `customerId` is the portal caller's customer, whose payments alone are read. */
export async function portalPaymentsByInvoiceIds(
  em: EntityManager,
  customerId: string,
  invoiceIds: readonly string[],
): Promise<PortalPaymentView[]> {
  const allocations = await em.find(
    PaymentAllocation,
    { invoiceId: { $in: [...invoiceIds] }, releasedAt: null },
    { orderBy: { allocatedOn: 'asc', createdAt: 'asc' } },
  );
  if (allocations.length === 0) return [];
  const payments = await em.find(Payment, { id: { $in: [...new Set(allocations.map((a) => a.paymentId))] }, customerId, reversedOn: null });
  const byId = new Map(payments.map((p) => [p.id, p]));
  return allocations
    .flatMap((a) => {
      const payment = byId.get(a.paymentId);
      return payment ? [{ invoiceId: a.invoiceId, receivedOn: payment.receivedOn, amount: a.amount, method: payment.method }] : [];
    })
    .sort((x, y) => x.receivedOn.localeCompare(y.receivedOn));
}
