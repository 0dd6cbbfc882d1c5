import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  breakdownByInvoiceIds,
  creditNotesByInvoiceIds,
  creditSurplusOf,
  draftTotals,
  invoiceLinksByInvoiceIds,
  invoicesByIds,
  linesByInvoiceIds,
  listInvoices,
  retentionAmount,
  toAmount,
  vatRateDefs,
  type Invoice,
  type InvoiceIntervention,
  type InvoiceLine,
  type InvoiceTypeCode,
  type InvoiceVatBreakdown,
} from '@relais/domain';
import { DecimalScalar, em, groupLoaderFor, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { InvoiceStatusEnum } from './invoice.enums';
import { InvoiceTotalsPreviewInput, toDraftLines } from './invoice.inputs';
import {
  CustomerRef,
  InterventionRef,
  InvoiceConnection,
  InvoiceLineType,
  InvoiceTotalsType,
  InvoiceType,
  VatBreakdownRowType,
  toBreakdownType,
  toInvoiceType,
  toLineType,
} from './invoice.type';

export const invoiceLoader = (ctx: RequestContext) => loaderFor<Invoice>(ctx, 'invoiceById', invoicesByIds, (i) => i.id);

/** An invoice other subgraphs reference (a payment's allocations, a credit allocation), read through the loader. */
export async function resolveInvoiceReference(reference: { id: string }, ctx: RequestContext) {
  const invoice = await invoiceLoader(ctx).load(reference.id);
  return invoice ? toInvoiceType(invoice) : null;
}

const INVOICE_KINDS: InvoiceTypeCode[] = ['380', '386'];
const CREDIT_NOTE_KINDS: InvoiceTypeCode[] = ['381'];

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Authorized('billing:read')
  @Query(() => InvoiceConnection, { description: 'Invoices and deposit invoices, newest first.' })
  async invoices(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => InvoiceStatusEnum, { nullable: true }) status: InvoiceStatusEnum | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the number or of the notes.' }) search: string | null,
  ) {
    return toConnection(await listInvoices(em(ctx), { first, after, status, customerId, search, typeCodes: INVOICE_KINDS }), toInvoiceType);
  }

  @Authorized('billing:read')
  @Query(() => InvoiceConnection, { description: 'Credit notes (avoirs), newest first.' })
  async creditNotes(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => InvoiceStatusEnum, { nullable: true }) status: InvoiceStatusEnum | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(
      await listInvoices(em(ctx), { first, after, status, customerId, search, typeCodes: CREDIT_NOTE_KINDS }),
      toInvoiceType,
    );
  }

  @Authorized('billing:read')
  @Query(() => InvoiceType, { nullable: true, description: 'An invoice, deposit invoice or credit note.' })
  async invoice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const invoice = await invoiceLoader(ctx).load(id);
    return invoice ? toInvoiceType(invoice) : null;
  }

  @Authorized('billing:read')
  @Query(() => InvoiceTotalsType, { description: 'Totals of lines being typed, by the same rules as the saved invoice (nothing saved).' })
  async invoiceTotalsPreview(@Ctx() ctx: RequestContext, @Arg('input', () => InvoiceTotalsPreviewInput) input: InvoiceTotalsPreviewInput) {
    const totals = draftTotals(toDraftLines(input.lines), {
      vatRates: await vatRateDefs(em(ctx)),
      allowanceCharges: input.allowanceCharges ?? [],
      prepaidAmount: input.prepaidAmount ?? '0',
    });
    const retention = retentionAmount(totals.grandTotal, input.retentionPercent ?? '0');
    return {
      lineNets: totals.lineNets,
      lineTotal: totals.lineTotal,
      allowanceTotal: totals.allowanceTotal,
      chargeTotal: totals.chargeTotal,
      totalNet: totals.taxBasisTotal,
      totalVat: totals.taxTotal,
      totalGross: totals.grandTotal,
      prepaidAmount: totals.prepaidAmount,
      amountDue: totals.duePayable,
      retentionAmount: retention,
      vatBreakdown: totals.vatBreakdown.map((r) => ({ ...r, exemptionReason: r.exemptionReason })),
    };
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

  @FieldResolver(() => InvoiceType, { nullable: true, description: 'For a credit note: the invoice it credits.' })
  async creditedInvoice(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const credited = invoice.creditedInvoiceId ? await invoiceLoader(ctx).load(invoice.creditedInvoiceId) : null;
    return credited ? toInvoiceType(credited) : null;
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      'Credit left over by credit notes on an invoice already paid (its open balance below zero), which allocateCreditNote moves to other invoices of the customer; for an issued credit note, that of the invoice it credits.',
  })
  async creditSurplus(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    if (invoice.status === InvoiceStatusEnum.DRAFT) return toAmount(0);
    const settled = await invoiceLoader(ctx).load(invoice.creditedInvoiceId ?? invoice.id);
    return toAmount(settled ? creditSurplusOf(settled) : 0);
  }

  @FieldResolver(() => [InvoiceType], { name: 'creditNotes', description: 'Credit notes on this invoice (drafts included).' })
  async creditNotesOfInvoice(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const notes = await groupLoaderFor<Invoice>(ctx, 'creditNotesByInvoice', creditNotesByInvoiceIds, (i) => i.creditedInvoiceId!).load(
      invoice.id,
    );
    return notes.map(toInvoiceType);
  }
}
