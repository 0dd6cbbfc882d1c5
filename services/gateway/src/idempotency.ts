import type { ServerResponse } from 'node:http';
import type pg from 'pg';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,255}$/;

/** The key when the header holds 1 to 255 printable ASCII characters; 'invalid' otherwise; null when absent. */
export function idempotencyKey(header: string | string[] | undefined): string | 'invalid' | null {
  if (header === undefined) return null;
  return typeof header === 'string' && PRINTABLE_ASCII.test(header) ? header : 'invalid';
}

export type IdempotencyStart =
  | { outcome: 'started' }
  | { outcome: 'in_use' }
  | { outcome: 'reused' }
  | { outcome: 'replay'; status: number; contentType: string; body: string };

/** Whose keys these are: a key is only ever compared with the same caller's keys in the same tenant. */
export interface IdempotencyScope {
  tenantId: string;
  caller: string;
  key: string;
}

/**
 * Claims the key for this request, or tells why not: the stored answer of the same request, the key
 * taken by another request, or the same request still running. The claim is one row inserted under
 * the key's primary key, so two gateways racing for it cannot both win.
 */
export async function beginIdempotent(pool: pg.Pool, scope: IdempotencyScope, requestHash: string): Promise<IdempotencyStart> {
  const { rows } = await pool.query<{
    outcome: IdempotencyStart['outcome'];
    answer_status: number;
    answer_content_type: string;
    answer_body: string;
  }>('select * from idempotency_begin($1, $2, $3, $4)', [scope.tenantId, scope.caller, scope.key, requestHash]);
  const row = rows[0]!;
  if (row.outcome !== 'replay') return { outcome: row.outcome };
  return { outcome: 'replay', status: row.answer_status, contentType: row.answer_content_type, body: row.answer_body };
}

/**
 * Keeps the answer the runtime writes, and stores it under the key once written. An answer the
 * server could not give (HTTP 5xx) is not kept: the key is released so that a retry runs again.
 */
export function recordAnswer(pool: pg.Pool, scope: IdempotencyScope, res: ServerResponse, onStoreFailure: (error: unknown) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (args[0] !== undefined && typeof args[0] !== 'function') keep(args[0], args[1]);
    const stored =
      res.statusCode >= 500
        ? pool.query('select idempotency_release($1, $2, $3)', [scope.tenantId, scope.caller, scope.key])
        : pool.query('select idempotency_complete($1, $2, $3, $4, $5, $6)', [
            scope.tenantId,
            scope.caller,
            scope.key,
            res.statusCode,
            String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
            Buffer.concat(chunks).toString('utf8'),
          ]);
    // The answer reaches the client once it is stored, so that a retry after it is always a replay.
    void stored.then(
      () => (end as (...a: unknown[]) => ServerResponse)(...args),
      (error: unknown) => {
        onStoreFailure(error);
        (end as (...a: unknown[]) => ServerResponse)(...args);
      },
    );
    return res;
  }) as typeof res.end;
}
