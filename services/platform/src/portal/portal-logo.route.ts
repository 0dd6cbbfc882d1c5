import type { IncomingMessage, ServerResponse } from 'node:http';
import { PORTAL_LOGO_PATH_PREFIX, portalLogo, slugOfPortalLogoPath } from '@relais/domain';
import type { HttpRoute } from '@relais/subgraph-kit';

/** The image type of a stored logo, from its first bytes (PNG or JPEG are accepted on upload). */
function imageType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** GET /public/branding/<slug>/logo: the tenant's logo for its portal's pages, without a session; 404 without one. */
async function handle(req: IncomingMessage, res: ServerResponse, { orm }: Parameters<HttpRoute['handle']>[2]): Promise<void> {
  const slug = slugOfPortalLogoPath(new URL(req.url ?? '/', 'http://subgraph').pathname);
  const logo = slug && (req.method === 'GET' || req.method === 'HEAD') ? await portalLogo(orm.em, slug) : null;
  const type = logo && imageType(logo);
  if (!logo || !type) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Introuvable');
    return;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(logo.length),
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : logo);
}

export const portalLogoRoute: HttpRoute = { prefix: PORTAL_LOGO_PATH_PREFIX, handle };
