import { describe, expect, it } from 'vitest';
import { newTechnicianValues, technicianFormPath, technicianInput, technicianValuesFrom } from './technician-form';

describe('technician form', () => {
  it('sends the days in week order, the cost rate as an API decimal and empty contacts as null', () => {
    const values = { ...newTechnicianValues(), fullName: ' Inès Roux ', workDays: ['6', '1', '3'], costRate: '41,5', skills: ['GAZ'] };
    expect(technicianInput(values)).toEqual({
      fullName: 'Inès Roux',
      email: null,
      phone: null,
      skills: ['GAZ'],
      workDayStart: '08:00',
      workDayEnd: '17:00',
      workDays: [1, 3, 6],
      costRate: '41.5',
      active: true,
    });
  });

  it('shows a stored technician with a French cost rate, and an unknown one as empty', () => {
    const stored = {
      __typename: 'Technician' as const,
      id: 't',
      fullName: 'Théo',
      email: null,
      phone: '0601020304',
      skills: ['CVC'],
      color: '#228be6',
      workDayStart: '07:30',
      workDayEnd: '16:00',
      workDays: [1, 2],
      active: true,
      costRate: '38.50',
      version: 3,
    };
    expect(technicianValuesFrom(stored)).toMatchObject({ costRate: '38,50', workDays: ['1', '2'], email: '' });
    expect(technicianValuesFrom({ ...stored, costRate: null }).costRate).toBe('');
  });

  it('puts the refused fields on their inputs', () => {
    expect(technicianFormPath('workDayEnd')).toBe('workDayEnd');
    expect(technicianFormPath('userId')).toBeNull();
  });
});
