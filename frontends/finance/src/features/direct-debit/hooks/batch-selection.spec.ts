import { describe, expect, it } from 'vitest';
import { batchSelection } from './batch-selection';

const candidates = [
  { invoice: { id: 'a' }, amount: '1234.56' },
  { invoice: { id: 'b' }, amount: '0.10' },
  { invoice: { id: 'c' }, amount: '0.20' },
];

describe('the invoices a new batch takes', () => {
  it('counts and totals the ticked candidates to the cent', () => {
    expect(batchSelection(candidates, () => false)).toEqual({ invoiceIds: ['a', 'b', 'c'], count: 3, amount: '1234.86' });
    expect(batchSelection(candidates, (id) => id === 'a')).toEqual({ invoiceIds: ['b', 'c'], count: 2, amount: '0.30' });
  });

  it('is empty when every candidate is left out', () => {
    expect(batchSelection(candidates, () => true)).toEqual({ invoiceIds: [], count: 0, amount: '0.00' });
  });
});
