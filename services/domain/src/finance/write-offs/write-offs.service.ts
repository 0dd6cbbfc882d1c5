import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { InvoiceWriteOff } from './write-off.entity';
import { validateWriteOff, writeOffAmount, type WriteOffInput } from './write-off.rules';
import {
  assertSettleable,
  assertWriteOffFits,
  lockInvoicesForSettlement,
  releaseWriteOff,
  writeOffOnInvoice,
} from '../../billing/invoice-settlement';
import { openBalanceOf } from '../../billing/invoice-status';
import { Money, toAmount } from '../../billing/money';
import { Tenant } from '../../platform/tenant.entity';
import { recordFact } from '../../platform/business-facts';
import { Errors, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { localDate } from '../../shared/time';
import { assertPeriodOpen } from '../periods/period-guard';
import { writeOffEntryPreview } from '../ledger/posting';
import type { EntryDraft } from '../ledger/entry-building';
import { Invoice } from '../../billing/invoice.entity';

/**
 * Passes part or all of an invoice's open balance to losses (passage en perte), in one
 * transaction: the write-off, the invoice's settlement (through billing) and the fact the ledger
 * posts (`invoice.written_off`). Refused, with nothing written: a draft or a credit note, an
 * invoice with nothing open (NOT_PAYABLE), more than the balance (WRITE_OFF_EXCEEDS_BALANCE), a
 * small balance over the tenant's limit (SMALL_BALANCE_OVER_THRESHOLD), a closed period (PERIOD_CLOSED).
 */
export async function writeOffInvoice(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: WriteOffInput,
): Promise<InvoiceWriteOff> {
  const parsed = validateWriteOff(input, localDate(new Date()));
  await assertPeriodOpen(em, parsed.writtenOffOn);
  const invoice = (await lockInvoicesForSettlement(em, [invoiceId])).get(invoiceId)!;
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  assertSettleable(invoice);
  const amount = writeOffAmount(
    parsed,
    { id: invoice.id, number: invoice.number, openBalance: openBalanceOf(invoice) },
    tenant.smallBalanceWriteOffLimit,
  );
  writeOffOnInvoice(invoice, amount);
  const writeOff = em.create(InvoiceWriteOff, {
    id: newId(),
    tenantId: identity.tenantId,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    kind: parsed.kind,
    amount: toAmount(amount),
    reason: parsed.reason,
    writtenOffOn: parsed.writtenOffOn,
    writtenOffBy: actorId(identity),
    cancelledOn: null,
    cancelledBy: null,
  });
  recordFact(em, identity, {
    kind: 'invoice.written_off',
    subjectType: 'InvoiceWriteOff',
    subjectId: writeOff.id,
    occurredOn: writeOff.writtenOffOn,
    payload: {
      invoiceId: invoice.id,
      kind: writeOff.kind,
      amount: writeOff.amount,
      writtenOffOn: writeOff.writtenOffOn,
      reason: writeOff.reason,
    },
  });
  await em.flush();
  return writeOff;
}

/**
 * What `writeOffInvoice` would do with the same input, written nowhere: the amount it takes and
 * the OD entry the ledger will post for it. Refused as `writeOffInvoice` refuses.
 */
export async function previewWriteOff(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: WriteOffInput,
): Promise<{ amount: string; entry: EntryDraft | null }> {
  const parsed = validateWriteOff(input, localDate(new Date()));
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  assertSettleable(invoice);
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  const taken = writeOffAmount(
    parsed,
    { id: invoice.id, number: invoice.number, openBalance: openBalanceOf(invoice) },
    tenant.smallBalanceWriteOffLimit,
  );
  assertWriteOffFits(invoice, taken);
  const amount = toAmount(taken);
  const entry = await writeOffEntryPreview(em, identity.tenantId, {
    invoiceId: invoice.id,
    kind: parsed.kind,
    amount,
    writtenOffOn: parsed.writtenOffOn,
  });
  return { amount, entry };
}

/**
 * Cancels a write-off while its period is open, dated today: the amount is open again on the
 * invoice and the ledger posts the mirror entry (`invoice.write_off_cancelled`).
 */
export async function cancelWriteOff(
  em: EntityManager,
  identity: Identity,
  writeOffId: string,
  options: { expectedVersion?: number | null } = {},
): Promise<InvoiceWriteOff> {
  const writeOff = await em.findOne(InvoiceWriteOff, { id: writeOffId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!writeOff) throw Errors.notFound('InvoiceWriteOff', writeOffId);
  assertExpectedVersion(writeOff, options.expectedVersion, 'Le passage en perte a été modifié entre-temps ; rechargez-le');
  if (writeOff.cancelledOn)
    throw Errors.conflict('WRITE_OFF_CANCELLED', 'Ce passage en perte est déjà annulé', { writeOffId, cancelledOn: writeOff.cancelledOn });
  const today = localDate(new Date());
  await assertPeriodOpen(em, writeOff.writtenOffOn);
  await assertPeriodOpen(em, today);
  const invoice = (await lockInvoicesForSettlement(em, [writeOff.invoiceId])).get(writeOff.invoiceId)!;
  releaseWriteOff(invoice, new Money(writeOff.amount));
  writeOff.cancelledOn = today;
  writeOff.cancelledBy = actorId(identity);
  recordFact(em, identity, {
    kind: 'invoice.write_off_cancelled',
    subjectType: 'InvoiceWriteOff',
    subjectId: writeOff.id,
    occurredOn: today,
    payload: {
      invoiceId: invoice.id,
      kind: writeOff.kind,
      amount: writeOff.amount,
      writtenOffOn: writeOff.writtenOffOn,
      reason: writeOff.reason,
    },
  });
  await em.flush();
  return writeOff;
}

/** The write-offs of some invoices (cancelled ones too), oldest first. */
export async function writeOffsOfInvoices(em: EntityManager, invoiceIds: readonly string[]): Promise<InvoiceWriteOff[]> {
  if (invoiceIds.length === 0) return [];
  return em.find(InvoiceWriteOff, { invoiceId: { $in: [...invoiceIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** Some write-offs by id (the ledger's entries name them as their source). */
export async function writeOffsByIds(em: EntityManager, ids: readonly string[]): Promise<InvoiceWriteOff[]> {
  if (ids.length === 0) return [];
  return em.find(InvoiceWriteOff, { id: { $in: [...ids] } });
}
