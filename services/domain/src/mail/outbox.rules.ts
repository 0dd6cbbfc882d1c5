import { Validator } from '../shared/errors';
import type { OutboxStatus } from './outbox.entity';

export interface MailAttachmentInput {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailInput {
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachmentInput[];
  /** The record the mail is about (e.g. an invoice), so its deliveries can be shown beside it. */
  related?: { type: string; id: string };
}

/** When a failed mail is tried again: `retryLimit` more attempts, waiting `retryDelaySeconds` doubled each time. */
export interface MailRetryPolicy {
  retryLimit: number;
  retryDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_MAIL_RETRY: MailRetryPolicy = { retryLimit: 5, retryDelaySeconds: 10, maxDelaySeconds: 3600 };

/** How long a worker may hold a mail in SENDING before another may take it over (it died mid-send). */
export const SENDING_LEASE_SECONDS = 300;

const MAX_ADDRESS_LENGTH = 254;
const MAX_SUBJECT_LENGTH = 250;
const MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024;
// A bare address (no display name): one @, a dotted domain, none of the characters that would split or quote it.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isMailAddress(value: string): boolean {
  return value.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(value) && !value.includes('..');
}

const CID_REFERENCE = /cid:([^"'\s)>]+)/g;

/**
 * An attachment the HTML part shows (`<img src="cid:virement-qr.png">`) is sent inline, its
 * Content-ID being its file name; the others are ordinary attachments.
 */
export function inlineContentId(html: string | null | undefined, filename: string): string | null {
  if (!html) return null;
  return [...html.matchAll(CID_REFERENCE)].some((m) => m[1] === filename) ? filename : null;
}

/** Refuses a mail that could not be sent as asked; names every problem at once (VALIDATION_FAILED). */
export function validateMailInput(input: MailInput): void {
  const v = new Validator();
  v.check(input.to.length > 0, 'to', 'au moins un destinataire');
  input.to.forEach((address, i) => v.check(isMailAddress(address), `to[${i}]`, `adresse e-mail invalide : « ${address} »`));
  (input.cc ?? []).forEach((address, i) => v.check(isMailAddress(address), `cc[${i}]`, `adresse e-mail invalide : « ${address} »`));
  if (input.replyTo !== undefined) v.check(isMailAddress(input.replyTo), 'replyTo', `adresse e-mail invalide : « ${input.replyTo} »`);
  v.check(input.subject.trim().length > 0, 'subject', 'objet obligatoire', 'REQUIRED')
    .check(input.subject.length <= MAX_SUBJECT_LENGTH, 'subject', `${MAX_SUBJECT_LENGTH} caractères au plus`)
    .check(!/[\r\n]/.test(input.subject), 'subject', 'sur une seule ligne')
    .check(input.text.trim().length > 0, 'text', 'texte du message obligatoire', 'REQUIRED');
  const attachments = input.attachments ?? [];
  attachments.forEach((a, i) => {
    v.check(a.filename.trim().length > 0 && !/[\r\n/\\]/.test(a.filename), `attachments[${i}].filename`, 'nom de fichier invalide')
      .check(CONTENT_TYPE.test(a.contentType), `attachments[${i}].contentType`, 'type de contenu invalide')
      .check(a.content.length > 0, `attachments[${i}].content`, 'fichier vide');
  });
  for (const m of (input.html ?? '').matchAll(CID_REFERENCE))
    v.check(
      attachments.some((a) => a.filename === m[1]),
      'html',
      `image « ${m[1]} » absente des pièces jointes`,
    );
  const bytes = attachments.reduce((sum, a) => sum + a.content.length, 0);
  v.check(bytes <= MAX_ATTACHMENTS_BYTES, 'attachments', 'pièces jointes de 20 Mo au plus');
  if (input.related) {
    v.check(input.related.type.trim().length > 0, 'related.type', 'type obligatoire', 'REQUIRED').check(
      UUID.test(input.related.id),
      'related.id',
      'identifiant invalide',
    );
  }
  v.throwIfInvalid();
}

/** Seconds to wait after the `failedAttempts`-th failure: the delay, doubled each time, capped. */
export function retryDelaySeconds(failedAttempts: number, policy: MailRetryPolicy): number {
  return Math.min(policy.maxDelaySeconds, policy.retryDelaySeconds * 2 ** Math.max(0, failedAttempts - 1));
}

export interface DeliveryState {
  status: OutboxStatus;
  attempts: number;
  lastError?: string | null;
  nextAttemptAt: Date;
  sentAt?: Date | null;
  smtpMessageId?: string | null;
}

/** Whether a worker may start an attempt now: never twice at once, never after SENT or DEAD. */
export function canStartSending(state: DeliveryState, now: Date): boolean {
  if (state.status === 'QUEUED' || state.status === 'FAILED') return true;
  if (state.status === 'SENDING') return state.nextAttemptAt.getTime() <= now.getTime();
  return false;
}

export function startSending(state: DeliveryState, now: Date): Pick<DeliveryState, 'status' | 'attempts' | 'nextAttemptAt'> {
  return { status: 'SENDING', attempts: state.attempts + 1, nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_SECONDS * 1000) };
}

export function deliverySucceeded(
  smtpMessageId: string | null,
  now: Date,
): Pick<DeliveryState, 'status' | 'sentAt' | 'smtpMessageId' | 'lastError' | 'nextAttemptAt'> {
  return { status: 'SENT', sentAt: now, smtpMessageId, lastError: null, nextAttemptAt: now };
}

/**
 * After a failed attempt: FAILED with the time of the next one, or DEAD when the retries are spent
 * or the server refused the mail for good (a 5xx reply: it would refuse it again).
 */
export function deliveryFailed(
  state: DeliveryState,
  failure: { message: string; permanent: boolean },
  policy: MailRetryPolicy,
  now: Date,
): Pick<DeliveryState, 'status' | 'lastError' | 'nextAttemptAt'> {
  const lastError = failure.message.slice(0, 2000);
  if (failure.permanent || state.attempts > policy.retryLimit) return { status: 'DEAD', lastError, nextAttemptAt: now };
  return { status: 'FAILED', lastError, nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(state.attempts, policy) * 1000) };
}

/** What an SMTP client error says, and whether trying again could help (5xx replies are final). */
export function describeSmtpFailure(error: unknown): { message: string; permanent: boolean } {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const text = typeof e.message === 'string' ? e.message : String(error);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  return {
    message: typeof e.code === 'string' ? `${e.code}: ${text}` : text,
    permanent: responseCode !== null && responseCode >= 500 && responseCode < 600,
  };
}
