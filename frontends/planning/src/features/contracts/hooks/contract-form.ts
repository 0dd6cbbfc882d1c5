import type { Path } from 'react-hook-form';
import type {
  ContractTermsInput,
  EquipmentCategory,
  InterventionPriority,
  InterventionType,
  LabourType,
  TravelPricing,
} from '../../../gql/graphql';
import { apiDecimal, editableDecimal } from '@relais/ui';
import { addLocalDays, todayInParis } from '../../../shared/paris-time';
import type { ContractDetail } from './use-contracts';
import {
  billingFormFields,
  billingValuesFrom,
  newBillingValues,
  type BillingTermsVersion,
  type ContractBillingValues,
} from './contract-billing-form';

export const labourTypes: readonly LabourType[] = ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'];
export const priorities: readonly InterventionPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
export const equipmentCategories: readonly EquipmentCategory[] = [
  'BOILER',
  'HEAT_PUMP',
  'AIR_CONDITIONING',
  'VENTILATION',
  'FIRE_EXTINGUISHER',
  'FIRE_ALARM_SYSTEM',
  'ELECTRICAL_PANEL',
  'OTHER',
];

export interface TravelZoneValues {
  code: string;
  label: string;
  fee: string;
}

/** What each intervention of a type includes (hours as typed, "2" or "1,5"). */
export interface VisitInclusionValues {
  interventionType: InterventionType;
  includedHours: string;
  travelIncluded: boolean;
}

export const interventionTypes: readonly InterventionType[] = ['PREVENTIVE', 'CORRECTIVE', 'INSTALLATION', 'INSPECTION'];

export interface PlanValues {
  equipmentCategory: EquipmentCategory;
  visitsPerYear: string;
  estimatedDurationMinutes: string;
  /** Comma-separated skill codes. */
  requiredSkills: string;
}

/** The contract's terms as typed: numbers and amounts as the planner writes them ("68,50"). */
export interface ContractFormValues {
  customerId: string | null;
  title: string;
  startsOn: string;
  endsOn: string;
  tacitRenewal: boolean;
  noticeDays: string;
  /** Months of each tacit renewal. */
  renewalTermMonths: string;
  siteIds: string[];
  /** Response hours per priority; empty: the standard deadline. */
  sla: Record<InterventionPriority, string>;
  rateCard: {
    /** Empty: the standard rate (the customer's price list or the catalog). */
    labourRates: Record<LabourType, string>;
    travelPricing: TravelPricing;
    travelFlatFee: string;
    travelZones: TravelZoneValues[];
    partsDiscountPercent: string;
    includedLabourHoursPerYear: string;
    travelIncluded: boolean;
    partsIncluded: boolean;
    visitInclusions: VisitInclusionValues[];
  };
  plans: PlanValues[];
  /** Saved in the same call when `enabled` (users who also set billing terms). */
  billing: ContractBillingValues;
  /** Amendment only. */
  effectiveOn: string;
  reason: string;
}

export const emptyZone = (): TravelZoneValues => ({ code: '', label: '', fee: '' });
/** A new inclusion row: the first intervention type the contract does not list yet. */
export const emptyInclusion = (taken: readonly VisitInclusionValues[]): VisitInclusionValues => ({
  interventionType: interventionTypes.find((type) => !taken.some((row) => row.interventionType === type)) ?? 'PREVENTIVE',
  includedHours: '0',
  travelIncluded: false,
});
export const emptyPlan = (): PlanValues => ({
  equipmentCategory: 'AIR_CONDITIONING',
  visitsPerYear: '2',
  estimatedDurationMinutes: '120',
  requiredSkills: '',
});

/** A year from the start, its last day included. */
export function oneYearFrom(startsOn: string): string {
  const [year, month, day] = startsOn.split('-');
  return addLocalDays(`${Number(year) + 1}-${month}-${day}`, -1);
}

/** A new contract: from today for a year, tacitly renewed for a year with 90 days' notice, the standard SLA. */
export function newContractValues(): ContractFormValues {
  const today = todayInParis();
  return {
    customerId: null,
    title: '',
    startsOn: today,
    endsOn: oneYearFrom(today),
    tacitRenewal: true,
    noticeDays: '90',
    renewalTermMonths: '12',
    siteIds: [],
    sla: { URGENT: '4', HIGH: '24', NORMAL: '72', LOW: '168' },
    rateCard: {
      labourRates: { NORMAL: '', OVERTIME: '', NIGHT: '', WEEKEND_HOLIDAY: '' },
      travelPricing: 'FLAT',
      travelFlatFee: '',
      travelZones: [],
      partsDiscountPercent: '0',
      includedLabourHoursPerYear: '0',
      travelIncluded: false,
      partsIncluded: false,
      visitInclusions: [],
    },
    plans: [],
    billing: newBillingValues(),
    effectiveOn: '',
    reason: '',
  };
}

