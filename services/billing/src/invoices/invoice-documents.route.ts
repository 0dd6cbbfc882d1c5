import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DOCUMENT_LINK_KEY_PURPOSE,
  documentFileName,
  ensureInvoiceArtefacts,
  Invoice,
  customerScopeOf,
  inTenantScope,
  renderInvoicePreview,
  verifyDocumentLink,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';

const PATH = /^\/documents\/invoices\/([0-9a-f-]{36})\/[^/]+\.(pdf|xml)$/;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * GET /documents/invoices/:id/:file.pdf|.xml?token=… — the invoice's stored Factur-X PDF or XML
 * (a draft: its preview PDF). The token (see `pdfUrl`) is the only credential: it names the
 * tenant, the invoice and the kind; the file is read in that tenant's scope, so another tenant's
 * invoice is simply not found, and a portal contact's (docs/portal.md) in their customer's, so is
 * another customer's invoice or a draft.
 */
export const invoiceDocumentsRoute: HttpRoute = {
  prefix: '/documents/invoices/',
  async handle(req: IncomingMessage, res: ServerResponse, { orm, log, deriveKey }) {
    const url = new URL(req.url ?? '/', 'http://billing');
    const match = PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
    const [, invoiceId, extension] = match;
    const kind = extension === 'pdf' ? 'PDF' : 'XML';
    const requestId = String(req.headers['x-request-id'] ?? '');
    try {
      const claims = await verifyDocumentLink(url.searchParams.get('token') ?? '', deriveKey(DOCUMENT_LINK_KEY_PURPOSE));
      if (claims.invoiceId !== invoiceId || claims.kind !== kind)
        return sendError(res, 401, 'DOCUMENT_LINK_INVALID', 'Lien de téléchargement invalide ou expiré : rechargez la page');
      const file = await inTenantScope(orm, claims.identity, { requestId, operation: `download ${kind}` }, async (em) => {
        const invoice = await em.findOne(Invoice, { id: invoiceId! });
        // A portal contact's link opens only an issued document of their own customer.
        const customerId = customerScopeOf(claims.identity);
        if (!invoice || (customerId && (invoice.customerId !== customerId || invoice.status === 'DRAFT'))) return null;
        const name = documentFileName(invoice, kind);
        if (kind === 'PDF' && invoice.status === 'DRAFT') return { name, body: Buffer.from(await renderInvoicePreview(em, invoice.id)) };
        const artefacts = await ensureInvoiceArtefacts(em, invoice.id);
        return { name, body: kind === 'PDF' ? Buffer.from(artefacts.pdf) : Buffer.from(artefacts.xml, 'utf8') };
      });
      if (!file) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
      res.writeHead(200, {
        'content-type': kind === 'PDF' ? 'application/pdf' : 'application/xml; charset=utf-8',
        // `?disposition=inline` lets the back-office show the PDF in its preview frame.
        'content-disposition': `${url.searchParams.get('disposition') === 'inline' ? 'inline' : 'attachment'}; filename="${file.name}"`,
        'content-length': String(file.body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.body);
    } catch (error) {
      const domain = toDomainError(error);
      if (!domain) throw error;
      if (domain.code !== 'DOCUMENT_LINK_INVALID') log.warn({ requestId, code: domain.code }, 'document download refused');
      sendError(res, STATUS[domain.category] ?? 400, domain.code, domain.message);
    }
  },
};
