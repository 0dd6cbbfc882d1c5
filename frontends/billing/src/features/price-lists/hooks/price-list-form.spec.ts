import { describe, expect, it } from 'vitest';
import { newPriceListValues, priceListFormPath, priceListInput, priceListItemOf } from './price-list-form';

describe('price list form', () => {
  it('starts an added item at its catalog price and sends the typed prices as API decimals', () => {
    const item = priceListItemOf({ id: 'fil', code: 'FIL-G4', label: 'Filtre G4', salePrice: '18.50' });
    expect(item.unitPrice).toBe('18,50');
    const values = { ...newPriceListValues(), name: ' Grands comptes ', items: [{ ...item, unitPrice: '16,9' }] };
    expect(priceListInput(values)).toEqual({
      name: 'Grands comptes',
      notes: null,
      active: true,
      items: [{ catalogItemId: 'fil', unitPrice: '16.9' }],
    });
  });

  it('shows a refused price, or an unknown item, on the line’s price input', () => {
    expect(priceListFormPath('items.2.unitPrice')).toBe('items.2.unitPrice');
    expect(priceListFormPath('items.0.catalogItemId')).toBe('items.0.unitPrice');
    expect(priceListFormPath('name')).toBe('name');
    expect(priceListFormPath('version')).toBeNull();
  });
});
