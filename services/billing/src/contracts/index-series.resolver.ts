import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  createIndexSeries,
  getIndexSeries,
  importIndexValues,
  indexValuesBySeriesIds,
  listIndexSeries,
  setIndexValue,
  type IndexValue,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, groupLoaderFor, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import {
  IndexImportType,
  IndexSeriesInput,
  IndexSeriesType,
  IndexValueType,
  toIndexSeriesType,
  toIndexValueType,
} from './contract-billing.type';

const valuesLoader = (ctx: RequestContext) =>
  groupLoaderFor<IndexValue>(ctx, 'indexValuesBySeries', indexValuesBySeriesIds, (v) => v.seriesId);

@Resolver(() => IndexSeriesType)
export class IndexSeriesResolver {
  @Authorized('billing:read')
  @Query(() => [IndexSeriesType], { description: 'The tenant’s price indices, by code.' })
  async indexSeries(@Ctx() ctx: RequestContext) {
    return (await listIndexSeries(em(ctx))).map(toIndexSeriesType);
  }

  @FieldResolver(() => [IndexValueType], { description: 'Published values, newest month first.' })
  async values(@Ctx() ctx: RequestContext, @Root() series: IndexSeriesType, @Arg('first', () => Int, { defaultValue: 36 }) first: number) {
    return (await valuesLoader(ctx).load(series.id)).slice(0, Math.max(first, 0)).map(toIndexValueType);
  }

  @FieldResolver(() => IndexValueType, { nullable: true, description: 'The newest month published.' })
  async latestValue(@Ctx() ctx: RequestContext, @Root() series: IndexSeriesType) {
    const [latest] = await valuesLoader(ctx).load(series.id);
    return latest ? toIndexValueType(latest) : null;
  }

  @Authorized('billing:write')
  @Mutation(() => IndexSeriesType, { description: 'A new index. INDEX_SERIES_EXISTS when the code is taken.' })
  async createIndexSeries(@Ctx() ctx: RequestContext, @Arg('input', () => IndexSeriesInput) input: IndexSeriesInput) {
    return toIndexSeriesType(await createIndexSeries(em(ctx), tenantIdOf(ctx), input));
  }

  @Authorized('billing:write')
  @Mutation(() => IndexValueType, { description: 'Records (or corrects) the value of a month.' })
  async setIndexValue(
    @Ctx() ctx: RequestContext,
    @Arg('seriesId', () => ID) seriesId: string,
    @Arg('period', () => String, { description: 'The month: 2026-10 or 2026-10-01.' }) period: string,
    @Arg('value', () => DecimalScalar) value: string,
    @Arg('publishedOn', () => LocalDateScalar, { nullable: true }) publishedOn: string | null,
  ) {
    return toIndexValueType(await setIndexValue(em(ctx), identityOf(ctx), seriesId, { period, value, publishedOn }));
  }

  @Authorized('billing:write')
  @Mutation(() => IndexImportType, {
    description:
      'Imports `month;value[;published on]` lines (a header allowed). One bad line refuses the file: VALIDATION_FAILED naming csv.line[n].',
  })
  async importIndexValues(@Ctx() ctx: RequestContext, @Arg('seriesId', () => ID) seriesId: string, @Arg('csv', () => String) csv: string) {
    const outcome = await importIndexValues(em(ctx), identityOf(ctx), seriesId, csv);
    return { ...outcome, series: toIndexSeriesType(await getIndexSeries(em(ctx), seriesId)) };
  }
}
