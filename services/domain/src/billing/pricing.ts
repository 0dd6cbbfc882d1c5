import { Errors } from '../shared/errors';
import type { RateCard } from '../maintenance/contract.rules';
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

export interface PricingInput {
  report: ReportForPricing;
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

  const allowance = contract ? parseDecimal(card.includedLabourHoursPerYear, 'rateCard.includedLabourHoursPerYear', 2) : MONEY_ZERO;
  const consumed = contract ? parseDecimal(input.includedHoursConsumed ?? '0', 'includedHoursConsumed', 2) : MONEY_ZERO;
  let remaining = Money.max(MONEY_ZERO, allowance.minus(consumed));
  let used = MONEY_ZERO;

  for (const type of LABOUR_TYPES) {
    const hours = hoursByType.get(type);
    if (!hours) continue;
    const rate = parseDecimal(card.labourRates[type], `rateCard.labourRates.${type}`);
    const label = `Main-d’œuvre ${LABOUR_TYPE_LABELS[type]}`;
    const covered = Money.min(hours, remaining);
    if (covered.greaterThan(0)) {
      lines.push(
        line({
          kind: 'LABOUR',
          labourType: type,
          description: `${label} incluse au contrat — ${formatFr(covered)} h`,
          quantity: covered.toString(),
          unit: UNIT_HOUR,
          unitPrice: money(rate),
          discountPercent: '100',
          vatRateCode: serviceVat,
          reason: `Inclus au contrat ${contract!.reference} : ${formatFr(covered, 2)} h sur ${formatFr(remaining, 2)} h restantes (${formatFr(allowance, 2)} h/an)`,
        }),
      );
      remaining = remaining.minus(covered);
      used = used.plus(covered);
    }
    const billable = hours.minus(covered);
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
          reason: covered.greaterThan(0) ? `${rateSource(type)}, au-delà des heures incluses` : rateSource(type),
        }),
      );
  }
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
    lines.push(
      line({
        kind: 'TRAVEL',
        description: trips > 1 ? `${description} × ${trips}` : description,
        quantity: String(trips),
        unit: UNIT_PIECE,
        unitPrice: money(fee),
        discountPercent: included ? '100' : '0',
        vatRateCode: serviceVat,
        reason: included ? `Déplacement inclus au contrat ${contract!.reference}` : source,
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
