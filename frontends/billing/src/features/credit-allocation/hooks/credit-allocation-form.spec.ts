import { describe, expect, it } from 'vitest';
import { amountPath, creditAllocationInputs, creditableInvoices, remainingSurplus, typedAmount } from './credit-allocation-form';

const invoice = (id: string, dueDate: string, openBalance: string, status = 'ISSUED') => ({
  id,
  number: `F-${id}`,
  status,
  issueDate: dueDate,
  dueDate,
  openBalance,
});

describe('moving a credit note’s surplus to other invoices', () => {
  it('offers the customer’s open invoices, oldest due first, never the one whose surplus it is', () => {
    const listed = creditableInvoices(
      [
        invoice('new', '2026-12-20', '300.00'),
        invoice('paid', '2026-10-01', '0.00', 'PAID'),
        invoice('credited', '2026-09-01', '-120.00', 'CREDITED'),
        invoice('draft', '2026-08-01', '50.00', 'DRAFT'),
        invoice('old', '2026-11-02', '120.00', 'OVERDUE'),
      ],
      'credited',
    );
    expect(listed.map((i) => i.id)).toEqual(['old', 'new']);
  });

  it('takes the amounts typed the French way, skips the empty ones, refuses what is not an amount', () => {
    const invoices = [invoice('a', '2026-11-01', '120.00'), invoice('b', '2026-11-02', '300.00')];
    expect(typedAmount('1 234,56')).toBe('1234.56');
    expect(creditAllocationInputs(invoices, { b: '80', a: '' })).toEqual([{ invoiceId: 'b', amount: '80' }]);
    expect(creditAllocationInputs(invoices, { a: '12,3,4' })).toBeNull();
  });

  it('says what is left of the surplus to the cent, negative beyond it', () => {
    const invoices = [invoice('a', '2026-11-01', '120.00'), invoice('b', '2026-11-02', '300.00')];
    expect(remainingSurplus('150.00', invoices, { a: '100,01' })).toBe('49.99');
    expect(remainingSurplus('150.00', invoices, { a: '100', b: '50,01' })).toBe('-0.01');
    expect(remainingSurplus('150.00', invoices, { a: 'x' })).toBeNull();
  });

  it('puts a refusal of one allocation on its invoice', () => {
    const sent = [
      { invoiceId: 'a', amount: '1' },
      { invoiceId: 'b', amount: '2' },
    ];
    expect(amountPath('allocations.1.amount', sent)).toBe('amounts.b');
    expect(amountPath('allocations', sent)).toBeNull();
  });
});
