import { describe, expect, it } from 'vitest';
import { catalogFormPath, catalogInput, catalogValuesFrom, newCatalogValues } from './catalog-form';

describe('catalog form', () => {
  it('sends French decimals as API decimals and an empty purchase cost as unknown', () => {
    const values = { ...newCatalogValues('TVA20'), code: ' FIL-G4 ', label: 'Filtre G4 ', salePrice: '1 018,5', purchaseCost: ' ' };
    expect(catalogInput(values)).toEqual({
      code: 'FIL-G4',
      label: 'Filtre G4',
      kind: 'PART',
      unit: 'C62',
      purchaseCost: null,
      salePrice: '1018.5',
      vatRateCode: 'TVA20',
    });
  });

  it('shows the stored prices with cents and a comma', () => {
    const item = {
      __typename: 'CatalogItem' as const,
      id: 'i',
      code: 'C',
      label: 'L',
      kind: 'SERVICE',
      unit: 'HUR',
      purchaseCost: '9.8',
      salePrice: '65.00',
      vatRateCode: 'TVA10',
      active: true,
    };
    expect(catalogValuesFrom(item)).toMatchObject({ purchaseCost: '9,80', salePrice: '65,00', vatRateCode: 'TVA10' });
  });

  it('puts the refused fields on their inputs, and nothing else', () => {
    expect(catalogFormPath('salePrice')).toBe('salePrice');
    expect(catalogFormPath('trackedBySerial')).toBeNull();
  });
});
