/**
 * The address customers reach a tenant's public pages at (the quote acceptance page): the tenant's
 * own setting (`tenants.public_url`, e.g. its own domain in front of the gateway), else the
 * deployment's `PUBLIC_URL` (the gateway's public origin, which serves `/public/...`), else the
 * gateway on this machine. Links sent by mail are built on it, so they are always absolute.
 */

const ABSOLUTE_HTTP_URL = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/;

/** An http(s) address without query or fragment (a path prefix is allowed, e.g. behind a proxy). */
export function isPublicUrl(value: string): boolean {
  return ABSOLUTE_HTTP_URL.test(value);
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** The deployment's public origin: PUBLIC_URL, else the local gateway (`GATEWAY_PORT`, 4000). */
export function deploymentPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim();
  return withoutTrailingSlash(configured || `http://localhost:${env.GATEWAY_PORT ?? 4000}`);
}

/** The base of a tenant's public links: its own address when set, else the deployment's. */
export function publicBaseUrl(tenantPublicUrl: string | null | undefined, fallback = deploymentPublicUrl()): string {
  return withoutTrailingSlash(tenantPublicUrl?.trim() || fallback);
}

/**
 * Where users open the back-office (the invitation's password page is one of its pages, not a
 * public page of the gateway): BACKOFFICE_URL, else the back-office of `pnpm start`
 * (`BACKOFFICE_PORT`, 5173).
 */
export function backOfficeUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BACKOFFICE_URL?.trim();
  return withoutTrailingSlash(configured || `http://localhost:${env.BACKOFFICE_PORT ?? 5173}`);
}
