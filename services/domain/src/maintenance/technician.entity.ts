import { defineEntity, p } from '@mikro-orm/core';

export const Technician = defineEntity({
  name: 'Technician',
  tableName: 'technicians',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    userId: p.uuid().nullable(),
    fullName: p.string(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    skills: p.array().default([]),
    color: p.string().default('#228be6'),
    workDayStart: p.string().default('08:00'),
    workDayEnd: p.string().default('17:00'),
    workDays: p.array<number>((i) => Number(i)).default([1, 2, 3, 4, 5]),
    active: p.boolean().default(true),
    /** Loaded cost of one hour of work (salary, charges, vehicle, tools), HT; costs the labour in profitability. */
    costRate: p.decimal('string').precision(8).scale(2).nullable(),
    version: p.integer().version(),
  },
});
export type Technician = InstanceType<typeof Technician.class>;

export const TechnicianAbsence = defineEntity({
  name: 'TechnicianAbsence',
  tableName: 'technician_absences',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    technicianId: p.uuid(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    reason: p.string(),
  },
});
export type TechnicianAbsence = InstanceType<typeof TechnicianAbsence.class>;
