import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from './invoice.entity';
import { Quote, type QuoteStatus } from './quotes/quote.entity';
import { displayStatus } from './quotes/quote.rules';
import { acceptQuoteAsCustomer, refuseQuoteAsCustomer } from './quotes/quote.service';
import { Errors } from '../shared/errors';
import { localDate } from '../shared/time';

/**
 * The customer portal's quotes (docs/portal.md): the quotes the office sent to ONE customer, never a
 * draft nor a withdrawn one, and the customer's decision with the public page's rules. Every read
 * names the customer: another customer's quote is simply not found.
 */

export const PORTAL_QUOTE_STATUSES = ['SENT', 'ACCEPTED', 'REFUSED', 'EXPIRED', 'INVOICED'] as const;
export type PortalQuoteStatus = (typeof PORTAL_QUOTE_STATUSES)[number];

/** The statuses a customer sees: sent to them, then decided (a draft, even a revision of a sent quote, and a cancelled quote are not). */
const SHOWN: QuoteStatus[] = ['SENT', 'ACCEPTED', 'REFUSED'];

/**
 * The customer's status of a quote, null when it is not shown: EXPIRED once a sent quote's validity
 * has passed, INVOICED once an issued invoice was made from an accepted one.
 */
export function portalQuoteStatus(
  quote: { status: QuoteStatus; validUntil: string },
  invoiced: boolean,
  today: string,
): PortalQuoteStatus | null {
  if (!SHOWN.includes(quote.status)) return null;
  if (quote.status === 'ACCEPTED' && invoiced) return 'INVOICED';
  return displayStatus(quote, today) as PortalQuoteStatus;
}

export interface PortalQuoteView {
  quote: Quote;
  status: PortalQuoteStatus;
  /** The customer may still accept or refuse it. */
  canDecide: boolean;
}

async function views(em: EntityManager, quotes: Quote[]): Promise<PortalQuoteView[]> {
  if (quotes.length === 0) return [];
  const invoiced = await em.find(
    Invoice,
    { quoteId: { $in: quotes.map((q) => q.id) }, status: 'ISSUED', typeCode: { $ne: '381' } },
    { fields: ['id', 'quoteId'] },
  );
  const invoicedIds = new Set(invoiced.map((i) => i.quoteId));
  const today = localDate(new Date());
  return quotes.flatMap((quote) => {
    const status = portalQuoteStatus(quote, invoicedIds.has(quote.id), today);
    return status ? [{ quote, status, canDecide: status === 'SENT' }] : [];
  });
}

/** The customer's quotes, newest sent first. */
export async function listPortalQuotes(em: EntityManager, customerId: string): Promise<PortalQuoteView[]> {
  const quotes = await em.find(Quote, { customerId, status: { $in: SHOWN } }, { orderBy: { sentAt: 'desc', number: 'desc' } });
  return views(em, quotes);
}

/** Those of `ids` the customer may see (the others are left out). */
export async function portalQuotesByIds(em: EntityManager, customerId: string, ids: readonly string[]): Promise<PortalQuoteView[]> {
  return views(em, await em.find(Quote, { id: { $in: [...ids] }, customerId, status: { $in: SHOWN } }));
}

/** The quote when the customer may see it; NOT_FOUND otherwise, the same answer as for an id that does not exist. */
async function assertPortalQuote(em: EntityManager, customerId: string, id: string): Promise<void> {
  const [view] = await portalQuotesByIds(em, customerId, [id]);
  if (!view) throw Errors.notFound('Quote', id);
}

export interface PortalDecisionContext {
  /** The client's address and browser, recorded with the decision when the request carries them. */
  ip: string | null;
  userAgent: string | null;
}

/** The customer's contact accepts (signing, choosing the options taken: none when omitted), as on the public page. */
export async function acceptPortalQuote(
  em: EntityManager,
  customerId: string,
  id: string,
  input: { signerName: string; signature: string; optionalLineIds?: readonly string[] | null },
  context: PortalDecisionContext,
): Promise<PortalQuoteView> {
  await assertPortalQuote(em, customerId, id);
  const quote = await acceptQuoteAsCustomer(em, id, {
    signerName: input.signerName,
    signature: input.signature,
    chosenOptionalLineIds: input.optionalLineIds ?? [],
    ...context,
  });
  return (await views(em, [quote]))[0]!;
}

/** The customer's contact refuses, as on the public page. */
export async function refusePortalQuote(
  em: EntityManager,
  customerId: string,
  id: string,
  input: { signerName: string; reason?: string | null },
  context: PortalDecisionContext,
): Promise<PortalQuoteView> {
  await assertPortalQuote(em, customerId, id);
  const quote = await refuseQuoteAsCustomer(em, id, { signerName: input.signerName, reason: input.reason ?? null, ...context });
  return (await views(em, [quote]))[0]!;
}
