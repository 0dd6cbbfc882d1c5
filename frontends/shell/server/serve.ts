import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { remoteApps, remoteBase } from '@relais/vite-config/apps';
import sirv from 'sirv';

export interface ServeBackOfficeOptions {
  port: number;
  host?: string;
  /** The GraphQL gateway, e.g. http://localhost:4000/graphql; reached through same-origin /graphql. */
  gatewayUrl: string;
  /** Folder holding `shell/dist` and `<app>/dist`; defaults to this repository's `frontends/`. */
  distRoot?: string;
}

export interface BackOffice {
  url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const fieldAppBase = '/terrain/';
const portalBase = '/portail/';

/**
 * Serves the built back-office from one origin: the shell at `/` (any unknown path falls back
 * to its index.html, the sign-in page, which starts the federated shell, shell.html, once signed in:
 * docs/architecture.md, "The back-office's sign-in page"), each remote app at `/apps/<name>/`, the technician's offline app at `/terrain/`, the customer portal at
 * `/portail/` (`/portail/<tenant slug>/...`, any path under it falls back to its index.html), and `/graphql`, `/documents/*` (invoice
 * downloads) and `/public/*` (customers' quote pages) proxied to the gateway.
 */
export async function serveBackOffice(options: ServeBackOfficeOptions): Promise<BackOffice> {
  const { port, host = '127.0.0.1', gatewayUrl } = options;
  const distRoot = resolve(options.distRoot ?? join(import.meta.dirname, '../..'));

  const graphql = proxyTo(new URL(gatewayUrl));
  const documents = proxyTo(new URL(gatewayUrl), { keepPath: true });
  const publicPages = proxyTo(new URL(gatewayUrl), { keepPath: true });
  const shell = staticFiles(join(distRoot, 'shell/dist'), { spa: true });
  const remotes = remoteApps.map(({ name }) => ({
    prefix: remoteBase(name),
    serve: staticFiles(join(distRoot, name, 'dist'), { spa: false }),
  }));
  // The technician's offline app (frontends/field), an installable app of its own beside the back-office.
  remotes.push({ prefix: fieldAppBase, serve: staticFiles(join(distRoot, 'field/dist'), { spa: true }) });
  // The customer portal (frontends/portal, docs/portal.md), a small app of its own with its own session.
  remotes.push({ prefix: portalBase, serve: staticFiles(join(distRoot, 'portal/dist'), { spa: true }) });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://back-office').pathname;
    if (path === '/graphql') {
      // Failed sign-ins are counted per client address: the gateway believes this header from this server (TRUSTED_PROXIES).
      req.headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      return graphql(req, res);
    }
    if (path.startsWith('/documents/')) return documents(req, res);
    if (path.startsWith('/public/')) {
      // The customer's quote pages: the gateway records the client's address from this header.
      req.headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      return publicPages(req, res);
    }
    if (path === '/terrain') {
      res.writeHead(308, { Location: fieldAppBase });
      return res.end();
    }
    if (path === '/portail') {
      res.writeHead(308, { Location: portalBase });
      return res.end();
    }
    const remote = remotes.find(({ prefix }) => path.startsWith(prefix));
    if (!remote) return shell(req, res);
    req.url = (req.url ?? '/').slice(remote.prefix.length - 1);
    remote.serve(req, res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address() as AddressInfo;
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;

  return {
    url: `http://${publicHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Hashed build assets are cached for good; entry files (index.html, remoteEntry.js) are revalidated.
 * The build's precompressed copies (.br, .gz) are sent to browsers that accept them. Files are looked
 * up on each request, so a rebuild while serving answers 404 for vanished files instead of stale ones.
 */
function staticFiles(folder: string, { spa }: { spa: boolean }): Handler {
  const serve = sirv(folder, {
    dev: true,
    etag: true,
    single: spa,
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) =>
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req, res) => {
    // sirv pipes a read stream without an error handler: a file deleted between lookup and read
    // would crash the process. Cut that one response short instead.
    res.once('pipe', (file: NodeJS.ReadableStream) => file.once('error', () => res.destroy()));
    serve(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };
}

/** Forwards to the gateway: to its /graphql, or with `keepPath` to the same path there (document downloads). */
function proxyTo(gateway: URL, { keepPath = false } = {}): Handler {
  const send = gateway.protocol === 'https:' ? httpsRequest : httpRequest;
  return (req, res) => {
    const target = new URL(gateway);
    const incoming = new URL(req.url ?? '/', 'http://back-office');
    if (keepPath) target.pathname = incoming.pathname;
    target.search = incoming.search;
    const upstream = send(target, { method: req.method, headers: { ...req.headers, host: gateway.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'GraphQL gateway unreachable', extensions: { code: 'GATEWAY_UNAVAILABLE' } }],
        }),
      );
    });
    req.pipe(upstream);
  };
}
