import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ACCOUNTING_EXPORT_LINK_KEY_PURPOSE,
  ACCOUNTING_EXPORT_PATH_PREFIX,
  accountingExportFileName,
  accountingExportRequest,
  DomainError,
  closeTenantScope,
  openTenantScope,
  verifyAccountingExportLink,
  writeAccountingExport,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400 };

const CONTENT_TYPE: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
};

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code, message }));
}

/**
 * GET /documents/accounting-exports/<file name>?token=… — the export the token names (see
 * `exportFec`, `exportJournal`), produced as it is sent: the lines come from a cursor and go out
 * as the client reads them (a FEC of a million lines never sits in memory). The export is recorded
 * once the last byte is written; a transfer cut half-way records nothing.
 */
export const accountingExportRoute: HttpRoute = {
  prefix: ACCOUNTING_EXPORT_PATH_PREFIX,
  async handle(req: IncomingMessage, res: ServerResponse, { orm, log, deriveKey }) {
    const url = new URL(req.url ?? '/', 'http://finance');
    if (req.method !== 'GET' || !url.pathname.startsWith(ACCOUNTING_EXPORT_PATH_PREFIX))
      return sendError(res, 404, 'NOT_FOUND', 'Fichier introuvable');
    const requestId = String(req.headers['x-request-id'] ?? '');
    let em: Awaited<ReturnType<typeof openTenantScope>> | null = null;
    try {
      const { subject, identity } = await verifyAccountingExportLink(
        url.searchParams.get('token') ?? '',
        deriveKey(ACCOUNTING_EXPORT_LINK_KEY_PURPOSE),
      );
      const request = accountingExportRequest(subject);
      em = await openTenantScope(orm, identity, { requestId, operation: `export ${subject.kind}` });
      const fileName = await accountingExportFileName(em, identity.tenantId, request);
      const extension = fileName.split('.').pop() ?? 'txt';
      const charset = request.kind === 'FEC' ? 'iso-8859-15' : request.layout === 'SPREADSHEET' ? 'utf-8' : 'windows-1252';
      res.writeHead(200, {
        'content-type': `${CONTENT_TYPE[extension] ?? 'text/plain'}; charset=${charset}`,
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      const closed = once(res, 'close');
      const sink = async (chunk: Buffer) => {
        if (res.destroyed) throw new DomainError('DOWNLOAD_INTERRUPTED', 'CONFLICT', 'Téléchargement interrompu par le client');
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), closed]);
      };
      await writeAccountingExport(em, identity, request, sink);
      await closeTenantScope(em, 'commit');
      res.end();
    } catch (error) {
      if (em) await closeTenantScope(em, 'rollback').catch(() => undefined);
      const domain = toDomainError(error);
      if (res.headersSent) {
        log.warn({ requestId, err: error }, 'accounting export interrupted');
        res.destroy();
        return;
      }
      if (!domain) throw error;
      if (domain.code !== 'DOCUMENT_LINK_INVALID') log.warn({ requestId, code: domain.code }, 'accounting export refused');
      sendError(res, STATUS[domain.category] ?? 400, domain.code, domain.message);
    }
  },
};
