import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { VatRate } from '@relais/domain';
import type { VatRate as VatRateRow } from '@relais/domain';
import { em, type RequestContext } from '@relais/subgraph-kit';

@ObjectType('VatRate', { description: 'A VAT rate of the tenant, with its EN 16931 category (S, E, AE...).' })
export class VatRateType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'Percentage as a decimal string, e.g. "5.50".' }) rate!: string;
  @Field(() => String) categoryCode!: string;
  @Field(() => String, { nullable: true }) exemptionReason!: string | null;
  @Field(() => Boolean) active!: boolean;
}

@Resolver(() => VatRateType)
export class VatRateResolver {
  @Authorized('billing:read')
  @Query(() => [VatRateType])
  async vatRates(@Ctx() ctx: RequestContext) {
    const rates = await em(ctx).find(VatRate, {}, { orderBy: { rate: 'desc', code: 'asc' } });
    return rates.map((r: VatRateRow) => ({ ...r, exemptionReason: r.exemptionReason ?? null }));
  }
}
