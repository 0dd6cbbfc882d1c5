import { describe, expect, it } from 'vitest';
import {
  assertCollectionDate,
  earliestCollectionDate,
  easterSunday,
  isTargetBusinessDay,
  latestCollectionDate,
  nextTargetBusinessDay,
  targetHolidays,
} from './collection-calendar';

const refusal = (collectionDate: string, today: string) => {
  try {
    assertCollectionDate(collectionDate, today);
    return null;
  } catch (error) {
    const e = error as { code: string; category: string; details: Record<string, unknown> };
    return { code: e.code, category: e.category, details: e.details };
  }
};

describe('TARGET2 calendar', () => {
  it('knows Easter', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('closes on weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December', () => {
    expect(targetHolidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26']);
    for (const closed of ['2026-12-05', '2026-12-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2027-01-01'])
      expect(isTargetBusinessDay(closed), closed).toBe(false);
    // French bank holidays that are TARGET business days: 8 May, 14 July, 15 August, 11 November, Ascension.
    for (const open of ['2026-05-08', '2026-07-14', '2025-08-15', '2026-11-11', '2026-05-14', '2026-12-07'])
      expect(isTargetBusinessDay(open), open).toBe(true);
  });

  it('finds the next business day across weekends and holidays', () => {
    expect(nextTargetBusinessDay('2026-12-04')).toBe('2026-12-07'); // Friday -> Monday
    expect(nextTargetBusinessDay('2026-12-24')).toBe('2026-12-28'); // Christmas, Boxing Day (Saturday), Sunday
    expect(nextTargetBusinessDay('2026-04-02')).toBe('2026-04-07'); // Good Friday to Easter Monday
    expect(nextTargetBusinessDay('2026-12-31')).toBe('2027-01-04');
  });
});

describe('the D-1 lead time of a CORE collection', () => {
  it('is one business day after the day the file reaches the bank', () => {
    expect(earliestCollectionDate('2026-12-07')).toBe('2026-12-08'); // Monday -> Tuesday
    expect(earliestCollectionDate('2026-12-04')).toBe('2026-12-07'); // Friday -> Monday
    expect(earliestCollectionDate('2026-12-05')).toBe('2026-12-08'); // Saturday: at the bank Monday -> Tuesday
    expect(earliestCollectionDate('2026-12-24')).toBe('2026-12-28');
    expect(earliestCollectionDate('2026-04-02')).toBe('2026-04-07');
    expect(latestCollectionDate('2026-12-07')).toBe('2028-02-07');
  });

  it('accepts the earliest business day and later ones', () => {
    expect(refusal('2026-12-08', '2026-12-07')).toBeNull();
    expect(refusal('2027-01-15', '2026-12-07')).toBeNull();
  });

  it('refuses too early, a closing day, too late, and a non-date, each with its code and the date to use', () => {
    expect(refusal('2026-12-07', '2026-12-07')).toEqual({
      code: 'COLLECTION_DATE_TOO_EARLY',
      category: 'BAD_USER_INPUT',
      details: { collectionDate: '2026-12-07', earliestCollectionDate: '2026-12-08' },
    });
    expect(refusal('2026-12-07', '2026-12-05')?.code).toBe('COLLECTION_DATE_TOO_EARLY');
    expect(refusal('2026-12-25', '2026-12-07')).toEqual({
      code: 'COLLECTION_DATE_NOT_BUSINESS_DAY',
      category: 'BAD_USER_INPUT',
      details: { collectionDate: '2026-12-25', nextBusinessDay: '2026-12-28' },
    });
    expect(refusal('2028-02-08', '2026-12-07')?.code).toBe('COLLECTION_DATE_TOO_LATE');
    expect(refusal('15/12/2026', '2026-12-07')?.code).toBe('VALIDATION_FAILED');
  });
});
