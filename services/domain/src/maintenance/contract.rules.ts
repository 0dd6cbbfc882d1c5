import Decimal from 'decimal.js';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { Validator, type FieldReason } from '../shared/errors';
import {
  LABOUR_TYPES,
  INTERVENTION_PRIORITIES,
  INTERVENTION_TYPES,
  type InterventionPriority,
  type LabourType,
} from './intervention.rules';

export type InterventionType = (typeof INTERVENTION_TYPES)[number];

/** What each intervention of a type includes under the contract, before the yearly allowance. */
export interface VisitInclusion {
  interventionType: InterventionType;
  /** Labour hours included per intervention of that type (decimal string, 2 decimals at most). */
  includedHours: string;
  travelIncluded: boolean;
}

export interface RateCard {
  /**
   * Hourly rate (HT) per labour type, decimal strings. Any subset: a labour type without a rate is
   * priced at the customer's list rate for that type (price list, else catalog, else default).
   */
  labourRates: Partial<Record<LabourType, string>>;
  travelPricing: 'FLAT' | 'ZONE';
  travelFlatFee: string | null;
  travelZones: { code: string; label: string; fee: string }[];
  partsDiscountPercent: string;
  includedLabourHoursPerYear: string;
  travelIncluded: boolean;
  partsIncluded: boolean;
  /** Inclusions per intervention type, at most one per type (absent on cards saved before they existed). */
  visitInclusions?: VisitInclusion[];
}

export type SlaTargets = Partial<Record<InterventionPriority, number>>;

function nonNegativeMoney(value: string | null | undefined): boolean {
  if (value == null) return false;
  try {
    const d = new Decimal(value);
    return d.isFinite() && d.greaterThanOrEqualTo(0) && d.decimalPlaces() <= 2;
  } catch {
    return false;
  }
}

/** Why a typed amount is refused (null when it is a decimal ≥ 0 with at most `decimals` decimals). */
export function amountProblem(value: string, decimals = 2): { reason: FieldReason; message: string } | null {
  if (!/^-?\d{1,12}(\.\d+)?$/.test(value.trim())) return { reason: 'DECIMAL_EXPECTED', message: 'nombre décimal attendu, comme 68.50' };
  const d = new Decimal(value.trim());
  if (d.isNegative()) return { reason: 'MUST_BE_POSITIVE', message: 'montant positif ou nul attendu' };
  if (d.decimalPlaces() > decimals) return { reason: 'TOO_MANY_DECIMALS', message: `${decimals} décimales au plus` };
  return null;
}

function checkAmount(v: Validator, value: string, field: string, what: string): void {
  const problem = amountProblem(value);
  if (problem) v.check(false, field, `${what} : ${problem.message}`, problem.reason);
}

export function validateRateCard(card: RateCard, v = new Validator()): Validator {
  for (const [type, rate] of Object.entries(card.labourRates)) {
    const field = `rateCard.labourRates.${type}`;
    if (!(LABOUR_TYPES as readonly string[]).includes(type)) v.check(false, field, 'type de main-d’œuvre inconnu', 'UNKNOWN_VALUE');
    else if (rate != null) checkAmount(v, rate, field, 'taux horaire HT');
  }
  const inclusions = card.visitInclusions ?? [];
  inclusions.forEach((inclusion, i) => {
    const field = `rateCard.visitInclusions[${i}]`;
    if (!(INTERVENTION_TYPES as readonly string[]).includes(inclusion.interventionType))
      v.check(false, `${field}.interventionType`, 'type d’intervention inconnu', 'UNKNOWN_VALUE');
    else
      v.check(
        inclusions.findIndex((other) => other.interventionType === inclusion.interventionType) === i,
        `${field}.interventionType`,
        'une seule ligne par type d’intervention',
        'INVALID',
      );
    checkAmount(v, inclusion.includedHours, `${field}.includedHours`, 'heures incluses par intervention');
  });
  if (card.travelPricing === 'FLAT')
    v.check(nonNegativeMoney(card.travelFlatFee), 'rateCard.travelFlatFee', 'forfait de déplacement requis');
  else {
    v.check(card.travelZones.length > 0, 'rateCard.travelZones', 'au moins une zone');
    card.travelZones.forEach((z, i) => {
      v.check(z.code.trim().length > 0, `rateCard.travelZones[${i}].code`, 'obligatoire', 'REQUIRED');
      v.check(nonNegativeMoney(z.fee), `rateCard.travelZones[${i}].fee`, 'montant HT en euros');
    });
    v.check(
      new Set(card.travelZones.map((z) => z.code)).size === card.travelZones.length,
      'rateCard.travelZones',
      'codes de zone en double',
    );
  }
  v.check(
    nonNegativeMoney(card.partsDiscountPercent) && new Decimal(card.partsDiscountPercent).lessThanOrEqualTo(100),
    'rateCard.partsDiscountPercent',
    'remise de 0 à 100 %',
  );
  v.check(nonNegativeMoney(card.includedLabourHoursPerYear), 'rateCard.includedLabourHoursPerYear', 'nombre d’heures');
  return v;
}

