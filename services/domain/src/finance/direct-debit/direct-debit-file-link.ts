import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '../../shared/errors';
import type { Identity } from '../../shared/identity';

/**
 * Download links of pain.008 files, like invoice document links: a relative URL with a
 * short-lived HS256 token binding the tenant, the batch and who asked, so the accountant's
 * browser (or a partner) fetches the file with a plain GET and the link serves nothing else.
 */

export const DIRECT_DEBIT_FILE_LINK_TTL_SECONDS = 15 * 60;
/** The purpose the signing key is derived for from the internal secret. */
export const DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE = 'relais/direct-debit-files/v1';
const AUDIENCE = 'relais-direct-debit-files';
export const DIRECT_DEBIT_FILE_PATH_PREFIX = '/documents/direct-debit-batches/';

export interface DirectDebitFileClaims {
  batchId: string;
  identity: Identity;
}

export const directDebitFileLinkInvalid = () =>
  new DomainError('DOCUMENT_LINK_INVALID', 'UNAUTHENTICATED', 'Lien de téléchargement invalide ou expiré : rechargez la page');

export async function signDirectDebitFileLink(claims: DirectDebitFileClaims, key: Uint8Array, now = new Date()): Promise<string> {
  const identity = claims.identity.kind === 'user' ? { ...claims.identity, email: '' } : claims.identity;
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: identity.tenantId, bat: claims.batchId, idt: identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + DIRECT_DEBIT_FILE_LINK_TTL_SECONDS)
    .sign(key);
}

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyDirectDebitFileLink(token: string, key: Uint8Array): Promise<DirectDebitFileClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'] });
    const identity = payload.idt as Identity | undefined;
    if (typeof payload.bat !== 'string' || !identity || identity.tenantId !== payload.tid) throw directDebitFileLinkInvalid();
    return { batchId: payload.bat, identity };
  } catch {
    throw directDebitFileLinkInvalid();
  }
}

/** The file name offered to the browser: the message id, as the bank portal will show it. */
export const directDebitFileName = (messageId: string) => `${messageId}.xml`;

export function directDebitFilePath(batch: { id: string; messageId: string }, token: string): string {
  return `${DIRECT_DEBIT_FILE_PATH_PREFIX}${batch.id}/${encodeURIComponent(directDebitFileName(batch.messageId))}?token=${encodeURIComponent(token)}`;
}
