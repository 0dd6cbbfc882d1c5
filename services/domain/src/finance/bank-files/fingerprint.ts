import { createHash } from 'node:crypto';
import type { MovementDraft, ParsedMovement, ParsedStatement, StatementDraft } from './statement';

/** Upper case, no accents, single spaces: the same label written by two exports compares equal. */
export function normaliseForFingerprint(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

/**
 * A movement's identity for idempotent re-import: account, booking date, amount, and the bank's
 * reference when it gives one, else the normalised label and remittance information. The
 * occurrence index (how many movements with the same key came before it in the statement) tells
 * apart two genuinely identical movements of one day, and stays the same in an overlapping file
 * that holds that day too. It is also counted for referenced movements, so a bank that reuses a
 * reference on one day does not merge two movements (their index is 0 otherwise).
 */
export function fingerprintMovements(account: string, movements: readonly MovementDraft[]): ParsedMovement[] {
  const seen = new Map<string, number>();
  const accountKey = account.replace(/\s+/g, '').toUpperCase();
  return movements.map((movement) => {
    const identity = movement.bankReference
      ? ['ref', movement.bankReference.trim()]
      : ['text', normaliseForFingerprint(movement.label), normaliseForFingerprint(movement.remittanceInfo)];
    const key = JSON.stringify([accountKey, movement.bookingDate, movement.amount, ...identity]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(['bank-movement-v1', key, occurrence]))
      .digest('hex');
    return { ...movement, fingerprint };
  });
}

export function finaliseStatement(draft: StatementDraft): ParsedStatement {
  return { ...draft, movements: fingerprintMovements(draft.accountIban ?? draft.accountNumber, draft.movements) };
}