export function validateSla(sla: SlaTargets, v = new Validator()): Validator {
  for (const [priority, hours] of Object.entries(sla)) {
    v.check((INTERVENTION_PRIORITIES as readonly string[]).includes(priority), `sla.${priority}`, 'priorité inconnue');
    v.check(Number.isInteger(hours) && hours! > 0 && hours! <= 24 * 60, `sla.${priority}`, 'délai en heures, de 1 à 1440');
  }
  return v;
}

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'EXPIRED' | 'TERMINATED';

/** Tacitly renewed contracts stay active past their end date, term after term, until terminated (`terminatedOn` is the last day covered). */
export function contractStatus(
  contract: { startsOn: string; endsOn: string; tacitRenewal: boolean; terminatedOn?: string | null },
  today: string,
): ContractStatus {
  if (contract.terminatedOn && contract.terminatedOn < today) return 'TERMINATED';
  if (today < contract.startsOn) return 'DRAFT';
  if (today > contract.endsOn && !contract.tacitRenewal) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * Due dates of a preventive plan inside [from, to]: visits are spread evenly from the start date,
 * every 12 / visitsPerYear months (rounded to whole months) up to 12 a year, every
 * 365 / visitsPerYear days (rounded) beyond.
 */
export function preventiveDueDates(startsOn: string, visitsPerYear: number, from: string, to: string, endsOn?: string | null): string[] {
  const start = parseISO(startsOn);
  const nth =
    visitsPerYear <= 12
      ? (k: number) => addMonths(start, k * Math.round(12 / visitsPerYear))
      : (k: number) => addDays(start, Math.round((k * 365) / visitsPerYear));
  const dates: string[] = [];
  for (let k = 0; k < 2000; k += 1) {
    const due = format(nth(k), 'yyyy-MM-dd');
    if (due > to || (endsOn && due > endsOn)) break;
    if (due >= from) dates.push(due);
  }
  return dates;
}

/** What pricing needs of an amendment: its number, when the new terms took effect, and the terms it replaced. */
export interface RateCardAmendment {
  version: number;
  effectiveOn: string;
  previousTerms: { rateCard?: RateCard };
}

/**
 * The rate card in force on `date` (YYYY-MM-DD), and the amendment it was in force before, if any.
 * `current` is the contract's card; each amendment keeps the card it replaced and the date the new
 * one took effect. Walking from the newest amendment down, the replaced card applies while `date`
 * is before that amendment's effectiveOn; the walk stops at the first amendment already in effect
 * on `date`, so a later amendment made effective earlier than a previous one overrides it from its
 * own date on (older amendments are not looked at once a newer one applies).
 * `before` is, among the amendments stepped back over, the one effective first: from its date on,
 * the card returned no longer applied (null when the current card is in force).
 */
export function rateCardInForceWithSource<A extends RateCardAmendment>(
  current: RateCard,
  amendments: readonly A[],
  date: string,
): { rateCard: RateCard; before: A | null } {
  let rateCard = current;
  let before: A | null = null;
  for (const amendment of [...amendments].sort((a, b) => b.version - a.version)) {
    if (date >= amendment.effectiveOn) break;
    rateCard = amendment.previousTerms.rateCard ?? rateCard;
    if (!before || amendment.effectiveOn <= before.effectiveOn) before = amendment;
  }
  return { rateCard, before };
}

/** The rate card in force on `date` (see rateCardInForceWithSource). */
export function rateCardInForce(current: RateCard, amendments: readonly RateCardAmendment[], date: string): RateCard {
  return rateCardInForceWithSource(current, amendments, date).rateCard;
}
