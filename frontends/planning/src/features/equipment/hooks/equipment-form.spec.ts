import { describe, expect, it } from 'vitest';
import { equipmentFormPath, equipmentInput, newEquipmentValues } from './equipment-form';

describe('the equipment form', () => {
  it('sends French decimals as the API reads them, and empty fields as null', () => {
    const input = equipmentInput({
      ...newEquipmentValues('site-1'),
      name: ' PAC garage ',
      category: 'HEAT_PUMP',
      refrigerantType: 'R32',
      refrigerantChargeKg: '2,45',
      installedOn: '2024-05-02',
    });
    expect(input).toEqual({
      siteId: 'site-1',
      name: 'PAC garage',
      category: 'HEAT_PUMP',
      brand: null,
      model: null,
      serialNumber: null,
      refrigerantType: 'R32',
      refrigerantChargeKg: '2.45',
      installedOn: '2024-05-02',
      warrantyEndsOn: null,
      status: 'IN_SERVICE',
      contractId: null,
    });
  });

  it('puts each field the server refuses on its input', () => {
    expect(equipmentFormPath('refrigerantChargeKg')).toBe('refrigerantChargeKg');
    expect(equipmentFormPath('parentId')).toBeNull();
  });
});
