import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Payment, PaymentAllocation, PaymentRefund, CreditAllocation, PAYMENT_METHODS, type PaymentMethod } from './payment.entity';
import { parseAllocations, validatePayment, type AllocationInput, type PaymentInput } from './payment.rules';
import { Invoice } from '../../billing/invoice.entity';
import {
  applyPaymentToInvoice,
  lockInvoicesForSettlement,
  moveCreditBetweenInvoices,
  releasePaymentFromInvoice,
} from '../../billing/invoice-settlement';
import { Money, parseDecimal, sumAmounts, toAmount } from '../../billing/money';
import { Customer } from '../../maintenance/customer.entity';
import { recordFact } from '../../platform/business-facts';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId, uuidArrayLiteral } from '../../shared/ids';
import { isLocalDate, localDate } from '../../shared/time';
import { normalizeIban } from '../sepa/bank-account';
import { assertPeriodOpen } from '../periods/period-guard';

const stale = 'Le règlement a été modifié entre-temps ; rechargez-le';

async function lockPayment(em: EntityManager, id: string): Promise<Payment> {
  const payment = await em.findOne(Payment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!payment) throw Errors.notFound('Payment', id);
  return payment;
}

/**
 * Allocates parts of a locked payment to invoices of its customer (locked here, in id order).
 * Refuses the whole set when one part does not fit: nothing is written.
 */
async function allocate(
  em: EntityManager,
  identity: Identity,
  payment: Payment,
  allocations: { invoiceId: string; amount: Money }[],
  on: string,
): Promise<PaymentAllocation[]> {
  if (allocations.length === 0) return [];
  if (payment.reversedOn) throw Errors.conflict('PAYMENT_REVERSED', 'Ce règlement a été annulé', { paymentId: payment.id });
  const total = sumAmounts(allocations.map((a) => a.amount));
  if (total.greaterThan(payment.unallocatedAmount ?? payment.amount))
    throw Errors.conflict(
      'ALLOCATION_EXCEEDS_PAYMENT',
      `${toAmount(total)} € dépasse le reste à affecter (${payment.unallocatedAmount} €)`,
      {
        paymentId: payment.id,
        unallocated: payment.unallocatedAmount,
      },
    );
  const invoices = await lockInvoicesForSettlement(
    em,
    allocations.map((a) => a.invoiceId),
  );
  const created = allocations.map(({ invoiceId, amount }) => {
    const invoice = invoices.get(invoiceId)!;
    if (invoice.customerId !== payment.customerId)
      throw Errors.conflict('OTHER_CUSTOMER', `La facture ${invoice.number ?? invoiceId} est celle d’un autre client`, { invoiceId });
    applyPaymentToInvoice(invoice, amount, payment.receivedOn);
    return em.create(PaymentAllocation, {
      id: newId(),
      tenantId: identity.tenantId,
      paymentId: payment.id,
      invoiceId,
      amount: toAmount(amount),
      allocatedOn: on,
      allocatedBy: actorId(identity),
    });
  });
  payment.allocatedAmount = toAmount(new Money(payment.allocatedAmount).plus(total));
  recordFact(em, identity, {
    kind: 'payment.allocated',
    subjectType: 'Payment',
    subjectId: payment.id,
    occurredOn: on,
    payload: { allocations: created.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })) },
  });
  return created;
}

/**
 * The latest receipt of the payments that stay allocated to each invoice once the allocations
 * `released` are undone (what the invoices' `lastPaymentOn` becomes); invoices left with none are
 * absent.
 */
async function latestRemainingReceipts(
  em: EntityManager,
  invoiceIds: readonly string[],
  released: readonly string[],
): Promise<Map<string, string>> {
  const rows = await em.execute<{ invoice_id: string; received_on: string }[]>(
    `select a.invoice_id, max(p.received_on)::text as received_on
       from payment_allocations a join payments p on p.tenant_id = a.tenant_id and p.id = a.payment_id
      where a.invoice_id = any(?::uuid[]) and a.released_at is null and a.id <> all(?::uuid[])
      group by a.invoice_id`,
    [uuidArrayLiteral([...invoiceIds]), uuidArrayLiteral([...released])],
  );
  return new Map(rows.map((r) => [r.invoice_id, r.received_on]));
}

