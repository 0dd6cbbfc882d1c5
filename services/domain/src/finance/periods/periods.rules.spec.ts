import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/errors';
import {
  closingBlocker,
  fiscalYearState,
  lastDayOfMonth,
  monthStart,
  monthlyPeriods,
  periodContaining,
  periodKey,
  reopeningBlocker,
  validateFiscalYear,
  validateReopenReason,
} from './periods.rules';

const fieldsOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return ((error as DomainError).details.fields as { field: string; message: string }[]).map(({ field, message }) => ({
      field,
      message,
    }));
  }
  return [];
};

describe('fiscal years', () => {
  const previous = { startsOn: '2025-01-01', endsOn: '2025-12-31' };
  const today = '2026-03-10';

  it('accepts a calendar year after the previous one, and a first year of up to 24 months starting any month', () => {
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-01-01', endsOn: '2026-12-31' }, { previous, today }))).toEqual([]);
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2025-07-01', endsOn: '2027-06-30' }, { previous: null, today }))).toEqual([]);
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-01-01', endsOn: '2026-06-30' }, { previous, today }))).toEqual([]);
  });

  it('refuses more than 24 months, naming the end date', () => {
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2025-07-01', endsOn: '2027-07-31' }, { previous: null, today }))).toEqual([
      { field: 'endsOn', message: 'un exercice dure 24 mois au plus' },
    ]);
  });

  it('refuses a year that overlaps the previous one or leaves a gap after it', () => {
    const overlap = fieldsOf(() => validateFiscalYear({ startsOn: '2025-12-01', endsOn: '2026-11-30' }, { previous, today }));
    const gap = fieldsOf(() => validateFiscalYear({ startsOn: '2026-02-01', endsOn: '2027-01-31' }, { previous, today }));
    for (const problems of [overlap, gap])
      expect(problems).toEqual([
        { field: 'startsOn', message: 'l’exercice suit le précédent sans trou ni chevauchement : il commence le 01/01/2026' },
      ]);
  });

  it('refuses partial months, an end before the start, bad dates and a first year not yet started', () => {
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-01-15', endsOn: '2026-12-30' }, { previous, today }))).toEqual([
      { field: 'startsOn', message: 'un exercice commence le premier jour d’un mois' },
      { field: 'endsOn', message: 'un exercice finit le dernier jour d’un mois' },
      { field: 'startsOn', message: 'l’exercice suit le précédent sans trou ni chevauchement : il commence le 01/01/2026' },
    ]);
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-12-01', endsOn: '2026-01-31' }, { previous: null, today }))).toContainEqual({
      field: 'endsOn',
      message: 'après le début de l’exercice',
    });
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-02-30', endsOn: 'fin' }, { previous: null, today }))).toEqual([
      { field: 'startsOn', message: 'date AAAA-MM-JJ' },
      { field: 'endsOn', message: 'date AAAA-MM-JJ' },
    ]);
    expect(fieldsOf(() => validateFiscalYear({ startsOn: '2026-04-01', endsOn: '2027-03-31' }, { previous: null, today }))).toEqual([
      { field: 'startsOn', message: 'le premier exercice doit avoir commencé (rien ne peut être daté avant lui)' },
    ]);
  });

  it('splits a year into its months, February and leap years included', () => {
    const months = monthlyPeriods({ startsOn: '2027-07-01', endsOn: '2028-06-30' });
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ startsOn: '2027-07-01', endsOn: '2027-07-31' });
    expect(months[7]).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(months[11]).toEqual({ startsOn: '2028-06-01', endsOn: '2028-06-30' });
    expect(monthlyPeriods({ startsOn: '2025-07-01', endsOn: '2027-06-30' })).toHaveLength(24);
    expect(lastDayOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(monthStart('2026-01-20', -2)).toBe('2025-11-01');
    expect(monthStart('2026-11-05', 14)).toBe('2028-01-01');
  });

  it('finds the period of a date, or none outside every year', () => {
    const months = monthlyPeriods({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(periodContaining('2026-10-31', months)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-10-31' });
    expect(periodContaining('2026-11-01', months)).toEqual({ startsOn: '2026-11-01', endsOn: '2026-11-30' });
    expect(periodContaining('2025-12-31', months)).toBeNull();
    expect(periodContaining('2027-01-01', months)).toBeNull();
    expect(periodKey('2026-10-15')).toBe('2026-10');
  });
});

describe('closing and reopening, month by month in order', () => {
  const year = (closedThrough: number) =>
    monthlyPeriods({ startsOn: '2026-01-01', endsOn: '2026-12-31' }).map((m, i) => ({
      ...m,
      id: `p${i + 1}`,
      state: i < closedThrough ? ('CLOSED' as const) : ('OPEN' as const),
    }));
  const today = '2026-12-06';

  it('closes the first open month once it is over', () => {
    const periods = year(9);
    expect(closingBlocker(periods[9]!, periods, today)).toBeNull();
  });

  it('refuses to close a month while an earlier one is open, naming it', () => {
    const periods = year(8);
    expect(closingBlocker(periods[10]!, periods, today)).toMatchObject({
      code: 'PERIOD_NOT_IN_ORDER',
      details: { period: '2026-11', blockingPeriod: '2026-09' },
    });
  });

  it('refuses to close a month that is not over, or one already closed', () => {
    const periods = year(10);
    expect(closingBlocker(periods[11]!, periods, today)).toMatchObject({ code: 'PERIOD_NOT_ENDED', details: { endsOn: '2026-12-31' } });
    expect(closingBlocker(periods[10]!, periods, '2026-11-30')).toMatchObject({ code: 'PERIOD_NOT_ENDED' });
    expect(closingBlocker(periods[10]!, periods, '2026-12-01')).toBeNull();
    expect(closingBlocker(periods[3]!, periods, today)).toMatchObject({ code: 'PERIOD_ALREADY_CLOSED' });
  });

  it('reopens only the last closed month, and only a closed one', () => {
    const periods = year(10);
    expect(reopeningBlocker(periods[9]!, periods)).toBeNull();
    expect(reopeningBlocker(periods[8]!, periods)).toMatchObject({
      code: 'PERIOD_NOT_IN_ORDER',
      details: { period: '2026-09', blockingPeriod: '2026-10' },
    });
    expect(reopeningBlocker(periods[10]!, periods)).toMatchObject({ code: 'PERIOD_NOT_CLOSED' });
  });

  it('calls a fiscal year closed when all its months are (clôture d’exercice)', () => {
    expect(fiscalYearState(year(11))).toBe('OPEN');
    expect(fiscalYearState(year(12))).toBe('CLOSED');
    expect(fiscalYearState([])).toBe('OPEN');
  });

  it('wants a reason to reopen', () => {
    expect(validateReopenReason('  Facture oubliée  ')).toBe('Facture oubliée');
    expect(fieldsOf(() => validateReopenReason('   '))).toEqual([{ field: 'reason', message: 'motif obligatoire' }]);
    expect(fieldsOf(() => validateReopenReason('x'.repeat(501)))).toEqual([{ field: 'reason', message: 'au plus 500 caractères' }]);
  });
});
