import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
// The domain package's light modules only: its index would load the ORM, PDF rendering and the job queue (~60 MB of RSS).
import { ACCOUNTING_EXPORT_PATH_PREFIX } from '@relais/domain/finance/exports/export-link';
import { DIRECT_DEBIT_FILE_PATH_PREFIX } from '@relais/domain/finance/direct-debit/direct-debit-file-link';
import { VISIT_REPORT_PATH_PREFIX } from '@relais/domain/maintenance/visit-report-path';
import {
  IDENTITY_HEADER,
  CLIENT_ADDRESS_HEADER,
  CLIENT_AGENT_HEADER,
  signInternalIdentity,
} from '@relais/domain/platform/internal-identity';
import { PORTAL_LOGO_PATH_PREFIX } from '@relais/domain/platform/portal-branding';
import type { Identity } from '@relais/domain/shared/identity';
import pino from 'pino';
import { createAuthenticator } from './authenticate';
import { applyCors } from './cors';
import { createCallerGuards } from './caller-guards';
import { maskGatewayError, userInputErrorCodesPlugin } from './error-masking';
import { DEFAULT_LIMITS, queryLimitPlugins, type QueryLimits } from './limits';
import { DEFAULT_MAX_UPLOAD_BYTES, selectsOnlyFileMutations } from './file-uploads';
import { acceptedRequestId, admitGraphqlRequest, DEFAULT_MAX_BODY_BYTES, type BodyLimits } from './request-guards';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits';
import { persistedDocumentsOption, type TrustedDocuments } from './trusted-documents';
import { createInternalTokenSigner } from './internal-token-cache';
import { parserAndValidationCache } from './document-cache';
import {
  clientAddress,
  createLoginGuard,
  DEFAULT_LOGIN_LIMITS,
  DEFAULT_PORTAL_LINK_LIMITS,
  PORTAL_LINK_GUARD,
  proxyList,
  type LoginLimits,
} from './login-guard';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphSdl: string;
  /** Subgraph name -> URL, overriding the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  databaseUrl: string;
  sessionSecret: string;
  internalSecret: string;
  limits?: QueryLimits;
  /** Origins allowed to call from a browser (see corsOriginsFromEnv); none when absent. */
  corsOrigins?: string[];
  /** Largest request body accepted (DEFAULT_MAX_BODY_BYTES when absent). */
  maxBodyBytes?: number;
  /** Largest file upload accepted from an authenticated caller (DEFAULT_MAX_UPLOAD_BYTES when absent). */
  maxUploadBytes?: number;
  /** Estimated cost units per minute per API key and per user (DEFAULT_RATE_LIMITS when absent). */
  rateLimits?: RateLimits;
  /** Registered documents callers may send by id, and who may still send texts (trusted-documents.ts); texts only when absent. */
  trustedDocuments?: TrustedDocuments;
  /** Failed sign-ins allowed per e-mail and per client address (DEFAULT_LOGIN_LIMITS when absent). */
  loginLimits?: LoginLimits;
  /** Portal sign-in links asked for per e-mail and per client address (DEFAULT_PORTAL_LINK_LIMITS when absent). */
  portalLinkLimits?: LoginLimits;
}

export interface RunningGateway {
  url: string;
  close(): Promise<void>;
}

interface AuthContext {
  identity?: Identity | null;
  identityToken?: string | null;
  /** The client's address (TRUSTED_PROXIES as for sign-in) and User-Agent, passed to the subgraphs. */
  clientAddress?: string | null;
  userAgent?: string | null;
}

/** The billing subgraph's origin: it serves invoice documents (`/documents/...`, see docs/api.md). */
function documentsOrigin(options: GatewayOptions): URL {
  return subgraphOrigin(options, 'billing', 'invoice documents');
}

