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
  | 'bank_movement.matched';

/**
 * Writes a fact in the caller's transaction, so it exists exactly when the change it states
 * does. Consumers read facts in `seq` order and remember the last one they handled.
 */
export function recordFact(
  em: EntityManager,
  identity: Identity,
  fact: { kind: FactKind; subjectType: string; subjectId: string; occurredOn: string; payload: Record<string, unknown> },
): void {
  em.create(BusinessFact, { id: newId(), tenantId: identity.tenantId, actorId: actorId(identity), ...fact });
}
