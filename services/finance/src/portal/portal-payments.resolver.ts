import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { customerScopeOf, portalPaymentsByInvoiceIds, type PortalPaymentView } from '@relais/domain';
import { DecimalScalar, LocalDateScalar, groupLoaderFor, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { PaymentMethodEnum } from '../payments/payment.type';

/** A portal invoice (owned by billing) that finance extends with the payments that settled it. */
@ObjectType('PortalInvoice')
@Directive('@key(fields: "id")')
export class PortalInvoiceRef {
  @Field(() => ID) id!: string;
}

@ObjectType('PortalPayment', { description: 'A payment of the customer allocated to the invoice (the part of it that went there).' })
export class PortalPaymentType {
  @Field(() => LocalDateScalar) receivedOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
}

/** The customer portal's view of how an invoice was paid (docs/portal.md). */
@Resolver(() => PortalInvoiceRef)
export class PortalInvoicePaymentsResolver {
  @Authorized('portal')
  @FieldResolver(() => [PortalPaymentType], { description: 'The payments received for it, oldest first; reversed ones left out.' })
  async payments(@Root() invoice: PortalInvoiceRef, @Ctx() ctx: RequestContext): Promise<PortalPaymentType[]> {
    const customerId = customerScopeOf(identityOf(ctx))!;
    const rows = await groupLoaderFor<PortalPaymentView>(
      ctx,
      'portalPaymentsByInvoice',
      (em, ids) => portalPaymentsByInvoiceIds(em, customerId, ids),
      (p) => p.invoiceId,
    ).load(invoice.id);
    return rows.map((p) => ({ receivedOn: p.receivedOn, amount: p.amount, method: p.method as PaymentMethodEnum }));
  }
}
