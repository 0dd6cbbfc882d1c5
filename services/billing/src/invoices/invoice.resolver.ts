import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  breakdownByInvoiceIds,
  convertInterventionToInvoice,
  convertInterventionsToInvoice,
  invoiceLinksByInterventionIds,
  invoiceLinksByInvoiceIds,
  invoicesByIds,
  issueInvoice,
  linesByInvoiceIds,
  listBillable,
  listInvoices,
  type Invoice,
  type InvoiceIntervention,
  type InvoiceLine,
  type InvoiceVatBreakdown,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import {
  CustomerRef,
  InterventionRef,
  InvoiceConnection,
  InvoiceLineType,
  InvoiceType,
  VatBreakdownRowType,
  toBreakdownType,
  toInvoiceType,
  toLineType,
} from './invoice.type';

const invoiceLoader = (ctx: RequestContext) => loaderFor<Invoice>(ctx, 'invoiceById', invoicesByIds, (i) => i.id);

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Authorized('billing:read')
  @Query(() => InvoiceConnection, { description: 'Invoices, newest first.' })
  async invoices(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => String, { nullable: true, description: 'DRAFT or ISSUED' }) status: 'DRAFT' | 'ISSUED' | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
  ) {
    return toConnection(await listInvoices(em(ctx), { first, after, status, customerId }), toInvoiceType);
  }

  @Authorized('billing:read')
  @Query(() => InvoiceType, { nullable: true })
  async invoice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const invoice = await invoiceLoader(ctx).load(id);
    return invoice ? toInvoiceType(invoice) : null;
  }

  @Authorized('billing:read')
  @Query(() => [InterventionRef], { description: 'Closed interventions not yet invoiced: nothing done is forgotten.' })
  async billable(@Ctx() ctx: RequestContext) {
    return (await listBillable(em(ctx))).map((i) => ({ id: i.id }));
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
  @Mutation(() => InvoiceType, { description: 'Gives the legal number and dates; the invoice can never change afterwards.' })
  async issueInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInvoiceType(await issueInvoice(em(ctx), id, expectedVersion));
  }

  @FieldResolver(() => CustomerRef)
  customer(@Root() invoice: InvoiceType) {
    return { id: invoice.customerId };
  }

  @FieldResolver(() => [InvoiceLineType])
  async lines(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    return (await groupLoaderFor<InvoiceLine>(ctx, 'linesByInvoice', linesByInvoiceIds, (l) => l.invoiceId).load(invoice.id)).map(
      toLineType,
    );
  }

  @FieldResolver(() => [VatBreakdownRowType])
  async vatBreakdown(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const rows = await groupLoaderFor<InvoiceVatBreakdown>(ctx, 'breakdownByInvoice', breakdownByInvoiceIds, (b) => b.invoiceId).load(
      invoice.id,
    );
    return rows.map(toBreakdownType);
  }

  @FieldResolver(() => [InterventionRef], { description: 'The interventions this invoice bills.' })
  async interventions(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const links = await groupLoaderFor<InvoiceIntervention>(ctx, 'linksByInvoice', invoiceLinksByInvoiceIds, (l) => l.invoiceId).load(
      invoice.id,
    );
    return links.map((l) => ({ id: l.interventionId }));
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
}
