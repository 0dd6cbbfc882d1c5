import type { Identity } from '../../shared/identity';
import { signFileLink, verifyFileLink } from '../../shared/file-link';
import type { InvoiceArtefactKind } from './invoice-artefact.entity';

/**
 * Download links of invoice documents (see shared/file-link): the token binds the tenant, the
 * invoice, the file kind and who asked for it.
 */

/** The purpose the signing key is derived for from the internal secret (HMAC-SHA256). */
export const DOCUMENT_LINK_KEY_PURPOSE = 'relais/document-links/v1';
const AUDIENCE = 'relais-documents';

export interface DocumentLinkClaims {
  invoiceId: string;
  kind: InvoiceArtefactKind;
  /** Who asked for the link; the download runs as them (audit), e-mail not carried. */
  identity: Identity;
}

type DocumentSubject = { invoiceId: string; kind: InvoiceArtefactKind };
const isDocumentSubject = (subject: Record<string, unknown>): subject is DocumentSubject =>
  typeof subject.invoiceId === 'string' && (subject.kind === 'PDF' || subject.kind === 'XML');

export const signDocumentLink = ({ invoiceId, kind, identity }: DocumentLinkClaims, key: Uint8Array, now = new Date()) =>
  signFileLink(AUDIENCE, { subject: { invoiceId, kind }, identity }, key, now);

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyDocumentLink(token: string, key: Uint8Array): Promise<DocumentLinkClaims> {
  const { subject, identity } = await verifyFileLink(AUDIENCE, token, key, isDocumentSubject);
  return { ...subject, identity };
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
