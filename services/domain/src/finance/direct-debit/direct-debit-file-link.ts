import { hasStringFields, signFileLink, verifyFileLink } from '../../shared/file-link';
import type { Identity } from '../../shared/identity';

/**
 * Download links of pain.008 files (see shared/file-link): the token binds the tenant, the batch
 * and who asked.
 */

/** The purpose the signing key is derived for from the internal secret. */
export const DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE = 'relais/direct-debit-files/v1';
const AUDIENCE = 'relais-direct-debit-files';
export const DIRECT_DEBIT_FILE_PATH_PREFIX = '/documents/direct-debit-batches/';

export interface DirectDebitFileClaims {
  batchId: string;
  identity: Identity;
}

export const signDirectDebitFileLink = ({ batchId, identity }: DirectDebitFileClaims, key: Uint8Array, now = new Date()) =>
  signFileLink(AUDIENCE, { subject: { batchId }, identity }, key, now);

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyDirectDebitFileLink(token: string, key: Uint8Array): Promise<DirectDebitFileClaims> {
  const { subject, identity } = await verifyFileLink(AUDIENCE, token, key, hasStringFields<{ batchId: string }>('batchId'));
  return { batchId: subject.batchId, identity };
}

/** The file name offered to the browser: the message id, as the bank portal will show it. */
export const directDebitFileName = (messageId: string) => `${messageId}.xml`;

export function directDebitFilePath(batch: { id: string; messageId: string }, token: string): string {
  return `${DIRECT_DEBIT_FILE_PATH_PREFIX}${batch.id}/${encodeURIComponent(directDebitFileName(batch.messageId))}?token=${encodeURIComponent(token)}`;
}
