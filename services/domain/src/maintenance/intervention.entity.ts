import { defineEntity, p } from '@mikro-orm/core';
import { INTERVENTION_PRIORITIES, INTERVENTION_STATUSES, INTERVENTION_TYPES, LABOUR_TYPES } from './intervention.rules';

export const Intervention = defineEntity({
  name: 'Intervention',
  tableName: 'interventions',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    number: p.string(),
    type: p.enum(INTERVENTION_TYPES),
    priority: p.enum(INTERVENTION_PRIORITIES),
    status: p.enum(INTERVENTION_STATUSES),
    title: p.string(),
    description: p.text().nullable(),
    customerId: p.uuid(),
    siteId: p.uuid(),
    equipmentId: p.uuid().nullable(),
    contractId: p.uuid().nullable(),
    requiredSkills: p.array().default([]),
    estimatedDurationMinutes: p.integer().default(120),
    source: p.string().default('PLANNER'),
    /** Who asked, for a request from the customer portal: the contact's name (docs/portal.md). */
    requestedBy: p.string().nullable(),
    planKey: p.string().nullable(),
    requestedAt: p.datetime().onCreate(() => new Date()),
    dueBy: p.datetime().nullable(),
    scheduledStart: p.datetime().nullable(),
    scheduledEnd: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    cancelReason: p.string().nullable(),
    travelCount: p.integer().default(0),
    travelZone: p.string().nullable(),
    observations: p.text().nullable(),
    signerName: p.string().nullable(),
    signatureDataUrl: p.text().nullable().lazy(),
    signedAt: p.datetime().nullable(),
    /** What the customer wrote beside the signature (« sous réserve de… »); such a job is closed one by one. */
    customerReservations: p.text().nullable(),
    version: p.integer().version(),
  },
});
export type Intervention = InstanceType<typeof Intervention.class>;

export const InterventionTechnician = defineEntity({
  name: 'InterventionTechnician',
  tableName: 'intervention_technicians',
  properties: {
    tenantId: p.uuid(),
    interventionId: p.uuid().primary(),
    technicianId: p.uuid().primary(),
  },
});
export type InterventionTechnician = InstanceType<typeof InterventionTechnician.class>;

export const LabourEntry = defineEntity({
  name: 'LabourEntry',
  tableName: 'intervention_labour',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    interventionId: p.uuid(),
    technicianId: p.uuid(),
    workDate: p.string().columnType('date'),
    hours: p.decimal('string').precision(5).scale(2),
    labourType: p.enum(LABOUR_TYPES),
    position: p.integer().default(0),
  },
});
export type LabourEntry = InstanceType<typeof LabourEntry.class>;

export const PartUsed = defineEntity({
  name: 'PartUsed',
  tableName: 'intervention_parts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    interventionId: p.uuid(),
    catalogItemId: p.uuid(),
    quantity: p.decimal('string').precision(10).scale(2),
    serialNumber: p.string().nullable(),
    position: p.integer().default(0),
  },
});
export type PartUsed = InstanceType<typeof PartUsed.class>;

export const InterventionPhoto = defineEntity({
  name: 'InterventionPhoto',
  tableName: 'intervention_photos',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    interventionId: p.uuid(),
    caption: p.string().nullable(),
    dataUrl: p.text(),
    /** REPORT: taken by the technician (replaced with the report); REQUEST: sent with the request from the portal. */
    kind: p.enum(['REPORT', 'REQUEST'] as const).default('REPORT'),
    position: p.integer().default(0),
  },
});
export type InterventionPhoto = InstanceType<typeof InterventionPhoto.class>;
