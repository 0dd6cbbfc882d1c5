import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { CreditAllocation, Payment, PaymentAllocation, PaymentRefund } from './payment.entity';
import { Money, toAmount } from '../../billing/money';
import { uuidArrayLiteral } from '../../shared/ids';
import { keysetPage } from '../../shared/keyset';
import type { Page, PageArgs } from '../../shared/pagination';
import { containsPattern } from '../../shared/search';

export interface PaymentFilter {
  customerId?: string | null;
  receivedFrom?: string | null;
  receivedTo?: string | null;
  /** Only payments with money left to allocate (the customers' credit). */
  unallocatedOnly?: boolean | null;
  search?: string | null;
}

/** Payments, newest received first. */
export function listPayments(em: EntityManager, args: PageArgs & PaymentFilter): Promise<Page<Payment>> {
  const where: FilterQuery<Payment> = {};
  if (args.customerId) where.customerId = args.customerId;
  if (args.receivedFrom || args.receivedTo)
    where.receivedOn = { ...(args.receivedFrom ? { $gte: args.receivedFrom } : {}), ...(args.receivedTo ? { $lte: args.receivedTo } : {}) };
  if (args.unallocatedOnly) where.unallocatedAmount = { $gt: '0' };
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    const amount = search.replace(',', '.');
    where.$or = [
      { reference: { $ilike: like } },
      { payerName: { $ilike: like } },
      ...(/^\d+(\.\d{1,2})?$/.test(amount) ? [{ amount }] : []),
    ];
  }
  return keysetPage(em, Payment, where, 'receivedOn', args, 'desc');
}

export const paymentsByIds = (em: EntityManager, ids: readonly string[]) => em.find(Payment, { id: { $in: [...ids] } });

export const allocationsByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(PaymentAllocation, { invoiceId: { $in: [...ids] } }, { orderBy: { allocatedOn: 'asc', createdAt: 'asc' } });

export const allocationsByPaymentIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(PaymentAllocation, { paymentId: { $in: [...ids] } }, { orderBy: { allocatedOn: 'asc', createdAt: 'asc' } });

export const refundsByPaymentIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(PaymentRefund, { paymentId: { $in: [...ids] } }, { orderBy: { refundedOn: 'asc', createdAt: 'asc' } });

/** Credit moved to or from these invoices, or made by these credit notes. */
export const creditAllocationsTouching = (em: EntityManager, ids: readonly string[]) =>
  em.find(
    CreditAllocation,
    { $or: [{ invoiceId: { $in: [...ids] } }, { fromInvoiceId: { $in: [...ids] } }, { creditNoteId: { $in: [...ids] } }] },
    { orderBy: { createdAt: 'asc' } },
  );

export interface CustomerBalance {
  customerId: string;
  /** What the customer's issued invoices still owe (negative balances, credit left by credit notes, included). */
  invoicesOpen: string;
  /** Payments received and not allocated nor refunded. */
  unallocatedPayments: string;
  /** invoicesOpen − unallocatedPayments: what the customer owes, or (negative) what we owe them. */
  balance: string;
  overdue: string;
}

/** One statement for any number of customers, for loaders. `today` decides what is overdue. */
export async function customerBalances(em: EntityManager, customerIds: readonly string[], today: string): Promise<CustomerBalance[]> {
  if (customerIds.length === 0) return [];
  const rows = await em.execute<{ customer_id: string; invoices_open: string; unallocated: string; overdue: string }[]>(
    `select c.id as customer_id,
            coalesce(i.open, 0)::text as invoices_open,
            coalesce(i.overdue, 0)::text as overdue,
            coalesce(p.unallocated, 0)::text as unallocated
       from customers c
       left join lateral (
         select sum(open_balance) as open, sum(open_balance) filter (where due_date < ? and open_balance > 0) as overdue
           from invoices where tenant_id = c.tenant_id and customer_id = c.id and status = 'ISSUED' and type_code <> '381') i on true
       left join lateral (
         select sum(unallocated_amount) as unallocated from payments
          where tenant_id = c.tenant_id and customer_id = c.id and unallocated_amount > 0) p on true
      where c.id = any(?::uuid[])`,
    [today, uuidArrayLiteral(customerIds)],
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    invoicesOpen: toAmount(r.invoices_open),
    unallocatedPayments: toAmount(r.unallocated),
    overdue: toAmount(r.overdue),
    balance: toAmount(new Money(r.invoices_open).minus(r.unallocated)),
  }));
}
