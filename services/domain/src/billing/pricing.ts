import { Errors } from '../shared/errors';
import type { InterventionType, RateCard } from '../maintenance/contract.rules';
import { LABOUR_TYPES, type LabourType } from '../maintenance/intervention.rules';
import { formatFr, Money, parseDecimal, MONEY_ZERO, type Money as MoneyValue } from './money';
import { netUnitPrice, lineNetAmount } from './totals';
import { CATALOG_PRICE_REASON, type ListRateReasons } from './list-prices';
import { frenchDate } from '../shared/time';

/**
 * Pricing of an intervention report: plain functions that turn what the technician recorded into
 * invoice lines, each saying why its price was chosen.
 *
 * Rules where the issue is silent:
 * - Labour is one line per labour type (hours summed over entries, in LABOUR_TYPES order).
 * - A contract's rate card may leave labour types without a rate: those hours are priced at the
 *   customer's list rate for that type (price list, else catalog item MO-*, else the default list
 *   rate), and the line's reason says the contract has no rate for them. No surcharge rule is
 *   derived from the contract's normal rate: the list rates are the tenant's own per-band prices.
 * - Inclusions per intervention type (`visitInclusions`) come first: each intervention of that
 *   type gets its included hours (NORMAL first, then OVERTIME, NIGHT, WEEKEND_HOLIDAY) and, when
 *   said, its travel at a 100 % discount; their reason starts with PER_VISIT_INCLUSION_REASON, so
 *   they never count against the yearly allowance.
 * - The contract's included hours (allowance minus what this contract year already consumed)
 *   are used on NORMAL hours first, then OVERTIME, NIGHT, WEEKEND_HOLIDAY: an included hour is
 *   an hour of work whatever its type, taken in that fixed order. Covered hours are a separate
 *   line priced at the contract rate with a 100 % discount (net 0.00), so the customer sees
 *   what the contract saved.
 * - Travel: FLAT = fee × travelCount; ZONE = the zone's fee × travelCount. When travel is
 *   included, the same line at 100 % discount. No line when travelCount is 0.
 * - Parts: list sale price less the contract's parts discount (the discount is shown, the net
 *   unit price is exact, only the line net is rounded); partsIncluded = 100 % discount.
 * - Without a contract: the list rate card's labour rates and travel pricing; no included
 *   hours, no inclusions, no parts discount.
 * - List prices (parts, list rates) may come from the customer's price list (list-prices.ts); the
 *   line's reason then says so, and a contract's parts discount applies on that price.
 * - Services (labour, travel) get `serviceVatRateCode` (default TVA20); parts keep their own.
 */

export const LABOUR_TYPE_LABELS: Record<LabourType, string> = {
  NORMAL: 'heures normales',
  OVERTIME: 'heures supplémentaires',
  NIGHT: 'heures de nuit',
  WEEKEND_HOLIDAY: 'heures week-end et jours fériés',
};

/** UN/ECE Recommendation 20 unit codes (BT-130). */
export const UNIT_HOUR = 'HUR';
export const UNIT_PIECE = 'C62';

export interface ReportForPricing {
  labour: { hours: string; labourType: LabourType; technicianName: string; workDate: string }[];
  travelCount: number;
  travelZone?: string | null;
  parts: {
    code: string;
    label: string;
    quantity: string;
    /** List price: the catalog's, or the customer's price list's. */
    unitPrice: string;
    vatRateCode: string;
    unit?: string;
    /** Why the list price when it is not the catalog's (default "Prix catalogue"). */
    priceReason?: string;
  }[];
}

/** How per-visit included lines' reasons start: what the yearly allowance's consumption leaves out. */
export const PER_VISIT_INCLUSION_REASON = 'Inclus par intervention';

export const INTERVENTION_TYPE_LABELS: Record<InterventionType, string> = {
  PREVENTIVE: 'préventive',
  CORRECTIVE: 'corrective',
  INSTALLATION: 'd’installation',
  INSPECTION: 'd’inspection',
};

