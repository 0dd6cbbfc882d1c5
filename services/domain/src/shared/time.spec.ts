import { describe, expect, it } from 'vitest';
import { isLocalDate, localClock, localDate, localDayBounds } from './time';

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
  });
});

describe('local date strings', () => {
  it.each(['2026-11-23', '2028-02-29', '2026-12-31'])('accepts %s', (value) => expect(isLocalDate(value)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '23/11/2026', '2026-11-23T00:00', ''])('refuses %j', (value) =>
    expect(isLocalDate(value)).toBe(false),
  );
});
