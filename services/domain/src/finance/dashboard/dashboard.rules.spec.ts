import { describe, expect, it } from 'vitest';
import {
  bucketForecast,
  compareYears,
  comparisonRanges,
  costOf,
  countBackDso,
  dsoPeriods,
  expectedDaysLate,
  expectedPayment,
  forecastWeeks,
  marginOf,
  sameDayLastYear,
  unbilledAge,
  weekIndex,
} from './dashboard.rules';

describe('compareYears', () => {
  it('puts each month beside the same month of the year before, nothing after the current month', () => {
    const comparison = compareYears(
      '2026-03-15',
      [
        { month: '2025-01', amount: '1000.00' },
        { month: '2025-03', amount: '250.5' },
        { month: '2025-12', amount: '99.99' },
        { month: '2026-01', amount: '1200.00' },
        { month: '2026-03', amount: '-40.00' },
      ],
      { current: '1160', previous: '1100.25' },
    );
    expect(comparison.year).toBe(2026);
    expect(comparison.months.slice(0, 4)).toEqual([
      { month: 1, current: '1200.00', previous: '1000.00' },
      { month: 2, current: '0.00', previous: '0.00' },
      { month: 3, current: '-40.00', previous: '250.50' },
      { month: 4, current: null, previous: '0.00' },
    ]);
    expect(comparison.months[11]).toEqual({ month: 12, current: null, previous: '99.99' });
    expect(comparison).toMatchObject({ currentToDate: '1160.00', previousToDate: '1100.25' });
  });

  it('sums by months, last year’s month split after the same day, this month up to the date', () => {
    const ranges = comparisonRanges('2026-03-15');
    expect(ranges).toHaveLength(16);
    expect(ranges.slice(0, 4)).toEqual([
      { from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-02-28' },
      { from: '2025-03-01', to: '2025-03-15' },
      { from: '2025-03-16', to: '2025-03-31' },
    ]);
    expect(ranges.slice(-2)).toEqual([
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-15' },
    ]);
    expect(comparisonRanges('2026-12-31')).toHaveLength(24);
    expect(comparisonRanges('2028-02-29').slice(1, 3)).toEqual([
      { from: '2027-02-01', to: '2027-02-28' },
      { from: '2027-03-01', to: '2027-03-31' },
    ]);
  });

  it('takes the same day a year earlier, 29 February becoming the 28th', () => {
    expect(sameDayLastYear('2026-12-06')).toBe('2025-12-06');
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
  });
});

describe('countBackDso', () => {
  it('walks back the periods: the current month’s days, whole months, then the share of the one that exhausts the receivables', () => {
    // 10 000 owed; 6 days of December billed 2 000, November 5 000, October (31 days) 6 000.
    // 6 + 30 + 31 × 3 000 / 6 000 = 51.5 days.
    const periods = [
      { days: 6, billed: '2000.00' },
      { days: 30, billed: '5000.00' },
      { days: 31, billed: '6000.00' },
    ];
    expect(countBackDso('10000.00', periods)).toBe('51.5');
  });

  it('counts a month that billed nothing (or only credit notes) for its days, and rounds half up to one decimal', () => {
    expect(
      countBackDso('1000.00', [
        { days: 10, billed: '0.00' },
        { days: 30, billed: '-200.00' },
        { days: 31, billed: '3000.00' },
      ]),
    ).toBe('50.3'); // 10 + 30 + 31 / 3 = 50.333…
    expect(countBackDso('100.00', [{ days: 30, billed: '800.00' }])).toBe('3.8'); // 3.75
  });

  it('is 0 without receivables and null when they exceed every sale looked at', () => {
    expect(countBackDso('0.00', [{ days: 30, billed: '100.00' }])).toBe('0.0');
    expect(countBackDso('-50.00', [{ days: 30, billed: '100.00' }])).toBe('0.0');
    expect(
      countBackDso('500.00', [
        { days: 30, billed: '100.00' },
        { days: 31, billed: '100.00' },
      ]),
    ).toBeNull();
    expect(countBackDso('500.00', [])).toBeNull();
  });

  it('exhausts exactly at a period boundary', () => {
    expect(
      countBackDso('3000.00', [
        { days: 6, billed: '1000.00' },
        { days: 30, billed: '2000.00' },
      ]),
    ).toBe('36.0');
  });
});

describe('dsoPeriods', () => {
  it('starts with the current month up to the date, then twelve months in all', () => {
    const periods = dsoPeriods('2026-03-06');
    expect(periods).toHaveLength(12);
    expect(periods.slice(0, 3)).toEqual([
      { from: '2026-03-01', to: '2026-03-06', days: 6 },
      { from: '2026-02-01', to: '2026-02-28', days: 28 },
      { from: '2026-01-01', to: '2026-01-31', days: 31 },
    ]);
    expect(periods[11]).toEqual({ from: '2025-04-01', to: '2025-04-30', days: 30 });
  });
});

describe('expected payment dates', () => {
  it('takes the median of the latest payments’ days late, the lower middle one when even', () => {
    expect(expectedDaysLate([12, 3, 40])).toBe(12);
    expect(expectedDaysLate([10, 20, 5, 30])).toBe(10);
  });

  it('bounds it to [0, 90] days and needs two paid invoices', () => {
    expect(expectedDaysLate([-10, -4, -2])).toBe(0);
    expect(expectedDaysLate([120, 150, 200])).toBe(90);
    expect(expectedDaysLate([25])).toBe(0);
    expect(expectedDaysLate([])).toBe(0);
  });

  it('expects what is already late today, never in the past', () => {
    expect(expectedPayment('2026-12-20', 15, '2026-12-06')).toEqual({ on: '2027-01-04', overdue: false });
    expect(expectedPayment('2026-11-10', 15, '2026-12-06')).toEqual({ on: '2026-12-06', overdue: true });
    expect(expectedPayment('2026-11-21', 15, '2026-12-06')).toEqual({ on: '2026-12-06', overdue: false });
    expect(expectedPayment('2026-11-20', 15, '2026-12-06')).toEqual({ on: '2026-12-06', overdue: true });
  });
});

describe('forecast weeks', () => {
  const weeks = forecastWeeks('2026-12-06'); // a Sunday

  it('are 13 weeks from the Monday of the date’s week, Monday to Sunday, across the new year', () => {
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(weeks[5]).toEqual({ start: '2027-01-04', end: '2027-01-10' });
    expect(weeks[12]).toEqual({ start: '2027-02-22', end: '2027-02-28' });
    expect(forecastWeeks('2026-11-30')[0]).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  });

  it('place a date in its week, or nowhere outside them', () => {
    expect(weekIndex(weeks, '2026-11-30')).toBe(0);
    expect(weekIndex(weeks, '2026-12-07')).toBe(1);
    expect(weekIndex(weeks, '2027-02-28')).toBe(12);
    expect(weekIndex(weeks, '2027-03-01')).toBe(-1);
    expect(weekIndex(weeks, '2026-11-29')).toBe(-1);
  });

  it('sum the items per week and source, leaving out those beyond the last week', () => {
    const totals = bucketForecast(weeks, [
      { source: 'INVOICE', expectedOn: '2026-12-06', amount: '120.00' },
      { source: 'INVOICE', expectedOn: '2026-12-01', amount: '0.10' },
      { source: 'DIRECT_DEBIT', expectedOn: '2026-12-02', amount: '300.00' },
      { source: 'CONTRACT', expectedOn: '2027-01-04', amount: '480.00' },
      { source: 'CONTRACT', expectedOn: '2027-03-01', amount: '999.00' },
    ]);
    expect(totals[0]).toEqual({
      start: '2026-11-30',
      end: '2026-12-06',
      invoices: '120.10',
      contracts: '0.00',
      directDebits: '300.00',
      total: '420.10',
    });
    expect(totals[5]).toMatchObject({ contracts: '480.00', total: '480.00' });
    expect(totals.reduce((n, w) => n + Number(w.total), 0)).toBeCloseTo(900.1, 2);
  });
});

describe('unbilledAge', () => {
  it.each([
    [0, 'D0_7'],
    [7, 'D0_7'],
    [8, 'D8_30'],
    [30, 'D8_30'],
    [31, 'D31_60'],
    [60, 'D31_60'],
    [61, 'D60_PLUS'],
  ])('%i days -> %s', (days, age) => {
    expect(unbilledAge(days)).toBe(age);
  });
});

describe('costOf and marginOf', () => {
  it('adds labour, parts and trips × the cost of a trip, each to the cent', () => {
    // 3.5 h × 38.40 + 1.25 h × 42.10 = 134.40 + 52.625; parts 2 × 7.20 + 0.5 × 19.805.
    expect(costOf({ labour: '187.0250', parts: '24.3025', trips: '2' }, '27.50')).toEqual({
      labour: '187.03',
      parts: '24.30',
      travel: '55.00',
      total: '266.33',
    });
    // A trip shared by three technicians.
    expect(costOf({ labour: '0', parts: '0', trips: '0.33333333' }, '30.00').travel).toBe('10.00');
  });

  it('leaves travel unknown when trips were made and no cost of a trip is set', () => {
    expect(costOf({ labour: '100', parts: '0', trips: '1' }, null)).toEqual({
      labour: '100.00',
      parts: '0.00',
      travel: null,
      total: '100.00',
    });
    expect(costOf({ labour: '100', parts: '0', trips: '0' }, null).travel).toBe('0.00');
  });

  it('computes the margin and its rate on revenue, null without revenue', () => {
    expect(marginOf('1000.00', '640.00')).toEqual({ margin: '360.00', rate: '36.0' });
    expect(marginOf('300.00', '412.35')).toEqual({ margin: '-112.35', rate: '-37.5' });
    expect(marginOf('3.00', '2.00')).toEqual({ margin: '1.00', rate: '33.3' });
    expect(marginOf('0.00', '55.00')).toEqual({ margin: '-55.00', rate: null });
    expect(marginOf('10000.00', '10000.04')).toEqual({ margin: '-0.04', rate: '0.0' });
  });
});
