import { describe, expect, it } from 'vitest';
import { validateTechnician } from './technician.service';
import { DomainError } from '../shared/errors';

const THEO = { fullName: 'Théo Le Floch', workDayStart: '08:00', workDayEnd: '17:00', workDays: [1, 2, 3, 4, 5] };

function refused(technician: Parameters<typeof validateTechnician>[0]): { field: string; reason: string }[] {
  try {
    validateTechnician(technician);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    return (error.details.fields as { field: string; reason: string }[]).map(({ field, reason }) => ({ field, reason }));
  }
  return [];
}

describe('validateTechnician', () => {
  it('accepts known skills, hours in order and a cost rate in cents', () => {
    expect(refused({ ...THEO, skills: ['FLUIDES_CAT1', 'CVC'], costRate: '38.50' })).toEqual([]);
  });

  it('refuses an unknown or repeated skill', () => {
    expect(refused({ ...THEO, skills: ['CVC', 'PLOMBERIE'] })).toEqual([{ field: 'skills', reason: 'UNKNOWN_VALUE' }]);
    expect(refused({ ...THEO, skills: ['CVC', 'CVC'] })).toEqual([{ field: 'skills', reason: 'INVALID' }]);
  });

  it('refuses a day ending before it starts, no working day and a negative cost rate', () => {
    expect(refused({ ...THEO, workDayStart: '17:00', workDayEnd: '08:00', workDays: [], costRate: '-5' })).toEqual([
      { field: 'workDayEnd', reason: 'INVALID' },
      { field: 'workDays', reason: 'INVALID' },
      { field: 'costRate', reason: 'INVALID' },
    ]);
  });
});
