import { Money, parseDecimal } from '../../billing/money';
import { Errors, Validator } from '../../shared/errors';
import { isLocalDate } from '../../shared/time';
import { WRITE_OFF_KINDS, type WriteOffKind } from './write-off.entity';

export interface WriteOffInput {
  kind: WriteOffKind;
  /** Defaults to the whole open balance. */
  amount?: string | null;
  reason: string;
  writtenOffOn: string;
}

export interface ParsedWriteOff {
  kind: WriteOffKind;
  amount: Money | null;
  reason: string;
  writtenOffOn: string;
}

/** Checks a write-off's own fields; `today` is the tenant's local date (a write-off is never dated in the future). */
export function validateWriteOff(input: WriteOffInput, today: string): ParsedWriteOff {
  const amount = input.amount?.trim() ? parseDecimal(input.amount.trim(), 'amount', 2) : null;
  const reason = (input.reason ?? '').trim();
  new Validator()
    .check(WRITE_OFF_KINDS.includes(input.kind), 'kind', 'type de passage en perte inconnu', 'UNKNOWN_VALUE')
    .check(amount === null || amount.greaterThan(0), 'amount', 'montant positif', 'MUST_BE_POSITIVE')
    .check(reason.length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check(reason.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .check(isLocalDate(input.writtenOffOn), 'writtenOffOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(input.writtenOffOn) || input.writtenOffOn <= today, 'writtenOffOn', 'pas dans le futur', 'OUT_OF_RANGE')
    .throwIfInvalid();
  return { kind: input.kind, amount, reason, writtenOffOn: input.writtenOffOn };
}

/**
 * The amount a write-off takes: the one asked for, else the whole open balance. An invoice with
 * nothing open cannot be written off (NOT_PAYABLE); a small balance write-off stays within the
 * tenant's limit (SMALL_BALANCE_OVER_THRESHOLD). That it fits in the balance is checked by the
 * settlement (WRITE_OFF_EXCEEDS_BALANCE).
 */
export function writeOffAmount(
  parsed: Pick<ParsedWriteOff, 'kind' | 'amount'>,
  invoice: { id: string; number?: string | null; openBalance: string },
  smallBalanceLimit: string,
): Money {
  const balance = new Money(invoice.openBalance);
  if (!balance.greaterThan(0))
    throw Errors.conflict('NOT_PAYABLE', `La facture ${invoice.number} n’a plus de reste dû`, {
      invoiceId: invoice.id,
      openBalance: invoice.openBalance,
    });
  const amount = parsed.amount ?? balance;
  if (parsed.kind === 'SMALL_BALANCE' && amount.greaterThan(smallBalanceLimit))
    throw Errors.conflict(
      'SMALL_BALANCE_OVER_THRESHOLD',
      `${amount.toFixed(2)} € dépasse le plafond des petits soldes (${new Money(smallBalanceLimit).toFixed(2)} €)`,
      { invoiceId: invoice.id, amount: amount.toFixed(2), threshold: new Money(smallBalanceLimit).toFixed(2) },
    );
  return amount;
}
