import { describe, expect, it } from 'vitest';
import { allocationInputs, allocationPath, autoAllocate, remainingAfter, toggleLine, typedAmount } from './allocation-form';

const invoices = [
  { id: 'old', openBalance: '120.00' },
  { id: 'new', openBalance: '300.00' },
];

describe('allocating a payment to open invoices', () => {
  it('reads amounts typed the French way, refuses what is not one', () => {
    expect(typedAmount('1 234,56')).toBe('1234.56');
    expect(typedAmount('12')).toBe('12');
    expect(typedAmount('12,345')).toBeNull();
    expect(typedAmount('')).toBeNull();
  });

  it('fills the oldest invoices first and leaves the rest as credit', () => {
    expect(autoAllocate(invoices, '200.00')).toEqual({
      old: { selected: true, amount: '120,00' },
      new: { selected: true, amount: '80,00' },
    });
    const values = autoAllocate(invoices, '500.00');
    expect(values['new']).toEqual({ selected: true, amount: '300,00' });
    expect(remainingAfter('500.00', invoices, values)).toBe('80.00');
    expect(autoAllocate(invoices, '100')).toEqual({ old: { selected: true, amount: '100,00' } });
  });

  it('says what is left to the cent, negative when too much is allocated, unknown while an amount is unreadable', () => {
    const values = { old: { selected: true, amount: '120,00' }, new: { selected: true, amount: '0,01' } };
    expect(remainingAfter('120.00', invoices, values)).toBe('-0.01');
    expect(remainingAfter('120.01', invoices, values)).toBe('0.00');
    expect(remainingAfter('120.00', invoices, { ...values, new: { selected: false, amount: '' } })).toBe('0.00');
    expect(remainingAfter('120.00', invoices, { ...values, new: { selected: true, amount: 'abc' } })).toBeNull();
    expect(remainingAfter(null, invoices, values)).toBeNull();
  });

  it('offers what is left, up to the open balance, when an invoice is ticked', () => {
    expect(toggleLine(invoices[1]!, true, '1000.00', {})).toEqual({ new: { selected: true, amount: '300,00' } });
    expect(toggleLine(invoices[1]!, true, '0.00', {})).toEqual({ new: { selected: true, amount: '' } });
    expect(toggleLine(invoices[0]!, false, '50.00', { old: { selected: true, amount: '10' } })).toEqual({
      old: { selected: false, amount: '' },
    });
  });

  it('sends the ticked lines in the picker order and maps the server’s index back to the invoice', () => {
    const sent = allocationInputs(invoices, { new: { selected: true, amount: '50' }, old: { selected: true, amount: '1 000,5' } });
    expect(sent).toEqual([
      { invoiceId: 'old', amount: '1000.5' },
      { invoiceId: 'new', amount: '50' },
    ]);
    expect(allocationPath('allocations.1.amount', sent!)).toBe('allocations.new.amount');
    expect(allocationPath('allocations', sent!)).toBe('allocations');
    expect(allocationPath('amount', sent!)).toBeNull();
  });
});
