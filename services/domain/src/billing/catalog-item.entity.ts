import { defineEntity, p } from '@mikro-orm/core';

export const CATALOG_ITEM_KINDS = ['PART', 'SERVICE'] as const;

/** A part or a service the company sells; billing prices it (contract rate cards, price lists). */
export const CatalogItem = defineEntity({
  name: 'CatalogItem',
  tableName: 'catalog_items',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    code: p.string(),
    label: p.string(),
    kind: p.enum(CATALOG_ITEM_KINDS),
    unit: p.string().default('u'),
    purchaseCost: p.decimal('string').precision(12).scale(2).nullable(),
    salePrice: p.decimal('string').precision(12).scale(2),
    vatRateCode: p.string().default('TVA20'),
    trackedBySerial: p.boolean().default(false),
    active: p.boolean().default(true),
  },
});
export type CatalogItem = InstanceType<typeof CatalogItem.class>;
