import { SignJWT, jwtVerify } from 'jose';
import type { Identity } from '../../shared/identity';
import { DomainError } from '../../shared/errors';
import type { InvoiceArtefactKind } from './invoice-artefact.entity';

/**
 * Download links of invoice documents: a relative URL carrying a short-lived HS256 token that binds
 * the tenant, the invoice, the file kind and who asked for it, so a browser can download the file
 * with a plain GET (no Authorization header) and the link is useless for anything else.
 */

export const DOCUMENT_LINK_TTL_SECONDS = 15 * 60;
/** The purpose the signing key is derived for from the internal secret (HMAC-SHA256). */
export const DOCUMENT_LINK_KEY_PURPOSE = 'relais/document-links/v1';
const AUDIENCE = 'relais-documents';

export interface DocumentLinkClaims {
  invoiceId: string;
  kind: InvoiceArtefactKind;
  /** Who asked for the link; the download runs as them (audit), e-mail not carried. */
  identity: Identity;
}

export const documentLinkInvalid = () =>
  new DomainError('DOCUMENT_LINK_INVALID', 'UNAUTHENTICATED', 'Lien de téléchargement invalide ou expiré : rechargez la page');

/** The identity as carried by a link: no e-mail address in a URL. */
function linkIdentity(identity: Identity): Identity {
  return identity.kind === 'user' ? { ...identity, email: '' } : identity;
}

export async function signDocumentLink(claims: DocumentLinkClaims, key: Uint8Array, now = new Date()): Promise<string> {
  return new SignJWT({ tid: claims.identity.tenantId, inv: claims.invoiceId, knd: claims.kind, idt: linkIdentity(claims.identity) })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + DOCUMENT_LINK_TTL_SECONDS)
    .sign(key);
}

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyDocumentLink(token: string, key: Uint8Array): Promise<DocumentLinkClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'] });
    const identity = payload.idt as Identity | undefined;
    if (
      typeof payload.inv !== 'string' ||
      (payload.knd !== 'PDF' && payload.knd !== 'XML') ||
      !identity ||
      identity.tenantId !== payload.tid
    )
      throw documentLinkInvalid();
    return { invoiceId: payload.inv, kind: payload.knd, identity };
  } catch {
    throw documentLinkInvalid();
  }
}

/** The file name offered to the browser: the legal number, or "brouillon-…" for a draft preview. */
export function documentFileName(invoice: { id: string; number?: string | null }, kind: InvoiceArtefactKind): string {
  const base = invoice.number ?? `brouillon-${invoice.id.slice(-12)}`;
  return `${base}.${kind === 'PDF' ? 'pdf' : 'xml'}`;
}

/** The relative download URL, served by the API origin (gateway, or the back-office proxy). */
export function documentPath(invoice: { id: string; number?: string | null }, kind: InvoiceArtefactKind, token: string): string {
  return `/documents/invoices/${invoice.id}/${encodeURIComponent(documentFileName(invoice, kind))}?token=${encodeURIComponent(token)}`;
}
