import type { RateCard } from '../maintenance/contract.rules';
import type { LabourType } from '../maintenance/intervention.rules';
import { Errors } from '../shared/errors';
import { isLocalDate } from '../shared/time';

/**
 * Invoice rules where the issue is silent, decided here once:
 * - Payment terms (customer.paymentTermsKind / paymentTermsDays): NET n = issue date + n days;
 *   END_OF_MONTH n ("n jours fin de mois") = issue date + n days, then the last day of that month.
 * - Without a contract, interventions are priced at the list rates: the tenant's catalog SERVICE
 *   items with the codes in LIST_RATE_CATALOG_CODES when they exist, else DEFAULT_LIST_RATES.
 */

/** Default list rates (HT, EUR) when neither a contract nor the tenant's catalog sets them. */
export const DEFAULT_LIST_RATES: RateCard = {
  labourRates: { NORMAL: '65.00', OVERTIME: '81.25', NIGHT: '97.50', WEEKEND_HOLIDAY: '130.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '45.00',
  travelZones: [],
  partsDiscountPercent: '0',
  includedLabourHoursPerYear: '0',
  travelIncluded: false,
  partsIncluded: false,
};

/** Catalog SERVICE item codes whose sale price overrides a default list rate. */
export const LIST_RATE_CATALOG_CODES: { labour: Record<LabourType, string>; travel: string } = {
  labour: { NORMAL: 'MO-NORMAL', OVERTIME: 'MO-HS', NIGHT: 'MO-NUIT', WEEKEND_HOLIDAY: 'MO-WE' },
  travel: 'DEP-FORFAIT',
};

/** The list rate card from the catalog's sale prices (by code), defaults for what it lacks. */
export function listRateCard(catalogPrices: ReadonlyMap<string, string>): RateCard {
  const labour = LIST_RATE_CATALOG_CODES.labour;
  const rates = { ...DEFAULT_LIST_RATES.labourRates };
  for (const type of Object.keys(labour) as LabourType[]) {
    const price = catalogPrices.get(labour[type]);
    if (price !== undefined) rates[type] = price;
  }
  return {
    ...DEFAULT_LIST_RATES,
    labourRates: rates,
    travelFlatFee: catalogPrices.get(LIST_RATE_CATALOG_CODES.travel) ?? DEFAULT_LIST_RATES.travelFlatFee,
  };
}

export type PaymentTermsKind = 'NET' | 'END_OF_MONTH';

function parseDate(date: string): Date {
  if (!isLocalDate(date)) throw Errors.validation([{ field: 'issueDate', message: 'date AAAA-MM-JJ attendue' }]);
  return new Date(`${date}T00:00:00Z`);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Due date (YYYY-MM-DD) of an invoice issued on `issueDate` under the customer's payment terms. */
export function paymentDueDate(issueDate: string, terms: { kind: PaymentTermsKind; days: number }): string {
  if (!Number.isInteger(terms.days) || terms.days < 0 || terms.days > 60)
    throw Errors.validation([{ field: 'paymentTermsDays', message: 'de 0 à 60 jours' }]);
  const d = parseDate(issueDate);
  d.setUTCDate(d.getUTCDate() + terms.days);
  if (terms.kind === 'END_OF_MONTH') return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  return iso(d);
}

/** The contract year containing `date`: from the last anniversary of `startsOn` (29 February -> 28 in other years). */
export function contractYearStart(startsOn: string, date: string): string {
  const [sy, sm, sd] = startsOn.split('-').map(Number) as [number, number, number];
  const anniversary = (year: number) => {
    const last = new Date(Date.UTC(year, sm, 0)).getUTCDate();
    return iso(new Date(Date.UTC(year, sm - 1, Math.min(sd, last))));
  };
  const year = Number(date.slice(0, 4));
  if (date < startsOn) return startsOn;
  const thisYear = anniversary(year);
  return thisYear <= date ? (thisYear < startsOn ? startsOn : thisYear) : anniversary(Math.max(sy, year - 1));
}

/** UN/ECE Recommendation 20 code for a catalog unit (BT-130); C62 (one) when unknown. */
export function unitCode(unit: string): string {
  const codes: Record<string, string> = { kg: 'KGM', h: 'HUR', m: 'MTR', m2: 'MTK', l: 'LTR', u: 'C62', forfait: 'C62' };
  return codes[unit.trim().toLowerCase()] ?? 'C62';
}
