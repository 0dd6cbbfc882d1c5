import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, OptimisticLockError, type FilterQuery } from '@mikro-orm/core';
import { Quote, QuoteBillingLine, QuoteLine, QuotePublicLink, QuoteRevision, type QuoteSnapshot, type QuoteStatus } from './quote.entity';
import {
  DEFAULT_QUOTE_VALIDITY_DAYS,
  addDaysToDate,
  assertDecidable,
  assertQuoteTransition,
  chooseOptions,
  editMode,
  isCounted,
  quoteTotals,
  sumOf,
  validateQuoteHeader,
  validateQuoteLines,
  type QuoteDisplayStatus,
  type QuoteLineInput,
} from './quote.rules';
import { liveInvoices, planQuoteInvoice, type ConversionMode, type QuoteForBilling, type QuoteInvoiceSoFar } from './quote-billing.rules';
import { createDraftInvoice, vatRateDefs } from '../invoice-drafts';
import { Invoice } from '../invoice.entity';
import { Money, toAmount } from '../money';
import type { VatRateDef } from '../totals';
import { Customer } from '../../maintenance/customer.entity';
import { Intervention } from '../../maintenance/intervention.entity';
import { Site } from '../../maintenance/site.entity';
import { Tenant } from '../../platform/tenant.entity';
import { publicBaseUrl } from '../../platform/public-url';
import { recordScopeFact } from '../../platform/business-facts';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { keysetPage } from '../../shared/keyset';
import type { PageArgs } from '../../shared/pagination';
import { containsPattern } from '../../shared/search';
import { localDate } from '../../shared/time';

/**
 * Quotes: drafting, sending (number, public link), revisions, decisions by the office or the
 * customer, and their conversion into invoices. Every function runs in the caller's one
 * transaction and checks everything before writing.
 */

export interface QuoteInput {
  customerId?: string;
  siteId?: string | null;
  /** The intervention (e.g. a diagnosis visit) the quote follows from: customer, site, title and notes default from it. */
  interventionId?: string | null;
  title?: string;
  /** Defaults to today + 30 days. */
  validUntil?: string;
  globalDiscountPercent?: string;
  notes?: string | null;
  lines: QuoteLineInput[];
}

export type QuotePatch = Partial<Omit<QuoteInput, 'customerId' | 'interventionId'>>;

const today = () => localDate(new Date());

export function quoteDisplayStatus(quote: Quote): QuoteDisplayStatus {
  return quote.status === 'SENT' && quote.validUntil < today() ? 'EXPIRED' : quote.status;
}

export function publicQuotePath(token: string): string {
  return `/public/quotes/${token}`;
}

