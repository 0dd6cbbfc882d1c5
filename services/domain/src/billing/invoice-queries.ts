import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Invoice, InvoiceIntervention, InvoiceLine, InvoiceVatBreakdown, type InvoiceTypeCode } from './invoice.entity';
import { displayStatusFilter, type InvoiceDisplayStatus } from './invoice-status';
import { Intervention } from '../maintenance/intervention.entity';
import { Errors } from '../shared/errors';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import { containsPattern } from '../shared/search';
import { localDate } from '../shared/time';

export async function getInvoice(em: EntityManager, id: string): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id });
  if (!invoice) throw Errors.notFound('Invoice', id);
  return invoice;
}

export function invoiceLines(em: EntityManager, invoiceId: string): Promise<InvoiceLine[]> {
  return em.find(InvoiceLine, { invoiceId }, { orderBy: { position: 'asc' } });
}

export function invoiceVatBreakdown(em: EntityManager, invoiceId: string): Promise<InvoiceVatBreakdown[]> {
  return em.find(InvoiceVatBreakdown, { invoiceId }, { orderBy: { category: 'asc', rate: 'desc' } });
}

/** The invoice billing an intervention, if any (via the link table). */
export async function invoiceOfIntervention(em: EntityManager, interventionId: string): Promise<Invoice | null> {
  const link = await em.findOne(InvoiceIntervention, { interventionId });
  return link ? em.findOne(Invoice, { id: link.invoiceId }) : null;
}

/** The interventions an invoice bills. */
export async function interventionsOfInvoice(em: EntityManager, invoiceId: string): Promise<Intervention[]> {
  const links = await em.find(InvoiceIntervention, { invoiceId });
  if (!links.length) return [];
  return em.find(Intervention, { id: { $in: links.map((l) => l.interventionId) } }, { orderBy: { number: 'asc' } });
}

export interface InvoiceListArgs extends PageArgs {
  typeCodes: readonly InvoiceTypeCode[];
  status?: InvoiceDisplayStatus | null;
  customerId?: string | null;
  /** Part of the number, or of the customer's name as printed on it (issued) or of the notes. */
  search?: string | null;
}

/** Invoices or credit notes, newest first, filtered in the database (keyset pagination). */
export function listInvoices(em: EntityManager, args: InvoiceListArgs) {
  const where: FilterQuery<Invoice>[] = [{ typeCode: { $in: [...args.typeCodes] } }];
  if (args.status) where.push(displayStatusFilter(args.status, localDate(new Date())));
  if (args.customerId) where.push({ customerId: args.customerId });
  const pattern = args.search?.trim() ? containsPattern(args.search) : null;
  if (pattern) where.push({ $or: [{ number: { $ilike: pattern } }, { notes: { $ilike: pattern } }] });
  return keysetPage(em, Invoice, { $and: where }, 'createdAt', args, 'desc');
}

export const invoicesByIds = (em: EntityManager, ids: readonly string[]) => em.find(Invoice, { id: { $in: [...ids] } });
export const creditNotesByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Invoice, { creditedInvoiceId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } });
export const linesByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceLine, { invoiceId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
export const breakdownByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceVatBreakdown, { invoiceId: { $in: [...ids] } });
export const invoiceLinksByInterventionIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceIntervention, { interventionId: { $in: [...ids] } });
export const invoiceLinksByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceIntervention, { invoiceId: { $in: [...ids] } });
