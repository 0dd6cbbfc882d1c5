import type { RateCard } from '../maintenance/contract.rules';
import type { LabourType } from '../maintenance/intervention.rules';
import { LIST_RATE_CATALOG_CODES, listRateCard } from './invoice.rules';
import { formatFr, Money } from './money';

/**
 * List prices: what a catalog item costs a given customer before any contract. The catalog sale
 * price, unless the customer's (active) price list sets another one. The contract then applies on
 * top (its rate card for labour and travel, its parts discount on that price).
 */

export interface CatalogPriceItem {
  id: string;
  code: string;
  unit: string;
  salePrice: string;
}

/** A customer's price list as pricing needs it: its name and unit prices by catalog item id. */
export interface AppliedPriceList {
  name: string;
  prices: ReadonlyMap<string, string>;
}

export interface ListPrice {
  unitPrice: string;
  /** Why this price: "Prix catalogue", or the price list and the catalog price it replaces. */
  reason: string;
  fromPriceList: boolean;
}

export const CATALOG_PRICE_REASON = 'Prix catalogue';

const PER_UNIT: Record<string, string> = { h: '/h', kg: '/kg', m: '/m', m2: '/m²', l: '/l' };

const euros = (amount: string) => {
  const d = new Money(amount);
  return `${formatFr(d, Math.max(2, d.decimalPlaces()))} €`;
};

/** The list price of each catalog item (by id) for a customer with `priceList` (or none). */
export function listPrices(items: readonly CatalogPriceItem[], priceList: AppliedPriceList | null): Map<string, ListPrice> {
  return new Map(
    items.map((item): [string, ListPrice] => {
      const price = priceList?.prices.get(item.id);
      if (price === undefined) return [item.id, { unitPrice: item.salePrice, reason: CATALOG_PRICE_REASON, fromPriceList: false }];
      const per = PER_UNIT[item.unit.trim().toLowerCase()] ?? '';
      const catalog = new Money(price).equals(item.salePrice) ? ', identique au prix catalogue' : ` au lieu de ${euros(item.salePrice)}`;
      return [item.id, { unitPrice: price, reason: `Tarif « ${priceList!.name} » : ${euros(price)}${per}${catalog}`, fromPriceList: true }];
    }),
  );
}

export type ListRateReasons = Partial<Record<LabourType | 'TRAVEL', string>>;

/**
 * The list rate card (labour and travel without a contract) from the catalog's list-rate items
 * (LIST_RATE_CATALOG_CODES) at the customer's list prices, and why, for the rates a price list set.
 */
export function customerListRates(
  listRateItems: readonly CatalogPriceItem[],
  priceList: AppliedPriceList | null,
): { rates: RateCard; reasons: ListRateReasons } {
  const prices = listPrices(listRateItems, priceList);
  const rates = listRateCard(new Map(listRateItems.map((i) => [i.code, prices.get(i.id)!.unitPrice])));
  const reasons: ListRateReasons = {};
  const codes: [LabourType | 'TRAVEL', string][] = [
    ...(Object.entries(LIST_RATE_CATALOG_CODES.labour) as [LabourType, string][]),
    ['TRAVEL', LIST_RATE_CATALOG_CODES.travel],
  ];
  for (const [key, code] of codes) {
    const item = listRateItems.find((i) => i.code === code);
    const price = item && prices.get(item.id);
    if (price?.fromPriceList) reasons[key] = price.reason;
  }
  return { rates, reasons };
}
