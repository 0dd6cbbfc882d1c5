import { describe, expect, it } from 'vitest';
import { canCreateCreditNote, creditNoteRefusal } from './credit-notes';

const invoice = {
  id: 'inv-1',
  number: 'F-2026-00042',
  status: 'ISSUED' as const,
  typeCode: '380' as const,
  totalGross: '300.00',
  creditedAmount: '0.00',
  writtenOffAmount: '0.00',
};

describe('credit notes on an invoice', () => {
  it('are offered on an issued invoice until it is wholly credited', () => {
    expect(creditNoteRefusal(invoice)).toBeNull();
    expect(canCreateCreditNote(invoice)).toBe(true);
    expect(canCreateCreditNote({ ...invoice, creditedAmount: '299.99' })).toBe(true);
    expect(canCreateCreditNote({ ...invoice, creditedAmount: '300.00' })).toBe(false);
  });

  it('are refused on a draft and on a credit note', () => {
    expect(creditNoteRefusal({ ...invoice, status: 'DRAFT' })).toMatchObject({ code: 'NOT_CREDITABLE' });
    expect(creditNoteRefusal({ ...invoice, typeCode: '381' })).toMatchObject({ code: 'NOT_CREDITABLE' });
    expect(canCreateCreditNote({ ...invoice, typeCode: '381' })).toBe(false);
  });

  it('are refused while a write-off stands, even a partial one: the write-off is cancelled first', () => {
    expect(creditNoteRefusal({ ...invoice, writtenOffAmount: '0.01' })).toMatchObject({
      code: 'INVOICE_WRITTEN_OFF',
      category: 'CONFLICT',
      details: { invoiceId: 'inv-1', invoiceNumber: 'F-2026-00042', writtenOffAmount: '0.01' },
    });
    expect(canCreateCreditNote({ ...invoice, writtenOffAmount: '240.00' })).toBe(false);
  });
});
