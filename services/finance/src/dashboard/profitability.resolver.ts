import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { profitability, profitabilitySettings, updateProfitabilitySettings } from '@relais/domain';
import { LocalDateScalar, em, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import {
  ProfitabilityGroupEnum,
  ProfitabilityOrderEnum,
  ProfitabilityReportType,
  ProfitabilitySettingsInput,
  ProfitabilitySettingsType,
  toReportType,
  toSettingsType,
} from './profitability.type';

@Resolver(() => ProfitabilityReportType)
export class ProfitabilityResolver {
  @Authorized('finance:read')
  @Query(() => ProfitabilityReportType, {
    description:
      'Revenue billed against the cost of the work (labour × cost rates, parts at purchase cost, trips) by contract, customer, site or technician over [from, to] (at most 366 days). VALIDATION_FAILED.',
  })
  async profitability(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => ProfitabilityGroupEnum) groupBy: ProfitabilityGroupEnum,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('orderBy', () => ProfitabilityOrderEnum, { nullable: true, defaultValue: ProfitabilityOrderEnum.REVENUE })
    orderBy: ProfitabilityOrderEnum,
    @Arg('descending', () => Boolean, { nullable: true, defaultValue: true }) descending: boolean,
  ): Promise<ProfitabilityReportType> {
    const report = await profitability(em(ctx), tenantIdOf(ctx), { groupBy, from, to, first, after, orderBy, descending });
    return toReportType(report);
  }

  @Authorized('finance:read')
  @Query(() => ProfitabilitySettingsType, { description: 'What profitability assumes beyond the records: the cost of a trip.' })
  async profitabilitySettings(@Ctx() ctx: RequestContext): Promise<ProfitabilitySettingsType> {
    return toSettingsType(await profitabilitySettings(em(ctx), tenantIdOf(ctx)));
  }

  @Authorized('finance:write')
  @Mutation(() => ProfitabilitySettingsType, { description: 'Sets the cost of a trip. VALIDATION_FAILED, STALE_VERSION.' })
  async updateProfitabilitySettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProfitabilitySettingsInput) input: ProfitabilitySettingsInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ): Promise<ProfitabilitySettingsType> {
    return toSettingsType(
      await updateProfitabilitySettings(em(ctx), identityOf(ctx), { travelCostPerTrip: input.travelCostPerTrip, expectedVersion }),
    );
  }
}
