import { describe, expect, it } from 'vitest';
import { movementLabel, statementBalances, type StatementMovement, type StatementMovementKind } from './statement.rules';

let n = 0;
const mv = (date: string, kind: StatementMovementKind, amount: string, reference: string | null = null): StatementMovement => ({
  date,
  kind,
  amount,
  reference,
  sourceId: `id-${String(++n).padStart(3, '0')}`,
  label: `${kind} ${reference ?? ''}`.trim(),
});

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('statementBalances', () => {
  // Given out of order on purpose: the statement sorts by date, documents before money on a day.
  const movements = [
    mv('2026-03-20', 'PAYMENT', '-500.00', 'VIR 0320'),
    mv('2026-03-05', 'PAYMENT', '-99.90', 'CHQ 1234567'),
    mv('2026-01-10', 'INVOICE', '1200.00', 'F-2026-00001'),
    mv('2026-03-05', 'RETENTION', '-12.00', 'F-2026-00002'),
    mv('2026-03-05', 'INVOICE', '240.00', 'F-2026-00002'),
    mv('2026-02-10', 'PAYMENT', '-1000.00', 'VIR 0210'),
    mv('2026-03-10', 'PAYMENT_REVERSED', '99.90', 'CHQ 1234567'),
    mv('2026-02-15', 'CREDIT_NOTE', '-100.10', 'AV-2026-00001'),
    mv('2026-03-12', 'CREDIT_NOTE', '-0.10', 'AV-2026-00002'),
    mv('2026-03-25', 'REFUND', '172.20'),
    mv('2026-04-02', 'INVOICE', '50.00', 'F-2026-00003'),
  ];

  it('opens with what was owed before the period: invoices less payments and credit notes', () => {
    expect(statementBalances(movements, MARCH).opening).toBe('99.90');
  });

  it('lists the period in date order with the running balance to the cent, reversal and refund increasing it', () => {
    const s = statementBalances(movements, MARCH);
    expect(s.lines.map((l) => [l.date, l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['2026-03-05', 'INVOICE', '240.00', '0.00', '339.90'],
      ['2026-03-05', 'RETENTION', '0.00', '12.00', '327.90'],
      ['2026-03-05', 'PAYMENT', '0.00', '99.90', '228.00'],
      ['2026-03-10', 'PAYMENT_REVERSED', '99.90', '0.00', '327.90'],
      ['2026-03-12', 'CREDIT_NOTE', '0.00', '0.10', '327.80'],
      ['2026-03-20', 'PAYMENT', '0.00', '500.00', '-172.20'],
      ['2026-03-25', 'REFUND', '172.20', '0.00', '0.00'],
    ]);
    expect(s).toMatchObject({ totalDebit: '512.10', totalCredit: '612.00', closing: '0.00' });
  });

  it('ignores what is dated after the period, and counts the first and last days in it', () => {
    const s = statementBalances(movements, { from: '2026-03-05', to: '2026-03-12' });
    expect(s.opening).toBe('99.90');
    expect(s.lines.map((l) => l.date)).toEqual(['2026-03-05', '2026-03-05', '2026-03-05', '2026-03-10', '2026-03-12']);
    expect(s.closing).toBe('327.80');
    expect(statementBalances(movements, { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ opening: '0.00', closing: '50.00' });
  });

  it('keeps an invoice’s retention right after it when several invoices share the day', () => {
    const s = statementBalances(
      [
        mv('2026-03-02', 'INVOICE', '100.00', 'F-2026-00011'),
        mv('2026-03-02', 'RETENTION', '-5.00', 'F-2026-00010'),
        mv('2026-03-02', 'INVOICE', '200.00', 'F-2026-00010'),
      ],
      MARCH,
    );
    expect(s.lines.map((l) => `${l.kind} ${l.reference}`)).toEqual([
      'INVOICE F-2026-00010',
      'RETENTION F-2026-00010',
      'INVOICE F-2026-00011',
    ]);
  });

  it('adds cents exactly, with a zero opening when nothing came before', () => {
    const s = statementBalances(
      [mv('2026-03-01', 'INVOICE', '0.10', 'A'), mv('2026-03-02', 'INVOICE', '0.20', 'B'), mv('2026-03-03', 'PAYMENT', '-0.30')],
      MARCH,
    );
    expect(s.opening).toBe('0.00');
    expect(s.lines.map((l) => l.balance)).toEqual(['0.10', '0.30', '0.00']);
    expect(statementBalances([], MARCH)).toMatchObject({
      opening: '0.00',
      lines: [],
      totalDebit: '0.00',
      totalCredit: '0.00',
      closing: '0.00',
    });
  });

  it('refuses a period that ends before it starts, or a date that is not one', () => {
    expect(() => statementBalances([], { from: '2026-03-31', to: '2026-03-01' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'to', message: expect.any(String), reason: expect.any(String) }] },
      }),
    );
    expect(() => statementBalances([], { from: '01/03/2026', to: '2026-03-31' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('movementLabel', () => {
  it('words each movement in French', () => {
    expect(movementLabel({ kind: 'DEPOSIT_INVOICE', number: 'FA-2026-00002' })).toBe('Facture d’acompte FA-2026-00002');
    expect(movementLabel({ kind: 'CREDIT_NOTE', number: 'AV-2026-00001', related: 'F-2026-00007' })).toBe(
      'Avoir AV-2026-00001 sur la facture F-2026-00007',
    );
    expect(movementLabel({ kind: 'PAYMENT', number: null, method: 'CHECK', reference: 'CHQ 1234567' })).toBe(
      'Règlement par chèque — CHQ 1234567',
    );
    expect(movementLabel({ kind: 'PAYMENT_REVERSED', number: null, related: '2026-03-05', reason: 'Chèque impayé' })).toBe(
      'Annulation du règlement du 05/03/2026 — Chèque impayé',
    );
    expect(movementLabel({ kind: 'REFUND', number: null, method: 'TRANSFER' })).toBe('Remboursement par virement');
    expect(movementLabel({ kind: 'WRITE_OFF', number: 'F-2026-00042', writeOffKind: 'IRRECOVERABLE' })).toBe(
      'Passage en perte — F-2026-00042 (créance irrécouvrable)',
    );
    expect(movementLabel({ kind: 'WRITE_OFF_CANCELLED', number: 'F-2026-00042', writeOffKind: 'SMALL_BALANCE' })).toBe(
      'Annulation du passage en perte — F-2026-00042 (solde minime)',
    );
  });
});

describe('write-offs on the statement', () => {
  it('credits the written-off amount on its date and debits it back on the cancellation’s, after the day’s payments', () => {
    const s = statementBalances(
      [
        mv('2026-03-10', 'WRITE_OFF_CANCELLED', '150.00', 'F-2026-00042'),
        mv('2026-03-02', 'WRITE_OFF', '-150.00', 'F-2026-00042'),
        mv('2026-03-02', 'PAYMENT', '-150.00', 'VIR 0302'),
        mv('2026-02-01', 'INVOICE', '300.00', 'F-2026-00042'),
        mv('2026-03-20', 'WRITE_OFF_CANCELLED', '2.50', 'F-2026-00043'),
        mv('2026-03-20', 'WRITE_OFF', '-2.50', 'F-2026-00043'),
      ],
      MARCH,
    );
    expect(s.opening).toBe('300.00');
    expect(s.lines.map((l) => [l.date, l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['2026-03-02', 'PAYMENT', '0.00', '150.00', '150.00'],
      ['2026-03-02', 'WRITE_OFF', '0.00', '150.00', '0.00'],
      ['2026-03-10', 'WRITE_OFF_CANCELLED', '150.00', '0.00', '150.00'],
      // Written off and cancelled the same day: the write-off first.
      ['2026-03-20', 'WRITE_OFF', '0.00', '2.50', '147.50'],
      ['2026-03-20', 'WRITE_OFF_CANCELLED', '2.50', '0.00', '150.00'],
    ]);
    expect(s).toMatchObject({ totalDebit: '152.50', totalCredit: '302.50', closing: '150.00' });
  });
});
