import { describe, expect, it } from 'vitest';
import {
  bankBookingEntry,
  invoiceEntry,
  paymentReceivedEntry,
  paymentRefundedEntry,
  paymentReversedEntry,
  type EntryDraft,
  type InvoiceForPosting,
  type PaymentForPosting,
} from './entry-building';
import { DEFAULT_LEDGER_ACCOUNTS, revenueAccountFor, vatAccountFor } from './ledger-mapping';
import { Money, sumAmounts } from '../../billing/money';

const accounts = DEFAULT_LEDGER_ACCOUNTS;
const customer = { id: '0190a0b0-0000-7000-8000-000000000001', code: 'C00042', name: 'Hôtel des Ducs' };
const AUX = '411C00042';

type Line = InvoiceForPosting['lines'][number];
const line = (kind: Line['kind'], lineNet: string, vatRate = '20.00', revenueAccount: string | null = null): Line => ({
  kind,
  vatCategory: 'S',
  vatRate,
  lineNet,
  revenueAccount,
});

const invoice = (overrides: Partial<InvoiceForPosting>): InvoiceForPosting => ({
  id: '0190a0b0-0000-7000-8000-0000000000aa',
  number: 'F-2026-00042',
  typeCode: '380',
  issueDate: '2026-11-20',
  customer,
  creditedTypeCode: null,
  amountDue: '0.00',
  prepaidAmount: '0.00',
  retentionAmount: '0.00',
  lines: [],
  allowanceCharges: [],
  vatBreakdown: [],
  depositVat: [],
  ...overrides,
});

/** Labour, travel and parts at 20 %, labour at 10 %, parts at 5.5 %: 515.00 HT, 77.60 VAT, 592.60 TTC. */
const mixed = invoice({
  amountDue: '592.60',
  lines: [
    line('LABOUR', '195.00'),
    line('TRAVEL', '45.00'),
    line('PART', '75.00'),
    line('PART', '120.00', '5.50'),
    line('LABOUR', '80.00', '10.00'),
  ],
  vatBreakdown: [
    { category: 'S', rate: '20.00', tax: '63.00' },
    { category: 'S', rate: '10.00', tax: '8.00' },
    { category: 'S', rate: '5.50', tax: '6.60' },
  ],
});

/** [account, auxiliary, debit, credit, vatRate, vatDueOn] per line, as an accountant reads them. */
const rows = (entry: EntryDraft) => entry.lines.map((l) => [l.account, l.auxiliaryAccount, l.debit, l.credit, l.vatRate, l.vatDueOn]);

function expectBalanced(entry: EntryDraft): void {
  const debit = sumAmounts(entry.lines.map((l) => l.debit));
  const credit = sumAmounts(entry.lines.map((l) => l.credit));
  expect(debit.toFixed(2)).toBe(credit.toFixed(2));
  for (const l of entry.lines) expect(new Money(l.debit).isZero() !== new Money(l.credit).isZero()).toBe(true);
}

describe('account mapping', () => {
  it('takes the line’s own account, else the tenant’s for its kind; VAT by rate, else the default account', () => {
    expect(revenueAccountFor(accounts, { kind: 'LABOUR' })).toBe('706000');
    expect(revenueAccountFor(accounts, { kind: 'TRAVEL' })).toBe('708500');
    expect(revenueAccountFor(accounts, { kind: 'PART' })).toBe('707000');
    expect(revenueAccountFor(accounts, { kind: 'FEE' })).toBe('706100');
    expect(revenueAccountFor(accounts, { kind: 'OTHER' })).toBe('706000');
    expect(revenueAccountFor(accounts, { kind: 'FEE', revenueAccount: '706200' })).toBe('706200');
    expect(vatAccountFor(accounts, '20.00')).toBe('445711');
    expect(vatAccountFor(accounts, '5.5')).toBe('445713');
    expect(vatAccountFor(accounts, '8.50')).toBe('445710');
  });
});

