import { describe, expect, it } from 'vitest';
import { mappingFieldPath, mappingFormValues, mappingInput } from './ledger-mapping-form';

const mapping = {
  labourAccount: '706000',
  travelAccount: '708500',
  partsAccount: '707000',
  contractFeeAccount: '706100',
  otherRevenueAccount: '706000',
  allowanceAccount: '709000',
  chargeAccount: '708500',
  depositAccount: '419100',
  receivableAccount: '411000',
  retentionAccount: '411700',
  bankAccount: '512000',
  bankFeesAccount: '627000',
  internalTransferAccount: '580000',
  supplierAccount: '401000',
  suspenseAccount: '471000',
  deferredRevenueAccount: '487000',
  writeOffAccount: '654000',
  smallBalanceAccount: '658000',
  vatAccounts: [
    { rate: '20.00', account: '445711' },
    { rate: '5.50', account: '445713' },
  ],
  defaultVatAccount: '445710',
};

describe('the posting accounts form', () => {
  it('shows the rates as typed in French and sends them back as the API reads them', () => {
    const values = mappingFormValues(mapping);
    expect(values.vatAccounts).toEqual([
      { rate: '20', account: '445711' },
      { rate: '5,5', account: '445713' },
    ]);
    expect(mappingInput(values)).toEqual({
      ...mapping,
      vatAccounts: [
        { rate: '20', account: '445711' },
        { rate: '5.5', account: '445713' },
      ],
    });
    expect(mappingInput({ ...values, vatAccounts: [{ rate: '2,10', account: '445714' }] }).vatAccounts).toEqual([
      { rate: '2.10', account: '445714' },
    ]);
  });

  it('puts the fields the server refused on their inputs', () => {
    expect(mappingFieldPath('bankAccount')).toBe('bankAccount');
    expect(mappingFieldPath('vatAccounts.1.account')).toBe('vatAccounts.1.account');
    expect(mappingFieldPath('vatAccounts.0.rate')).toBe('vatAccounts.0.rate');
    expect(mappingFieldPath('expectedVersion')).toBeNull();
    expect(mappingFieldPath('vatAccounts')).toBeNull();
  });
});
