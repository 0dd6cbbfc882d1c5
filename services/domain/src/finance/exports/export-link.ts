import { hasStringFields, signFileLink, verifyFileLink } from '../../shared/file-link';
import type { Identity } from '../../shared/identity';

/**
 * Download links of accounting exports (see shared/file-link): the token carries the export
 * request itself (kind, range or fiscal year, layout), so the GET that follows produces exactly
 * what was previewed, as the person who asked.
 */

export const ACCOUNTING_EXPORT_LINK_KEY_PURPOSE = 'relais/accounting-exports/v1';
const AUDIENCE = 'relais-accounting-exports';
export const ACCOUNTING_EXPORT_PATH_PREFIX = '/documents/accounting-exports/';

/** The request as the link carries it: every field a string ('' when it does not apply). */
export interface AccountingExportLinkSubject extends Record<string, string> {
  kind: string;
  layout: string;
  fiscalYearId: string;
  from: string;
  to: string;
  journal: string;
}

const isSubject = hasStringFields<AccountingExportLinkSubject>('kind', 'layout', 'fiscalYearId', 'from', 'to', 'journal');

export const signAccountingExportLink = (subject: AccountingExportLinkSubject, identity: Identity, key: Uint8Array, now = new Date()) =>
  signFileLink(AUDIENCE, { subject, identity }, key, now);

export const verifyAccountingExportLink = (token: string, key: Uint8Array) => verifyFileLink(AUDIENCE, token, key, isSubject);

export const accountingExportPath = (fileName: string, token: string) =>
  `${ACCOUNTING_EXPORT_PATH_PREFIX}${encodeURIComponent(fileName)}?token=${encodeURIComponent(token)}`;