/** Records money received from a customer and, optionally, its allocation to invoices, in one transaction. */
export async function recordPayment(em: EntityManager, identity: Identity, input: PaymentInput): Promise<Payment> {
  const today = localDate(new Date());
  const { amount, allocations } = validatePayment(input, today);
  await assertPeriodOpen(em, input.receivedOn);
  const iban = input.payerIban?.trim() ? normalizeIban(input.payerIban) : null;
  const customer = await em.findOne(Customer, { id: input.customerId });
  if (!customer) throw Errors.notFound('Customer', input.customerId);
  const payment = em.create(Payment, {
    id: newId(),
    tenantId: identity.tenantId,
    customerId: customer.id,
    receivedOn: input.receivedOn,
    amount: toAmount(amount),
    method: input.method,
    payerName: input.payerName?.trim() || null,
    payerIban: iban,
    reference: input.reference?.trim() || null,
    recordedBy: actorId(identity),
  });
  payment.unallocatedAmount = payment.amount;
  recordFact(em, identity, {
    kind: 'payment.recorded',
    subjectType: 'Payment',
    subjectId: payment.id,
    occurredOn: input.receivedOn,
    payload: { customerId: customer.id, amount: payment.amount, method: payment.method },
  });
  await em.flush();
  await allocate(em, identity, payment, allocations, input.receivedOn);
  await em.flush();
  await em.refresh(payment);
  return payment;
}

/** Allocates what is left of a payment (the customer's credit) to invoices of the same customer. */
export async function allocatePayment(
  em: EntityManager,
  identity: Identity,
  paymentId: string,
  input: { allocations: AllocationInput[]; expectedVersion?: number | null },
): Promise<Payment> {
  const allocations = parseAllocations(input.allocations);
  new Validator().check(allocations.length > 0, 'allocations', 'au moins une facture').throwIfInvalid();
  const payment = await lockPayment(em, paymentId);
  assertExpectedVersion(payment, input.expectedVersion, stale);
  await allocate(em, identity, payment, allocations, localDate(new Date()));
  await em.flush();
  await em.refresh(payment);
  return payment;
}

/** Undoes one allocation made by mistake: the invoice is open again, the amount back to the customer's credit. */
export async function releaseAllocation(em: EntityManager, identity: Identity, allocationId: string, reason: string): Promise<Payment> {
  new Validator().check(reason.trim().length > 0, 'reason', 'motif obligatoire', 'REQUIRED').throwIfInvalid();
  const found = await em.findOne(PaymentAllocation, { id: allocationId });
  if (!found) throw Errors.notFound('PaymentAllocation', allocationId);
  const payment = await lockPayment(em, found.paymentId);
  const allocation = await em.findOneOrFail(PaymentAllocation, { id: allocationId }, { refresh: true });
  if (allocation.releasedAt) throw Errors.conflict('ALLOCATION_RELEASED', 'Cette affectation a déjà été annulée', { allocationId });
  const invoices = await lockInvoicesForSettlement(em, [allocation.invoiceId]);
  const latest = await latestRemainingReceipts(em, [allocation.invoiceId], [allocation.id]);
  releasePaymentFromInvoice(invoices.get(allocation.invoiceId)!, new Money(allocation.amount), latest.get(allocation.invoiceId) ?? null);
  allocation.releasedAt = new Date();
  allocation.releaseReason = reason.trim();
  payment.allocatedAmount = toAmount(new Money(payment.allocatedAmount).minus(allocation.amount));
  recordFact(em, identity, {
    kind: 'payment.allocated',
    subjectType: 'Payment',
    subjectId: payment.id,
    occurredOn: localDate(new Date()),
    payload: { released: [{ invoiceId: allocation.invoiceId, amount: allocation.amount }], reason: reason.trim() },
  });
  await em.flush();
  await em.refresh(payment);
  return payment;
}

/**
 * The money did not arrive after all (rejected cheque, returned direct debit): the payment keeps
 * its history and the reason, its allocations are released and the invoices are open again.
 */
