import { hasStringFields, signFileLink, verifyFileLink } from '../../shared/file-link';
import type { Identity } from '../../shared/identity';
import { quotePdfFileName } from './quote-document';
import type { Quote } from './quote.entity';

/**
 * Download links of a quote's PDF (see shared/file-link): the token binds the tenant, the quote and
 * who asked for it; the download runs as them, so a portal contact's link opens only their customer's quote.
 */

export const QUOTE_LINK_KEY_PURPOSE = 'relais/quote-links/v1';
const AUDIENCE = 'relais-quote-documents';
export const QUOTE_DOCUMENT_PATH_PREFIX = '/documents/quotes/';

const isSubject = hasStringFields<{ quoteId: string }>('quoteId');

export const signQuoteLink = (quoteId: string, identity: Identity, key: Uint8Array, now = new Date()) =>
  signFileLink(AUDIENCE, { subject: { quoteId }, identity }, key, now);

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyQuoteLink(token: string, key: Uint8Array): Promise<{ quoteId: string; identity: Identity }> {
  const { subject, identity } = await verifyFileLink(AUDIENCE, token, key, isSubject);
  return { quoteId: subject.quoteId, identity };
}

/** The relative download URL, served by the API origin (gateway, or the back-office proxy). */
export const quoteDocumentPath = (quote: Pick<Quote, 'id' | 'number'>, token: string) =>
  `${QUOTE_DOCUMENT_PATH_PREFIX}${quote.id}/${encodeURIComponent(quotePdfFileName(quote))}?token=${encodeURIComponent(token)}`;
