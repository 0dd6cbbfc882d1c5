import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Errors,
  QUOTE_LINK_KEY_PURPOSE,
  acceptPortalQuote,
  customerScopeOf,
  listPortalQuotes,
  portalQuotesByIds,
  quoteDocumentPath,
  quoteLinesByQuoteIds,
  refusePortalQuote,
  signQuoteLink,
  vatRateDefs,
  type PortalQuoteView,
  type QuoteLine,
  type VatRateDef,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { PortalQuoteLineType, PortalQuoteType, toPortalQuoteLineType, toPortalQuoteType } from './portal-quote.type';

/** The portal caller's customer (the `portal` permission is held by customer contacts alone). */
export const portalCustomerOf = (ctx: RequestContext): string => customerScopeOf(identityOf(ctx))!;

const quoteLoader = (ctx: RequestContext) =>
  loaderFor<PortalQuoteView>(
    ctx,
    'portalQuoteById',
    (em, ids) => portalQuotesByIds(em, portalCustomerOf(ctx), ids),
    (v) => v.quote.id,
  );

/** The tenant's VAT rates by code (read once per request): a quote line keeps the code of its rate. */
const vatRateLoader = (ctx: RequestContext) =>
  loaderFor<VatRateDef>(
    ctx,
    'vatRateByCode',
    (em) => vatRateDefs(em),
    (r) => r.code,
  );
const rateOf = (def: VatRateDef | null | Error | undefined, code: string): string => {
  if (!def || def instanceof Error) throw Errors.notFound('VatRate', code);
  return def.rate;
};

/** The customer portal's quotes (docs/portal.md). */
@Resolver(() => PortalQuoteType)
export class PortalQuoteResolver {
  @Authorized('portal')
  @Query(() => [PortalQuoteType], { description: 'The quotes sent to the caller’s customer, newest first (drafts never).' })
  async portalQuotes(@Ctx() ctx: RequestContext) {
    return (await listPortalQuotes(em(ctx), portalCustomerOf(ctx))).map(toPortalQuoteType);
  }

  @Authorized('portal')
  @Query(() => PortalQuoteType, { nullable: true, description: 'Null for a quote that is not one the caller’s customer may see.' })
  async portalQuote(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const view = await quoteLoader(ctx).load(id);
    return view ? toPortalQuoteType(view) : null;
  }

  @Authorized('portal')
  @Mutation(() => PortalQuoteType, {
    description:
      'Accepts the quote with the signer’s name and drawn signature (data URL) and the options taken (none when omitted): QUOTE_EXPIRED, QUOTE_ALREADY_ACCEPTED, VALIDATION_FAILED as on the public page; NOT_FOUND for another customer’s quote.',
  })
  async portalAcceptQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('signerName', () => String) signerName: string,
    @Arg('signature', () => String) signature: string,
    @Arg('optionalLineIds', () => [ID], { nullable: true }) optionalLineIds: string[] | null,
  ) {
    return toPortalQuoteType(
      await acceptPortalQuote(em(ctx), portalCustomerOf(ctx), id, { signerName, signature, optionalLineIds }, ctx.client),
    );
  }

  @Authorized('portal')
  @Mutation(() => PortalQuoteType, {
    description: 'Refuses the quote, with the signer’s name and an optional reason; NOT_FOUND for another customer’s quote.',
  })
  async portalRefuseQuote(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('signerName', () => String) signerName: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return toPortalQuoteType(await refusePortalQuote(em(ctx), portalCustomerOf(ctx), id, { signerName, reason }, ctx.client));
  }

  @Authorized('portal')
  @FieldResolver(() => [PortalQuoteLineType], { description: 'In the quote’s order.' })
  async lines(@Root() quote: PortalQuoteType, @Ctx() ctx: RequestContext) {
    const lines = await groupLoaderFor<QuoteLine>(ctx, 'portalLinesByQuote', quoteLinesByQuoteIds, (l) => l.quoteId).load(quote.id);
    const rates = await vatRateLoader(ctx).loadMany(lines.map((l) => l.vatRateCode));
    return lines.map((line, i) => toPortalQuoteLineType(line, rateOf(rates[i], line.vatRateCode)));
  }

  @Authorized('portal')
  @FieldResolver(() => String, { description: 'The quote’s PDF: a relative link, valid 15 minutes.' })
  async pdfUrl(@Root() quote: PortalQuoteType, @Ctx() ctx: RequestContext) {
    return quoteDocumentPath(quote, await signQuoteLink(quote.id, identityOf(ctx), ctx.deriveKey(QUOTE_LINK_KEY_PURPOSE)));
  }
}