export async function reversePayment(
  em: EntityManager,
  identity: Identity,
  paymentId: string,
  input: { reversedOn: string; reason: string; expectedVersion?: number | null },
): Promise<Payment> {
  new Validator()
    .check(isLocalDate(input.reversedOn), 'reversedOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(input.reason.trim().length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check((input.reason ?? '').length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const payment = await lockPayment(em, paymentId);
  assertExpectedVersion(payment, input.expectedVersion, stale);
  if (payment.reversedOn) throw Errors.conflict('PAYMENT_REVERSED', 'Ce règlement a déjà été annulé', { paymentId });
  if (new Money(payment.refundedAmount).greaterThan(0))
    throw Errors.conflict('PAYMENT_REFUNDED', 'Une partie de ce règlement a été remboursée : il ne peut plus être annulé', { paymentId });
  new Validator()
    .check(input.reversedOn >= payment.receivedOn, 'reversedOn', `pas avant la réception (${payment.receivedOn})`)
    .throwIfInvalid();
  await assertPeriodOpen(em, input.reversedOn);
  const allocations = await em.find(PaymentAllocation, { paymentId, releasedAt: null });
  const invoices = await lockInvoicesForSettlement(
    em,
    allocations.map((a) => a.invoiceId),
  );
  const latest = await latestRemainingReceipts(
    em,
    allocations.map((a) => a.invoiceId),
    allocations.map((a) => a.id),
  );
  const releasedAt = new Date();
  for (const allocation of allocations) {
    releasePaymentFromInvoice(invoices.get(allocation.invoiceId)!, new Money(allocation.amount), latest.get(allocation.invoiceId) ?? null);
    allocation.releasedAt = releasedAt;
    allocation.releaseReason = input.reason.trim();
  }
  payment.allocatedAmount = '0.00';
  payment.reversedOn = input.reversedOn;
  payment.reversalReason = input.reason.trim();
  recordFact(em, identity, {
    kind: 'payment.reversed',
    subjectType: 'Payment',
    subjectId: payment.id,
    occurredOn: input.reversedOn,
    payload: {
      amount: payment.amount,
      reason: payment.reversalReason,
      reopened: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
    },
  });
  await em.flush();
  await em.refresh(payment);
  return payment;
}

/** Pays back part or all of a payment's unallocated credit to the customer. */
export async function refundPayment(
  em: EntityManager,
  identity: Identity,
  paymentId: string,
  input: { refundedOn: string; amount: string; method: PaymentMethod; reference?: string | null },
): Promise<Payment> {
  const amount = parseDecimal(input.amount, 'amount', 2);
  new Validator()
    .check(amount.greaterThan(0), 'amount', 'montant positif')
    .check(isLocalDate(input.refundedOn), 'refundedOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(PAYMENT_METHODS.includes(input.method), 'method', 'mode de paiement inconnu')
    .throwIfInvalid();
  await assertPeriodOpen(em, input.refundedOn);
  const payment = await lockPayment(em, paymentId);
  if (payment.reversedOn) throw Errors.conflict('PAYMENT_REVERSED', 'Ce règlement a été annulé', { paymentId });
  if (amount.greaterThan(payment.unallocatedAmount!))
    throw Errors.conflict('REFUND_EXCEEDS_CREDIT', `${toAmount(amount)} € dépasse le crédit disponible (${payment.unallocatedAmount} €)`, {
      paymentId,
      unallocated: payment.unallocatedAmount,
    });
  em.create(PaymentRefund, {
    id: newId(),
    tenantId: identity.tenantId,
    paymentId,
    refundedOn: input.refundedOn,
    amount: toAmount(amount),
    method: input.method,
    reference: input.reference?.trim() || null,
    refundedBy: actorId(identity),
  });
  payment.refundedAmount = toAmount(new Money(payment.refundedAmount).plus(amount));
  recordFact(em, identity, {
    kind: 'payment.refunded',
    subjectType: 'Payment',
    subjectId: paymentId,
    occurredOn: input.refundedOn,
    payload: { amount: toAmount(amount), method: input.method },
  });
  await em.flush();
  await em.refresh(payment);
  return payment;
}

/**
 * Allocates what a credit note left over on the invoice it credited (already paid) to other
 * invoices of the same customer.
 */
export async function allocateCreditNote(
  em: EntityManager,
  identity: Identity,
  creditNoteId: string,
  input: { allocations: AllocationInput[] },
): Promise<CreditAllocation[]> {
  const allocations = parseAllocations(input.allocations);
  new Validator().check(allocations.length > 0, 'allocations', 'au moins une facture').throwIfInvalid();
  const creditNote = await em.findOne(Invoice, { id: creditNoteId });
  if (!creditNote) throw Errors.notFound('Invoice', creditNoteId);
  if (creditNote.typeCode !== '381' || creditNote.status !== 'ISSUED')
    throw Errors.conflict('NOT_A_CREDIT_NOTE', 'Seul un avoir émis peut être affecté', { invoiceId: creditNoteId });
  const fromId = creditNote.creditedInvoiceId!;
  const invoices = await lockInvoicesForSettlement(em, [fromId, ...allocations.map((a) => a.invoiceId)]);
  const from = invoices.get(fromId)!;
  const today = localDate(new Date());
  const created = allocations.map(({ invoiceId, amount }) => {
    if (invoiceId === fromId)
      throw Errors.validation([{ field: 'allocations', message: 'la facture créditée par cet avoir ne peut pas la recevoir' }]);
    moveCreditBetweenInvoices(from, invoices.get(invoiceId)!, amount);
    return em.create(CreditAllocation, {
      id: newId(),
      tenantId: identity.tenantId,
      creditNoteId,
      fromInvoiceId: fromId,
      invoiceId,
      amount: toAmount(amount),
      allocatedOn: today,
      allocatedBy: actorId(identity),
    });
  });
  recordFact(em, identity, {
    kind: 'credit.allocated',
    subjectType: 'Invoice',
    subjectId: creditNoteId,
    occurredOn: today,
    payload: { fromInvoiceId: fromId, allocations: created.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })) },
  });
  await em.flush();
  return created;
}
