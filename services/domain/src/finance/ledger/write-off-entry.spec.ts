import { describe, expect, it } from 'vitest';
import { writeOffEntry, writeOffVat, type EntryDraft, type InvoiceForPosting } from './entry-building';
import { DEFAULT_LEDGER_ACCOUNTS } from './ledger-mapping';
import { sumAmounts } from '../../billing/money';

const accounts = DEFAULT_LEDGER_ACCOUNTS;
const customer = { id: '0190a0b0-0000-7000-8000-000000000001', code: 'C00042', name: 'Hôtel des Ducs' };
const AUX = '411C00042';

type Line = InvoiceForPosting['lines'][number];
const line = (kind: Line['kind'], lineNet: string, vatRate = '20.00'): Line => ({
  kind,
  vatCategory: 'S',
  vatRate,
  lineNet,
  revenueAccount: null,
});

/** Labour, travel and parts at 20 %, labour at 10 %, parts at 5.5 %: 515.00 HT, 77.60 VAT, 592.60 TTC. */
const mixed: InvoiceForPosting = {
  id: '0190a0b0-0000-7000-8000-0000000000aa',
  number: 'F-2026-00042',
  typeCode: '380',
  issueDate: '2026-11-20',
  customer,
  creditedTypeCode: null,
  amountDue: '592.60',
  prepaidAmount: '0.00',
  retentionAmount: '0.00',
  lines: [
    line('LABOUR', '195.00'),
    line('TRAVEL', '45.00'),
    line('PART', '75.00'),
    line('PART', '120.00', '5.50'),
    line('LABOUR', '80.00', '10.00'),
  ],
  allowanceCharges: [],
  vatBreakdown: [
    { category: 'S', rate: '20.00', tax: '63.00' },
    { category: 'S', rate: '10.00', tax: '8.00' },
    { category: 'S', rate: '5.50', tax: '6.60' },
  ],
  depositVat: [],
};

const writeOff = (kind: 'IRRECOVERABLE' | 'SMALL_BALANCE', amount: string) => ({
  id: '0190a0b0-0000-7000-8000-0000000000bb',
  kind,
  amount,
  writtenOffOn: '2026-12-10',
  invoice: mixed,
});

/** [account, auxiliary, debit, credit, vatRate, vatDueOn] per line, as an accountant reads them. */
const rows = (entry: EntryDraft) => entry.lines.map((l) => [l.account, l.auxiliaryAccount, l.debit, l.credit, l.vatRate, l.vatDueOn]);
const balanced = (entry: EntryDraft) =>
  expect(sumAmounts(entry.lines.map((l) => l.debit)).toFixed(2)).toBe(sumAmounts(entry.lines.map((l) => l.credit)).toFixed(2));

describe('write-off entries', () => {
  it('writes a whole irrecoverable invoice off: the net to 654, its VAT back per rate and due date, 411 credited', () => {
    const entry = writeOffEntry(writeOff('IRRECOVERABLE', '592.60'), accounts, { vatOnDebits: false });
    expect(entry).toMatchObject({ journal: 'OD', entryDate: '2026-12-10', pieceRef: 'F-2026-00042', sourceType: 'WRITE_OFF' });
    expect(entry.label).toBe('Passage en perte facture F-2026-00042 Hôtel des Ducs');
    expect(rows(entry)).toEqual([
      ['654000', null, '515.00', '0.00', null, null],
      ['445711', null, '15.00', '0.00', '20.00', 'ISSUE'],
      ['445711', null, '48.00', '0.00', '20.00', 'PAYMENT'],
      ['445712', null, '8.00', '0.00', '10.00', 'PAYMENT'],
      ['445713', null, '6.60', '0.00', '5.50', 'ISSUE'],
      ['411000', AUX, '0.00', '592.60', null, null],
    ]);
    balanced(entry);
  });

  it('takes the VAT of part of the balance pro rata of the invoice’s VAT, rounded per line, the net taking the rest', () => {
    expect(writeOffVat(mixed, '100.00', { vatOnDebits: false }).map((v) => [v.rate, v.dueOn, v.tax.toFixed(2)])).toEqual([
      ['20.00', 'ISSUE', '2.53'],
      ['20.00', 'PAYMENT', '8.10'],
      ['10.00', 'PAYMENT', '1.35'],
      ['5.50', 'ISSUE', '1.11'],
    ]);
    const entry = writeOffEntry(writeOff('IRRECOVERABLE', '100.00'), accounts, { vatOnDebits: true });
    expect(rows(entry)).toEqual([
      ['654000', null, '86.91', '0.00', null, null],
      ['445711', null, '10.63', '0.00', '20.00', 'ISSUE'],
      ['445712', null, '1.35', '0.00', '10.00', 'ISSUE'],
      ['445713', null, '1.11', '0.00', '5.50', 'ISSUE'],
      ['411000', AUX, '0.00', '100.00', null, null],
    ]);
    balanced(entry);
  });

  it('posts a small balance wholly to 658, without VAT', () => {
    const entry = writeOffEntry(writeOff('SMALL_BALANCE', '3.17'), accounts, { vatOnDebits: false });
    expect(rows(entry)).toEqual([
      ['658000', null, '3.17', '0.00', null, null],
      ['411000', AUX, '0.00', '3.17', null, null],
    ]);
  });

  it('reverses a cancelled write-off by the mirror entry on the day of the cancellation', () => {
    const entry = writeOffEntry(writeOff('IRRECOVERABLE', '592.60'), accounts, { vatOnDebits: false }, { on: '2026-12-12' });
    expect(entry).toMatchObject({ entryDate: '2026-12-12', pieceDate: '2026-12-12', sourceType: 'WRITE_OFF' });
    expect(entry.label).toBe('Annulation passage en perte facture F-2026-00042 Hôtel des Ducs');
    expect(rows(entry)[0]).toEqual(['654000', null, '0.00', '515.00', null, null]);
    expect(rows(entry).at(-1)).toEqual(['411000', AUX, '592.60', '0.00', null, null]);
    balanced(entry);
  });
});
