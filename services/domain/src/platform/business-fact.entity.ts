import { defineEntity, p } from '@mikro-orm/core';

/** A fact other contexts react to (payment recorded, bank movement matched…), in the outbox of facts. */
export const BusinessFact = defineEntity({
  name: 'BusinessFact',
  tableName: 'business_facts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    // `seq` and `xact_id` are given by PostgreSQL (identity column, transaction id) and read by the consumers in
    // SQL, never through this entity: not mapped, so inserting a fact reads nothing back and travels with the next
    // statement of its flush (`flushInOneStatement`, db/session-begin.driver.ts).
    kind: p.string(),
    subjectType: p.string(),
    subjectId: p.uuid(),
    occurredOn: p.string().columnType('date'),
    payload: p.json<Record<string, unknown>>(),
    actorId: p.uuid().nullable(),
    recordedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type BusinessFact = InstanceType<typeof BusinessFact.class>;
