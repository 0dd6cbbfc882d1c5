/**
 * The customer's portal session (docs/portal.md): a bearer token of kind `customer`, kept under a
 * key of its own per tenant, never the back-office's `relais.session`, so that a contact and an
 * office user can be signed in side by side in one browser.
 */
export interface PortalSession {
  token: string;
  /** An instant (ISO 8601). */
  expiresAt: string;
}

export const portalSessionKey = (slug: string) => `relais.portal.${slug}`;

const isSession = (value: unknown): value is PortalSession =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PortalSession).token === 'string' &&
  typeof (value as PortalSession).expiresAt === 'string';

/** The stored session, or null when there is none, it is unreadable, or it has expired (`now` in ms). */
export function parseStoredSession(raw: string | null, now: number): PortalSession | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isSession(value)) return null;
  const expires = Date.parse(value.expiresAt);
  return Number.isNaN(expires) || expires <= now ? null : value;
}

export function readPortalSession(slug: string): PortalSession | null {
  return parseStoredSession(globalThis.localStorage?.getItem(portalSessionKey(slug)) ?? null, Date.now());
}

export function savePortalSession(slug: string, session: PortalSession | null): void {
  if (session) localStorage.setItem(portalSessionKey(slug), JSON.stringify({ token: session.token, expiresAt: session.expiresAt }));
  else localStorage.removeItem(portalSessionKey(slug));
}
