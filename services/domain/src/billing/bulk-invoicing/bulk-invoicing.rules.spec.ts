import { describe, expect, it } from 'vitest';
import { batchProgress, groupBillableWork, itemDone, validateSelection, type BillableWork } from './bulk-invoicing.rules';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const work = (n: number, customer: string, site: string, contract: string | null): BillableWork => ({
  interventionId: id(n),
  number: `I-2026-${String(n).padStart(5, '0')}`,
  customerId: `c-${customer}`,
  customerName: customer,
  siteId: `s-${customer}-${site}`,
  siteName: site,
  contractId: contract ? `k-${contract}` : null,
  contractReference: contract,
});

// Closed oldest first, as "À facturer" lists them.
const waiting = [
  work(12, 'Hôtel des Ducs', 'Siège', 'CT-0002'),
  work(3, 'Boulangerie Morvan', 'Boutique', null),
  work(7, 'Hôtel des Ducs', 'Entrepôt', null),
  work(5, 'Hôtel des Ducs', 'Siège', 'CT-0002'),
  work(9, 'École Jules Verne', 'Préau', null),
];

describe('bulk invoicing: grouping the selected work', () => {
  it('makes one invoice per customer, by customer name, each billing its interventions in number order', () => {
    expect(groupBillableWork(waiting, 'CUSTOMER').map((g) => [g.label, g.interventionIds])).toEqual([
      ['Boulangerie Morvan', [id(3)]],
      ['École Jules Verne', [id(9)]],
      ['Hôtel des Ducs', [id(5), id(7), id(12)]],
    ]);
  });

  it('makes one invoice per site when the tenant bills so', () => {
    const groups = groupBillableWork(waiting, 'SITE');
    expect(groups.map((g) => [g.label, g.siteId, g.interventionIds])).toEqual([
      ['Boulangerie Morvan — Boutique', 's-Boulangerie Morvan-Boutique', [id(3)]],
      ['École Jules Verne — Préau', 's-École Jules Verne-Préau', [id(9)]],
      ['Hôtel des Ducs — Entrepôt', 's-Hôtel des Ducs-Entrepôt', [id(7)]],
      ['Hôtel des Ducs — Siège', 's-Hôtel des Ducs-Siège', [id(5), id(12)]],
    ]);
  });

  it('makes one invoice per contract, the work outside any contract together per customer', () => {
    const groups = groupBillableWork(waiting, 'CONTRACT');
    expect(groups.map((g) => [g.label, g.contractId, g.interventionIds])).toEqual([
      ['Boulangerie Morvan — hors contrat', null, [id(3)]],
      ['École Jules Verne — hors contrat', null, [id(9)]],
      ['Hôtel des Ducs — contrat CT-0002', 'k-CT-0002', [id(5), id(12)]],
      ['Hôtel des Ducs — hors contrat', null, [id(7)]],
    ]);
    expect(groups.every((g) => g.customerId.startsWith('c-'))).toBe(true);
  });

  it('keeps two customers of the same name apart', () => {
    const twins = [work(1, 'Mairie', 'Centre', null), { ...work(2, 'Mairie', 'Centre', null), customerId: 'c-other' }];
    expect(groupBillableWork(twins, 'CUSTOMER')).toHaveLength(2);
  });
});

describe('bulk invoicing: the selection', () => {
  const refused = (selection: Parameters<typeof validateSelection>[0]) => {
    try {
      validateSelection(selection);
      return null;
    } catch (error) {
      return (error as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
    }
  };

  it('is some interventions, or everything matching the filters less some, never both nor none', () => {
    expect(refused({ interventionIds: [id(1)] })).toBeNull();
    expect(refused({ filter: { customerId: null, closedUntil: '2026-11-30' }, excludedInterventionIds: [id(2)] })).toBeNull();
    expect(refused({ filter: {} })).toBeNull();
    expect(refused({})).toEqual(['selection']);
    expect(refused({ interventionIds: [id(1)], filter: {} })).toEqual(['selection']);
    expect(refused({ interventionIds: [] })).toEqual(['interventionIds']);
    expect(refused({ interventionIds: ['I-2026-00001'] })).toEqual(['interventionIds']);
    expect(refused({ filter: { closedUntil: '30/11/2026', customerId: 'Morvan' } })).toEqual(['filter.customerId', 'filter.closedUntil']);
  });
});

describe('bulk invoicing: progress', () => {
  it('counts an item done once sent or refused, or once issued when the batch does not send', () => {
    expect(itemDone('ISSUED', true)).toBe(false);
    expect(itemDone('ISSUED', false)).toBe(true);
    expect(itemDone('PENDING', false)).toBe(false);
    const items = (['SENT', 'SENT', 'ISSUED', 'SEND_FAILED', 'FAILED', 'PENDING'] as const).map((status) => ({ status }));
    expect(batchProgress(items, true)).toEqual({ total: 6, done: 4, issued: 4, sent: 2, failed: 1, notSent: 1 });
  });
});
