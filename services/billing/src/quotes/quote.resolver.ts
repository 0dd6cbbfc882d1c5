import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  acceptQuote,
  cancelQuote,
  convertQuoteToInvoice,
  createQuote,
  invoicesByQuoteIds,
  isCounted,
  listBillableQuotes,
  listQuotes,
  quoteBillingSummaries,
  quoteLinesByQuoteIds,
  quotePublicUrlsByQuoteIds,
  quoteSendPreview,
  quoteRevisionsByQuoteIds,
  quotesByIds,
  refuseQuote,
  sendQuote,
  sumOf,
  updateQuote,
  type Invoice,
  type Quote,
  type QuoteBillingSummary,
  type QuoteLine,
  type QuoteRevision,
} from '@relais/domain';
import { DecimalScalar, em, groupLoaderFor, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { CustomerRef, InterventionRef, InvoiceType, toInvoiceType } from '../invoices/invoice.type';
import {
  AcceptQuoteInput,
  BillableQuoteType,
  ConvertQuoteInput,
  CreateQuoteInput,
  QuoteConnection,
  QuoteLineType,
  QuoteRevisionType,
  QuoteSectionType,
  QuoteSendPreviewType,
  SendQuoteInput,
  QuoteStatusEnum,
  QuoteType,
  UpdateQuoteInput,
  toConversionMode,
  toQuoteInput,
  toQuoteLineType,
  toQuotePatch,
  toQuoteRevisionType,
  toQuoteType,
} from './quote.type';

export const quoteLoader = (ctx: RequestContext) => loaderFor<Quote>(ctx, 'quoteById', quotesByIds, (q) => q.id);
const linesLoader = (ctx: RequestContext) => groupLoaderFor<QuoteLine>(ctx, 'linesByQuote', quoteLinesByQuoteIds, (l) => l.quoteId);
const summaryLoader = (ctx: RequestContext) =>
  loaderFor<QuoteBillingSummary>(ctx, 'billingByQuote', quoteBillingSummaries, (s) => s.quoteId);

@Resolver(() => QuoteType)
export class QuoteResolver {
  @Authorized('billing:read')
  @Query(() => QuoteConnection, { description: 'Quotes, newest first.' })
  async quotes(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => QuoteStatusEnum, { nullable: true }) status: QuoteStatusEnum | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'In the number and the title.' }) search: string | null,
  ) {
    return toConnection(await listQuotes(em(ctx), { first, after, status, customerId, search }), toQuoteType);
  }

  @Authorized('billing:read')
  @Query(() => QuoteType, { nullable: true })
  async quote(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const quote = await quoteLoader(ctx).load(id);
    return quote ? toQuoteType(quote) : null;
  }

  @Authorized('billing:read')
  @Query(() => [BillableQuoteType], { description: 'Accepted quotes with something left to bill, with the amount left (HT).' })
  async billableQuotes(@Ctx() ctx: RequestContext) {
    return (await listBillableQuotes(em(ctx))).map((b) => ({ ...b, quote: toQuoteType(b.quote) }));
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, { description: 'A draft quote, from scratch or following an intervention.' })
  async createQuote(@Ctx() ctx: RequestContext, @Arg('input', () => CreateQuoteInput) input: CreateQuoteInput) {
    return toQuoteType(await createQuote(em(ctx), identityOf(ctx), toQuoteInput(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, {
    description: 'Edits a draft; a sent quote becomes a new revision (draft until re-sent). STALE_VERSION if someone saved it since.',
  })
  async updateQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateQuoteInput) input: UpdateQuoteInput,
  ) {
    return toQuoteType(await updateQuote(em(ctx), id, expectedVersion, toQuotePatch(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, {
    description:
      'Numbers (first time) and sends the quote: the mail carries its PDF and the absolute link of its public page. QUOTE_EXPIRED when its validity has passed and no new `validUntil` is given.',
  })
  async sendQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => SendQuoteInput, { nullable: true }) input: SendQuoteInput | null,
  ) {
    return toQuoteType(await sendQuote(em(ctx), identityOf(ctx), id, expectedVersion, input ?? {}));
  }

  @Authorized('billing:read')
  @Query(() => QuoteSendPreviewType, {
    description: 'What sending the quote would mail: recipients, subject, text, the PDF, and whether its validity must be extended.',
  })
  async quoteSendPreview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return quoteSendPreview(em(ctx), id);
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, { description: 'Records the customer’s acceptance (QUOTE_EXPIRED past its validity date).' })
  async acceptQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => AcceptQuoteInput, { nullable: true }) input: AcceptQuoteInput | null,
  ) {
    return toQuoteType(await acceptQuote(em(ctx), identityOf(ctx), id, { expectedVersion, ...input }));
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, { description: 'Records the customer’s refusal.' })
  async refuseQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return toQuoteType(await refuseQuote(em(ctx), identityOf(ctx), id, { expectedVersion, reason }));
  }

  @Authorized('billing:write')
  @Mutation(() => QuoteType, { description: 'Withdraws a draft, sent or refused quote.' })
  async cancelQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toQuoteType(await cancelQuote(em(ctx), id, expectedVersion));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description: 'A draft invoice from an accepted quote: full, deposit, progress or final. QUOTE_OVERBILLED beyond the quote.',
  })
  async convertQuoteToInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('quoteId', () => ID) quoteId: string,
    @Arg('input', () => ConvertQuoteInput) input: ConvertQuoteInput,
  ) {
    return toInvoiceType(await convertQuoteToInvoice(em(ctx), identityOf(ctx), quoteId, toConversionMode(input)));
  }

  @FieldResolver(() => CustomerRef)
  customer(@Root() quote: QuoteType) {
    return { id: quote.customerId };
  }

  @FieldResolver(() => InterventionRef, { nullable: true, description: 'The intervention the quote follows from.' })
  intervention(@Root() quote: QuoteType) {
    return quote.interventionId ? { id: quote.interventionId } : null;
  }

  @FieldResolver(() => [QuoteLineType])
  async lines(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    return (await linesLoader(ctx).load(quote.id)).map(toQuoteLineType);
  }

  @FieldResolver(() => [QuoteSectionType], { description: 'The lines grouped by consecutive section titles.' })
  async sections(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    const sections: { title: string | null; lines: QuoteLine[] }[] = [];
    for (const line of await linesLoader(ctx).load(quote.id)) {
      const last = sections.at(-1);
      if (last && last.title === (line.section ?? null)) last.lines.push(line);
      else sections.push({ title: line.section ?? null, lines: [line] });
    }
    return sections.map((s) => ({
      title: s.title,
      lines: s.lines.map(toQuoteLineType),
      subtotal: sumOf(s.lines.filter(isCounted).map((l) => l.lineNet)),
    }));
  }

  @FieldResolver(() => [QuoteRevisionType], { description: 'Earlier sent versions, oldest first.' })
  async revisions(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    const rows = await groupLoaderFor<QuoteRevision>(ctx, 'revisionsByQuote', quoteRevisionsByQuoteIds, (r) => r.quoteId).load(quote.id);
    return rows.map(toQuoteRevisionType);
  }

  @FieldResolver(() => [InvoiceType], { description: 'Invoices made from this quote (deposits, progress, final), oldest first.' })
  async invoices(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    const rows = await groupLoaderFor<Invoice>(ctx, 'invoicesByQuote', invoicesByQuoteIds, (i) => i.quoteId!).load(quote.id);
    return rows.map(toInvoiceType);
  }

  @FieldResolver(() => DecimalScalar, {
    description: 'Net billed by invoices made from it (deposits aside, they are deducted by the final invoice).',
  })
  async billedNet(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    return (await summaryLoader(ctx).load(quote.id))!.billedNet;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Net of the counted lines not billed yet.' })
  async remainingNet(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    return (await summaryLoader(ctx).load(quote.id))!.remainingNet;
  }

  @Authorized('billing:read')
  @FieldResolver(() => String, { nullable: true, description: 'The customer’s acceptance page (once the quote has been sent).' })
  async publicUrl(@Root() quote: QuoteType, @Ctx() ctx: RequestContext) {
    if (!quote.number) return null;
    const link = await loaderFor<{ quoteId: string; url: string }>(
      ctx,
      'publicUrlByQuote',
      quotePublicUrlsByQuoteIds,
      (l) => l.quoteId,
    ).load(quote.id);
    return link?.url ?? null;
  }
}
