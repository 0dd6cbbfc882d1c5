import { describe, expect, it } from 'vitest';
import { billingTermsFieldsFrom, billingTermsFieldsInput, type BillingTermsVersionLike } from './contract-billing-terms';

const version: BillingTermsVersionLike = {
  rhythm: 'QUARTERLY',
  timing: 'ARREARS',
  anchorDate: '2026-01-15',
  paymentMethod: 'DIRECT_DEBIT',
  paymentTermsDays: 30,
  feeLines: [{ label: 'Redevance', amount: '1250.5', vatRateCode: 'TVA20', indexed: true, revenueAccount: '706100', siteId: 's1' }],
  indexation: {
    series: { id: 'syntec' },
    fixedPart: '0.15',
    variablePart: '0.85',
    baseIndexValue: '287.3',
    baseIndexPeriod: '2025-08-01',
    firstRevisionOn: '2027-01-01',
    coefficientFloor: '1',
    coefficientCap: null,
  },
};

describe('contract billing terms form', () => {
  it('shows a stored version as typed in French and gives it back as the API reads it', () => {
    const fields = billingTermsFieldsFrom(version, '2026-01-01', 'TVA20');
    expect(fields.feeLines[0]!.amount).toBe('1250,50');
    expect(fields.indexation.baseIndexPeriod).toBe('2025-08');
    expect(billingTermsFieldsInput(fields)).toEqual({
      rhythm: 'QUARTERLY',
      timing: 'ARREARS',
      anchorDate: '2026-01-15',
      paymentMethod: 'DIRECT_DEBIT',
      paymentTermsDays: 30,
      feeLines: [{ label: 'Redevance', amount: '1250.50', vatRateCode: 'TVA20', indexed: true, revenueAccount: '706100', siteId: 's1' }],
      indexation: {
        seriesId: 'syntec',
        fixedPart: '0.15',
        variablePart: '0.85',
        baseIndexValue: '287.3',
        baseIndexPeriod: '2025-08-01',
        firstRevisionOn: '2027-01-01',
        coefficientFloor: '1',
        coefficientCap: null,
      },
    });
  });

  it('starts empty terms monthly in advance by transfer, and sends empty optional fields as null', () => {
    const fields = billingTermsFieldsFrom(undefined, '2026-01-01', 'TVA10');
    expect(fields.feeLines).toEqual([{ label: '', amount: '', vatRateCode: 'TVA10', indexed: true, revenueAccount: '', siteId: null }]);
    const input = billingTermsFieldsInput({ ...fields, feeLines: [{ ...fields.feeLines[0]!, label: ' Entretien ', amount: '99,9' }] });
    expect(input).toMatchObject({
      rhythm: 'MONTHLY',
      timing: 'ADVANCE',
      paymentMethod: 'TRANSFER',
      anchorDate: null,
      paymentTermsDays: null,
      indexation: null,
    });
    expect(input.feeLines[0]).toEqual({
      label: 'Entretien',
      amount: '99.9',
      vatRateCode: 'TVA10',
      indexed: true,
      revenueAccount: null,
      siteId: null,
    });
  });

  it('keeps the anchor empty when it is the contract start', () => {
    expect(billingTermsFieldsFrom(version, '2026-01-15', 'TVA20').anchorDate).toBe('');
  });
});
