import { describe, expect, it } from 'vitest';
import { deferredPart, deferredRevenueProposal, type DeferrableLine } from './deferred-revenue.rules';
import { deferredRevenueEntry } from './entry-building';
import { DEFAULT_LEDGER_ACCOUNTS } from './ledger-mapping';

const accounts = DEFAULT_LEDGER_ACCOUNTS;
const CLOSING = '2026-12-31';

let sequence = 0;
const fee = (overrides: Partial<DeferrableLine> = {}): DeferrableLine => {
  sequence += 1;
  return {
    invoiceId: `0190a0b0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    number: `F-2026-${String(sequence).padStart(5, '0')}`,
    typeCode: '380',
    creditedTypeCode: null,
    issueDate: '2026-10-01',
    customerId: '0190a0b0-0000-7000-8000-0000000000c1',
    customerName: 'Clinique du Parc',
    kind: 'FEE',
    lineNet: '1200.00',
    revenueAccount: null,
    serviceStart: '2026-10-01',
    serviceEnd: '2027-09-30',
    ...overrides,
  };
};

/** An entry as an accountant reads it: per line [account, debit, credit]. */
const linesOf = (entry: { lines: { account: string; debit: string; credit: string }[] } | null) =>
  entry?.lines.map((l) => [l.account, l.debit, l.credit]);

describe('deferred revenue at a closing date', () => {
  it('defers a yearly fee billed in advance pro rata of its days after the closing date, to the cent', () => {
    // 2026-10-01..2027-09-30 is 365 days, 273 of them after 31 December: 1200 × 273 / 365 = 897.534…
    const part = deferredPart({ lineNet: '1200.00', serviceStart: '2026-10-01', serviceEnd: '2027-09-30' }, CLOSING)!;
    expect([part.days, part.periodDays, part.amount.toFixed(2)]).toEqual([273, 365, '897.53']);
    const proposal = deferredRevenueProposal([fee({ number: 'F-2026-00001' })], accounts, CLOSING);
    expect(proposal.documents).toEqual([
      expect.objectContaining({
        number: 'F-2026-00001',
        creditNote: false,
        customerName: 'Clinique du Parc',
        serviceStart: '2026-10-01',
        serviceEnd: '2027-09-30',
        lineNet: '1200.00',
        deferred: '897.53',
        lines: [
          {
            account: '706100',
            serviceStart: '2026-10-01',
            serviceEnd: '2027-09-30',
            lineNet: '1200.00',
            days: 273,
            periodDays: 365,
            deferred: '897.53',
          },
        ],
      }),
    ]);
    expect(proposal.accounts).toEqual([{ account: '706100', amount: '897.53' }]);
    expect(proposal.total).toBe('897.53');
    expect(proposal.reversalDate).toBe('2027-01-01');
  });

  it('proposes the OD entry on the closing date, debit revenue per account and credit 487000, and its mirror the next day', () => {
    const proposal = deferredRevenueProposal(
      [fee(), fee({ revenueAccount: '706200', lineNet: '365.00', serviceStart: '2026-12-01', serviceEnd: '2027-02-28' })],
      accounts,
      CLOSING,
    );
    // 365 × 59 / 90 = 239.277… → 239.28 on 706200.
    expect(proposal.accounts).toEqual([
      { account: '706100', amount: '897.53' },
      { account: '706200', amount: '239.28' },
    ]);
    expect(proposal.entry).toMatchObject({
      journal: 'OD',
      entryDate: '2026-12-31',
      pieceRef: 'PCA-2026-12-31',
      label: 'Produits constatés d’avance au 31/12/2026',
    });
    expect(linesOf(proposal.entry)).toEqual([
      ['706100', '897.53', '0.00'],
      ['706200', '239.28', '0.00'],
      ['487000', '0.00', '1136.81'],
    ]);
    expect(proposal.reversal).toMatchObject({ journal: 'OD', entryDate: '2027-01-01', pieceDate: '2027-01-01' });
    expect(proposal.reversal!.label).toBe('Extourne des produits constatés d’avance au 31/12/2026');
    expect(linesOf(proposal.reversal)).toEqual([
      ['706100', '0.00', '897.53'],
      ['706200', '0.00', '239.28'],
      ['487000', '1136.81', '0.00'],
    ]);
  });

  it('counts a credit note negative, per document and per account', () => {
    const invoice = fee({ number: 'F-2026-00010' });
    const creditNote = fee({ number: 'AV-2026-00001', typeCode: '381', issueDate: '2026-11-15', lineNet: '600.00' });
    const proposal = deferredRevenueProposal([invoice, creditNote], accounts, CLOSING);
    expect(proposal.documents.map((d) => [d.number, d.creditNote, d.lineNet, d.deferred])).toEqual([
      ['F-2026-00010', false, '1200.00', '897.53'],
      ['AV-2026-00001', true, '-600.00', '-448.77'], // 600 × 273 / 365 = 448.767…
    ]);
    expect(proposal.accounts).toEqual([{ account: '706100', amount: '448.76' }]);
    expect(linesOf(proposal.entry)).toEqual([
      ['706100', '448.76', '0.00'],
      ['487000', '0.00', '448.76'],
    ]);
  });

  it('rounds each line half away from zero, then sums', () => {
    // 100 × 1 / 3 = 33.333… three times: 99.99, not 100.00; 0.05 × 1 / 2 = 0.025 → 0.03, and −0.03 on a credit note.
    const thirds = ['a', 'b', 'c'].map(() => fee({ lineNet: '100.00', serviceStart: '2026-12-30', serviceEnd: '2027-01-01' }));
    expect(deferredRevenueProposal(thirds, accounts, CLOSING).total).toBe('99.99');
    const half = { lineNet: '0.05', serviceStart: '2026-12-31', serviceEnd: '2027-01-01' };
    expect(deferredRevenueProposal([fee(half)], accounts, CLOSING).total).toBe('0.03');
    expect(deferredRevenueProposal([fee({ ...half, typeCode: '381' })], accounts, CLOSING).total).toBe('-0.03');
  });

  it('ignores a period ending on or before the closing date, and defers in full one starting after it', () => {
    const proposal = deferredRevenueProposal(
      [
        fee({ number: 'F-2026-00020', serviceStart: '2026-10-01', serviceEnd: '2026-12-31' }),
        fee({ number: 'F-2026-00021', lineNet: '300.00', serviceStart: '2027-01-01', serviceEnd: '2027-03-31' }),
      ],
      accounts,
      CLOSING,
    );
    expect(proposal.documents.map((d) => [d.number, d.deferred])).toEqual([['F-2026-00021', '300.00']]);
  });

  it('leaves out lines without a service period, documents issued after the closing date and deposits', () => {
    const proposal = deferredRevenueProposal(
      [
        fee({ kind: 'LABOUR', serviceStart: null, serviceEnd: null }),
        fee({ issueDate: '2027-01-02' }),
        fee({ typeCode: '386' }),
        fee({ typeCode: '381', creditedTypeCode: '386' }),
      ],
      accounts,
      CLOSING,
    );
    expect(proposal).toMatchObject({ documents: [], accounts: [], total: '0.00', entry: null, reversal: null });
  });

  it('posts from the fact alone: the same entry as proposed, booked to the posting', () => {
    const proposal = deferredRevenueProposal([fee()], accounts, CLOSING);
    const posting = { id: '0190a0b0-0000-7000-8000-0000000000ff', ...proposal };
    expect(deferredRevenueEntry(posting, { reversal: false })).toEqual({
      ...proposal.entry,
      sourceType: 'DEFERRED_REVENUE',
      sourceId: posting.id,
      customerId: null,
    });
    expect(deferredRevenueEntry(posting, { reversal: true }).entryDate).toBe('2027-01-01');
  });
});
