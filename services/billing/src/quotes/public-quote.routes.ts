import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CLIENT_ADDRESS_HEADER,
  DomainError,
  acceptQuoteAsCustomer,
  inPublicQuoteScope,
  publicQuotePath,
  publicQuoteView,
  refuseQuoteAsCustomer,
} from '@relais/domain';
import { toDomainError, type HttpRoute } from '@relais/subgraph-kit';
import { notFoundPage, quotePage } from './quote-page';

/**
 * The customer's acceptance page, without an account: GET /public/quotes/<token> shows the quote,
 * POST …/accept and …/refuse record the decision (name, signature, options, time, IP, user
 * agent), then redirect to the page, which shows the receipt. The token is the only key.
 */

const MAX_BODY_BYTES = 1_000_000;
const PATH = /^\/public\/quotes\/([A-Za-z0-9_-]+)(?:\/(accept|refuse))?\/?$/;

class BodyTooLarge extends Error {}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The client's address as the gateway computed it (TRUSTED_PROXIES), else the socket's. */
function clientIp(req: IncomingMessage): string | null {
  const address = req.headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(address) ? address[0] : address) || req.socket.remoteAddress || null;
}

function sendHtml(res: ServerResponse, status: number, html: string, nonce: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  });
  res.end(html);
}

const STATUS_OF: Record<DomainError['category'], number> = {
  BAD_USER_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

async function handle(req: IncomingMessage, res: ServerResponse, { orm, log }: Parameters<HttpRoute['handle']>[2]): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  const match = PATH.exec(new URL(req.url ?? '/', 'http://subgraph').pathname);
  const action = match?.[2] as 'accept' | 'refuse' | undefined;
  if (!match || (req.method !== 'GET' && req.method !== 'POST') || (req.method === 'POST') !== Boolean(action)) {
    sendHtml(res, match ? 405 : 404, notFoundPage(nonce), nonce);
    return;
  }
  const token = match[1]!;
  const requestId = String(req.headers['x-request-id'] ?? randomUUID());
  const show = (status: number, error: string | null) =>
    inPublicQuoteScope(orm, token, { requestId, operation: 'publicQuotePage' }, async (em, quoteId) =>
      sendHtml(res, status, quotePage(await publicQuoteView(em, quoteId), token, nonce, error), nonce),
    );

  if (!action) {
    if (!(await show(200, null))) sendHtml(res, 404, notFoundPage(nonce), nonce);
    return;
  }
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    sendHtml(res, 413, notFoundPage(nonce), nonce);
    return;
  }
  const ip = clientIp(req);
  const userAgent = req.headers['user-agent'] ?? null;
  const signerName = form.get('signerName') ?? '';
  try {
    const done = await inPublicQuoteScope(
      orm,
      token,
      { requestId, operation: action === 'accept' ? 'publicAcceptQuote' : 'publicRefuseQuote' },
      (em, quoteId) =>
        action === 'accept'
          ? acceptQuoteAsCustomer(em, quoteId, {
              signerName,
              signature: form.get('signature') ?? '',
              chosenOptionalLineIds: form.getAll('option'),
              ip,
              userAgent,
            })
          : refuseQuoteAsCustomer(em, quoteId, { signerName, reason: form.get('reason'), ip, userAgent }),
    );
    if (!done) {
      sendHtml(res, 404, notFoundPage(nonce), nonce);
      return;
    }
    res.writeHead(303, { location: publicQuotePath(token), 'cache-control': 'no-store' });
    res.end();
  } catch (error) {
    const domain = toDomainError(error);
    if (!domain) throw error;
    log.info({ requestId, code: domain.code }, 'public quote decision refused');
    await show(STATUS_OF[domain.category], domain.message);
  }
}

export const publicQuoteRoutes: HttpRoute[] = [{ prefix: '/public/quotes/', handle }];
