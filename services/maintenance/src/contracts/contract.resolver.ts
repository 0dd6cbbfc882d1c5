import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { amendContract, createContract, listContracts, type RateCard, type SlaTargets } from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';
import {
  ContractAmendmentType,
  ContractConnection,
  ContractType,
  MaintenancePlanType,
  toAmendmentType,
  toContractType,
  toPlanType,
} from './contract.type';
import { EquipmentCategoryEnum, InterventionPriorityEnum, LabourTypeEnum, TravelPricingEnum } from '../shared/enums';
import { loaders } from '../shared/loaders';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { customerLoader } from '../customers/customer.resolver';
import { SiteType, toSiteType } from '../sites/site.type';
import { EquipmentType, toEquipmentType } from '../equipment/equipment.type';

@InputType()
export class LabourRateInput {
  @Field(() => LabourTypeEnum) labourType!: LabourTypeEnum;
  @Field(() => DecimalScalar) hourlyRate!: string;
}

@InputType()
export class TravelZoneInput {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar) fee!: string;
}

@InputType()
export class RateCardInput {
  @Field(() => [LabourRateInput], { description: 'One rate per labour type (NORMAL, OVERTIME, NIGHT, WEEKEND_HOLIDAY).' })
  labourRates!: LabourRateInput[];
  @Field(() => TravelPricingEnum) travelPricing!: TravelPricingEnum;
  @Field(() => DecimalScalar, { nullable: true }) travelFlatFee?: string | null;
  @Field(() => [TravelZoneInput], { defaultValue: [] }) travelZones!: TravelZoneInput[];
  @Field(() => DecimalScalar, { defaultValue: '0' }) partsDiscountPercent!: string;
  @Field(() => DecimalScalar, { defaultValue: '0' }) includedLabourHoursPerYear!: string;
  @Field(() => Boolean, { defaultValue: false }) travelIncluded!: boolean;
  @Field(() => Boolean, { defaultValue: false }) partsIncluded!: boolean;
}

@InputType()
export class SlaTargetInput {
  @Field(() => InterventionPriorityEnum) priority!: InterventionPriorityEnum;
  @Field(() => Int) responseHours!: number;
}

@InputType()
export class MaintenancePlanInput {
  @Field(() => EquipmentCategoryEnum) equipmentCategory!: EquipmentCategoryEnum;
  @Field(() => Int) visitsPerYear!: number;
  @Field(() => Int, { nullable: true }) estimatedDurationMinutes?: number | null;
  @Field(() => [String], { nullable: true }) requiredSkills?: string[] | null;
}

@InputType()
export class ContractTermsInput {
  @Field(() => String) title!: string;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => Boolean, { defaultValue: true }) tacitRenewal!: boolean;
  @Field(() => Int, { defaultValue: 90 }) noticeDays!: number;
  @Field(() => [ID]) siteIds!: string[];
  @Field(() => [SlaTargetInput], { defaultValue: [] }) sla!: SlaTargetInput[];
  @Field(() => RateCardInput) rateCard!: RateCardInput;
  @Field(() => [MaintenancePlanInput], { defaultValue: [] }) plans!: MaintenancePlanInput[];
}

function toTerms(input: ContractTermsInput) {
  const rateCard: RateCard = {
    ...input.rateCard,
    travelFlatFee: input.rateCard.travelFlatFee ?? null,
    labourRates: Object.fromEntries(input.rateCard.labourRates.map((r) => [r.labourType, r.hourlyRate])) as RateCard['labourRates'],
  };
  const sla: SlaTargets = Object.fromEntries(input.sla.map((s) => [s.priority, s.responseHours]));
  return { ...input, rateCard, sla };
}

@Resolver(() => ContractType)
export class ContractResolver {
  @Authorized('maintenance:read')
  @Query(() => ContractConnection)
  async contracts(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(await listContracts(em(ctx), { first, after, customerId, search }), toContractType);
  }

  @Authorized('maintenance:read')
  @Query(() => ContractType, { nullable: true })
  async contract(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const contract = await loaders.contract(ctx).load(id);
    return contract ? toContractType(contract) : null;
  }

  @Authorized('maintenance:write')
  @Mutation(() => ContractType)
  async createContract(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('terms', () => ContractTermsInput) terms: ContractTermsInput,
  ) {
    return toContractType(await createContract(em(ctx), tenantIdOf(ctx), { ...toTerms(terms), customerId }));
  }

  @Authorized('maintenance:write')
  @Mutation(() => ContractType, { description: 'New terms as an amendment (avenant); the previous terms are kept.' })
  async amendContract(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('terms', () => ContractTermsInput) terms: ContractTermsInput,
    @Arg('effectiveOn', () => LocalDateScalar) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toContractType(await amendContract(em(ctx), id, { ...toTerms(terms), effectiveOn, reason, expectedVersion }));
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return toCustomerType((await customerLoader(ctx).load(contract.customerId))!);
  }

  @FieldResolver(() => [SiteType])
  async sites(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    const links = await loaders.contractSites(ctx).load(contract.id);
    const sites = await Promise.all(links.map((l) => loaders.site(ctx).load(l.siteId)));
    return sites.flatMap((s) => (s ? [toSiteType(s)] : []));
  }

  @FieldResolver(() => [EquipmentType])
  async equipment(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.contractEquipment(ctx).load(contract.id)).map(toEquipmentType);
  }

  @FieldResolver(() => [MaintenancePlanType])
  async plans(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.plans(ctx).load(contract.id)).map(toPlanType);
  }

  @FieldResolver(() => [ContractAmendmentType])
  async amendments(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.amendments(ctx).load(contract.id)).map(toAmendmentType);
  }
}

export async function resolveContractReference(reference: { id: string }, ctx: RequestContext) {
  const contract = await loaders.contract(ctx).load(reference.id);
  return contract ? toContractType(contract) : null;
}
