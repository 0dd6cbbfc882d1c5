import { defineEntity, p } from '@mikro-orm/core';

/** Written by the database trigger `audit_row_change` only; the application role can insert and read, never change. */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  readonly: true,
  properties: {
    id: p.bigint('string').primary(),
    tenantId: p.uuid(),
    at: p.datetime(),
    actorKind: p.string(),
    actorId: p.uuid().nullable(),
    requestId: p.string().nullable(),
    operation: p.string().nullable(),
    tableName: p.string(),
    rowId: p.string(),
    action: p.string(),
    changes: p.json<Record<string, unknown>>(),
  },
});
export type AuditEntry = InstanceType<typeof AuditEntry.class>;
