import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  QUOTE_DOCUMENT_PATH_PREFIX,
  QUOTE_LINK_KEY_PURPOSE,
  Quote,
  customerScopeOf,
  inTenantScope,
  localDate,
  portalQuoteStatus,
  quotePdfFileName,
  renderQuotePdf,
  verifyQuoteLink,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';

const PATH = /^\/documents\/quotes\/([0-9a-f-]{36})\/[^/]+\.pdf$/;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * GET /documents/quotes/:id/:file.pdf?token=… — the quote's PDF, drawn as the mail attaches it. The
 * token (see the portal's `PortalQuote.pdfUrl`) is the only credential: it names the tenant, the
 * quote and who asked; the PDF is read in their scope, and a portal contact's link opens only a
 * quote sent to their own customer.
 */
export const quoteDocumentRoute: HttpRoute = {
  prefix: QUOTE_DOCUMENT_PATH_PREFIX,
  async handle(req: IncomingMessage, res: ServerResponse, { orm, log, deriveKey }) {
    const url = new URL(req.url ?? '/', 'http://billing');
    const match = PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
    const quoteId = match[1]!;
    const requestId = String(req.headers['x-request-id'] ?? '');
    try {
      const claims = await verifyQuoteLink(url.searchParams.get('token') ?? '', deriveKey(QUOTE_LINK_KEY_PURPOSE));
      if (claims.quoteId !== quoteId)
        return sendError(res, 401, 'DOCUMENT_LINK_INVALID', 'Lien de téléchargement invalide ou expiré : rechargez la page');
      const file = await inTenantScope(orm, claims.identity, { requestId, operation: 'download quote PDF' }, async (em) => {
        const quote = await em.findOne(Quote, { id: quoteId });
        const customerId = customerScopeOf(claims.identity);
        const shown = (q: Quote) => q.customerId === customerId && portalQuoteStatus(q, false, localDate(new Date())) !== null;
        if (!quote || (customerId && !shown(quote))) return null;
        return { name: quotePdfFileName(quote), body: Buffer.from(await renderQuotePdf(em, quote)) };
      });
      if (!file) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': `${url.searchParams.get('disposition') === 'inline' ? 'inline' : 'attachment'}; filename="${file.name}"`,
        'content-length': String(file.body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.body);
    } catch (error) {
      const domain = toDomainError(error);
      if (!domain) throw error;
      if (domain.code !== 'DOCUMENT_LINK_INVALID') log.warn({ requestId, code: domain.code }, 'quote download refused');
      sendError(res, STATUS[domain.category] ?? 400, domain.code, domain.message);
    }
  },
};