export interface PricingInput {
  report: ReportForPricing;
  /** The intervention's type, for the contract's inclusions per type (none when absent). */
  interventionType?: InterventionType;
  /** The maintenance contract covering the intervention, or null. */
  contract: { reference: string; rateCard: RateCard } | null;
  /** List rates used without a contract. */
  listRates: RateCard;
  /** Why a list rate, when a customer price list set it (default: the catalog's). */
  listRateReasons?: ListRateReasons;
  /** Labour hours of the included allowance already consumed this contract year. */
  includedHoursConsumed?: string;
  /** VAT rate code for labour and travel (default TVA20). */
  serviceVatRateCode?: string;
}

export type PricedLineKind = 'LABOUR' | 'TRAVEL' | 'PART';

export interface PricedLine {
  kind: PricedLineKind;
  description: string;
  quantity: string;
  unit: string;
  /** Unit price HT before discount. */
  unitPrice: string;
  /** 0 to 100. */
  discountPercent: string;
  /** unitPrice less the discount, exact (may have more than 2 decimals). */
  netUnitPrice: string;
  vatRateCode: string;
  /** BT-131: quantity × net unit price, rounded to 2 decimals. */
  lineNet: string;
  /** Why this price. */
  reason: string;
  /** True when the contract covers the line (net 0.00); callers may leave such lines out. */
  coveredByContract: boolean;
  labourType?: LabourType;
  partCode?: string;
}

export interface PricingResult {
  lines: PricedLine[];
  notes: string[];
  /** Hours taken from the contract's included allowance by this intervention. */
  includedHoursUsed: string;
}

function line(
  fields: Omit<PricedLine, 'netUnitPrice' | 'lineNet' | 'coveredByContract' | 'discountPercent'> & { discountPercent?: string },
): PricedLine {
  const discountPercent = fields.discountPercent ?? '0';
  return {
    ...fields,
    discountPercent,
    netUnitPrice: netUnitPrice(fields.unitPrice, discountPercent).toString(),
    lineNet: lineNetAmount(fields.quantity, fields.unitPrice, discountPercent),
    coveredByContract: discountPercent === '100',
  };
}

const money = (d: MoneyValue) => d.toFixed(Math.max(2, d.decimalPlaces()));