/** The public page's absolute address, on the tenant's public base URL (see platform/public-url.ts). */
export function publicQuoteUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${publicQuotePath(token)}`;
}

function stale(quote: Quote, expectedVersion?: number) {
  return Errors.staleVersion('Le devis a été modifié entre-temps ; rechargez-le', quote.version, expectedVersion);
}

/** The quote locked for a change (within the quotes module), at the version the caller saw. */
export async function lockQuote(em: EntityManager, id: string, expectedVersion?: number | null): Promise<Quote> {
  const quote = await em.findOne(Quote, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!quote) throw Errors.notFound('Quote', id);
  assertExpectedVersion(quote, expectedVersion, 'Le devis a été modifié entre-temps ; rechargez-le');
  return quote;
}

export async function flushQuote(em: EntityManager, quote: Quote): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw stale(quote);
    throw error;
  }
}

export async function getQuote(em: EntityManager, id: string): Promise<Quote> {
  const quote = await em.findOne(Quote, { id });
  if (!quote) throw Errors.notFound('Quote', id);
  return quote;
}

export function quoteLines(em: EntityManager, quoteId: string): Promise<QuoteLine[]> {
  return em.find(QuoteLine, { quoteId }, { orderBy: { position: 'asc' } });
}

function writeLines(em: EntityManager, quote: Quote, lines: readonly QuoteLineInput[], vatRates: readonly VatRateDef[]): void {
  const totals = quoteTotals(
    lines.map((l) => ({ ...l, optional: l.optional ?? false, selected: !l.optional || (l.selected ?? false) })),
    quote.globalDiscountPercent,
    vatRates,
  );
  lines.forEach((l, position) =>
    em.create(QuoteLine, {
      id: newId(),
      tenantId: quote.tenantId,
      quoteId: quote.id,
      position,
      section: l.section?.trim() || null,
      optional: l.optional ?? false,
      selected: !l.optional || (l.selected ?? false),
      kind: l.kind ?? 'OTHER',
      description: l.description.trim(),
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
      lineNet: totals.lineNets[position]!,
    }),
  );
  applyQuoteTotals(quote, totals);
}

function applyQuoteTotals(quote: Quote, totals: ReturnType<typeof quoteTotals>): void {
  quote.linesTotal = totals.linesTotal;
  quote.discountTotal = totals.discountTotal;
  quote.totalNet = totals.totalNet;
  quote.totalVat = totals.totalVat;
  quote.totalGross = totals.totalGross;
}

async function checkParties(em: EntityManager, customerId: string, siteId: string | null): Promise<void> {
  const [customer, site] = await Promise.all([
    em.findOne(Customer, { id: customerId }),
    siteId ? em.findOne(Site, { id: siteId }) : Promise.resolve(null),
  ]);
  if (!customer) throw Errors.notFound('Customer', customerId);
  if (siteId && !site) throw Errors.notFound('Site', siteId);
  new Validator().check(!site || site.customerId === customerId, 'siteId', 'le site n’est pas chez ce client').throwIfInvalid();
}

/** A new draft quote, from scratch or following an intervention. */
export async function createQuote(em: EntityManager, identity: Identity, input: QuoteInput): Promise<Quote> {
  let intervention: Intervention | null = null;
  if (input.interventionId) {
    intervention = await em.findOne(Intervention, { id: input.interventionId });
    if (!intervention) throw Errors.notFound('Intervention', input.interventionId);
  }
  const customerId = input.customerId ?? intervention?.customerId;
  new Validator()
    .check(Boolean(customerId), 'customerId', 'client obligatoire', 'REQUIRED')
    .check(
      !intervention || !input.customerId || input.customerId === intervention.customerId,
      'customerId',
      'l’intervention est chez un autre client',
    )
    .throwIfInvalid();
  const siteId = input.siteId !== undefined ? input.siteId : (intervention?.siteId ?? null);
  const title = input.title ?? (intervention ? `Suite à l’intervention ${intervention.number} — ${intervention.title}` : '');
  const header = {
    title,
    validUntil: input.validUntil ?? addDaysToDate(today(), DEFAULT_QUOTE_VALIDITY_DAYS),
    globalDiscountPercent: input.globalDiscountPercent ?? '0',
    notes: input.notes !== undefined ? input.notes : (intervention?.observations ?? null),
  };
  validateQuoteHeader(header);
  const vatRates = await vatRateDefs(em);
  validateQuoteLines(input.lines, vatRates);
  await checkParties(em, customerId!, siteId);
  const quote = em.create(Quote, {
    id: newId(),
    tenantId: identity.tenantId,
    number: null,
    revision: 1,
    customerId: customerId!,
    siteId,
    interventionId: intervention?.id ?? null,
    title: header.title.trim(),
    status: 'DRAFT',
    validUntil: header.validUntil,
    globalDiscountPercent: header.globalDiscountPercent,
    notes: header.notes?.trim() || null,
    linesTotal: '0.00',
    discountTotal: '0.00',
    totalNet: '0.00',
    totalVat: '0.00',
    totalGross: '0.00',
    createdBy: actorId(identity),
  });
  writeLines(em, quote, input.lines, vatRates);
  em.create(QuotePublicLink, { tenantId: identity.tenantId, quoteId: quote.id, token: randomBytes(32).toString('base64url') });
  await em.flush();
  return quote;
}

function snapshotOf(quote: Quote, lines: readonly QuoteLine[]): QuoteSnapshot {
  return {
    number: quote.number ?? null,
    revision: quote.revision,
    title: quote.title,
    validUntil: quote.validUntil,
    globalDiscountPercent: quote.globalDiscountPercent,
    notes: quote.notes ?? null,
    totalNet: quote.totalNet,
    totalVat: quote.totalVat,
    totalGross: quote.totalGross,
    lines: lines.map((l) => ({
      position: l.position,
      section: l.section ?? null,
      optional: l.optional,
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      vatRateCode: l.vatRateCode,
      lineNet: l.lineNet,
    })),
  };
}

function toLineInput(l: QuoteLine): QuoteLineInput {
  return {
    section: l.section ?? null,
    optional: l.optional,
    selected: l.selected,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
    vatRateCode: l.vatRateCode,
  };
}

/**
 * Edits a quote. A draft changes in place; a sent (or refused) quote becomes a new revision:
 * the sent version is kept in quote_revisions, the revision number goes up and the quote is a
 * draft again until it is re-sent. Accepted and cancelled quotes refuse (QUOTE_NOT_EDITABLE).
 */
export async function updateQuote(em: EntityManager, id: string, expectedVersion: number, patch: QuotePatch): Promise<Quote> {
  const quote = await lockQuote(em, id, expectedVersion);
  const mode = editMode(quote);
  validateQuoteHeader(patch);
  const vatRates = await vatRateDefs(em);
  if (patch.lines) validateQuoteLines(patch.lines, vatRates);
  if (patch.siteId !== undefined) await checkParties(em, quote.customerId, patch.siteId);
  const current = await quoteLines(em, id);
  if (mode === 'NEW_REVISION') {
    em.create(QuoteRevision, {
      id: newId(),
      tenantId: quote.tenantId,
      quoteId: quote.id,
      revision: quote.revision,
      snapshot: snapshotOf(quote, current),
      sentAt: quote.sentAt ?? null,
    });
    quote.revision += 1;
    quote.status = 'DRAFT';
    quote.refusedAt = null;
    quote.refusalReason = null;
    quote.decidedByKind = null;
    quote.decidedBy = null;
  }
  if (patch.title !== undefined) quote.title = patch.title.trim();
  if (patch.validUntil !== undefined) quote.validUntil = patch.validUntil;
  if (patch.siteId !== undefined) quote.siteId = patch.siteId;
  if (patch.notes !== undefined) quote.notes = patch.notes?.trim() || null;
  if (patch.globalDiscountPercent !== undefined) quote.globalDiscountPercent = patch.globalDiscountPercent;
  const lines = patch.lines ?? current.map(toLineInput);
  await em.nativeDelete(QuoteLine, { quoteId: id });
  writeLines(em, quote, lines, vatRates);
  await flushQuote(em, quote);
  return quote;
}

export interface AcceptanceInput {
  expectedVersion?: number | null;
  /** Optional lines the customer takes (the others no longer count). */
  chosenOptionalLineIds?: readonly string[] | null;
  signerName?: string | null;
  signature?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

const SIGNATURE_PATTERN = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/;
/** Longest drawn signature (a data URL) a customer may send, on the public page or the portal. */
export const MAX_QUOTE_SIGNATURE_LENGTH = 500_000;

async function decide(
  em: EntityManager,
  id: string,
  to: 'ACCEPTED' | 'REFUSED',
  decider: { kind: 'OFFICE'; identity: Identity } | { kind: 'CUSTOMER' },
  input: AcceptanceInput & { reason?: string | null },
): Promise<Quote> {
  const quote = await lockQuote(em, id, input.expectedVersion);
  assertDecidable(quote, to, today());
  const v = new Validator();
  if (decider.kind === 'CUSTOMER') v.check(Boolean(input.signerName?.trim()), 'signerName', 'nom du signataire obligatoire', 'REQUIRED');
  if (decider.kind === 'CUSTOMER' && to === 'ACCEPTED') v.check(Boolean(input.signature), 'signature', 'signature obligatoire', 'REQUIRED');
  if (input.signature)
    v.check(
      SIGNATURE_PATTERN.test(input.signature) && input.signature.length <= MAX_QUOTE_SIGNATURE_LENGTH,
      'signature',
      'image PNG ou SVG en data URL (500 Ko au plus)',
    );
  v.check((input.signerName ?? '').length <= 200, 'signerName', 'au plus 200 caractères', 'TOO_LONG')
    .check((input.reason ?? '').length <= 2000, 'reason', 'au plus 2 000 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const now = new Date();
  if (to === 'ACCEPTED') {
    const lines = await quoteLines(em, id);
    const choice = input.chosenOptionalLineIds ? chooseOptions(lines, input.chosenOptionalLineIds) : null;
    if (choice) for (const line of lines) line.selected = choice.get(line.id)!;
    const totals = quoteTotals(lines, quote.globalDiscountPercent, await vatRateDefs(em));
    applyQuoteTotals(quote, totals);
    // The lines first: once the quote is ACCEPTED the database refuses any change to them.
    await em.flush();
    quote.acceptedAt = now;
  } else {
    quote.refusedAt = now;
    quote.refusalReason = input.reason?.trim() || null;
  }
  quote.status = to;
  quote.decidedByKind = decider.kind;
  quote.decidedBy = decider.kind === 'OFFICE' ? actorId(decider.identity) : null;
  quote.signerName = input.signerName?.trim() || null;
  quote.signature = input.signature ?? null;
  quote.acceptanceIp = input.ip ?? null;
  quote.acceptanceUserAgent = input.userAgent?.slice(0, 1000) ?? null;
  if (to === 'ACCEPTED')
    recordScopeFact(em, quote.tenantId, {
      kind: 'quote.accepted',
      subjectType: 'Quote',
      subjectId: quote.id,
      occurredOn: localDate(now),
      payload: {
        number: quote.number ?? null,
        customerId: quote.customerId,
        interventionId: quote.interventionId ?? null,
        totalNet: quote.totalNet,
        totalVat: quote.totalVat,
        totalGross: quote.totalGross,
        decidedBy: decider.kind,
        signerName: quote.signerName,
      },
    });
  await flushQuote(em, quote);
  return quote;
}

/** The office records the customer's acceptance (e.g. a signed paper copy), choosing the optional lines taken. */
export function acceptQuote(
  em: EntityManager,
  identity: Identity,
  id: string,
  input: { expectedVersion: number; chosenOptionalLineIds?: readonly string[] | null; signerName?: string | null },
): Promise<Quote> {
  return decide(em, id, 'ACCEPTED', { kind: 'OFFICE', identity }, input);
}

export function refuseQuote(
  em: EntityManager,
  identity: Identity,
  id: string,
  input: { expectedVersion: number; reason?: string | null },
): Promise<Quote> {
  return decide(em, id, 'REFUSED', { kind: 'OFFICE', identity }, input);
}

/** The customer accepts on the public page (the caller resolved the token to this quote). */
export function acceptQuoteAsCustomer(
  em: EntityManager,
  id: string,
  input: { signerName: string; signature: string; chosenOptionalLineIds: readonly string[]; ip: string | null; userAgent: string | null },
): Promise<Quote> {
  return decide(em, id, 'ACCEPTED', { kind: 'CUSTOMER' }, input);
}

export function refuseQuoteAsCustomer(
  em: EntityManager,
  id: string,
  input: { signerName: string; reason: string | null; ip: string | null; userAgent: string | null },
): Promise<Quote> {
  return decide(em, id, 'REFUSED', { kind: 'CUSTOMER' }, input);
}

export async function cancelQuote(em: EntityManager, id: string, expectedVersion: number): Promise<Quote> {
  const quote = await lockQuote(em, id, expectedVersion);
  assertQuoteTransition(quote, 'CANCELLED');
  quote.status = 'CANCELLED';
  await flushQuote(em, quote);
  return quote;
}

/** The invoices made from quotes, with what each billed of each line. */
async function invoicesSoFar(em: EntityManager, quoteIds: readonly string[]): Promise<Map<string, QuoteInvoiceSoFar[]>> {
  const invoices = await em.find(Invoice, { quoteId: { $in: [...quoteIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const billing = invoices.length ? await em.find(QuoteBillingLine, { invoiceId: { $in: invoices.map((i) => i.id) } }) : [];
  const result = new Map<string, QuoteInvoiceSoFar[]>(quoteIds.map((id) => [id, []]));
  for (const i of invoices)
    result.get(i.quoteId!)?.push({
      id: i.id,
      number: i.number ?? null,
      status: i.status,
      typeCode: i.typeCode,
      issueDate: i.issueDate ?? null,
      totalNet: i.totalNet,
      totalGross: i.totalGross,
      amountDue: i.amountDue,
      creditedAmount: i.creditedAmount,
      allowanceCharges: i.allowanceCharges,
      billing: billing.filter((b) => b.invoiceId === i.id),
    });
  return result;
}

async function forBilling(em: EntityManager, quote: Quote, lines: readonly QuoteLine[], vatRates: VatRateDef[]): Promise<QuoteForBilling> {
  const totals = quoteTotals(lines, quote.globalDiscountPercent, vatRates);
  return {
    id: quote.id,
    number: quote.number ?? '',
    title: quote.title,
    globalDiscountPercent: quote.globalDiscountPercent,
    totalGross: quote.totalGross,
    lines: lines.filter(isCounted),
    basisByCode: totals.basisByCode,
    discountByCode: totals.discountByCode,
    vatRates,
  };
}

/**
 * Turns an accepted quote into a draft invoice (full, deposit, progress or final), linked to the
 * quote. Refusals (nothing written): QUOTE_NOT_ACCEPTED, QUOTE_OVERBILLED (with details),
 * ALREADY_INVOICED (FULL after another invoice), QUOTE_DEPOSIT_NOT_ISSUED, VALIDATION_FAILED.
 */
export async function convertQuoteToInvoice(
  em: EntityManager,
  identity: Identity,
  quoteId: string,
  mode: ConversionMode,
): Promise<Invoice> {
  // The lock queues concurrent conversions of one quote, so each sees what the others billed.
  const quote = await lockQuote(em, quoteId);
  if (quote.status !== 'ACCEPTED')
    throw Errors.conflict(
      'QUOTE_NOT_ACCEPTED',
      `Seul un devis accepté se facture (${quote.number ?? 'brouillon'} : ${quoteDisplayStatus(quote)})`,
      {
        quoteId,
        status: quoteDisplayStatus(quote),
      },
    );
  const [lines, vatRates, soFar] = await Promise.all([quoteLines(em, quoteId), vatRateDefs(em), invoicesSoFar(em, [quoteId])]);
  const plan = planQuoteInvoice(await forBilling(em, quote, lines, vatRates), soFar.get(quoteId)!, mode);
  const invoice = await createDraftInvoice(em, identity, {
    customerId: quote.customerId,
    typeCode: plan.typeCode,
    lines: plan.lines,
    allowanceCharges: plan.allowanceCharges,
    notes: plan.notes,
    quoteId,
    prepaidAmount: plan.prepaidAmount,
    retentionPercent: plan.retentionPercent,
  });
  for (const b of plan.billing)
    em.create(QuoteBillingLine, { id: newId(), tenantId: quote.tenantId, quoteId, invoiceId: invoice.id, ...b });
  await em.flush();
  return invoice;
}

export interface QuoteBillingSummary {
  quoteId: string;
  billedNet: string;
  remainingNet: string;
}

/**
 * Net (HT, discount deducted) billed by the invoices made from each quote, drafts included and
 * deposits aside (the invoice completing the quote deducts them), and what is left of the quote.
 */
export async function quoteBillingSummaries(em: EntityManager, quoteIds: readonly string[]): Promise<QuoteBillingSummary[]> {
  if (!quoteIds.length) return [];
  const [quotes, soFar] = await Promise.all([quotesByIds(em, quoteIds), invoicesSoFar(em, quoteIds)]);
  return quotes.map((quote) => {
    const invoices = soFar.get(quote.id)!;
    const billed = sumOf(
      liveInvoices(invoices)
        .filter((i) => i.typeCode === '380')
        .map((i) => i.totalNet),
    );
    return { quoteId: quote.id, billedNet: billed, remainingNet: toAmount(new Money(quote.totalNet).minus(billed)) };
  });
}

/** Accepted quotes with something left to bill, oldest acceptance first, with the amount left (HT). */
export async function listBillableQuotes(em: EntityManager): Promise<{ quote: Quote; billedNet: string; remainingNet: string }[]> {
  const accepted = await em.find(Quote, { status: 'ACCEPTED' }, { orderBy: { acceptedAt: 'asc', id: 'asc' } });
  const summaries = new Map(
    (
      await quoteBillingSummaries(
        em,
        accepted.map((q) => q.id),
      )
    ).map((s) => [s.quoteId, s]),
  );
  return accepted
    .map((quote) => ({ quote, billedNet: summaries.get(quote.id)!.billedNet, remainingNet: summaries.get(quote.id)!.remainingNet }))
    .filter((q) => q.remainingNet !== '0.00');
}

export function listQuotes(
  em: EntityManager,
  args: PageArgs & { status?: QuoteDisplayStatus | null; customerId?: string | null; search?: string | null },
) {
  const where: FilterQuery<Quote>[] = [];
  const day = today();
  if (args.status === 'EXPIRED') where.push({ status: 'SENT', validUntil: { $lt: day } });
  else if (args.status === 'SENT') where.push({ status: 'SENT', validUntil: { $gte: day } });
  else if (args.status) where.push({ status: args.status as QuoteStatus });
  if (args.customerId) where.push({ customerId: args.customerId });
  if (args.search?.trim()) {
    const pattern = containsPattern(args.search.trim());
    where.push({ $or: [{ number: { $ilike: pattern } }, { title: { $ilike: pattern } }] });
  }
  return keysetPage(em, Quote, where.length ? { $and: where } : {}, 'createdAt', args, 'desc');
}

export const quotesByIds = (em: EntityManager, ids: readonly string[]) => em.find(Quote, { id: { $in: [...ids] } });
export const quoteLinesByQuoteIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(QuoteLine, { quoteId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
export const quoteRevisionsByQuoteIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(QuoteRevision, { quoteId: { $in: [...ids] } }, { orderBy: { revision: 'asc' } });
/** The absolute address of each quote's public page, on the tenant's public base URL. */
export async function quotePublicUrlsByQuoteIds(em: EntityManager, ids: readonly string[]): Promise<{ quoteId: string; url: string }[]> {
  const links = await em.find(QuotePublicLink, { quoteId: { $in: [...ids] } });
  if (!links.length) return [];
  const tenant = await em.findOneOrFail(Tenant, { id: links[0]!.tenantId });
  const base = publicBaseUrl(tenant.publicUrl);
  return links.map((l) => ({ quoteId: l.quoteId, url: publicQuoteUrl(base, l.token) }));
}
export const invoicesByQuoteIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Invoice, { quoteId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
/** The quote each invoice was made from (invoices without one are left out). */
export async function quoteLinksOfInvoices(
  em: EntityManager,
  invoiceIds: readonly string[],
): Promise<{ invoiceId: string; quote: Quote }[]> {
  const invoices = await em.find(Invoice, { id: { $in: [...invoiceIds] }, quoteId: { $ne: null } });
  if (!invoices.length) return [];
  const quotes = await quotesByIds(
    em,
    invoices.map((i) => i.quoteId!),
  );
  return invoices.flatMap((i) => {
    const quote = quotes.find((q) => q.id === i.quoteId);
    return quote ? [{ invoiceId: i.id, quote }] : [];
  });
}
