import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from './errors';
import type { Identity } from './identity';

/**
 * Download links: a relative URL carrying a short-lived HS256 token that binds the tenant, what the
 * link serves (`subject`, a few strings) and who asked for it, so a browser or a partner fetches the
 * file with a plain GET (no Authorization header) and the link is useless for anything else. Each
 * kind of file has its own audience and its own key (derived for a purpose from the internal secret).
 */

export const FILE_LINK_TTL_SECONDS = 15 * 60;

export const fileLinkInvalid = () =>
  new DomainError('DOCUMENT_LINK_INVALID', 'UNAUTHENTICATED', 'Lien de téléchargement invalide ou expiré : rechargez la page');

export interface FileLinkClaims<Subject extends Record<string, string>> {
  subject: Subject;
  /** Who asked for the link; the download runs as them (audit). */
  identity: Identity;
}

/** The identity as carried by a link: no e-mail address in a URL. */
const linkIdentity = (identity: Identity): Identity =>
  identity.kind === 'user' || identity.kind === 'customer' ? { ...identity, email: '' } : identity;

export async function signFileLink<Subject extends Record<string, string>>(
  audience: string,
  claims: FileLinkClaims<Subject>,
  key: Uint8Array,
  now = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: claims.identity.tenantId, sub: JSON.stringify(claims.subject), idt: linkIdentity(claims.identity) })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + FILE_LINK_TTL_SECONDS)
    .sign(key);
}

/**
 * The claims of a valid, unexpired link of this audience whose subject `isSubject` accepts;
 * DOCUMENT_LINK_INVALID for anything else.
 */
export async function verifyFileLink<Subject extends Record<string, string>>(
  audience: string,
  token: string,
  key: Uint8Array,
  isSubject: (subject: Record<string, unknown>) => subject is Subject,
): Promise<FileLinkClaims<Subject>> {
  try {
    const { payload } = await jwtVerify(token, key, { audience, algorithms: ['HS256'] });
    const identity = payload.idt as Identity | undefined;
    const subject: unknown = typeof payload.sub === 'string' ? JSON.parse(payload.sub) : null;
    if (!identity || identity.tenantId !== payload.tid || typeof subject !== 'object' || subject === null) throw fileLinkInvalid();
    if (!isSubject(subject as Record<string, unknown>)) throw fileLinkInvalid();
    return { subject: subject as Subject, identity };
  } catch {
    throw fileLinkInvalid();
  }
}

/** A subject guard for links whose subject is a fixed set of string fields. */
export const hasStringFields =
  <Subject extends Record<string, string>>(...fields: (keyof Subject & string)[]) =>
  (subject: Record<string, unknown>): subject is Subject =>
    fields.every((field) => typeof subject[field] === 'string');
