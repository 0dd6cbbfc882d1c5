import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  convertInterventionToInvoice,
  convertInterventionsToInvoice,
  exclusionsByInterventionIds,
  invoiceLinksByInterventionIds,
  listBillable,
  markBillable,
  markNotBillable,
  type BillingExclusion,
  type InvoiceIntervention,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, groupLoaderFor, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { invoiceLoader } from './invoice.resolver';
import { CustomerRef, InterventionRef, InvoiceType, toInvoiceType } from './invoice.type';

@ObjectType('BillableIntervention', { description: 'A closed intervention waiting to be invoiced, with what it would bill now.' })
export class BillableInterventionType {
  @Field(() => InterventionRef) intervention!: InterventionRef;
  @Field(() => CustomerRef) customer!: CustomerRef;
  @Field(() => DateTimeResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => DecimalScalar) estimatedNet!: string;
  @Field(() => DecimalScalar) estimatedVat!: string;
  @Field(() => DecimalScalar) estimatedGross!: string;
}

@Resolver()
export class BillableResolver {
  @Authorized('billing:read')
  @Query(() => [BillableInterventionType], {
    description:
      'Closed interventions neither invoiced nor marked not billable, oldest first, with estimated amounts: nothing done is forgotten.',
  })
  async billable(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('closedUntil', () => LocalDateScalar, { nullable: true, description: 'Closed on or before this day.' }) closedUntil: string | null,
  ) {
    return (await listBillable(em(ctx), { customerId, closedUntil })).map(({ intervention, estimate }) => ({
      intervention: { id: intervention.id },
      customer: { id: intervention.customerId },
      closedAt: intervention.closedAt ?? null,
      estimatedNet: estimate.net,
      estimatedVat: estimate.vat,
      estimatedGross: estimate.gross,
    }));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description: 'A draft invoice from a closed intervention, priced at the contract’s rates; the intervention becomes INVOICED.',
  })
  async convertInterventionToInvoice(@Ctx() ctx: RequestContext, @Arg('interventionId', () => ID) interventionId: string) {
    return toInvoiceType(await convertInterventionToInvoice(em(ctx), identityOf(ctx), interventionId));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, { description: 'One draft for several closed interventions of one customer.' })
  async convertInterventionsToInvoice(@Ctx() ctx: RequestContext, @Arg('interventionIds', () => [ID]) interventionIds: string[]) {
    return toInvoiceType(await convertInterventionsToInvoice(em(ctx), identityOf(ctx), interventionIds));
  }

  @Authorized('billing:write')
  @Mutation(() => InterventionRef, {
    description: 'The office decides not to bill a closed intervention (warranty, goodwill…); the reason is kept.',
  })
  async markNotBillable(
    @Ctx() ctx: RequestContext,
    @Arg('interventionId', () => ID) interventionId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    await markNotBillable(em(ctx), identityOf(ctx), interventionId, reason);
    return { id: interventionId };
  }

  @Authorized('billing:write')
  @Mutation(() => InterventionRef, { description: 'Undoes markNotBillable: the intervention is waiting to be billed again.' })
  async markBillable(@Ctx() ctx: RequestContext, @Arg('interventionId', () => ID) interventionId: string) {
    await markBillable(em(ctx), interventionId);
    return { id: interventionId };
  }
}

@Resolver(() => InterventionRef)
export class InterventionInvoiceResolver {
  @FieldResolver(() => InvoiceType, { nullable: true, description: 'The invoice billing this intervention, if any.' })
  async invoice(@Root() intervention: InterventionRef, @Ctx() ctx: RequestContext) {
    const [link] = await groupLoaderFor<InvoiceIntervention>(
      ctx,
      'linksByIntervention',
      invoiceLinksByInterventionIds,
      (l) => l.interventionId,
    ).load(intervention.id);
    const invoice = link ? await invoiceLoader(ctx).load(link.invoiceId) : null;
    return invoice ? toInvoiceType(invoice) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the office decided not to bill it, if it did.' })
  async notBillableReason(@Root() intervention: InterventionRef, @Ctx() ctx: RequestContext) {
    const [exclusion] = await groupLoaderFor<BillingExclusion>(
      ctx,
      'exclusionsByIntervention',
      exclusionsByInterventionIds,
      (e) => e.interventionId,
    ).load(intervention.id);
    return exclusion?.reason ?? null;
  }
}
