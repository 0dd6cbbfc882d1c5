import { describe, expect, it } from 'vitest';
import { sepaIdentifierProblem } from '../sepa/sepa-text';
import {
  batchMessageId,
  collectedAllocation,
  collectionSequenceType,
  endToEndIdFor,
  instructionIdFor,
  planCollections,
  remittanceInfoFor,
  type MandateForCollection,
  type OpenInvoiceForCollection,
} from './direct-debit.rules';

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

let n = 0;
const invoice = (m: MandateForCollection | null, over: Partial<OpenInvoiceForCollection> = {}): OpenInvoiceForCollection => ({
  invoiceId: `i${++n}`,
  number: `F-2026-${String(n).padStart(5, '0')}`,
  issueDate: '2026-11-02',
  dueDate: '2026-12-02',
  openBalance: '120.00',
  customerId: 'c1',
  customerName: 'Hôtel des Ducs',
  contractReference: null,
  mandate: m,
  ...over,
});

describe('sequence type of the next collection', () => {
  it('is FRST for a mandate never presented, RCUR once collected or pending in a batch', () => {
    expect(collectionSequenceType(mandate(), '2026-12-15')).toBe('FRST');
    expect(collectionSequenceType(mandate({ lastCollectedOn: '2026-11-15' }), '2026-12-15')).toBe('RCUR');
    // The FRST of last month's batch is not settled yet: this one follows it.
    expect(collectionSequenceType(mandate({ pendingCollectionOn: '2026-12-10' }), '2026-12-15')).toBe('RCUR');
    expect(collectionSequenceType(mandate({ kind: 'ONE_OFF' }), '2026-12-15')).toBe('OOFF');
  });

  it('counts the 36 months of dormancy from the latest presentation', () => {
    expect(() => collectionSequenceType(mandate({ signedOn: '2023-01-10' }), '2026-01-12')).toThrow(
      expect.objectContaining({ code: 'MANDATE_EXPIRED' }),
    );
    expect(collectionSequenceType(mandate({ signedOn: '2023-01-10', pendingCollectionOn: '2025-12-15' }), '2026-01-12')).toBe('RCUR');
  });
});

describe('planning a batch', () => {
  it('takes each invoice for its open balance, the same sequence type for all invoices of a mandate', () => {
    const fresh = mandate({ id: 'fresh' });
    const used = mandate({ id: 'used', reference: 'CLIMOUEST-C0002-0001', lastCollectedOn: '2026-11-15' });
    const plan = planCollections(
      [invoice(fresh), invoice(fresh, { openBalance: '80.5' }), invoice(used, { customerId: 'c2' })],
      '2026-12-15',
    );
    expect(plan.blocked).toEqual([]);
    expect(plan.planned.map((p) => [p.mandate.id, p.sequenceType, p.amount])).toEqual([
      ['fresh', 'FRST', '120.00'],
      ['fresh', 'FRST', '80.50'],
      ['used', 'RCUR', '120.00'],
    ]);
  });

  it('blocks invoices without a usable mandate, with the reason', () => {
    const plan = planCollections(
      [
        invoice(null),
        invoice(mandate({ id: 'late', signedOn: '2026-12-20' })),
        invoice(mandate({ id: 'old', signedOn: '2022-01-10', lastCollectedOn: '2023-06-05' })),
        invoice(mandate({ id: 'revoked', revokedOn: '2026-12-01' })),
        invoice(mandate({ id: 'used-once', kind: 'ONE_OFF', lastCollectedOn: '2026-10-05' })),
      ],
      '2026-12-15',
    );
    expect(plan.planned).toEqual([]);
    expect(plan.blocked.map((b) => [b.mandateId, b.reason])).toEqual([
      [null, 'NO_MANDATE'],
      ['late', 'MANDATE_NOT_YET_SIGNED'],
      ['old', 'MANDATE_EXPIRED'],
      ['revoked', 'MANDATE_CANCELLED'],
      ['used-once', 'MANDATE_ALREADY_USED'],
    ]);
    expect(plan.blocked[0]!.message).toMatch(/Aucun mandat SEPA actif/);
    expect(plan.blocked[2]!.message).toContain('caduc');
  });

  it('collects one invoice only under a one-off mandate', () => {
    const once = mandate({ id: 'once', kind: 'ONE_OFF' });
    const plan = planCollections([invoice(once), invoice(once)], '2026-12-15');
    expect(plan.planned.map((p) => p.sequenceType)).toEqual(['OOFF']);
    expect(plan.blocked.map((b) => b.reason)).toEqual(['MANDATE_ALREADY_USED']);
  });
});

describe('identifiers and texts of the file', () => {
  it('names the batch by its collection date and sequence', () => {
    expect(batchMessageId('2026-12-15', 3)).toBe('PRLV-20261215-0003');
    expect(instructionIdFor('PRLV-20261215-0003', 0)).toBe('PRLV-20261215-0003-1');
  });

  it('uses the invoice number as end-to-end id, in the SEPA set', () => {
    expect(endToEndIdFor('F-2026-00042')).toBe('F-2026-00042');
    expect(endToEndIdFor('FA_2026/00042')).toBe('FA-2026/00042');
    expect(endToEndIdFor('/F//2026/')).toBe('F/2026');
    for (const number of ['F-2026-00042', 'FA_2026/00042', '/F//2026/', 'É'.repeat(40)])
      expect(sepaIdentifierProblem(endToEndIdFor(number)), number).toBeNull();
  });

  it('tells the debtor which invoice and contract', () => {
    expect(remittanceInfoFor({ number: 'F-2026-00042', issueDate: '2026-11-24', contractReference: 'CT-2026-0003' })).toBe(
      'Facture F-2026-00042 du 24/11/2026 - contrat CT-2026-0003',
    );
    expect(remittanceInfoFor({ number: 'F-2026-00042', issueDate: '2026-11-24', contractReference: null })).toBe(
      'Facture F-2026-00042 du 24/11/2026',
    );
  });
});

describe('settling a collected item', () => {
  it('allocates the collected amount up to what the invoice still owes', () => {
    expect(collectedAllocation('120.00', '120.00')).toBe('120.00');
    expect(collectedAllocation('120.00', '20.00')).toBe('20.00');
    expect(collectedAllocation('120.00', '0.00')).toBeNull();
    expect(collectedAllocation('120.00', '-15.00')).toBeNull();
  });
});
