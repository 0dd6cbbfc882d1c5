import type { Path } from 'react-hook-form';
import { apiDecimal, editableDecimal } from '@relais/ui';
import type { TechnicianDetailFragment, TechnicianInput } from '../../../gql/graphql';

/** The skills a technician may hold (codes; the screens show their names). */
export const technicianSkills = ['CVC', 'ELEC_BR', 'FLUIDES_CAT1', 'GAZ', 'SSI'] as const;

/** ISO weekdays, Monday first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A technician as typed: hours "HH:MM", days as ISO weekday strings (checkboxes), the cost rate in French decimals. */
export interface TechnicianFormValues {
  fullName: string;
  email: string;
  phone: string;
  skills: string[];
  workDayStart: string;
  workDayEnd: string;
  workDays: string[];
  costRate: string;
  active: boolean;
}

export const newTechnicianValues = (): TechnicianFormValues => ({
  fullName: '',
  email: '',
  phone: '',
  skills: [],
  workDayStart: '08:00',
  workDayEnd: '17:00',
  workDays: ['1', '2', '3', '4', '5'],
  costRate: '',
  active: true,
});

export function technicianValuesFrom(technician: TechnicianDetailFragment): TechnicianFormValues {
  return {
    fullName: technician.fullName,
    email: technician.email ?? '',
    phone: technician.phone ?? '',
    skills: [...technician.skills],
    workDayStart: technician.workDayStart,
    workDayEnd: technician.workDayEnd,
    workDays: technician.workDays.map(String),
    costRate: technician.costRate ? editableDecimal(technician.costRate, 2) : '',
    active: technician.active,
  };
}

/** The technician for createTechnician / updateTechnician: days in week order, empty texts as null. */
export function technicianInput(values: TechnicianFormValues): TechnicianInput {
  const costRate = values.costRate.trim();
  return {
    fullName: values.fullName.trim(),
    email: values.email.trim() || null,
    phone: values.phone.trim() || null,
    skills: values.skills,
    workDayStart: values.workDayStart,
    workDayEnd: values.workDayEnd,
    workDays: values.workDays.map(Number).sort((a, b) => a - b),
    costRate: costRate ? apiDecimal(costRate) : null,
    active: values.active,
  };
}

const technicianFields = new Set<string>(Object.keys(newTechnicianValues()));

/** The input showing a field the server refused, if the form has one. */
export function technicianFormPath(field: string): Path<TechnicianFormValues> | null {
  return technicianFields.has(field) ? (field as Path<TechnicianFormValues>) : null;
}
