import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE,
  DIRECT_DEBIT_FILE_PATH_PREFIX,
  DirectDebitBatch,
  directDebitFile,
  directDebitFileName,
  inTenantScope,
  verifyDirectDebitFileLink,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';

const PATH = /^\/documents\/direct-debit-batches\/([0-9a-f-]{36})\/[^/]+\.xml$/;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * GET /documents/direct-debit-batches/:id/:messageId.xml?token=… — the batch's pain.008 file,
 * exactly as stored. The token (see `pain008Url`) is the only credential: it names the tenant and
 * the batch; the file is read in that tenant's scope, so another tenant's batch is not found.
 */
export const directDebitFileRoute: HttpRoute = {
  prefix: DIRECT_DEBIT_FILE_PATH_PREFIX,
  async handle(req: IncomingMessage, res: ServerResponse, { orm, log, deriveKey }) {
    const url = new URL(req.url ?? '/', 'http://finance');
    const match = PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendError(res, 404, 'NOT_FOUND', 'Fichier introuvable');
    const batchId = match[1]!;
    const requestId = String(req.headers['x-request-id'] ?? '');
    try {
      const claims = await verifyDirectDebitFileLink(url.searchParams.get('token') ?? '', deriveKey(DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE));
      if (claims.batchId !== batchId)
        return sendError(res, 401, 'DOCUMENT_LINK_INVALID', 'Lien de téléchargement invalide ou expiré : rechargez la page');
      const file = await inTenantScope(orm, claims.identity, { requestId, operation: 'download pain.008' }, async (em) =>
        (await em.findOne(DirectDebitBatch, { id: batchId })) ? directDebitFile(em, batchId) : null,
      );
      if (!file) return sendError(res, 404, 'NOT_FOUND', 'Fichier introuvable');
      const body = Buffer.from(file.xml, 'utf8');
      res.writeHead(200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `attachment; filename="${directDebitFileName(file.messageId)}"`,
        'content-length': String(body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch (error) {
      const domain = toDomainError(error);
      if (!domain) throw error;
      if (domain.code !== 'DOCUMENT_LINK_INVALID') log.warn({ requestId, code: domain.code }, 'pain.008 download refused');
      sendError(res, STATUS[domain.category] ?? 400, domain.code, domain.message);
    }
  },
};
