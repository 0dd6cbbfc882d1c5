import { defineEntity, p } from '@mikro-orm/core';

export const EQUIPMENT_CATEGORIES = [
  'BOILER',
  'HEAT_PUMP',
  'AIR_CONDITIONING',
  'VENTILATION',
  'FIRE_EXTINGUISHER',
  'FIRE_ALARM_SYSTEM',
  'ELECTRICAL_PANEL',
  'OTHER',
] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];
export const EQUIPMENT_STATUSES = ['IN_SERVICE', 'OUT_OF_SERVICE', 'DECOMMISSIONED'] as const;

export const Equipment = defineEntity({
  name: 'Equipment',
  tableName: 'equipment',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    siteId: p.uuid(),
    customerId: p.uuid(),
    parentId: p.uuid().nullable(),
    contractId: p.uuid().nullable(),
    name: p.string(),
    category: p.enum(EQUIPMENT_CATEGORIES),
    brand: p.string().nullable(),
    model: p.string().nullable(),
    serialNumber: p.string().nullable(),
    refrigerantType: p.string().nullable(),
    refrigerantChargeKg: p.decimal('string').precision(8).scale(2).nullable(),
    installedOn: p.string().columnType('date').nullable(),
    warrantyEndsOn: p.string().columnType('date').nullable(),
    status: p.enum(EQUIPMENT_STATUSES).default('IN_SERVICE'),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Equipment = InstanceType<typeof Equipment.class>;
