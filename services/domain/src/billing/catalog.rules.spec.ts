import { describe, expect, it } from 'vitest';
import { validateCatalogItem, type CatalogItemInput } from './catalog.rules';
import { DomainError } from '../shared/errors';

const RATES = ['TVA20', 'TVA10', 'TVA55'];
const FILTER: CatalogItemInput = {
  code: 'FIL-G4-592',
  label: 'Filtre G4 592x592',
  kind: 'PART',
  unit: 'u',
  purchaseCost: '9.80',
  salePrice: '18.50',
  vatRateCode: 'TVA20',
};

function refused(patch: Partial<CatalogItemInput>): { field: string; reason: string }[] {
  try {
    validateCatalogItem(patch, RATES);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    return (error.details.fields as { field: string; reason: string }[]).map(({ field, reason }) => ({ field, reason }));
  }
  return [];
}

describe('validateCatalogItem', () => {
  it('accepts a complete item, a free item and an unknown purchase cost', () => {
    expect(refused(FILTER)).toEqual([]);
    expect(refused({ ...FILTER, salePrice: '0', purchaseCost: null })).toEqual([]);
  });

  it('refuses negative prices, more than cents and text for a price', () => {
    expect(refused({ ...FILTER, salePrice: '-1.00', purchaseCost: '2.345' })).toEqual([
      { field: 'purchaseCost', reason: 'TOO_MANY_DECIMALS' },
      { field: 'salePrice', reason: 'MUST_BE_POSITIVE' },
    ]);
    expect(refused({ salePrice: '18,50' })).toEqual([{ field: 'salePrice', reason: 'DECIMAL_EXPECTED' }]);
  });

  it('refuses a VAT rate the tenant does not have and an unknown kind', () => {
    expect(refused({ ...FILTER, vatRateCode: 'TVA33', kind: 'TOOL' })).toEqual([
      { field: 'kind', reason: 'UNKNOWN_VALUE' },
      { field: 'vatRateCode', reason: 'UNKNOWN_VALUE' },
    ]);
  });

  it('requires a code without spaces, a label and a unit', () => {
    expect(refused({ ...FILTER, code: ' ', label: '', unit: '' })).toEqual([
      { field: 'code', reason: 'REQUIRED' },
      { field: 'label', reason: 'REQUIRED' },
      { field: 'unit', reason: 'REQUIRED' },
    ]);
    expect(refused({ code: 'FIL G4' })).toEqual([{ field: 'code', reason: 'INVALID' }]);
    expect(refused({ code: 'X'.repeat(41) })).toEqual([{ field: 'code', reason: 'TOO_LONG' }]);
  });

  it('checks only the fields a patch gives', () => {
    expect(refused({ label: 'Filtre G4' })).toEqual([]);
  });
});
