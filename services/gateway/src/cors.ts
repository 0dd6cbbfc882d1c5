import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The origins allowed to call the API from a browser: `CORS_ORIGINS` (comma-separated), else the
 * back-office of `pnpm start` (BACKOFFICE_PORT, 5173 by default). The back-office itself proxies
 * `/graphql` on its own origin and needs no CORS; this is for other front-ends a tenant runs.
 */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv): string[] {
  if (env.CORS_ORIGINS !== undefined)
    return env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  const port = env.BACKOFFICE_PORT ?? '5173';
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/**
 * Sets the CORS headers for an allowed Origin, none for any other (the browser then keeps the
 * answer from the foreign page), and answers preflights itself. Returns true when it answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'x-request-id');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id');
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204, { 'content-length': '0' });
  res.end();
  return true;
}
