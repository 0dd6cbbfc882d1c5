import { describe, expect, it } from 'vitest';
import { attentionOf } from './attention';

describe('what needs attention', () => {
  it('counts quotes to decide, invoices to pay with their total to the cent, and open requests', () => {
    const attention = attentionOf({
      portalQuotes: [
        { id: 'q1', status: 'SENT', canDecide: true, totalInclTax: '120.00' },
        { id: 'q2', status: 'SENT', canDecide: false, totalInclTax: '80.00' },
        { id: 'q3', status: 'ACCEPTED', canDecide: false, totalInclTax: '80.00' },
      ],
      portalInvoices: [
        { id: 'i1', kind: 'INVOICE', status: 'TO_PAY', amountDue: '1234.56' },
        { id: 'i2', kind: 'INVOICE', status: 'OVERDUE', amountDue: '0.10' },
        { id: 'i3', kind: 'INVOICE', status: 'PARTIALLY_PAID', amountDue: '0.20' },
        { id: 'i4', kind: 'INVOICE', status: 'PAID', amountDue: '0.00' },
        { id: 'c1', kind: 'CREDIT_NOTE', status: 'REFUND_DUE', amountDue: '50.00' },
      ],
      portalRequests: [
        { id: 'r1', status: 'RECEIVED' },
        { id: 'r2', status: 'SCHEDULED' },
        { id: 'r3', status: 'IN_PROGRESS' },
        { id: 'r4', status: 'DONE' },
        { id: 'r5', status: 'CANCELLED' },
      ],
    });
    expect(attention).toEqual({ quotesToDecide: 1, invoicesToPay: 3, totalDue: '1234.86', openRequests: 3 });
  });

  it('answers zero everywhere for a customer with nothing pending', () => {
    expect(attentionOf({ portalQuotes: [], portalInvoices: [], portalRequests: [] })).toEqual({
      quotesToDecide: 0,
      invoicesToPay: 0,
      totalDue: '0.00',
      openRequests: 0,
    });
  });
});
