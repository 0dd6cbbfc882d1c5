import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Invoice } from './invoice.entity';
import { openBalanceOf } from './invoice-status';
import { Money } from './money';
import { Errors } from '../shared/errors';

/**
 * How other contexts settle invoices: finance allocates payments and credit surpluses through
 * these functions, billing keeps the settlement columns (`paid_amount`, `credited_amount`, `written_off_amount`, and
 * `last_payment_on`, the latest receipt of the payments allocated, which tells how late it was paid).
 * Callers lock first, then change, in one transaction.
 */

/** Locks the invoices in id order (concurrent allocations over the same invoices never deadlock). */
export async function lockInvoicesForSettlement(em: EntityManager, ids: readonly string[]): Promise<Map<string, Invoice>> {
  const sorted = [...new Set(ids)].sort();
  const invoices = new Map<string, Invoice>();
  for (const id of sorted) {
    const invoice = await em.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!invoice) throw Errors.notFound('Invoice', id);
    invoices.set(id, invoice);
  }
  return invoices;
}

/** Only an issued invoice (not a credit note) is paid, credited or written off (NOT_PAYABLE). */
export function assertSettleable(invoice: Invoice): void {
  if (invoice.status !== 'ISSUED' || invoice.typeCode === '381')
    throw Errors.conflict('NOT_PAYABLE', `La facture ${invoice.number ?? '(brouillon)'} n’est pas une facture émise`, {
      invoiceId: invoice.id,
      status: invoice.status,
    });
}

/** Adds a payment received on `receivedOn` to a locked invoice, never beyond its open balance. */
export function applyPaymentToInvoice(invoice: Invoice, amount: Money, receivedOn: string): void {
  assertSettleable(invoice);
  const balance = openBalanceOf(invoice);
  if (amount.greaterThan(balance))
    throw Errors.conflict(
      'PAYMENT_EXCEEDS_BALANCE',
      `${amount.toFixed(2)} € dépasse le reste dû de la facture ${invoice.number} (${balance} €)`,
      { invoiceId: invoice.id, invoiceNumber: invoice.number, openBalance: balance },
    );
  invoice.paidAmount = new Money(invoice.paidAmount).plus(amount).toFixed(2);
  if (!invoice.lastPaymentOn || receivedOn > invoice.lastPaymentOn) invoice.lastPaymentOn = receivedOn;
  invoice.updatedAt = new Date();
}

/**
 * Takes a payment back from a locked invoice (a reversed payment, an undone allocation): the invoice
 * is open again. `latestRemaining` is the latest receipt of the payments still allocated to it
 * (null when none is left).
 */
export function releasePaymentFromInvoice(invoice: Invoice, amount: Money, latestRemaining: string | null): void {
  const paid = new Money(invoice.paidAmount).minus(amount);
  if (paid.isNegative()) throw new Error(`invoice ${invoice.id} would be paid below zero`);
  invoice.paidAmount = paid.toFixed(2);
  invoice.lastPaymentOn = latestRemaining;
  invoice.updatedAt = new Date();
}

/** What a credit note left over on the invoice it credited (that invoice was already paid): its negative open balance. */
export function creditSurplusOf(invoice: Invoice): Money {
  const balance = new Money(openBalanceOf(invoice));
  return balance.isNegative() ? balance.negated() : new Money(0);
}

/**
 * Moves credit from the invoice a credit note credited (`from`, whose balance is negative) to
 * another invoice of the same customer (`to`), within the surplus and `to`'s open balance.
 */
export function moveCreditBetweenInvoices(from: Invoice, to: Invoice, amount: Money): void {
  assertSettleable(to);
  if (from.customerId !== to.customerId)
    throw Errors.conflict('OTHER_CUSTOMER', `La facture ${to.number} est celle d’un autre client`, { invoiceId: to.id });
  const surplus = creditSurplusOf(from);
  if (amount.greaterThan(surplus))
    throw Errors.conflict('CREDIT_EXCEEDS_SURPLUS', `${amount.toFixed(2)} € dépasse l’avoir disponible (${surplus.toFixed(2)} €)`, {
      invoiceId: from.id,
      available: surplus.toFixed(2),
    });
  const balance = openBalanceOf(to);
  if (amount.greaterThan(balance))
    throw Errors.conflict(
      'PAYMENT_EXCEEDS_BALANCE',
      `${amount.toFixed(2)} € dépasse le reste dû de la facture ${to.number} (${balance} €)`,
      { invoiceId: to.id, invoiceNumber: to.number, openBalance: balance },
    );
  from.creditedAmount = new Money(from.creditedAmount).minus(amount).toFixed(2);
  to.creditedAmount = new Money(to.creditedAmount).plus(amount).toFixed(2);
  from.updatedAt = to.updatedAt = new Date();
}

/** A write-off of `amount` is possible on the invoice: an issued invoice, within its open balance (WRITE_OFF_EXCEEDS_BALANCE). */
export function assertWriteOffFits(invoice: Invoice, amount: Money): void {
  assertSettleable(invoice);
  const balance = openBalanceOf(invoice);
  if (amount.greaterThan(balance))
    throw Errors.conflict(
      'WRITE_OFF_EXCEEDS_BALANCE',
      `${amount.toFixed(2)} € dépasse le reste dû de la facture ${invoice.number} (${balance} €)`,
      { invoiceId: invoice.id, invoiceNumber: invoice.number, openBalance: balance },
    );
}

/**
 * Passes part of a locked invoice's open balance to losses (a write-off), never beyond it: the
 * invoice leaves receivables, dunning and direct debit once nothing is left open.
 */
export function writeOffOnInvoice(invoice: Invoice, amount: Money): void {
  assertWriteOffFits(invoice, amount);
  invoice.writtenOffAmount = new Money(invoice.writtenOffAmount).plus(amount).toFixed(2);
  invoice.updatedAt = new Date();
}

/** Takes a cancelled write-off back from a locked invoice: the amount is open again. */
export function releaseWriteOff(invoice: Invoice, amount: Money): void {
  const writtenOff = new Money(invoice.writtenOffAmount).minus(amount);
  if (writtenOff.isNegative()) throw new Error(`invoice ${invoice.id} would be written off below zero`);
  invoice.writtenOffAmount = writtenOff.toFixed(2);
  invoice.updatedAt = new Date();
}
