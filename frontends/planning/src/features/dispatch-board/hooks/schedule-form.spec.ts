import { describe, expect, it } from 'vitest';
import { durationChoices, firstFreeTime, slotOf, validateScheduleForm } from './schedule-form';

const day = { workDayStart: '08:00', workDayEnd: '17:00' };
// Paris is UTC+1 in December.
const job = (start: string, end: string) => ({
  scheduledStart: `2026-12-08T${start}:00+01:00`,
  scheduledEnd: `2026-12-08T${end}:00+01:00`,
});

describe('scheduling by the form', () => {
  it('turns a Paris day and time into the instants the API schedules, for the chosen duration', () => {
    expect(slotOf({ technicianId: 't1', date: '2026-12-08', time: '09:30', duration: '90' })).toEqual({
      start: '2026-12-08T08:30:00.000Z',
      end: '2026-12-08T10:00:00.000Z',
    });
    // Summer time: 14:00 in Paris is 12:00 UTC.
    expect(slotOf({ technicianId: 't1', date: '2026-07-01', time: '14:00', duration: '120' }).start).toBe('2026-07-01T12:00:00.000Z');
  });

  it('names each missing or malformed field, and accepts a complete form', () => {
    expect(validateScheduleForm({ technicianId: null, date: '', time: '', duration: '' })).toEqual({
      technicianId: 'required',
      date: 'required',
      time: 'required',
      duration: 'required',
    });
    expect(validateScheduleForm({ technicianId: 't1', date: '2026-13-01', time: '25:00', duration: '0' })).toEqual({
      date: 'invalid',
      time: 'invalid',
      duration: 'invalid',
    });
    expect(validateScheduleForm({ technicianId: 't1', date: '2026-12-08', time: '07:30', duration: '60' })).toEqual({});
  });

  it('offers the usual durations and the request’s own estimate, shortest first', () => {
    expect(durationChoices(120)).toEqual([30, 60, 90, 120, 180, 240, 360, 480]);
    expect(durationChoices(45)).toEqual([30, 45, 60, 90, 120, 180, 240, 360, 480]);
  });

  it('proposes the first free half hour of the technician’s day that fits the job', () => {
    expect(firstFreeTime([], '2026-12-08', day, 120)).toBe('08:00');
    expect(firstFreeTime([job('08:00', '10:00'), job('11:00', '12:00')], '2026-12-08', day, 60)).toBe('10:00');
    expect(firstFreeTime([job('08:00', '10:00'), job('11:00', '12:00')], '2026-12-08', day, 90)).toBe('12:00');
    // Jobs of other days do not count; a start at 8:15 rounds up to the next half hour.
    expect(firstFreeTime([job('08:00', '17:00')], '2026-12-09', { workDayStart: '08:15', workDayEnd: '17:00' }, 60)).toBe('08:30');
    // A full day: the start of the day, and the server warns about the overlap.
    expect(firstFreeTime([job('08:00', '17:00')], '2026-12-08', day, 60)).toBe('08:00');
  });
});
