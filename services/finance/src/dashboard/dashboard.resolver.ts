import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  MAX_LISTED,
  cashCollectedByMonth,
  cashForecast,
  cashForecastWeek,
  cashMovements,
  receivablesSummary,
  revenueByMonth,
  revenueDocuments,
  unbilledWork,
  validateAsOf,
} from '@relais/domain';
import { LocalDateScalar, em, type RequestContext } from '@relais/subgraph-kit';
import {
  CashForecastEntryType,
  CashForecastType,
  CashMovementsType,
  RevenueDocumentsType,
  DashboardType,
  ReceivablesSummaryType,
  UnbilledWorkType,
  YearComparisonType,
  toCashMovementsType,
  toComparisonType,
  toEntryType,
  toForecastType,
  toReceivablesType,
  toRevenueDocumentsType,
  toUnbilledType,
} from './dashboard.type';

/** The home's blocks, each resolved on its own: a client asking for one block runs that block's queries only. */
@Resolver(() => DashboardType)
export class DashboardResolver {
  @Authorized('finance:read')
  @Query(() => DashboardType, {
    description:
      'The owner’s and the accountant’s home at asOf (default today): revenue, cash, receivables and DSO, unbilled work, 13-week cash forecast. VALIDATION_FAILED.',
  })
  dashboard(@Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | null): DashboardType {
    return { asOf: validateAsOf(asOf) };
  }

  @FieldResolver(() => YearComparisonType, {
    description: 'Revenue billed HT by issue month: invoices less credit notes (deposits excluded).',
  })
  async revenueByMonth(@Ctx() ctx: RequestContext, @Root() dashboard: DashboardType): Promise<YearComparisonType> {
    return toComparisonType(await revenueByMonth(em(ctx), dashboard.asOf));
  }

  @FieldResolver(() => YearComparisonType, { description: 'Payments received by month, less payments reversed and credit refunded.' })
  async cashCollectedByMonth(@Ctx() ctx: RequestContext, @Root() dashboard: DashboardType): Promise<YearComparisonType> {
    return toComparisonType(await cashCollectedByMonth(em(ctx), dashboard.asOf));
  }

  @FieldResolver(() => ReceivablesSummaryType)
  async receivables(@Ctx() ctx: RequestContext, @Root() dashboard: DashboardType): Promise<ReceivablesSummaryType> {
    return toReceivablesType(await receivablesSummary(em(ctx), dashboard.asOf));
  }

  @FieldResolver(() => UnbilledWorkType)
  async unbilledWork(@Ctx() ctx: RequestContext, @Root() dashboard: DashboardType): Promise<UnbilledWorkType> {
    return toUnbilledType(await unbilledWork(em(ctx), dashboard.asOf));
  }

  @FieldResolver(() => CashForecastType)
  async cashForecast(@Ctx() ctx: RequestContext, @Root() dashboard: DashboardType): Promise<CashForecastType> {
    return toForecastType(await cashForecast(em(ctx), dashboard.asOf));
  }

  @FieldResolver(() => [CashForecastEntryType], {
    description: 'What the forecast expects in the week starting on `start` (a Monday of the 13 weeks), soonest first. VALIDATION_FAILED.',
  })
  async cashForecastWeek(
    @Ctx() ctx: RequestContext,
    @Root() dashboard: DashboardType,
    @Arg('start', () => LocalDateScalar) start: string,
  ): Promise<CashForecastEntryType[]> {
    return (await cashForecastWeek(em(ctx), dashboard.asOf, start)).map(toEntryType);
  }

  @FieldResolver(() => RevenueDocumentsType, {
    description: 'The invoices and credit notes behind a month of revenue (YYYY-MM). VALIDATION_FAILED.',
  })
  async revenueDocuments(
    @Ctx() ctx: RequestContext,
    @Root() dashboard: DashboardType,
    @Arg('month', () => String) month: string,
    @Arg('first', () => Int, { defaultValue: MAX_LISTED, description: `At most ${MAX_LISTED}.` }) first: number,
  ): Promise<RevenueDocumentsType> {
    return toRevenueDocumentsType(await revenueDocuments(em(ctx), dashboard.asOf, month, first));
  }

  @FieldResolver(() => CashMovementsType, {
    description: 'The payments, reversals and refunds behind a month of cash collected (YYYY-MM). VALIDATION_FAILED.',
  })
  async cashMovements(
    @Ctx() ctx: RequestContext,
    @Root() dashboard: DashboardType,
    @Arg('month', () => String) month: string,
    @Arg('first', () => Int, { defaultValue: MAX_LISTED, description: `At most ${MAX_LISTED}.` }) first: number,
  ): Promise<CashMovementsType> {
    return toCashMovementsType(await cashMovements(em(ctx), dashboard.asOf, month, first));
  }
}
