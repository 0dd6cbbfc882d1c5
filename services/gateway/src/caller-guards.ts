import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import type { Identity } from '@relais/domain';
import type { Logger } from 'pino';
import { beginIdempotent, IDEMPOTENCY_KEY_HEADER, idempotencyKey, recordAnswer } from './idempotency';
import type { QueryLimits } from './limits';
import { consumeRate, rateLimitedCaller, rateLimitHeaders, type RateLimits } from './rate-limits';
import { requestOperation } from './request-operation';

export interface CallerGuards {
  /**
   * Charges the request's estimated cost to its caller's rate limit and applies its Idempotency-Key;
   * true when the runtime should run it, false when it has been answered here (refused or replayed).
   */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

interface GuardOptions {
  databaseUrl: string;
  rateLimits: RateLimits;
  limits: QueryLimits;
  /** Registered documents by id, for requests sending `documentId` (trusted-documents.ts). */
  trustedDocuments?: ReadonlyMap<string, string>;
  /** The request's identity (read once per request by the gateway). */
  identify(req: IncomingMessage): Promise<Identity | null>;
  log: Logger;
}

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): false {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return false;
}

/** Rate limits and idempotency keys, both kept in PostgreSQL so that every gateway replica shares them (docs/api.md). */
export function createCallerGuards(options: GuardOptions): CallerGuards {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
  // Rate counters are charged on every request: their commit does not wait for the WAL flush (a crash of the
  // PostgreSQL server may forget the last fraction of a second of charges, never refuse wrongly). Idempotency keys
  // keep the default: a stored answer must survive a crash.
  const counters = new pg.Pool({ connectionString: options.databaseUrl, max: 5, options: '-c synchronous_commit=off' });
  const guard = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    // An anonymous caller (login) or an invalid token: the runtime answers as before.
    const identity = await options.identify(req).catch(() => null);
    const charged = identity && rateLimitedCaller(identity, options.rateLimits);
    if (!identity || !charged) return true;
    const operation = requestOperation(req, options.limits, options.trustedDocuments);
    const decision = await consumeRate(counters, identity.tenantId, charged, operation.cost);
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
    if (!decision.allowed) {
      return answer(res, 429, {
        errors: [
          {
            message: `Limite de ${decision.limit} unités de coût par minute atteinte ; réessayez dans ${decision.resetSeconds} s.`,
            extensions: { code: 'RATE_LIMITED', limit: decision.limit, retryAfterSeconds: decision.resetSeconds },
          },
        ],
      });
    }
    const key = idempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]);
    if (operation.kind !== 'mutation' || key === null) return true;
    if (key === 'invalid') {
      return answer(res, 400, {
        errors: [
          {
            message: 'En-tête Idempotency-Key invalide : de 1 à 255 caractères ASCII imprimables.',
            extensions: { code: 'IDEMPOTENCY_KEY_INVALID' },
          },
        ],
      });
    }
    const scope = { tenantId: identity.tenantId, caller: charged.caller, key };
    const start = await beginIdempotent(pool, scope, operation.hash);
    if (start.outcome === 'replay') {
      res.setHeader('idempotent-replayed', 'true');
      res.writeHead(start.status, { 'content-type': start.contentType });
      res.end(start.body);
      return false;
    }
    if (start.outcome === 'reused') {
      return answer(res, 422, {
        errors: [
          {
            message: 'Cette clé d’idempotence a déjà servi à une autre requête.',
            extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
          },
        ],
      });
    }
    if (start.outcome === 'in_use') {
      return answer(
        res,
        409,
        {
          errors: [
            {
              message: 'Une requête avec cette clé d’idempotence est encore en cours ; réessayez dans un instant.',
              extensions: { code: 'IDEMPOTENCY_KEY_IN_USE' },
            },
          ],
        },
        { 'retry-after': '1' },
      );
    }
    recordAnswer(pool, scope, res, (error) =>
      options.log.error({ err: error, requestId: req.headers['x-request-id'] }, 'idempotent answer not stored'),
    );
    return true;
  };
  return {
    async admit(req, res) {
      try {
        return await guard(req, res);
      } catch (error) {
        // Without its counters the gateway cannot tell a retry from a first run: it runs nothing.
        options.log.error({ err: error, requestId: req.headers['x-request-id'] }, 'rate limits or idempotency keys unavailable');
        if (res.headersSent) return false;
        return answer(res, 503, {
          errors: [
            {
              message: 'Service momentanément injoignable, réessayez dans quelques instants.',
              extensions: { code: 'GATEWAY_UNAVAILABLE' },
            },
          ],
        });
      }
    },
    close: async () => {
      await Promise.all([pool.end(), counters.end()]);
    },
  };
}
