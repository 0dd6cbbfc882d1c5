import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/errors';
import { uuidArrayLiteral } from '../../shared/ids';
import type { SequenceType } from '../sepa/mandate.rules';
import { SepaMandate } from './direct-debit.entity';
import { BLOCKED_REASONS, collectionSequenceType, type BlockedReason, type MandateForCollection } from './direct-debit.rules';

/**
 * What a mandate's next collection would be, as the mandate list shows it: the sequence type a
 * batch collecting on the date would give it, or why no batch can use it any more.
 */
export type MandateNextCollection =
  | { mandateId: string; sequenceType: SequenceType; blockedReason: null }
  | { mandateId: string; sequenceType: null; blockedReason: BlockedReason };

const isBlockedReason = (code: string): code is BlockedReason => BLOCKED_REASONS.some((reason) => reason === code);

/** The mandate rules' answer for a collection on `collectionDate`, with their refusals as a blocked reason. */
export function nextCollectionOf(mandate: MandateForCollection, collectionDate: string): MandateNextCollection {
  try {
    return { mandateId: mandate.id, sequenceType: collectionSequenceType(mandate, collectionDate), blockedReason: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The rules refuse a collection before the signature with VALIDATION_FAILED on collectionDate.
    const reason = error.code === 'VALIDATION_FAILED' ? 'MANDATE_NOT_YET_SIGNED' : error.code;
    if (!isBlockedReason(reason)) throw error;
    return { mandateId: mandate.id, sequenceType: null, blockedReason: reason };
  }
}

/**
 * The next collection of each of these mandates on `collectionDate`, counting the collections
 * still pending in a submitted batch as presented (their next one is RCUR), as a batch would.
 */
export async function mandatesNextCollection(
  em: EntityManager,
  ids: readonly string[],
  collectionDate: string,
): Promise<MandateNextCollection[]> {
  const [mandates, pending] = await Promise.all([
    em.find(SepaMandate, { id: { $in: [...ids] } }),
    em.execute<{ mandateId: string; pendingCollectionOn: string }[]>(
      `select d.mandate_id as "mandateId", max(b.collection_date)::text as "pendingCollectionOn"
         from direct_debit_items d
         join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
        where d.status = 'PENDING' and d.mandate_id = any(?::uuid[])
        group by d.mandate_id`,
      [uuidArrayLiteral(ids)],
    ),
  ]);
  const pendingOn = new Map(pending.map((row) => [row.mandateId, row.pendingCollectionOn]));
  return mandates.map((m) =>
    nextCollectionOf(
      {
        id: m.id,
        reference: m.reference,
        kind: m.kind,
        signedOn: m.signedOn,
        debtorName: m.debtorName,
        iban: m.iban,
        bic: m.bic ?? null,
        revokedOn: m.revokedOn ?? null,
        lastCollectedOn: m.lastCollectedOn ?? null,
        pendingCollectionOn: pendingOn.get(m.id) ?? null,
      },
      collectionDate,
    ),
  );
}
