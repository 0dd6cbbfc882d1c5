import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Validator, type ContractTermsInput as DomainContractTerms, type RateCard, type SlaTargets } from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { LabourTypeEnum } from '../invoices/invoice.enums';

/*
 * A contract's own terms (maintenance's), as createContract and amendContract take them: those
 * mutations are billing's use cases since they may carry the billing terms too. The enums are
 * maintenance's, identical here (federated value types).
 */

export enum InterventionPriorityEnum {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
registerEnumType(InterventionPriorityEnum, { name: 'InterventionPriority' });

export enum EquipmentCategoryEnum {
  BOILER = 'BOILER',
  HEAT_PUMP = 'HEAT_PUMP',
  AIR_CONDITIONING = 'AIR_CONDITIONING',
  VENTILATION = 'VENTILATION',
  FIRE_EXTINGUISHER = 'FIRE_EXTINGUISHER',
  FIRE_ALARM_SYSTEM = 'FIRE_ALARM_SYSTEM',
  ELECTRICAL_PANEL = 'ELECTRICAL_PANEL',
  OTHER = 'OTHER',
}
registerEnumType(EquipmentCategoryEnum, { name: 'EquipmentCategory' });

export enum TravelPricingEnum {
  FLAT = 'FLAT',
  ZONE = 'ZONE',
}
registerEnumType(TravelPricingEnum, { name: 'TravelPricing' });

@InputType()
export class LabourRateInput {
  @Field(() => LabourTypeEnum) labourType!: LabourTypeEnum;
  @Field(() => DecimalScalar) hourlyRate!: string;
}

export enum InterventionTypeEnum {
  PREVENTIVE = 'PREVENTIVE',
  CORRECTIVE = 'CORRECTIVE',
  INSTALLATION = 'INSTALLATION',
  INSPECTION = 'INSPECTION',
}
registerEnumType(InterventionTypeEnum, { name: 'InterventionType' });

@InputType()
export class VisitInclusionInput {
  @Field(() => InterventionTypeEnum) interventionType!: InterventionTypeEnum;
  @Field(() => DecimalScalar, { description: 'Labour hours included in each intervention of that type (0 for travel only).' })
  includedHours!: string;
  @Field(() => Boolean, { defaultValue: false }) travelIncluded!: boolean;
}

@InputType()
export class TravelZoneInput {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar) fee!: string;
}

@InputType()
export class RateCardInput {
  @Field(() => [LabourRateInput], {
    description:
      'At most one rate per labour type (NORMAL, OVERTIME, NIGHT, WEEKEND_HOLIDAY); a type left out is billed at the customer’s list rate.',
  })
  labourRates!: LabourRateInput[];
  @Field(() => TravelPricingEnum) travelPricing!: TravelPricingEnum;
  @Field(() => DecimalScalar, { nullable: true }) travelFlatFee?: string | null;
  @Field(() => [TravelZoneInput], { defaultValue: [] }) travelZones!: TravelZoneInput[];
  @Field(() => DecimalScalar, { defaultValue: '0' }) partsDiscountPercent!: string;
  @Field(() => DecimalScalar, { defaultValue: '0' }) includedLabourHoursPerYear!: string;
  @Field(() => Boolean, { defaultValue: false }) travelIncluded!: boolean;
  @Field(() => Boolean, { defaultValue: false }) partsIncluded!: boolean;
  @Field(() => [VisitInclusionInput], { defaultValue: [], description: 'Inclusions per intervention type, at most one per type.' })
  visitInclusions!: VisitInclusionInput[];
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
  @Field(() => Int, {
    nullable: true,
    description: 'Months of each tacit renewal, 1 to 60. Default: 12 for a new contract; an amendment without it keeps the current length.',
  })
  renewalTermMonths?: number | null;
  @Field(() => [ID]) siteIds!: string[];
  @Field(() => [SlaTargetInput], { defaultValue: [] }) sla!: SlaTargetInput[];
  @Field(() => RateCardInput) rateCard!: RateCardInput;
  @Field(() => [MaintenancePlanInput], { defaultValue: [] }) plans!: MaintenancePlanInput[];
}

export function toContractTerms(input: ContractTermsInput): DomainContractTerms {
  const labourTypes = input.rateCard.labourRates.map((r) => r.labourType);
  new Validator()
    .check(new Set(labourTypes).size === labourTypes.length, 'rateCard.labourRates', 'un seul taux par type de main-d’œuvre')
    .throwIfInvalid();
  const rateCard: RateCard = {
    ...input.rateCard,
    travelFlatFee: input.rateCard.travelFlatFee ?? null,
    labourRates: Object.fromEntries(input.rateCard.labourRates.map((r) => [r.labourType, r.hourlyRate])) as RateCard['labourRates'],
  };
  const sla: SlaTargets = Object.fromEntries(input.sla.map((s) => [s.priority, s.responseHours]));
  return { ...input, rateCard, sla };
}
