import { defineEntity, p } from '@mikro-orm/core';

/** A customer price list (tarif): unit prices for catalog items, replacing their sale prices for its customers. */
export const PriceList = defineEntity({
  name: 'PriceList',
  tableName: 'price_lists',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    name: p.string(),
    notes: p.text().nullable(),
    /** An inactive list stays assigned but prices nothing: its customers get the catalog prices. */
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type PriceList = InstanceType<typeof PriceList.class>;

export const PriceListItem = defineEntity({
  name: 'PriceListItem',
  tableName: 'price_list_items',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    priceListId: p.uuid(),
    catalogItemId: p.uuid(),
    unitPrice: p.decimal('string').precision(14).scale(4),
  },
});
export type PriceListItem = InstanceType<typeof PriceListItem.class>;

/** The price list assigned to a customer (at most one). */
export const CustomerPriceList = defineEntity({
  name: 'CustomerPriceList',
  tableName: 'customer_price_lists',
  properties: {
    tenantId: p.uuid(),
    customerId: p.uuid().primary(),
    priceListId: p.uuid(),
  },
});
export type CustomerPriceList = InstanceType<typeof CustomerPriceList.class>;
