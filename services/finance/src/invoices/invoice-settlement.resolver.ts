import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { allocationsByInvoiceIds, creditAllocationsTouching, type CreditAllocation, type PaymentAllocation } from '@relais/domain';
import { groupLoaderFor, multiGroupLoaderFor, type RequestContext } from '@relais/subgraph-kit';
import {
  CreditAllocationType,
  InvoiceRef,
  PaymentAllocationType,
  toAllocationType,
  toCreditAllocationType,
} from '../payments/payment.type';

/** Finance's side of an invoice: the payments and credit that settled it. */
@Resolver(() => InvoiceRef)
export class InvoiceSettlementResolver {
  @FieldResolver(() => [PaymentAllocationType], { description: 'Payments allocated to the invoice, oldest first; released ones included.' })
  async paymentAllocations(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    const rows = await groupLoaderFor<PaymentAllocation>(ctx, 'allocationsByInvoice', allocationsByInvoiceIds, (a) => a.invoiceId).load(
      invoice.id,
    );
    return rows.map(toAllocationType);
  }

  @FieldResolver(() => [CreditAllocationType], {
    description: 'Credit-note surplus moved to this invoice, from it, or made by this credit note.',
  })
  async creditAllocations(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    const rows = await multiGroupLoaderFor<CreditAllocation>(ctx, 'creditAllocationsTouching', creditAllocationsTouching, (c) => [
      c.creditNoteId,
      c.fromInvoiceId,
      c.invoiceId,
    ]).load(invoice.id);
    return rows.map(toCreditAllocationType);
  }
}