function subgraphOrigin(options: GatewayOptions, name: string, serves: string): URL {
  const url =
    options.subgraphUrls[name] ?? new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(options.supergraphSdl)?.[1];
  // A configuration defect at start-up, not something a user can cause.
  if (!url) throw new Error(`${name} subgraph URL unknown: ${serves} cannot be served`);
  return new URL(url);
}

/** Passes a document download (a GET authorised by the token in its URL) through to the subgraph that serves it. */
function proxyDocument(origin: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest(
    {
      hostname: origin.hostname,
      port: origin.port,
      path: req.url,
      method: req.method,
      headers: { 'x-request-id': req.headers['x-request-id'] },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ code: 'SUBGRAPH_UNAVAILABLE', message: 'Service momentanément injoignable, réessayez dans quelques instants' }),
    );
  });
  upstream.end();
}

/**
 * Passes the customer's public quote pages (GETs and form POSTs, no session) to the billing subgraph, with the
 * client's address as computed for every request (`clientAddress`, TRUSTED_PROXIES), never a client's own header.
 */
function proxyPublicPage(origin: URL, req: IncomingMessage, res: ServerResponse, client: string): void {
  const headers: Record<string, string | string[]> = {};
  for (const name of ['content-type', 'content-length', 'user-agent', 'accept', 'accept-language', 'x-request-id']) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  headers[CLIENT_ADDRESS_HEADER] = client;
  const upstream = httpRequest({ hostname: origin.hostname, port: origin.port, path: req.url, method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Service momentanément indisponible, réessayez dans quelques instants.');
  });
  req.pipe(upstream);
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? 'info', base: { service: 'gateway' } });
  const authenticator = createAuthenticator(options);
  // One identity per request however many steps ask (body limit, rate limit, context): one token check and lookup.
  const identities = new WeakMap<IncomingMessage, Promise<Identity | null>>();
  const identityOf = (req: IncomingMessage): Promise<Identity | null> => {
    let identity = identities.get(req);
    if (!identity) identities.set(req, (identity = authenticator.identify(req.headers.authorization ?? null)));
    return identity;
  };
  const signIdentity = createInternalTokenSigner((identity) => signInternalIdentity(identity, options.internalSecret));
  const documents = documentsOrigin(options);
  const financeFiles = subgraphOrigin(options, 'finance', 'direct debit files');
  const portalLogos = subgraphOrigin(options, 'platform', 'portal logos');
  const visitReports = subgraphOrigin(options, 'maintenance', 'visit reports');
  const bodyLimits: BodyLimits = {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    mayUpload: (req) => identityOf(req).then(Boolean, () => false),
    isUpload: (body) => selectsOnlyFileMutations(body, options.limits ?? DEFAULT_LIMITS, options.trustedDocuments?.documents),
  };

  const callerGuards = createCallerGuards({
    databaseUrl: options.databaseUrl,
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    limits: options.limits ?? DEFAULT_LIMITS,
    trustedDocuments: options.trustedDocuments?.documents,
    identify: identityOf,
    log,
  });

  const loginGuard = createLoginGuard({
    databaseUrl: options.databaseUrl,
    limits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    queryLimits: options.limits ?? DEFAULT_LIMITS,
    log,
    persistedDocument: (id) => options.trustedDocuments?.documents.get(id),
  });
  // The same counters for the portal's link requests: each one may send a mail (docs/portal.md).
  const portalLinkGuard = createLoginGuard({
    databaseUrl: options.databaseUrl,
    limits: options.portalLinkLimits ?? DEFAULT_PORTAL_LINK_LIMITS,
    queryLimits: options.limits ?? DEFAULT_LIMITS,
    log,
    persistedDocument: (id) => options.trustedDocuments?.documents.get(id),
    guarded: PORTAL_LINK_GUARD,
  });

  const trustedProxies = proxyList((options.loginLimits ?? DEFAULT_LOGIN_LIMITS).trustedProxies);
  const authPlugin: GatewayPlugin<AuthContext> = {
    async onContextBuilding({ context, extendContext }) {
      const req = (context as { req?: IncomingMessage }).req;
      const identity = await (req ? identityOf(req) : authenticator.identify(context.request.headers.get('authorization')));
      const identityToken = identity ? await signIdentity(identity) : null;
      extendContext({
        identity,
        identityToken,
        clientAddress: req ? clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies) : null,
        userAgent: context.request.headers.get('user-agent'),
      });
    },
  };

  const runtime = createGatewayRuntime<AuthContext>({
    supergraph: options.supergraphSdl,
    // Identical queries in flight are not merged: merging clones every answer (structuredClone, 4 % of the gateway's
    // CPU on the customers list) to spare a subgraph call that two callers seldom make at the same moment.
    transportEntries: Object.fromEntries(
      Object.entries(options.subgraphUrls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false } }]),
    ),
    logging: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn',
    requestId: true,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // CORS is answered before the runtime (applyCors): the runtime's own would echo any Origin.
    cors: false,
    maskedErrors: { maskError: maskGatewayError },
    parserAndValidationCache: parserAndValidationCache(),
    persistedDocuments: options.trustedDocuments && persistedDocumentsOption(options.trustedDocuments),
    plugins: () => [authPlugin, ...queryLimitPlugins(options.limits ?? DEFAULT_LIMITS), userInputErrorCodesPlugin],
    propagateHeaders: {
      fromClientToSubgraphs: ({ context, request }) => ({
        [IDENTITY_HEADER]: context.identityToken ?? undefined,
        // Only the gateway's values: what a client sends under these names is never passed on.
        [CLIENT_ADDRESS_HEADER]: context.clientAddress ?? undefined,
        [CLIENT_AGENT_HEADER]: context.userAgent?.slice(0, 1000) || undefined,
        'x-request-id': request.headers.get('x-request-id') ?? undefined,
      }),
    },
  });

  const server: Server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', service: 'gateway' }));
      return;
    }
    const requestId = acceptedRequestId(req.headers['x-request-id']);
    req.headers['x-request-id'] = requestId;
    // The client's address and browser reach the subgraphs only as the gateway computed them.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    delete req.headers[CLIENT_AGENT_HEADER];
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      log.info(
        { requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    // Direct debit files (pain.008) and accounting exports are the finance subgraph's, visit reports maintenance's;
    // every other document is billing's.
    if (req.url?.startsWith(DIRECT_DEBIT_FILE_PATH_PREFIX) || req.url?.startsWith(ACCOUNTING_EXPORT_PATH_PREFIX))
      return proxyDocument(financeFiles, req, res);
    if (req.url?.startsWith(VISIT_REPORT_PATH_PREFIX)) return proxyDocument(visitReports, req, res);
    if (req.url?.startsWith('/documents/')) return proxyDocument(documents, req, res);
    // The portal's logos are platform's (the tenant's branding); the other public pages are billing's quote pages.
    const client = () => clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
    if (req.url?.startsWith(PORTAL_LOGO_PATH_PREFIX)) return proxyPublicPage(portalLogos, req, res, client());
    if (req.url?.startsWith('/public/')) return proxyPublicPage(documents, req, res, client());
    if (applyCors(req, res, options.corsOrigins ?? [])) return;
    void serveGraphql(req, res);
  });

  /** Each guard answers the request itself when it refuses it; the runtime runs only past all of them. */
  async function serveGraphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(await admitGraphqlRequest(req, res, bodyLimits))) return;
    if (!(await loginGuard.admit(req, res))) return;
    if (!(await portalLinkGuard.admit(req, res))) return;
    if (!(await callerGuards.admit(req, res))) return;
    await runtime(req, res);
  }
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : (options.host ?? '127.0.0.1')}:${port}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
      await authenticator.close();
      await callerGuards.close();
      await loginGuard.close();
      await portalLinkGuard.close();
    },
  };
}