/** The contract's current terms, to amend from today; its billing from the latest version of its billing terms. */
export function amendmentValues(contract: ContractDetail, latestBilling?: BillingTermsVersion): ContractFormValues {
  const card = contract.rateCard;
  const rateOf = (type: LabourType) => card.labourRates.find((rate) => rate.labourType === type)?.hourlyRate;
  const slaOf = (priority: InterventionPriority) => contract.sla.find((target) => target.priority === priority)?.responseHours;
  return {
    customerId: contract.customer.id,
    title: contract.title,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    tacitRenewal: contract.tacitRenewal,
    noticeDays: String(contract.noticeDays),
    renewalTermMonths: String(contract.renewalTermMonths),
    siteIds: contract.sites.map((site) => site.id),
    sla: Object.fromEntries(priorities.map((priority) => [priority, String(slaOf(priority) ?? '')])) as ContractFormValues['sla'],
    rateCard: {
      labourRates: Object.fromEntries(
        labourTypes.map((type) => {
          const rate = rateOf(type);
          return [type, rate ? editableDecimal(rate, 2) : ''];
        }),
      ) as ContractFormValues['rateCard']['labourRates'],
      travelPricing: card.travelPricing,
      travelFlatFee: card.travelFlatFee ? editableDecimal(card.travelFlatFee, 2) : '',
      travelZones: card.travelZones.map((zone) => ({ code: zone.code, label: zone.label, fee: editableDecimal(zone.fee, 2) })),
      partsDiscountPercent: editableDecimal(card.partsDiscountPercent),
      includedLabourHoursPerYear: editableDecimal(card.includedLabourHoursPerYear),
      travelIncluded: card.travelIncluded,
      partsIncluded: card.partsIncluded,
      visitInclusions: card.visitInclusions.map((inclusion) => ({
        interventionType: inclusion.interventionType,
        includedHours: editableDecimal(inclusion.includedHours),
        travelIncluded: inclusion.travelIncluded,
      })),
    },
    plans: contract.plans.map((plan) => ({
      equipmentCategory: plan.equipmentCategory,
      visitsPerYear: String(plan.visitsPerYear),
      estimatedDurationMinutes: String(plan.estimatedDurationMinutes),
      requiredSkills: plan.requiredSkills.join(', '),
    })),
    billing: billingValuesFrom(latestBilling, contract.startsOn),
    effectiveOn: todayInParis(),
    reason: '',
  };
}

const integer = (typed: string): number => Number(typed.trim());

/** The terms for createContract / amendContract: decimals as the API reads them. */
export function contractTermsInput(values: ContractFormValues): ContractTermsInput {
  const card = values.rateCard;
  return {
    title: values.title.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    tacitRenewal: values.tacitRenewal,
    noticeDays: integer(values.noticeDays),
    renewalTermMonths: integer(values.renewalTermMonths),
    siteIds: values.siteIds,
    sla: priorities.flatMap((priority) =>
      values.sla[priority].trim() === '' ? [] : [{ priority, responseHours: integer(values.sla[priority]) }],
    ),
    rateCard: {
      labourRates: labourTypes.flatMap((labourType) =>
        card.labourRates[labourType].trim() === '' ? [] : [{ labourType, hourlyRate: apiDecimal(card.labourRates[labourType]) }],
      ),
      travelPricing: card.travelPricing,
      travelFlatFee: card.travelPricing === 'FLAT' ? apiDecimal(card.travelFlatFee) : null,
      travelZones:
        card.travelPricing === 'ZONE'
          ? card.travelZones.map((zone) => ({ code: zone.code.trim(), label: zone.label.trim(), fee: apiDecimal(zone.fee) }))
          : [],
      partsDiscountPercent: apiDecimal(card.partsDiscountPercent) || '0',
      includedLabourHoursPerYear: apiDecimal(card.includedLabourHoursPerYear) || '0',
      travelIncluded: card.travelIncluded,
      partsIncluded: card.partsIncluded,
      visitInclusions: card.visitInclusions.map((inclusion) => ({
        interventionType: inclusion.interventionType,
        includedHours: apiDecimal(inclusion.includedHours) || '0',
        travelIncluded: inclusion.travelIncluded,
      })),
    },
    plans: values.plans.map((plan) => ({
      equipmentCategory: plan.equipmentCategory,
      visitsPerYear: integer(plan.visitsPerYear),
      estimatedDurationMinutes: plan.estimatedDurationMinutes.trim() === '' ? null : integer(plan.estimatedDurationMinutes),
      requiredSkills: plan.requiredSkills
        .split(',')
        .map((skill) => skill.trim())
        .filter(Boolean),
    })),
  };
}

const formFields = [
  /^(title|startsOn|endsOn|noticeDays|renewalTermMonths|siteIds|effectiveOn|reason)$/,
  /^sla\.(URGENT|HIGH|NORMAL|LOW)$/,
  /^rateCard\.labourRates\.(NORMAL|OVERTIME|NIGHT|WEEKEND_HOLIDAY)$/,
  /^rateCard\.(travelFlatFee|partsDiscountPercent|includedLabourHoursPerYear)$/,
  /^rateCard\.travelZones\.\d+\.(code|label|fee)$/,
  /^rateCard\.visitInclusions\.\d+\.(interventionType|includedHours)$/,
  /^plans\.\d+\.(equipmentCategory|visitsPerYear)$/,
  ...billingFormFields,
];

/** The input showing a field createContract / amendContract refused, if the form has one. */
export function contractFormPath(field: string): Path<ContractFormValues> | null {
  return formFields.some((pattern) => pattern.test(field)) ? (field as Path<ContractFormValues>) : null;
}
