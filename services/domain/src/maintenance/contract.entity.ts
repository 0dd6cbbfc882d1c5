import { defineEntity, p } from '@mikro-orm/core';
import type { RateCard, SlaTargets } from './contract.rules';

export const Contract = defineEntity({
  name: 'Contract',
  tableName: 'contracts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    reference: p.string(),
    title: p.string(),
    customerId: p.uuid(),
    startsOn: p.string().columnType('date'),
    endsOn: p.string().columnType('date'),
    tacitRenewal: p.boolean().default(true),
    noticeDays: p.integer().default(90),
    /** Last day the contract runs when terminated (résiliation à effet du…). */
    terminatedOn: p.string().columnType('date').nullable(),
    terminationNoticeOn: p.string().columnType('date').nullable(),
    terminationReason: p.text().nullable(),
    /** Length of each tacit renewal. */
    renewalTermMonths: p.integer().default(12),
    sla: p.json<SlaTargets>(),
    rateCard: p.json<RateCard>(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Contract = InstanceType<typeof Contract.class>;

export const ContractSite = defineEntity({
  name: 'ContractSite',
  tableName: 'contract_sites',
  properties: {
    tenantId: p.uuid(),
    contractId: p.uuid().primary(),
    siteId: p.uuid().primary(),
  },
});
export type ContractSite = InstanceType<typeof ContractSite.class>;

export const ContractAmendment = defineEntity({
  name: 'ContractAmendment',
  tableName: 'contract_amendments',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    contractId: p.uuid(),
    version: p.integer(),
    effectiveOn: p.string().columnType('date'),
    reason: p.string(),
    previousTerms: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ContractAmendment = InstanceType<typeof ContractAmendment.class>;

export const MaintenancePlan = defineEntity({
  name: 'MaintenancePlan',
  tableName: 'maintenance_plans',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    contractId: p.uuid(),
    equipmentCategory: p.string(),
    visitsPerYear: p.integer(),
    estimatedDurationMinutes: p.integer().default(120),
    requiredSkills: p.array().default([]),
  },
});
export type MaintenancePlan = InstanceType<typeof MaintenancePlan.class>;
