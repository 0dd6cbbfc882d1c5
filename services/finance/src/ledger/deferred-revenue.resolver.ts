import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { deferredRevenue, postDeferredRevenue } from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { DeferredRevenueType, toDeferredRevenueType } from './deferred-revenue.type';

@Resolver(() => DeferredRevenueType)
export class DeferredRevenueResolver {
  @Authorized('finance:read')
  @Query(() => DeferredRevenueType, {
    description:
      'Produits constatés d’avance at a closing date: per document and per revenue account, the net billed for service days after it, and the entries postDeferredRevenue would post. VALIDATION_FAILED on date.',
  })
  async deferredRevenue(@Ctx() ctx: RequestContext, @Arg('date', () => LocalDateScalar) date: string): Promise<DeferredRevenueType> {
    return toDeferredRevenueType(await deferredRevenue(em(ctx), tenantIdOf(ctx), date));
  }

  @Authorized('finance:write')
  @Mutation(() => DeferredRevenueType, {
    description:
      'Posts the deferred revenue at a closing date as previewed: the OD entry on the date and its reversal the day after (in the journal within seconds). STALE_PROPOSAL (the total is no longer expectedTotal: preview again), DEFERRED_REVENUE_ALREADY_POSTED, NOTHING_TO_DEFER, PERIOD_CLOSED (the date or the day after), NO_FISCAL_YEAR (no fiscal year covers one of them), VALIDATION_FAILED on date or expectedTotal.',
  })
  async postDeferredRevenue(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('expectedTotal', () => DecimalScalar, { description: 'The total of the preview.' }) expectedTotal: string,
  ): Promise<DeferredRevenueType> {
    return toDeferredRevenueType(await postDeferredRevenue(em(ctx), identityOf(ctx), { date, expectedTotal }));
  }
}
