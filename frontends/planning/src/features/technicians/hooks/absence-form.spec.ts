import { describe, expect, it } from 'vitest';
import { absenceDays, absenceFormPath, absenceInput, absencesWindow } from './absence-form';

describe('absence form', () => {
  it('sends whole Paris days, the last one included, across the change to summer time', () => {
    expect(absenceInput('t1', { from: '2026-03-28', to: '2026-03-29', reason: ' Congés payés ' })).toEqual({
      technicianId: 't1',
      startsAt: '2026-03-27T23:00:00.000Z',
      endsAt: '2026-03-29T22:00:00.000Z',
      reason: 'Congés payés',
    });
  });

  it('gives an absence ending at midnight its last day, and a part of a day its own day', () => {
    expect(absenceDays({ startsAt: '2026-11-23T23:00:00.000Z', endsAt: '2026-11-25T23:00:00.000Z' })).toEqual({
      first: '2026-11-24',
      last: '2026-11-25',
    });
    expect(absenceDays({ startsAt: '2026-11-24T08:00:00.000Z', endsAt: '2026-11-24T12:00:00.000Z' })).toEqual({
      first: '2026-11-24',
      last: '2026-11-24',
    });
  });

  it('lists from a month back to a year ahead', () => {
    expect(absencesWindow('2026-12-06')).toEqual({ from: '2026-11-05', to: '2027-12-07' });
  });

  it('puts the refused end under the last day', () => {
    expect(absenceFormPath('endsAt')).toBe('to');
    expect(absenceFormPath('startsAt')).toBe('from');
    expect(absenceFormPath('technicianId')).toBeNull();
  });
});
