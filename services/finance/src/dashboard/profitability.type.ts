import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Cost, ProfitabilityConfig, ProfitabilityReport, ProfitabilityRow, ProfitabilityTotals } from '@relais/domain';
import { DecimalScalar, LocalDateScalar, PageInfo } from '@relais/subgraph-kit';

export enum ProfitabilityGroupEnum {
  CONTRACT = 'CONTRACT',
  CUSTOMER = 'CUSTOMER',
  SITE = 'SITE',
  TECHNICIAN = 'TECHNICIAN',
}
registerEnumType(ProfitabilityGroupEnum, { name: 'ProfitabilityGroup' });

export enum ProfitabilityOrderEnum {
  REVENUE = 'REVENUE',
  COST = 'COST',
  MARGIN = 'MARGIN',
  MARGIN_RATE = 'MARGIN_RATE',
  LABEL = 'LABEL',
}
registerEnumType(ProfitabilityOrderEnum, {
  name: 'ProfitabilityOrder',
  description: 'Rows without revenue (no margin rate) come last when sorting by MARGIN_RATE.',
});

@ObjectType('ProfitabilityCost')
export class ProfitabilityCostType {
  @Field(() => DecimalScalar, { description: 'Hours × the technicians’ cost rates (known rates only).' }) labour!: string;
  @Field(() => DecimalScalar, { description: 'Parts × their purchase cost (known costs only).' }) parts!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Trips × the cost of a trip; null when trips were made and it is not set.' })
  travel!: string | null;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('ProfitabilityRow')
export class ProfitabilityRowType {
  @Field(() => ID, { nullable: true, description: 'The contract, customer, site or technician; null: revenue without contract or site.' })
  key!: string | null;
  @Field(() => String) label!: string;
  @Field(() => ID, { nullable: true, description: 'The customer of a contract or a site, or the customer itself.' })
  customerId!: string | null;
  @Field(() => String, { nullable: true, description: 'The customer of a contract or a site.' }) customerName!: string | null;
  @Field(() => DecimalScalar, { description: 'Billed HT in the period (credit notes deducted).' }) revenue!: string;
  @Field(() => ProfitabilityCostType) cost!: ProfitabilityCostType;
  @Field(() => DecimalScalar) margin!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Margin / revenue in percent, one decimal; null without revenue.' })
  marginRate!: string | null;
  @Field(() => DecimalScalar, { description: 'Labour hours of the interventions.' }) hours!: string;
  @Field(() => Int, { description: 'Interventions completed in the period.' }) interventionCount!: number;
  @Field(() => Int, { description: 'Invoices and credit notes issued in the period.' }) invoiceCount!: number;
  @Field(() => Int, { description: 'Interventions whose cost is incomplete (cost rate, purchase cost or cost of a trip missing).' })
  costUnknownCount!: number;
}

@ObjectType('ProfitabilityTotals', { description: 'Every row added up (not only the page).' })
export class ProfitabilityTotalsType {
  @Field(() => DecimalScalar) revenue!: string;
  @Field(() => ProfitabilityCostType) cost!: ProfitabilityCostType;
  @Field(() => DecimalScalar) margin!: string;
  @Field(() => DecimalScalar, { nullable: true }) marginRate!: string | null;
  @Field(() => DecimalScalar) hours!: string;
  @Field(() => Int) interventionCount!: number;
  @Field(() => Int) invoiceCount!: number;
  @Field(() => Int) costUnknownCount!: number;
}

@ObjectType('ProfitabilityEdge')
export class ProfitabilityEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => ProfitabilityRowType) node!: ProfitabilityRowType;
}

@ObjectType('ProfitabilityReport', { description: 'Revenue against cost over a period, one row per group, as a Relay page with totals.' })
export class ProfitabilityReportType {
  @Field(() => ProfitabilityGroupEnum) groupBy!: ProfitabilityGroupEnum;
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'The cost of a trip used; null while not set.' })
  travelCostPerTrip!: string | null;
  @Field(() => [ProfitabilityEdgeType]) edges!: ProfitabilityEdgeType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => ProfitabilityTotalsType) totals!: ProfitabilityTotalsType;
}

@ObjectType('ProfitabilitySettings')
export class ProfitabilitySettingsType {
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost of one trip to a site, HT; null while not set.' })
  travelCostPerTrip!: string | null;
  @Field(() => Int, { description: '0 until first saved.' }) version!: number;
}

@InputType()
export class ProfitabilitySettingsInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Null: unknown (trips then count as a cost unknown).' })
  travelCostPerTrip!: string | null;
}

const costType = (c: Cost): ProfitabilityCostType => ({ ...c });
const rowType = (r: ProfitabilityRow): ProfitabilityRowType => ({ ...r, cost: costType(r.cost) });
const totalsType = (t: ProfitabilityTotals): ProfitabilityTotalsType => ({ ...t, cost: costType(t.cost) });

export const toReportType = (r: ProfitabilityReport): ProfitabilityReportType => ({
  groupBy: r.groupBy as ProfitabilityGroupEnum,
  from: r.from,
  to: r.to,
  travelCostPerTrip: r.travelCostPerTrip,
  edges: r.rows.map((row, i) => ({ cursor: r.cursors[i]!, node: rowType(row) })),
  pageInfo: {
    hasNextPage: r.hasNextPage,
    hasPreviousPage: false,
    startCursor: r.cursors[0] ?? null,
    endCursor: r.cursors.at(-1) ?? null,
  },
  totalCount: r.totalCount,
  totals: totalsType(r.totals),
});

export const toSettingsType = (s: ProfitabilityConfig): ProfitabilitySettingsType => ({ ...s });
