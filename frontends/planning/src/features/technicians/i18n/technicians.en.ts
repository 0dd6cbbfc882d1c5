import type { TranslationShape } from '@relais/ui';
import type { techniciansFr } from './technicians.fr';

export const techniciansEn: TranslationShape<typeof techniciansFr> = {
  title: 'Technicians',
  subtitle: 'Each technician’s loaded hourly cost is used to compute the profitability of contracts, customers and sites.',
  empty: 'No technician.',
  column: {
    name: 'Technician',
    skills: 'Certifications',
    hours: 'Working hours',
    costRate: 'Loaded hourly cost',
    state: 'State',
  },
  inactive: 'Inactive',
  notSet: 'Not set',
  perHour: '{{amount}} / h',
  change: 'Edit',
  edit: 'Edit the hourly cost of {{name}}',
  modal: {
    title: 'Hourly cost of {{name}}',
    label: 'Loaded hourly cost (net)',
    hint: 'Salary and charges, vehicle, tools, per hour worked. Leave empty when unknown.',
    invalid: 'An amount is expected, e.g. 38.50',
    save: 'Save',
    cancel: 'Cancel',
  },
  saved: 'Hourly cost of {{name}} saved.',
};
