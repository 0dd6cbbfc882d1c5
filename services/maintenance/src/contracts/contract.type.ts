import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import {
  contractStatus,
  localDate,
  LABOUR_TYPES,
  INTERVENTION_PRIORITIES,
  DEFAULT_SLA_HOURS,
  type Contract,
  type ContractAmendment,
  type MaintenancePlan,
} from '@relais/domain';
import { EquipmentCategoryEnum, InterventionPriorityEnum, InterventionTypeEnum, LabourTypeEnum, TravelPricingEnum } from '../shared/enums';

@ObjectType('LabourRate')
export class LabourRateType {
  @Field(() => LabourTypeEnum) labourType!: LabourTypeEnum;
  @Field(() => DecimalScalar, { description: 'Hourly rate, excluding VAT (HT).' }) hourlyRate!: string;
}

@ObjectType('TravelZone')
export class TravelZoneType {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar) fee!: string;
}

@ObjectType('VisitInclusion', { description: 'What each intervention of a type includes, before the yearly allowance.' })
export class VisitInclusionType {
  @Field(() => InterventionTypeEnum) interventionType!: InterventionTypeEnum;
  @Field(() => DecimalScalar, { description: 'Labour hours included in each intervention of that type.' }) includedHours!: string;
  @Field(() => Boolean) travelIncluded!: boolean;
}

@ObjectType('RateCard', { description: 'The contract’s prices, overriding the price list; amounts excluding VAT.' })
export class RateCardType {
  @Field(() => [LabourRateType], {
    description: 'The contract’s hourly rates; a labour type absent here is billed at the customer’s list rate (price list or catalog).',
  })
  labourRates!: LabourRateType[];
  @Field(() => TravelPricingEnum) travelPricing!: TravelPricingEnum;
  @Field(() => DecimalScalar, { nullable: true }) travelFlatFee!: string | null;
  @Field(() => [TravelZoneType]) travelZones!: TravelZoneType[];
  @Field(() => DecimalScalar) partsDiscountPercent!: string;
  @Field(() => DecimalScalar, { description: 'Labour hours per contract year included in the fee.' }) includedLabourHoursPerYear!: string;
  @Field(() => Boolean) travelIncluded!: boolean;
  @Field(() => Boolean) partsIncluded!: boolean;
  @Field(() => [VisitInclusionType], { description: 'Inclusions per intervention type, at most one per type.' })
  visitInclusions!: VisitInclusionType[];
}

@ObjectType('SlaTarget')
export class SlaTargetType {
  @Field(() => InterventionPriorityEnum) priority!: InterventionPriorityEnum;
  @Field(() => Int) responseHours!: number;
}

@ObjectType('MaintenancePlan', { description: 'Preventive visits the contract promises for a category of equipment.' })
export class MaintenancePlanType {
  @Field(() => ID) id!: string;
  @Field(() => EquipmentCategoryEnum) equipmentCategory!: EquipmentCategoryEnum;
  @Field(() => Int) visitsPerYear!: number;
  @Field(() => Int) estimatedDurationMinutes!: number;
  @Field(() => [String]) requiredSkills!: string[];
}

@ObjectType('ContractAmendment', { description: 'An avenant: the terms before it are kept.' })
export class ContractAmendmentType {
  @Field(() => Int, { description: 'The contract version the amendment replaced.' }) version!: number;
  @Field(() => LocalDateScalar) effectiveOn!: string;
  @Field(() => String) reason!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType('Contract', { description: 'A maintenance contract (contrat de maintenance).' })
@Directive('@key(fields: "id")')
export class ContractType {
  @Field(() => ID) id!: string;
  customerId!: string;
  @Field(() => String) reference!: string;
  @Field(() => String) title!: string;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => Boolean) tacitRenewal!: boolean;
  @Field(() => Int) noticeDays!: number;
  @Field(() => Int, { description: 'Months of each tacit renewal.' }) renewalTermMonths!: number;
  @Field(() => String, { description: 'DRAFT, ACTIVE, EXPIRED or TERMINATED, as of today.' }) status!: string;
  @Field(() => [SlaTargetType]) sla!: SlaTargetType[];
  @Field(() => RateCardType) rateCard!: RateCardType;
  @Field(() => Int) version!: number;
}

export const ContractConnection = ConnectionType(ContractType, 'Contract');

export function toContractType(c: Contract): ContractType {
  const card = c.rateCard;
  return {
    id: c.id,
    customerId: c.customerId,
    reference: c.reference,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    tacitRenewal: c.tacitRenewal,
    noticeDays: c.noticeDays,
    renewalTermMonths: c.renewalTermMonths,
    status: contractStatus(c, localDate(new Date())),
    sla: INTERVENTION_PRIORITIES.map((priority) => ({
      priority: priority as InterventionPriorityEnum,
      responseHours: c.sla[priority] ?? DEFAULT_SLA_HOURS[priority],
    })),
    rateCard: {
      labourRates: LABOUR_TYPES.flatMap((type) => {
        const hourlyRate = card.labourRates[type];
        return hourlyRate == null ? [] : [{ labourType: type as LabourTypeEnum, hourlyRate }];
      }),
      travelPricing: card.travelPricing as TravelPricingEnum,
      travelFlatFee: card.travelFlatFee ?? null,
      travelZones: card.travelZones,
      partsDiscountPercent: card.partsDiscountPercent,
      includedLabourHoursPerYear: card.includedLabourHoursPerYear,
      travelIncluded: card.travelIncluded,
      partsIncluded: card.partsIncluded,
      visitInclusions: (card.visitInclusions ?? []).map((inclusion) => ({
        ...inclusion,
        interventionType: inclusion.interventionType as InterventionTypeEnum,
      })),
    },
    version: c.version,
  };
}

export const toPlanType = (p: MaintenancePlan): MaintenancePlanType => ({
  id: p.id,
  equipmentCategory: p.equipmentCategory as EquipmentCategoryEnum,
  visitsPerYear: p.visitsPerYear,
  estimatedDurationMinutes: p.estimatedDurationMinutes,
  requiredSkills: p.requiredSkills as string[],
});

export const toAmendmentType = (a: ContractAmendment): ContractAmendmentType => ({
  version: a.version,
  effectiveOn: a.effectiveOn,
  reason: a.reason,
  createdAt: a.createdAt,
});
