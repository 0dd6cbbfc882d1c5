import { describe, expect, it } from 'vitest';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { TZDate } from '@date-fns/tz';
import { daysFrom, isLocalDate, localClock, localDate, localDayBounds, plusDays, plusMonths } from './time';

describe('local days in Europe/Paris', () => {
  it('bounds an ordinary winter day from 23:00 UTC to 23:00 UTC (24 h)', () => {
    const { from, to } = localDayBounds('2026-11-23');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-11-22T23:00:00.000Z', '2026-11-23T23:00:00.000Z']);
  });

  it('bounds a summer day from 22:00 UTC to 22:00 UTC', () => {
    const { from, to } = localDayBounds('2026-07-14');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-07-13T22:00:00.000Z', '2026-07-14T22:00:00.000Z']);
  });

  it('gives the spring-forward Sunday 23 hours', () => {
    const { from, to } = localDayBounds('2026-03-29');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect((to.getTime() - from.getTime()) / 3600_000).toBe(23);
  });

  it('gives the fall-back Sunday 25 hours', () => {
    const { from, to } = localDayBounds('2026-10-25');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect((to.getTime() - from.getTime()) / 3600_000).toBe(25);
  });

  it('chains days without gap or overlap across a month end and a DST change', () => {
    for (const [day, next] of [
      ['2026-10-24', '2026-10-25'],
      ['2026-10-25', '2026-10-26'],
      ['2026-03-31', '2026-04-01'],
      ['2026-12-31', '2027-01-01'],
    ] as const) {
      expect(localDayBounds(day).to.getTime()).toBe(localDayBounds(next).from.getTime());
    }
  });

  it('uses the time zone it is given', () => {
    expect(localDayBounds('2026-11-23', 'UTC').from.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(localDayBounds('2026-11-23', 'America/New_York').from.toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });
});

describe('local date and clock', () => {
  it('puts a late-evening UTC instant on the next Paris day', () => {
    expect(localDate(new Date('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-24');
    expect(localDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
  });

  it('reads the wall clock and ISO weekday in Paris', () => {
    expect(localClock(new Date('2026-11-23T07:00:00Z'))).toEqual({ time: '08:00', isoWeekday: 1, date: '2026-11-23' });
    expect(localClock(new Date('2026-03-29T01:30:00Z'))).toEqual({ time: '03:30', isoWeekday: 7, date: '2026-03-29' });
    expect(localClock(new Date('2026-11-29T22:30:00Z'))).toEqual({ time: '23:30', isoWeekday: 7, date: '2026-11-29' });
    // The hour from 2:00 to 3:00 comes twice when summer time ends: once at +02:00, once at +01:00.
    expect(localClock(new Date('2026-10-25T00:30:00Z'))).toEqual({ time: '02:30', isoWeekday: 7, date: '2026-10-25' });
    expect(localClock(new Date('2026-10-25T01:30:00Z'))).toEqual({ time: '02:30', isoWeekday: 7, date: '2026-10-25' });
  });

  /** What date-fns says, asked afresh for each instant: what the kept offsets must agree with. */
  const zoned = (instant: Date, timezone: string) => {
    const z = new TZDate(instant, timezone);
    return { time: format(z, 'HH:mm'), isoWeekday: Number(format(z, 'i')), date: format(z, 'yyyy-MM-dd') };
  };

  it.each([
    // Both 2026 changes in Paris, minute by minute, each side of them asked first in turn.
    ['Europe/Paris', '2026-03-29T00:00:00Z', 1],
    ['Europe/Paris', '2026-10-25T02:00:00Z', -1],
    // A zone half an hour off the hour, and Paris leaving its local mean time (9 min 21 s) in 1911, off any quarter hour.
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', 1],
    ['Australia/Adelaide', '2026-04-04T17:00:00Z', 1],
    ['Europe/Paris', '1911-03-10T23:50:00Z', 1],
  ] as const)('agrees with date-fns in %s around %s, minute by minute', (timezone, around, step) => {
    for (let minute = -120; minute <= 120; minute += 1) {
      const instant = new Date(new Date(around).getTime() + step * minute * 60_000 + 39_000);
      expect([instant.toISOString(), localClock(instant, timezone)]).toEqual([instant.toISOString(), zoned(instant, timezone)]);
      expect(localDate(instant, timezone)).toBe(zoned(instant, timezone).date);
    }
  });

  it('reads dates beyond the year 9999 as date-fns does', () => {
    const far = new Date('+010000-06-01T12:00:00Z');
    expect(localClock(far)).toEqual(zoned(far, 'Europe/Paris'));
  });
});

describe('local date strings', () => {
  it.each(['2026-11-23', '2028-02-29', '2026-12-31'])('accepts %s', (value) => expect(isLocalDate(value)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '23/11/2026', '2026-11-23T00:00', ''])('refuses %j', (value) =>
    expect(isLocalDate(value)).toBe(false),
  );
});

describe('calendar arithmetic on date strings', () => {
  it('moves days across month and year ends, leap days and daylight saving changes', () => {
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(plusDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(plusDays('2026-12-06', -365)).toBe('2025-12-06');
    expect(daysFrom('2026-10-01', '2027-09-30')).toBe(364);
    expect(daysFrom('2026-06-17', '2026-06-10')).toBe(-7);
  });

  it('moves months to the same day, or the last day of a shorter month', () => {
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(plusMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(plusMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(plusMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(plusMonths('2026-02-15', -14)).toBe('2024-12-15');
  });

  it('counts days from 1970-01-01 as the UTC clock does, over four centuries', () => {
    for (let ms = Date.UTC(1800, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += 11 * 86_400_000 + 3_600_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      expect(plusDays('1970-01-01', daysFrom('1970-01-01', date))).toBe(date);
      expect(daysFrom('1970-01-01', date)).toBe(Math.floor(ms / 86_400_000));
    }
  });

  it('agrees with date-fns on local midnights, day after day over four years', () => {
    const iso = (d: Date) => format(d, 'yyyy-MM-dd');
    for (let day = parseISO('2025-01-01'), i = 0; i < 4 * 366; day = addDays(day, 1), i += 1) {
      const date = iso(day);
      for (const n of [-400, -31, -1, 1, 29, 366]) expect(plusDays(date, n)).toBe(iso(addDays(day, n)));
      for (const n of [-13, -1, 1, 3, 12]) expect(plusMonths(date, n)).toBe(iso(addMonths(day, n)));
      expect(daysFrom('2026-06-17', date)).toBe(differenceInCalendarDays(day, parseISO('2026-06-17')));
    }
  });
});
