import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { Errors } from '../shared/errors';
import type { Identity, Role } from '../shared/identity';

const ISSUER = 'relais';
const AUDIENCE = 'relais-session';
export const SESSION_TTL_SECONDS = 12 * 3600;
/** A portal session lasts a week: customers come back from a mail's link, not a password. */
export const PORTAL_SESSION_TTL_SECONDS = 7 * 24 * 3600;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signSessionToken(
  user: { id: string; tenantId: string; role: Role; email: string },
  secret: string,
  ttlSeconds = SESSION_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ tid: user.tenantId, role: user.role, email: user.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key(secret));
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

/** A customer contact's portal session (docs/portal.md): confined to one customer of one tenant. */
export async function signPortalSessionToken(
  contact: { contactId: string; customerId: string; tenantId: string; email: string },
  secret: string,
  ttlSeconds = PORTAL_SESSION_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ kind: 'customer', tid: contact.tenantId, cid: contact.customerId, email: contact.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(contact.contactId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key(secret));
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

/** Past this many verified tokens kept, the whole set is dropped (each is only a shortcut until its own expiry). */
const MAX_VERIFIED_TOKENS = 10_000;
const verifiedTokens = new Map<string, { secret: string; identity: Identity; expiresAtMs: number }>();

/**
 * Verifies a session token (a user's or a customer contact's); an expired or forged one gets its own typed error.
 * A token whose signature was checked is answered from memory until its own `exp` (the gateway checked every
 * request's HMAC through WebCrypto, about 9 % of its CPU on the customers list, docs/benchmarks.md); a refused
 * token is never kept, and whether its user is still active is checked apart, at every request (session-check.ts).
 */
export async function verifySessionToken(token: string, secret: string): Promise<Identity> {
  const known = verifiedTokens.get(token);
  if (known && known.secret === secret && known.expiresAtMs > Date.now()) return { ...known.identity };
  if (known) verifiedTokens.delete(token);
  const { identity, exp } = await verifySignature(token, secret);
  if (exp !== undefined) {
    if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) verifiedTokens.clear();
    verifiedTokens.set(token, { secret, identity, expiresAtMs: exp * 1000 });
  }
  return { ...identity };
}

async function verifySignature(token: string, secret: string): Promise<{ identity: Identity; exp: number | undefined }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    return { identity: identityOf(payload), exp: payload.exp };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw Errors.unauthenticated('TOKEN_EXPIRED', 'La session a expiré, reconnectez-vous');
    throw Errors.unauthenticated('INVALID_TOKEN', 'Jeton de session invalide');
  }
}

function identityOf(payload: JWTPayload): Identity {
  if (payload['kind'] === 'customer')
    return {
      kind: 'customer',
      contactId: String(payload.sub),
      customerId: String(payload['cid']),
      tenantId: String(payload['tid']),
      email: String(payload['email']),
    };
  return {
    kind: 'user',
    userId: String(payload.sub),
    tenantId: String(payload['tid']),
    role: payload['role'] as Role,
    email: String(payload['email']),
  };
}
