import { describe, expect, it } from 'vitest';
import { ageingVariables, defaultAgeingFilters, nextTotalSort, sortAgeingRows } from './ageing-view';

describe('the balance âgée page', () => {
  it('asks for today by default, reads a minimum typed the French way, and asks nothing while a filter cannot be read', () => {
    const filters = defaultAgeingFilters('2026-12-07');
    expect(ageingVariables(filters)).toEqual({
      asOf: '2026-12-07',
      customerId: null,
      bucket: null,
      minimumAmount: null,
      overdueOnly: null,
    });
    expect(ageingVariables({ ...filters, minimumAmount: '1 000,50', overdueOnly: true, bucket: 'D31_60' })).toMatchObject({
      minimumAmount: '1000.50',
      overdueOnly: true,
      bucket: 'D31_60',
    });
    expect(ageingVariables({ ...filters, minimumAmount: 'mille' })).toBeNull();
    expect(ageingVariables({ ...filters, asOf: '' })).toBeNull();
  });

  it('sorts by total to the cent, equal totals in the server’s order, and back by name', () => {
    const rows = [
      { name: 'Alpha', total: '100.00' },
      { name: 'Bravo', total: '1000.01' },
      { name: 'Charlie', total: '-50.00' },
      { name: 'Delta', total: '100.00' },
    ];
    expect(sortAgeingRows(rows, 'totalDesc').map((r) => r.name)).toEqual(['Bravo', 'Alpha', 'Delta', 'Charlie']);
    expect(sortAgeingRows(rows, 'totalAsc').map((r) => r.name)).toEqual(['Charlie', 'Alpha', 'Delta', 'Bravo']);
    expect(sortAgeingRows(rows, 'name')).toEqual(rows);
    expect(nextTotalSort('name')).toBe('totalDesc');
    expect(nextTotalSort('totalDesc')).toBe('totalAsc');
  });
});