describe('sales journal: invoices, deposits, credit notes', () => {
  it('books an invoice of several kinds and rates: customer TTC, revenue per kind and rate, VAT per rate (tenant on debits)', () => {
    const entry = invoiceEntry(mixed, accounts, { vatOnDebits: true });
    expect(entry).toMatchObject({
      journal: 'VT',
      entryDate: '2026-11-20',
      pieceRef: 'F-2026-00042',
      pieceDate: '2026-11-20',
      label: 'Facture F-2026-00042 Hôtel des Ducs',
      sourceType: 'INVOICE',
      sourceId: mixed.id,
      customerId: customer.id,
    });
    expect(rows(entry)).toEqual([
      ['411000', AUX, '592.60', '0.00', null, null],
      ['706000', null, '0.00', '195.00', '20.00', null],
      ['708500', null, '0.00', '45.00', '20.00', null],
      ['707000', null, '0.00', '75.00', '20.00', null],
      ['707000', null, '0.00', '120.00', '5.50', null],
      ['706000', null, '0.00', '80.00', '10.00', null],
      ['445711', null, '0.00', '63.00', '20.00', 'ISSUE'],
      ['445712', null, '0.00', '8.00', '10.00', 'ISSUE'],
      ['445713', null, '0.00', '6.60', '5.50', 'ISSUE'],
    ]);
    expect(entry.lines[0]).toMatchObject({ auxiliaryLabel: 'Hôtel des Ducs', label: 'Facture F-2026-00042 Hôtel des Ducs' });
    expectBalanced(entry);
  });

  it('marks the VAT on services due on payment for a tenant on receipts, parts’ VAT due on the invoice', () => {
    const entry = invoiceEntry(mixed, accounts, { vatOnDebits: false });
    // 20 %: parts 75.00 of 315.00 → 15.00 due now, 48.00 when paid; 10 % labour only; 5.5 % parts only.
    expect(rows(entry).slice(6)).toEqual([
      ['445711', null, '0.00', '15.00', '20.00', 'ISSUE'],
      ['445711', null, '0.00', '48.00', '20.00', 'PAYMENT'],
      ['445712', null, '0.00', '8.00', '10.00', 'PAYMENT'],
      ['445713', null, '0.00', '6.60', '5.50', 'ISSUE'],
    ]);
    expect(entry.lines[7]!.label).toBe('Facture F-2026-00042 Hôtel des Ducs — TVA 20 % sur encaissements');
    expectBalanced(entry);
  });

  it('splits a rate’s VAT by rounding the goods’ share and leaving the rest to services, to the cent', () => {
    // 5.5 % on 3.00: 0.165 → 0.17; goods 1.00 of 3.00 → 0.0567 → 0.06; services 0.11.
    const entry = invoiceEntry(
      invoice({
        amountDue: '3.17',
        lines: [line('PART', '1.00', '5.50'), line('LABOUR', '2.00', '5.50')],
        vatBreakdown: [{ category: 'S', rate: '5.50', tax: '0.17' }],
      }),
      accounts,
      { vatOnDebits: false },
    );
    expect(rows(entry)).toEqual([
      ['411000', AUX, '3.17', '0.00', null, null],
      ['707000', null, '0.00', '1.00', '5.50', null],
      ['706000', null, '0.00', '2.00', '5.50', null],
      ['445713', null, '0.00', '0.06', '5.50', 'ISSUE'],
      ['445713', null, '0.00', '0.11', '5.50', 'PAYMENT'],
    ]);
    expectBalanced(entry);
  });

  it('credits a deposit invoice to 4191 per rate, its VAT due when the deposit is paid', () => {
    const deposit = invoice({
      typeCode: '386',
      number: 'F-2026-00050',
      amountDue: '470.00',
      lines: [line('OTHER', '300.00'), line('OTHER', '100.00', '10.00')],
      vatBreakdown: [
        { category: 'S', rate: '20.00', tax: '60.00' },
        { category: 'S', rate: '10.00', tax: '10.00' },
      ],
    });
    const entry = invoiceEntry(deposit, accounts, { vatOnDebits: false });
    expect(entry.label).toBe('Facture d’acompte F-2026-00050 Hôtel des Ducs');
    expect(rows(entry)).toEqual([
      ['411000', AUX, '470.00', '0.00', null, null],
      ['419100', null, '0.00', '300.00', '20.00', null],
      ['419100', null, '0.00', '100.00', '10.00', null],
      ['445711', null, '0.00', '60.00', '20.00', 'PAYMENT'],
      ['445712', null, '0.00', '10.00', '10.00', 'PAYMENT'],
    ]);
    expectBalanced(entry);
  });

  it('debits 4191 on the final invoice and collects only the VAT the deposits did not', () => {
    // The whole job (2 240.00 TTC) less the deposit of 470.00 TTC (400.00 HT + 70.00 VAT).
    const final = invoice({
      number: 'F-2026-00061',
      amountDue: '1770.00',
      prepaidAmount: '470.00',
      lines: [line('LABOUR', '1000.00'), line('PART', '500.00'), line('LABOUR', '400.00', '10.00')],
      vatBreakdown: [
        { category: 'S', rate: '20.00', tax: '300.00' },
        { category: 'S', rate: '10.00', tax: '40.00' },
      ],
      depositVat: [
        { rate: '20.00', tax: '60.00' },
        { rate: '10.00', tax: '10.00' },
      ],
    });
    const entry = invoiceEntry(final, accounts, { vatOnDebits: false });
    expect(rows(entry)).toEqual([
      ['411000', AUX, '1770.00', '0.00', null, null],
      ['419100', null, '400.00', '0.00', null, null],
      ['706000', null, '0.00', '1000.00', '20.00', null],
      ['707000', null, '0.00', '500.00', '20.00', null],
      ['706000', null, '0.00', '400.00', '10.00', null],
      ['445711', null, '0.00', '100.00', '20.00', 'ISSUE'],
      ['445711', null, '0.00', '140.00', '20.00', 'PAYMENT'],
      ['445712', null, '0.00', '30.00', '10.00', 'PAYMENT'],
    ]);
    expectBalanced(entry);
    // On debits the deposit's VAT comes off the VAT due on issue.
    expect(rows(invoiceEntry(final, accounts, { vatOnDebits: true })).slice(5)).toEqual([
      ['445711', null, '0.00', '240.00', '20.00', 'ISSUE'],
      ['445712', null, '0.00', '30.00', '10.00', 'ISSUE'],
    ]);
  });

  it('books a credit note as the mirror of what it credits, a deposit’s credit note back on 4191', () => {
    const note = invoiceEntry({ ...mixed, typeCode: '381', number: 'AV-2026-00003', creditedTypeCode: '380' }, accounts, {
      vatOnDebits: false,
    });
    const original = invoiceEntry(mixed, accounts, { vatOnDebits: false });
    expect(note).toMatchObject({ sourceType: 'CREDIT_NOTE', pieceRef: 'AV-2026-00003', label: 'Avoir AV-2026-00003 Hôtel des Ducs' });
    expect(note.lines.map((l) => [l.account, l.debit, l.credit, l.vatDueOn])).toEqual(
      original.lines.map((l) => [l.account, l.credit, l.debit, l.vatDueOn]),
    );
    expectBalanced(note);

    const depositNote = invoiceEntry(
      invoice({
        typeCode: '381',
        creditedTypeCode: '386',
        amountDue: '120.00',
        lines: [line('OTHER', '100.00')],
        vatBreakdown: [{ category: 'S', rate: '20.00', tax: '20.00' }],
      }),
      accounts,
      { vatOnDebits: false },
    );
    expect(rows(depositNote)).toEqual([
      ['411000', AUX, '0.00', '120.00', null, null],
      ['419100', null, '100.00', '0.00', '20.00', null],
      ['445711', null, '20.00', '0.00', '20.00', 'PAYMENT'],
    ]);
  });

  it('keeps the retention on 4117, allowances on 709 and charges on 7085, a contract fee on its own account', () => {
    const entry = invoiceEntry(
      invoice({
        amountDue: '588.00',
        retentionAmount: '29.40',
        lines: [line('LABOUR', '300.00'), line('FEE', '200.00', '20.00', '706200')],
        allowanceCharges: [
          { charge: false, amount: '50.00', vatRate: '20.00' },
          { charge: true, amount: '40.00', vatRate: '20.00' },
        ],
        vatBreakdown: [{ category: 'S', rate: '20.00', tax: '98.00' }],
      }),
      accounts,
      { vatOnDebits: true },
    );
    expect(rows(entry)).toEqual([
      ['411000', AUX, '558.60', '0.00', null, null],
      ['411700', AUX, '29.40', '0.00', null, null],
      ['706000', null, '0.00', '300.00', '20.00', null],
      ['706200', null, '0.00', '200.00', '20.00', null],
      ['709000', null, '50.00', '0.00', '20.00', null],
      ['708500', null, '0.00', '40.00', '20.00', null],
      ['445711', null, '0.00', '98.00', '20.00', 'ISSUE'],
    ]);
    expectBalanced(entry);
  });

  it('gives no line for a document of 0.00 (every line covered by the contract)', () => {
    const covered = invoice({ amountDue: '0.00', lines: [line('LABOUR', '0.00'), line('PART', '0.00')] });
    expect(invoiceEntry(covered, accounts, { vatOnDebits: false }).lines).toEqual([]);
  });

  it('never returns an entry that does not balance to the cent', () => {
    expect(() => invoiceEntry({ ...mixed, amountDue: '592.59' }, accounts, { vatOnDebits: true })).toThrow(
      /unbalanced entry for invoice F-2026-00042: -0.01/,
    );
  });
});

