import { describe, expect, it } from 'vitest';
import { paymentMethodInForce } from '../invoice-payment-method';
import { transferQrPayload, type TransferQrInput } from './payment-qr';

const invoice: TransferQrInput = {
  typeCode: '380',
  number: 'F-2026-00042',
  currency: 'EUR',
  amount: '443.88',
  directDebit: false,
  seller: { legalName: 'Clim’Ouest Maintenance SAS', iban: 'FR7630004008230001012345669', bic: 'BNPAFRPP' },
};

describe('transfer QR code on invoices', () => {
  it('shows on an issued invoice or deposit invoice paid by transfer, for what is left to pay', () => {
    expect(transferQrPayload(invoice)).toBe(
      'BCD\n002\n1\nSCT\nBNPAFRPP\nClim’Ouest Maintenance SAS\nFR7630004008230001012345669\nEUR443.88\n\n\nF-2026-00042',
    );
    expect(transferQrPayload({ ...invoice, typeCode: '386', number: 'F-2026-00043' })).toContain('\nF-2026-00043');
  });

  it('never on a credit note, a draft, a paid invoice, a direct debit, another currency or without IBAN', () => {
    expect(transferQrPayload({ ...invoice, typeCode: '381' })).toBeNull();
    expect(transferQrPayload({ ...invoice, number: null })).toBeNull();
    expect(transferQrPayload({ ...invoice, amount: '0.00' })).toBeNull();
    expect(transferQrPayload({ ...invoice, amount: '-12.00' })).toBeNull();
    expect(transferQrPayload({ ...invoice, directDebit: true })).toBeNull();
    expect(transferQrPayload({ ...invoice, currency: 'CHF' })).toBeNull();
    expect(transferQrPayload({ ...invoice, seller: { ...invoice.seller, iban: null } })).toBeNull();
  });

  it('a wrong IBAN in the settings loses the QR code, a wrong BIC is left out: the invoice still renders', () => {
    expect(transferQrPayload({ ...invoice, seller: { ...invoice.seller, iban: 'FR7630004008230001012345660' } })).toBeNull();
    expect(transferQrPayload({ ...invoice, seller: { ...invoice.seller, bic: 'BNP' } })?.split('\n')[4]).toBe('');
  });
});

describe('payment method of a contract invoice', () => {
  const versions = [
    { effectiveOn: '2026-07-01', paymentMethod: 'DIRECT_DEBIT' as const },
    { effectiveOn: '2026-01-01', paymentMethod: 'TRANSFER' as const },
  ];

  it('is that of the billing terms in force on the issue date', () => {
    expect(paymentMethodInForce(versions, '2026-06-30')).toBe('TRANSFER');
    expect(paymentMethodInForce(versions, '2026-07-01')).toBe('DIRECT_DEBIT');
    // Before the first version: the first one; no terms: transfer.
    expect(paymentMethodInForce(versions, '2025-12-01')).toBe('TRANSFER');
    expect(paymentMethodInForce([], '2026-07-01')).toBe('TRANSFER');
  });
});