export function priceIntervention(input: PricingInput): PricingResult {
  const { report, contract } = input;
  const card = contract?.rateCard ?? input.listRates;
  const serviceVat = input.serviceVatRateCode ?? 'TVA20';
  const lines: PricedLine[] = [];
  const notes: string[] = [];
  const rateSource = (type: LabourType) =>
    contract
      ? `Taux contractuel ${contract.reference} (${LABOUR_TYPE_LABELS[type]})`
      : (input.listRateReasons?.[type] ?? `Tarif catalogue (${LABOUR_TYPE_LABELS[type]})`);

  // Labour
  const hoursByType = new Map<LabourType, MoneyValue>();
  report.labour.forEach((entry, i) => {
    if (!LABOUR_TYPES.includes(entry.labourType))
      throw Errors.validation([{ field: `labour[${i}].labourType`, message: 'type de main-d’œuvre inconnu' }]);
    const hours = parseDecimal(entry.hours, `labour[${i}].hours`, 2);
    if (hours.lessThanOrEqualTo(0)) throw Errors.validation([{ field: `labour[${i}].hours`, message: 'durée positive attendue' }]);
    hoursByType.set(entry.labourType, (hoursByType.get(entry.labourType) ?? MONEY_ZERO).plus(hours));
    notes.push(`${entry.technicianName}, ${frenchDate(entry.workDate)} : ${formatFr(hours)} h (${LABOUR_TYPE_LABELS[entry.labourType]})`);
  });

  const visit = contract ? (card.visitInclusions ?? []).find((v) => v.interventionType === input.interventionType) : undefined;
  const visitLabel = visit ? `intervention ${INTERVENTION_TYPE_LABELS[visit.interventionType]}` : '';
  const perVisit = visit ? parseDecimal(visit.includedHours, 'rateCard.visitInclusions.includedHours', 2) : MONEY_ZERO;
  let visitRemaining = perVisit;
  const allowance = contract ? parseDecimal(card.includedLabourHoursPerYear, 'rateCard.includedLabourHoursPerYear', 2) : MONEY_ZERO;
  const consumed = contract ? parseDecimal(input.includedHoursConsumed ?? '0', 'includedHoursConsumed', 2) : MONEY_ZERO;
  let remaining = Money.max(MONEY_ZERO, allowance.minus(consumed));
  let used = MONEY_ZERO;

  for (const type of LABOUR_TYPES) {
    const hours = hoursByType.get(type);
    if (!hours) continue;
    const contractRate = contract ? card.labourRates[type] : undefined;
    const rate =
      contractRate != null
        ? parseDecimal(contractRate, `rateCard.labourRates.${type}`)
        : parseDecimal(input.listRates.labourRates[type] ?? '', `listRates.labourRates.${type}`);
    const source =
      contract && contractRate == null
        ? `${input.listRateReasons?.[type] ?? `Tarif catalogue (${LABOUR_TYPE_LABELS[type]})`}, le contrat ${contract.reference} n’ayant pas de taux pour ces heures`
        : rateSource(type);
    const label = `Main-d’œuvre ${LABOUR_TYPE_LABELS[type]}`;
    const coveredLine = (quantity: MoneyValue, description: string, reason: string) =>
      line({
        kind: 'LABOUR',
        labourType: type,
        description: `${label} ${description} — ${formatFr(quantity)} h`,
        quantity: quantity.toString(),
        unit: UNIT_HOUR,
        unitPrice: money(rate),
        discountPercent: '100',
        vatRateCode: serviceVat,
        reason,
      });
    const visitCovered = Money.min(hours, visitRemaining);
    if (visitCovered.greaterThan(0)) {
      lines.push(
        coveredLine(
          visitCovered,
          `incluse (${visitLabel})`,
          `${PER_VISIT_INCLUSION_REASON} ${INTERVENTION_TYPE_LABELS[visit!.interventionType]} au contrat ${contract!.reference} : ${formatFr(perVisit, 2)} h par intervention`,
        ),
      );
      visitRemaining = visitRemaining.minus(visitCovered);
    }
    const covered = Money.min(hours.minus(visitCovered), remaining);
    if (covered.greaterThan(0)) {
      lines.push(
        coveredLine(
          covered,
          'incluse au contrat',
          `Inclus au contrat ${contract!.reference} : ${formatFr(covered, 2)} h sur ${formatFr(remaining, 2)} h restantes (${formatFr(allowance, 2)} h/an)`,
        ),
      );
      remaining = remaining.minus(covered);
      used = used.plus(covered);
    }
    const billable = hours.minus(visitCovered).minus(covered);
    if (billable.greaterThan(0))
      lines.push(
        line({
          kind: 'LABOUR',
          labourType: type,
          description: `${label} — ${formatFr(billable)} h`,
          quantity: billable.toString(),
          unit: UNIT_HOUR,
          unitPrice: money(rate),
          vatRateCode: serviceVat,
          reason: visitCovered.plus(covered).greaterThan(0) ? `${source}, au-delà des heures incluses` : source,
        }),
      );
  }
  if (visit && (perVisit.greaterThan(0) || visit.travelIncluded))
    notes.push(
      `Inclus par intervention ${INTERVENTION_TYPE_LABELS[visit.interventionType]} au contrat ${contract!.reference} : ${formatFr(perVisit, 2)} h de main-d’œuvre${visit.travelIncluded ? ' et le déplacement' : ''}`,
    );
  if (contract && allowance.greaterThan(0))
    notes.push(
      `Heures incluses au contrat ${contract.reference} : ${formatFr(remaining, 2)} h restantes sur ${formatFr(allowance, 2)} h/an`,
    );

  // Travel
  const trips = report.travelCount;
  if (!Number.isInteger(trips) || trips < 0)
    throw Errors.validation([{ field: 'travelCount', message: 'nombre entier de déplacements attendu' }]);
  if (trips > 0) {
    let fee: MoneyValue;
    let description: string;
    let source: string;
    if (card.travelPricing === 'FLAT') {
      fee = parseDecimal(card.travelFlatFee, 'rateCard.travelFlatFee');
      description = 'Déplacement (forfait)';
      source = contract
        ? `Forfait déplacement du contrat ${contract.reference}`
        : (input.listRateReasons?.TRAVEL ?? 'Forfait déplacement catalogue');
    } else {
      const zone = card.travelZones.find((z) => z.code === report.travelZone);
      if (!zone)
        throw Errors.validation([
          {
            field: 'travelZone',
            message: report.travelZone ? `zone de déplacement inconnue : ${report.travelZone}` : 'zone de déplacement requise',
          },
        ]);
      fee = parseDecimal(zone.fee, 'rateCard.travelZones.fee');
      description = `Déplacement ${zone.label}`;
      source = contract ? `Tarif zone ${zone.code} du contrat ${contract.reference}` : `Tarif catalogue zone ${zone.code}`;
    }
    const included = Boolean(contract && card.travelIncluded);
    const includedPerVisit = Boolean(!included && visit?.travelIncluded);
    lines.push(
      line({
        kind: 'TRAVEL',
        description: trips > 1 ? `${description} × ${trips}` : description,
        quantity: String(trips),
        unit: UNIT_PIECE,
        unitPrice: money(fee),
        discountPercent: included || includedPerVisit ? '100' : '0',
        vatRateCode: serviceVat,
        reason: included
          ? `Déplacement inclus au contrat ${contract!.reference}`
          : includedPerVisit
            ? `${PER_VISIT_INCLUSION_REASON} ${INTERVENTION_TYPE_LABELS[visit!.interventionType]} au contrat ${contract!.reference} : déplacement inclus`
            : source,
      }),
    );
  }

  // Parts
  const partsIncluded = Boolean(contract && card.partsIncluded);
  const discount = contract ? parseDecimal(card.partsDiscountPercent, 'rateCard.partsDiscountPercent', 2) : MONEY_ZERO;
  if (discount.lessThan(0) || discount.greaterThan(100))
    throw Errors.validation([{ field: 'rateCard.partsDiscountPercent', message: 'remise de 0 à 100 %' }]);
  report.parts.forEach((part, i) => {
    const quantity = parseDecimal(part.quantity, `parts[${i}].quantity`);
    const unitPrice = parseDecimal(part.unitPrice, `parts[${i}].unitPrice`);
    if (quantity.isZero()) throw Errors.validation([{ field: `parts[${i}].quantity`, message: 'quantité non nulle attendue' }]);
    if (unitPrice.isNegative()) throw Errors.validation([{ field: `parts[${i}].unitPrice`, message: 'prix positif attendu' }]);
    const applied = partsIncluded ? new Money(100) : discount;
    const listReason = part.priceReason ?? CATALOG_PRICE_REASON;
    const reason = partsIncluded
      ? `Pièces incluses au contrat ${contract!.reference}`
      : applied.greaterThan(0)
        ? `${listReason}, remise contrat ${formatFr(applied)} % sur pièces (${contract!.reference})`
        : listReason;
    lines.push(
      line({
        kind: 'PART',
        partCode: part.code,
        description: `${part.label} (${part.code})`,
        quantity: quantity.toString(),
        unit: part.unit ?? UNIT_PIECE,
        unitPrice: money(unitPrice),
        discountPercent: applied.toString(),
        vatRateCode: part.vatRateCode,
        reason,
      }),
    );
  });

  return { lines, notes, includedHoursUsed: used.toFixed(2) };
}
