import { describe, expect, it } from 'vitest';
import { forecastCsv, monthKey, monthRows } from './dashboard-view';

describe('dashboard view', () => {
  const comparison = {
    __typename: 'YearComparison' as const,
    year: 2026,
    currentToDate: '150.00',
    previousToDate: '90.00',
    months: [
      { __typename: 'MonthComparison' as const, month: 1, current: '150.00', previous: '100.50' },
      { __typename: 'MonthComparison' as const, month: 2, current: null, previous: '-10.50' },
    ],
  };

  it('puts each month beside last year’s with the change in exact cents, none for the months to come', () => {
    expect(monthRows(comparison)).toEqual([
      { month: 1, current: '150.00', previous: '100.50', variation: '49.50' },
      { month: 2, current: null, previous: '-10.50', variation: null },
    ]);
    expect(monthKey(2026, 3)).toBe('2026-03');
  });

  it('exports the weeks of the forecast with decimal commas', () => {
    const csv = forecastCsv(
      [
        {
          __typename: 'CashForecastWeek',
          start: '2026-11-30',
          end: '2026-12-06',
          invoices: '1200.50',
          contracts: '0.00',
          directDebits: '300.00',
          total: '1500.50',
        },
      ],
      ['Semaine du', 'au', 'Factures', 'Contrats', 'Prélèvements', 'Total'],
    );
    expect(csv).toBe('\uFEFFSemaine du;au;Factures;Contrats;Prélèvements;Total\r\n2026-11-30;2026-12-06;1200,50;0,00;300,00;1500,50\r\n');
  });
});
