import { MONEY_ZERO, parseDecimal, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { frenchDate, isLocalDate } from '../../shared/time';
import type { PaymentMethod } from '../payments/payment.entity';
import type { WriteOffKind } from '../write-offs/write-off.entity';

/**
 * Customer statement (relevé de compte): what the customer owed at the start of a period, every
 * movement of the period in date order with the running balance, and what they owe at its end.
 * A positive amount increases what the customer owes (an invoice, a reversed payment, a refund);
 * a negative one reduces it (a credit note, a payment). Credit moved between two invoices of the
 * customer is no movement: their total does not change. A write-off (passage en perte) reduces it
 * like a payment, on its date; its cancellation puts the amount back on the cancellation's date.
 */

export type StatementMovementKind =
  | 'INVOICE'
  | 'DEPOSIT_INVOICE'
  | 'RETENTION'
  | 'CREDIT_NOTE'
  | 'PAYMENT'
  | 'PAYMENT_REVERSED'
  | 'REFUND'
  | 'WRITE_OFF'
  | 'WRITE_OFF_CANCELLED';

export interface StatementMovement {
  date: string;
  kind: StatementMovementKind;
  /** The invoice, credit note or payment it comes from (a refund: the payment refunded; a write-off or its cancellation: the invoice). */
  sourceId: string;
  /** The document's number, or the payment's bank reference. */
  reference: string | null;
  label: string;
  /** Signed, 2 decimals: positive is owed by the customer. */
  amount: string;
}

export interface StatementLine extends StatementMovement {
  debit: string;
  credit: string;
  /** The balance after this line. */
  balance: string;
}

export interface StatementBalances {
  from: string;
  to: string;
  /** What the customer owed at the start of `from` (movements dated before it). */
  opening: string;
  lines: StatementLine[];
  totalDebit: string;
  totalCredit: string;
  /** What the customer owes at the end of `to`; negative: what we owe them. */
  closing: string;
}

/** Same-day order: documents before money, write-offs last; an invoice's retention right after it. */
const DAY_ORDER: Record<StatementMovementKind, [number, number]> = {
  INVOICE: [0, 0],
  DEPOSIT_INVOICE: [0, 0],
  RETENTION: [0, 1],
  CREDIT_NOTE: [1, 0],
  PAYMENT: [2, 0],
  PAYMENT_REVERSED: [3, 0],
  REFUND: [4, 0],
  WRITE_OFF: [5, 0],
  WRITE_OFF_CANCELLED: [5, 1],
};

function compareMovements(a: StatementMovement, b: StatementMovement): number {
  const [groupA, subA] = DAY_ORDER[a.kind];
  const [groupB, subB] = DAY_ORDER[b.kind];
  return (
    a.date.localeCompare(b.date) ||
    groupA - groupB ||
    (a.reference ?? '').localeCompare(b.reference ?? '') ||
    subA - subB ||
    a.sourceId.localeCompare(b.sourceId)
  );
}

export function validatePeriod(period: { from: string; to: string }): void {
  new Validator()
    .check(isLocalDate(period.from), 'from', 'date AAAA-MM-JJ attendue', 'DATE_EXPECTED')
    .check(isLocalDate(period.to), 'to', 'date AAAA-MM-JJ attendue', 'DATE_EXPECTED')
    .throwIfInvalid();
  new Validator().check(period.from <= period.to, 'to', 'la fin de la période précède son début').throwIfInvalid();
}

/**
 * Opening balance, the period's lines with their running balance, totals and closing balance,
 * from every movement up to `to` (later ones are ignored). Exact to the cent.
 */
export function statementBalances(movements: readonly StatementMovement[], period: { from: string; to: string }): StatementBalances {
  validatePeriod(period);
  let opening = MONEY_ZERO;
  let debit = MONEY_ZERO;
  let credit = MONEY_ZERO;
  const inPeriod: { movement: StatementMovement; amount: ReturnType<typeof parseDecimal> }[] = [];
  movements.forEach((movement, i) => {
    const amount = parseDecimal(movement.amount, `movements[${i}].amount`, 2);
    if (movement.date < period.from) opening = opening.plus(amount);
    else if (movement.date <= period.to) inPeriod.push({ movement, amount });
  });
  inPeriod.sort((a, b) => compareMovements(a.movement, b.movement));
  let balance = opening;
  const lines = inPeriod.map(({ movement, amount }) => {
    balance = balance.plus(amount);
    if (amount.isNegative()) credit = credit.minus(amount);
    else debit = debit.plus(amount);
    return {
      ...movement,
      amount: toAmount(amount),
      debit: amount.isNegative() ? '0.00' : toAmount(amount),
      credit: amount.isNegative() ? toAmount(amount.negated()) : '0.00',
      balance: toAmount(balance),
    };
  });
  return {
    from: period.from,
    to: period.to,
    opening: toAmount(opening),
    lines,
    totalDebit: toAmount(debit),
    totalCredit: toAmount(credit),
    closing: toAmount(balance),
  };
}

const METHOD_LABELS: Record<PaymentMethod, string> = {
  TRANSFER: 'virement',
  CHECK: 'chèque',
  CARD: 'carte bancaire',
  CASH: 'espèces',
  DIRECT_DEBIT: 'prélèvement SEPA',
};

const WRITE_OFF_KIND_LABELS: Record<WriteOffKind, string> = {
  IRRECOVERABLE: 'créance irrécouvrable',
  SMALL_BALANCE: 'solde minime',
};

export interface MovementFacts {
  kind: StatementMovementKind;
  number: string | null;
  method?: PaymentMethod | null;
  reference?: string | null;
  /** The credited invoice's number (credit note), or the payment's receipt date (reversal). */
  related?: string | null;
  reason?: string | null;
  /** A write-off's kind (a write-off or its cancellation). */
  writeOffKind?: WriteOffKind | null;
}

/** The line's wording on the statement, in French. */
export function movementLabel(m: MovementFacts): string {
  const ref = m.reference?.trim() ? ` — ${m.reference.trim()}` : '';
  const method = m.method ? METHOD_LABELS[m.method] : 'règlement';
  const writeOffKind = m.writeOffKind ? ` (${WRITE_OFF_KIND_LABELS[m.writeOffKind]})` : '';
  switch (m.kind) {
    case 'INVOICE':
      return `Facture ${m.number}`;
    case 'DEPOSIT_INVOICE':
      return `Facture d’acompte ${m.number}`;
    case 'RETENTION':
      return `Retenue de garantie sur la facture ${m.number}`;
    case 'CREDIT_NOTE':
      return `Avoir ${m.number}${m.related ? ` sur la facture ${m.related}` : ''}`;
    case 'PAYMENT':
      return `Règlement par ${method}${ref}`;
    case 'PAYMENT_REVERSED':
      return `Annulation du règlement${m.related ? ` du ${frenchDate(m.related)}` : ''}${m.reason?.trim() ? ` — ${m.reason.trim()}` : ref}`;
    case 'REFUND':
      return `Remboursement par ${method}${ref}`;
    case 'WRITE_OFF':
      return `Passage en perte — ${m.number}${writeOffKind}`;
    case 'WRITE_OFF_CANCELLED':
      return `Annulation du passage en perte — ${m.number}${writeOffKind}`;
  }
}
