import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  VISIT_REPORT_LINK_KEY_PURPOSE,
  VISIT_REPORT_PATH_PREFIX,
  inTenantScope,
  loadVisitReport,
  renderVisitReportPdf,
  verifyVisitReportLink,
  visitReportFileName,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';

const PATH = /^\/documents\/interventions\/([0-9a-f-]{36})\/[^/]+\.pdf$/;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * GET /documents/interventions/:id/rapport-<number>.pdf?token=… — the signed visit report. The token
 * (`PortalVisit.reportPdfUrl`, `Intervention.reportPdfUrl`) is the only credential: it names the
 * tenant, the intervention and who asked; the report is read in that tenant's scope and, for a
 * customer's contact, among their customer's jobs only, so any other job is simply not found.
 */
export const visitReportRoute: HttpRoute = {
  prefix: VISIT_REPORT_PATH_PREFIX,
  async handle(req: IncomingMessage, res: ServerResponse, { orm, log, deriveKey }) {
    const url = new URL(req.url ?? '/', 'http://maintenance');
    const match = PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
    const interventionId = match[1]!;
    const requestId = String(req.headers['x-request-id'] ?? '');
    try {
      const claims = await verifyVisitReportLink(url.searchParams.get('token') ?? '', deriveKey(VISIT_REPORT_LINK_KEY_PURPOSE));
      if (claims.interventionId !== interventionId)
        return sendError(res, 401, 'DOCUMENT_LINK_INVALID', 'Lien de téléchargement invalide ou expiré : rechargez la page');
      const report = await inTenantScope(orm, claims.identity, { requestId, operation: 'download visit report' }, (em) =>
        loadVisitReport(em, claims.identity, interventionId),
      );
      if (!report) return sendError(res, 404, 'NOT_FOUND', 'Document introuvable');
      const body = Buffer.from(await renderVisitReportPdf(report));
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': `${url.searchParams.get('disposition') === 'inline' ? 'inline' : 'attachment'}; filename="${visitReportFileName(report.number)}"`,
        'content-length': String(body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch (error) {
      const domain = toDomainError(error);
      if (!domain) throw error;
      if (domain.code !== 'DOCUMENT_LINK_INVALID') log.warn({ requestId, code: domain.code }, 'visit report download refused');
      sendError(res, STATUS[domain.category] ?? 400, domain.code, domain.message);
    }
  },
};
