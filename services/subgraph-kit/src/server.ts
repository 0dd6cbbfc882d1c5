import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import {
  IDENTITY_HEADER,
  CLIENT_ADDRESS_HEADER,
  CLIENT_AGENT_HEADER,
  closeTenantScope,
  countQueries,
  createOrm,
  openTenantScope,
  verifyInternalIdentity,
  type Identity,
  type Orm,
  type QueryCount,
} from '@relais/domain';
import type { Logger } from 'pino';
import { formatError, toDomainError } from './errors';
import { createLogger } from './logger';
import type { RequestContext } from './context';
import { buildFederatedSchema, type SubgraphDefinition } from './schema';
import { inputRulesPlugin } from './input-rules';
import { createIdentityVerifier } from './identity-cache';

export interface SubgraphOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  internalSecret: string;
}

export interface RunningSubgraph {
  url: string;
  close(): Promise<void>;
}

interface Metrics {
  requests: number;
  sqlQueries: number;
}

/** Commits the request's unit of work when it succeeded, rolls it back when any error was reported. */
function unitOfWorkPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, errors }) {
          if (!contextValue.scope) return;
          const outcome = errors?.length ? 'rollback' : 'commit';
          try {
            await closeTenantScope(contextValue.scope, outcome);
            if (outcome === 'commit') {
              for (const task of contextValue.afterCommit) {
                await task().catch((error: unknown) =>
                  log.error({ err: error, requestId: contextValue.requestId }, 'after-commit task failed'),
                );
              }
            }
          } catch (error) {
            await closeTenantScope(contextValue.scope, 'rollback').catch(() => {});
            const domain = toDomainError(error);
            if (!domain) log.error({ err: error, requestId: contextValue.requestId }, 'commit failed');
            const failure: GraphQLFormattedError = domain
              ? { message: domain.message, extensions: { code: domain.code, ...domain.details } }
              : { message: 'Erreur interne ; l’incident a été enregistré', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
            if (response.body.kind === 'single') response.body.singleResult = { data: null, errors: [failure] };
          }
        },
      };
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A header the gateway sets (one value), or null when absent or empty. */
function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || null;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Serves one subgraph: POST /graphql (identity from the gateway's signed header), GET /health,
 * GET /metrics (requests and SQL statements served, read by the benchmarks).
 */
export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const log = createLogger(`subgraph-${definition.name}`);
  const orm: Orm = await createOrm(options.databaseUrl);
  const { schema } = await buildFederatedSchema(definition);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: formatError(log),
    // Federated tracing and cache-control hints would add work to every request (cache control wraps every field's
    // resolver, a few per cent of a list's CPU in the profile) for tools we do not use (Apollo Studio, CDN caching).
    plugins: [
      inputRulesPlugin(definition.inputLimits),
      unitOfWorkPlugin(log),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
  });
  await apollo.start();
  const stopBackground = definition.onStart ? await definition.onStart({ orm, databaseUrl: options.databaseUrl, log }) : async () => {};
  const metrics: Metrics = { requests: 0, sqlQueries: 0 };
  /** A key for one purpose (e.g. signing download links), derived from the internal secret: no new secret to configure. */
  const deriveKey = (purpose: string) => new Uint8Array(createHmac('sha256', options.internalSecret).update(purpose).digest());
  const verifyIdentity = createIdentityVerifier((token) => verifyInternalIdentity(token, options.internalSecret));

  async function contextFor(req: IncomingMessage, body: unknown): Promise<RequestContext> {
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    const token = req.headers[IDENTITY_HEADER];
    let identity: Identity | null = null;
    if (typeof token === 'string') {
      identity = await verifyIdentity(token).catch(() => null);
      if (!identity) log.warn({ requestId }, 'rejected a request with an invalid identity header');
    }
    const operation = (body as { operationName?: string } | null)?.operationName ?? null;
    const scope = identity ? await openTenantScope(orm, identity, { requestId, operation }) : null;
    const client = { ip: headerValue(req.headers[CLIENT_ADDRESS_HEADER]), userAgent: headerValue(req.headers[CLIENT_AGENT_HEADER]) };
    return { requestId, identity, client, scope, orm, log: log.child({ requestId }), loaders: new Map(), afterCommit: [], deriveKey };
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      send(res, 400, { errors: [{ message: 'Corps JSON invalide', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://subgraph');
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const counter: QueryCount = { queries: 0 };
    const result = await countQueries(counter, () =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => contextFor(req, body) }),
    );
    metrics.requests += 1;
    metrics.sqlQueries += counter.queries;
    const responseHeaders: Record<string, string> = { 'x-sql-queries': String(counter.queries) };
    for (const [key, value] of result.headers) responseHeaders[key] = value;
    res.writeHead(result.status ?? 200, responseHeaders);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handle = async () => {
      if (path === '/graphql') return handleGraphQL(req, res);
      if (path === '/health') {
        const ok = await orm.em
          .getConnection()
          .execute('select 1')
          .then(
            () => true,
            () => false,
          );
        return send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unavailable', service: definition.name });
      }
      if (path === '/metrics') return send(res, 200, metrics);
      const route = definition.httpRoutes?.find((r) => path?.startsWith(r.prefix));
      if (route) return route.handle(req, res, { orm, log, deriveKey });
      send(res, 404, { error: 'not found' });
    };
    handle().catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Erreur interne', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info({ url }, 'subgraph ready');
  return {
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopBackground();
      await apollo.stop();
      await orm.close(true);
    },
  };
}
