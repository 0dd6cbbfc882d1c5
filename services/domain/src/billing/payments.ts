import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Invoice, InvoicePayment, PAYMENT_METHODS, type PaymentMethod } from './invoice.entity';
import { openBalanceOf } from './invoice-status';
import { Money, parseDecimal } from './money';
import { Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { localDate } from '../shared/time';

/** Payments received against an issued invoice; an invoice is never paid beyond its open balance. */

export interface PaymentInput {
  amount: string;
  paidOn: string;
  method: PaymentMethod;
  reference?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function recordPayment(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: PaymentInput,
): Promise<InvoicePayment> {
  const amount = parseDecimal(input.amount, 'amount', 2);
  new Validator()
    .check(amount.greaterThan(0), 'amount', 'montant positif')
    .check(DATE.test(input.paidOn), 'paidOn', 'date AAAA-MM-JJ')
    .check(PAYMENT_METHODS.includes(input.method), 'method', 'mode de paiement inconnu')
    .check((input.reference ?? '').length <= 140, 'reference', 'au plus 140 caractères')
    .throwIfInvalid();
  const invoice = await em.findOne(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status !== 'ISSUED' || invoice.typeCode === '381')
    throw Errors.conflict('NOT_PAYABLE', 'Un règlement s’enregistre sur une facture émise', { invoiceId, status: invoice.status });
  new Validator()
    .check(input.paidOn >= invoice.issueDate!, 'paidOn', `pas avant l’émission (${invoice.issueDate})`)
    .check(input.paidOn <= localDate(new Date()), 'paidOn', 'pas dans le futur')
    .throwIfInvalid();
  const balance = openBalanceOf(invoice);
  if (amount.greaterThan(balance))
    throw Errors.conflict('PAYMENT_EXCEEDS_BALANCE', `Le règlement (${amount.toFixed(2)} €) dépasse le reste dû (${balance} €)`, {
      invoiceId,
      openBalance: balance,
    });
  const payment = em.create(InvoicePayment, {
    id: newId(),
    tenantId: identity.tenantId,
    invoiceId,
    paidOn: input.paidOn,
    amount: amount.toFixed(2),
    method: input.method,
    reference: input.reference?.trim() || null,
    recordedBy: identity.kind === 'user' ? identity.userId : null,
  });
  invoice.paidAmount = new Money(invoice.paidAmount).plus(amount).toFixed(2);
  invoice.updatedAt = new Date();
  await em.flush();
  return payment;
}

export const paymentsByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoicePayment, { invoiceId: { $in: [...ids] } }, { orderBy: { paidOn: 'asc', createdAt: 'asc' } });