describe('bank journal: payments and bookings', () => {
  const payment: PaymentForPosting = {
    id: '0190a0b1-2c3d-7000-8000-000000000009',
    customer,
    receivedOn: '2026-11-28',
    amount: '592.60',
    method: 'TRANSFER',
    reference: 'VIR F-2026-00042',
  };

  it('books money received D 512 / C 411 on its day, its reversal and a refund the other way', () => {
    const received = paymentReceivedEntry(payment, accounts);
    expect(received).toMatchObject({
      journal: 'BQ',
      entryDate: '2026-11-28',
      pieceRef: 'VIR F-2026-00042',
      label: 'Règlement virement Hôtel des Ducs',
      sourceType: 'PAYMENT',
      customerId: customer.id,
    });
    expect(rows(received)).toEqual([
      ['512000', null, '592.60', '0.00', null, null],
      ['411000', AUX, '0.00', '592.60', null, null],
    ]);

    const reversed = paymentReversedEntry(payment, accounts, { reversedOn: '2026-12-02', reason: 'Chèque impayé' });
    expect(reversed).toMatchObject({ entryDate: '2026-12-02', label: 'Annulation règlement Hôtel des Ducs : Chèque impayé' });
    expect(rows(reversed)).toEqual([
      ['512000', null, '0.00', '592.60', null, null],
      ['411000', AUX, '592.60', '0.00', null, null],
    ]);

    const refunded = paymentRefundedEntry({ ...payment, reference: null }, accounts, {
      refundedOn: '2026-12-03',
      amount: '30.00',
      method: 'CHECK',
    });
    expect(refunded).toMatchObject({ entryDate: '2026-12-03', pieceRef: 'REG-0190A0B1', label: 'Remboursement chèque Hôtel des Ducs' });
    expect(rows(refunded)).toEqual([
      ['512000', null, '0.00', '30.00', null, null],
      ['411000', AUX, '30.00', '0.00', null, null],
    ]);
  });

  it('books bank fees D 627 / C 512, a transfer to 580, anything else to the suspense account, and undoes a booking by its mirror', () => {
    const booking = {
      movementId: '0190a0b2-0000-7000-8000-000000000001',
      bookingDate: '2026-11-30',
      amount: '-12.50',
      kind: 'BANK_FEES' as const,
      note: null,
      label: 'FRAIS TENUE DE COMPTE',
      bankReference: 'FR-8842',
    };
    const fees = bankBookingEntry(booking, accounts);
    expect(fees).toMatchObject({
      journal: 'BQ',
      entryDate: '2026-11-30',
      pieceRef: 'FR-8842',
      label: 'Frais bancaires — FRAIS TENUE DE COMPTE',
      sourceType: 'BANK_MOVEMENT',
      customerId: null,
    });
    expect(rows(fees)).toEqual([
      ['512000', null, '0.00', '12.50', null, null],
      ['627000', null, '12.50', '0.00', null, null],
    ]);
    expect(rows(bankBookingEntry({ ...booking, kind: 'INTERNAL_TRANSFER', amount: '-1000.00' }, accounts))).toEqual([
      ['512000', null, '0.00', '1000.00', null, null],
      ['580000', null, '1000.00', '0.00', null, null],
    ]);
    const other = bankBookingEntry({ ...booking, kind: 'OTHER', amount: '250.00', note: 'Subvention', bankReference: null }, accounts);
    expect(other).toMatchObject({ label: 'Subvention — FRAIS TENUE DE COMPTE', pieceRef: 'BQ-2026-11-30' });
    expect(rows(other)).toEqual([
      ['512000', null, '250.00', '0.00', null, null],
      ['471000', null, '0.00', '250.00', null, null],
    ]);

    const undone = bankBookingEntry(booking, accounts, { on: '2026-12-04' });
    expect(undone).toMatchObject({ entryDate: '2026-12-04', label: 'Annulation : Frais bancaires — FRAIS TENUE DE COMPTE' });
    expect(rows(undone)).toEqual([
      ['512000', null, '12.50', '0.00', null, null],
      ['627000', null, '0.00', '12.50', null, null],
    ]);
  });
});
