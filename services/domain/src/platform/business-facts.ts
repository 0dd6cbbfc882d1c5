import type { EntityManager } from '@mikro-orm/postgresql';
import { actorId, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { BusinessFact } from './business-fact.entity';

export type FactKind =
  | 'payment.recorded'
  | 'payment.allocated'
  | 'payment.reversed'
  | 'payment.refunded'
  | 'credit.allocated'
  | 'reminder.sent'
  | 'direct_debit.submitted'
  | 'direct_debit.returned'
  | 'direct_debit.cancelled'
  | 'bank_movement.matched'
  | 'bank_movement.booked'
  | 'bank_movement.unbooked'
  | 'invoice.issued'
  | 'credit_note.issued'
  | 'deferred_revenue.recognised'
  | 'deferred_revenue.reversed'
  | 'invoice.written_off'
  | 'invoice.write_off_cancelled'
  | 'intervention.requested'
  | 'intervention.closed'
  | 'quote.accepted'
  | 'invoice.sent'
  | 'invoice.paid';

/**
 * Writes a fact in the caller's transaction, so it exists exactly when the change it states
 * does. Consumers read facts in the order of the transactions that wrote them (`xact_id`), then
 * `seq`, and remember the last one they handled (see `finance/ledger/posting.ts`).
 */
export function recordFact(
  em: EntityManager,
  identity: Identity,
  fact: { kind: FactKind; subjectType: string; subjectId: string; occurredOn: string; payload: Record<string, unknown> },
): void {
  em.create(BusinessFact, { id: newId(), tenantId: identity.tenantId, actorId: actorId(identity), ...fact });
}

/**
 * The same for code that is handed no identity (issuing an invoice): the actor is the one the unit
 * of work was opened for, which `openTenantScope` sets in the session (as the audit trigger reads it).
 */
export function recordScopeFact(em: EntityManager, tenantId: string, fact: Parameters<typeof recordFact>[2]): void {
  em.create(BusinessFact, { id: newId(), tenantId, actorId: scopeActorId(em), ...fact });
}

function scopeActorId(em: EntityManager): string | null {
  const actor = em.getSessionContext()?.variables?.['app.actor_id'];
  return typeof actor === 'string' && actor !== '' ? actor : null;
}

/**
 * `recordScopeFact` for a statement that decides some of the fact's values as it runs (an issue
 * learns its number and date under its series' lock): the fact's insert, one row per row of the
 * statement's CTE `from`, with `occurredOn` and the payload's `payloadAdded` keys as SQL over that
 * CTE's columns, for the statement to carry as a CTE of its own. Recorded at the database's clock
 * when the insert runs (after whatever lock the statement waited for).
 */
export function scopeFactInsert(
  em: EntityManager,
  tenantId: string,
  fact: Omit<Parameters<typeof recordFact>[2], 'occurredOn'>,
  over: { from: string; occurredOn: string; payloadAdded: string },
): { sql: string; params: unknown[] } {
  return {
    sql: `insert into business_facts (id, tenant_id, actor_id, kind, subject_type, subject_id, occurred_on, payload, recorded_at)
          select ?, ?, ?, ?, ?, ?, ${over.occurredOn}, ?::jsonb || ${over.payloadAdded}, clock_timestamp() from ${over.from}`,
    params: [newId(), tenantId, scopeActorId(em), fact.kind, fact.subjectType, fact.subjectId, JSON.stringify(fact.payload)],
  };
}
