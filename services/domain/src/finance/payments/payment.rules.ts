import { sumAmounts, parseDecimal, toAmount, type Money } from '../../billing/money';
import { Errors, Validator } from '../../shared/errors';
import { ibanProblems } from '../sepa/bank-account';
import { isLocalDate } from '../../shared/time';
import { PAYMENT_METHODS, type PaymentMethod } from './payment.entity';

export interface AllocationInput {
  invoiceId: string;
  amount: string;
}

export interface PaymentInput {
  customerId: string;
  receivedOn: string;
  amount: string;
  method: PaymentMethod;
  payerName?: string | null;
  payerIban?: string | null;
  reference?: string | null;
  allocations?: AllocationInput[] | null;
}

/** Allocations as parsed amounts, one per invoice, refused together with the field that is wrong. */
export function parseAllocations(allocations: readonly AllocationInput[], field = 'allocations'): { invoiceId: string; amount: Money }[] {
  const v = new Validator();
  const seen = new Set<string>();
  const parsed = allocations.map((a, i) => {
    const amount = parseDecimal(a.amount, `${field}[${i}].amount`, 2);
    v.check(amount.greaterThan(0), `${field}[${i}].amount`, 'montant positif');
    v.check(!seen.has(a.invoiceId), `${field}[${i}].invoiceId`, 'facture déjà affectée dans cette saisie');
    seen.add(a.invoiceId);
    return { invoiceId: a.invoiceId, amount };
  });
  v.throwIfInvalid();
  return parsed;
}

/** Checks a payment's own fields and that its allocations fit in it; `today` is the tenant's local date. */
export function validatePayment(
  input: PaymentInput,
  today: string,
): { amount: Money; allocations: { invoiceId: string; amount: Money }[] } {
  const amount = parseDecimal(input.amount, 'amount', 2);
  const allocations = parseAllocations(input.allocations ?? []);
  new Validator()
    .check(amount.greaterThan(0), 'amount', 'montant positif')
    .check(isLocalDate(input.receivedOn), 'receivedOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(input.receivedOn) || input.receivedOn <= today, 'receivedOn', 'pas dans le futur')
    .check(PAYMENT_METHODS.includes(input.method), 'method', 'mode de paiement inconnu')
    .check((input.reference ?? '').length <= 140, 'reference', 'au plus 140 caractères', 'TOO_LONG')
    .check((input.payerName ?? '').length <= 140, 'payerName', 'au plus 140 caractères', 'TOO_LONG')
    .check(
      !sumAmounts(allocations.map((a) => a.amount)).greaterThan(amount),
      'allocations',
      `les affectations dépassent le montant du règlement (${toAmount(amount)} €)`,
    )
    .throwIfInvalid();
  if (input.payerIban?.trim()) {
    const problems = ibanProblems(input.payerIban, 'payerIban');
    if (problems.length > 0) throw Errors.validation(problems);
  }
  return { amount, allocations };
}
