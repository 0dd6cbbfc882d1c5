import { describe, expect, it } from 'vitest';
import type { MandateForCollection } from './direct-debit.rules';
import { nextCollectionOf } from './mandate-next-collection';

const mandate = (over: Partial<MandateForCollection> = {}): MandateForCollection => ({
  id: 'm1',
  reference: 'CLIMOUEST-C0001-0001',
  kind: 'RECURRENT',
  signedOn: '2026-01-10',
  debtorName: 'Hôtel des Ducs',
  iban: 'FR7630006000011234567890189',
  bic: null,
  revokedOn: null,
  lastCollectedOn: null,
  pendingCollectionOn: null,
  ...over,
});

describe('the next collection of a mandate, as the mandate list shows it', () => {
  it('is FRST until a collection is presented, RCUR once one is settled or pending, OOFF for a one-off mandate', () => {
    expect(nextCollectionOf(mandate(), '2026-12-15')).toEqual({ mandateId: 'm1', sequenceType: 'FRST', blockedReason: null });
    expect(nextCollectionOf(mandate({ pendingCollectionOn: '2026-12-10' }), '2026-12-15').sequenceType).toBe('RCUR');
    expect(nextCollectionOf(mandate({ lastCollectedOn: '2026-11-10' }), '2026-12-15').sequenceType).toBe('RCUR');
    expect(nextCollectionOf(mandate({ kind: 'ONE_OFF' }), '2026-12-15').sequenceType).toBe('OOFF');
  });

  it('says why a batch can no longer use it: revoked, lapsed after 36 months, one-off already used, not yet signed', () => {
    const blocked = (over: Partial<MandateForCollection>, on = '2026-12-15') => nextCollectionOf(mandate(over), on).blockedReason;
    expect(blocked({ revokedOn: '2026-12-01' })).toBe('MANDATE_CANCELLED');
    expect(blocked({ signedOn: '2023-12-01' })).toBe('MANDATE_EXPIRED');
    expect(blocked({ kind: 'ONE_OFF', lastCollectedOn: '2026-06-10' })).toBe('MANDATE_ALREADY_USED');
    expect(blocked({ signedOn: '2026-12-20' })).toBe('MANDATE_NOT_YET_SIGNED');
    expect(nextCollectionOf(mandate({ revokedOn: '2026-12-01' }), '2026-12-15').sequenceType).toBeNull();
  });
});
