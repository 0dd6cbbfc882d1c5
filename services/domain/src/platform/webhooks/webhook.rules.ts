import { Validator } from '../../shared/errors';

/** The events a partner may subscribe to; each is the business fact of the same name. */
export const WEBHOOK_EVENT_TYPES = [
  'intervention.requested',
  'intervention.closed',
  'quote.accepted',
  'invoice.issued',
  'invoice.sent',
  'invoice.paid',
  'payment.recorded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** What the consumer reads of a fact. */
export interface FactForWebhook {
  kind: string;
  subjectType: string;
  subjectId: string;
  occurredOn: string;
  payload: Record<string, unknown>;
  recordedAt: Date;
}

export interface WebhookEvent {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The event a fact gives partners (null for facts no event stands for): its subject's id named
 * after its type (`invoiceId`, `paymentId`…), the date it happened on and what the fact says.
 */
export function webhookEventOf(fact: FactForWebhook): WebhookEvent | null {
  if (!isWebhookEventType(fact.kind)) return null;
  const subjectKey = `${fact.subjectType.charAt(0).toLowerCase()}${fact.subjectType.slice(1)}Id`;
  return {
    type: fact.kind,
    timestamp: fact.recordedAt.toISOString(),
    data: { [subjectKey]: fact.subjectId, occurredOn: fact.occurredOn, ...fact.payload },
  };
}

/** The body sent: `{ id, type, timestamp, data }`, `id` being the delivery's (the same on every retry). */
export function webhookBody(id: string, event: WebhookEvent): string {
  return JSON.stringify({ id, type: event.type, timestamp: event.timestamp, data: event.data });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const MAX_URL_LENGTH = 2000;
export const MAX_DESCRIPTION_LENGTH = 500;

/** An endpoint's address: https, or http to this machine only (development, tests); no credentials in it. */
export function isAcceptableWebhookUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export interface WebhookEndpointFields {
  url?: string | null;
  description?: string | null;
  eventTypes?: readonly string[] | null;
}

/** Refuses a bad address, a description too long, no event type or an unknown one (VALIDATION_FAILED naming the field). */
export function validateWebhookEndpoint(input: WebhookEndpointFields): void {
  const v = new Validator();
  if (input.url != null)
    v.check(input.url.trim().length > 0, 'url', 'obligatoire', 'REQUIRED').check(
      input.url.trim().length === 0 || isAcceptableWebhookUrl(input.url.trim()),
      'url',
      'adresse https:// (http:// pour localhost seulement), sans identifiants',
    );
  if (input.description != null)
    v.check(input.description.length <= MAX_DESCRIPTION_LENGTH, 'description', `au plus ${MAX_DESCRIPTION_LENGTH} caractères`, 'TOO_LONG');
  if (input.eventTypes != null) {
    v.check(input.eventTypes.length > 0, 'eventTypes', 'au moins un événement', 'REQUIRED');
    input.eventTypes.forEach((type, i) =>
      v.check(isWebhookEventType(type), `eventTypes[${i}]`, `valeurs possibles : ${WEBHOOK_EVENT_TYPES.join(', ')}`, 'UNKNOWN_VALUE'),
    );
  }
  v.throwIfInvalid();
}

/** Waits before each retry after a failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h; six attempts in all. */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [30, 120, 600, 3600, 6 * 3600] as const;

export interface WebhookDeliveryState {
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  /** Failed attempts since the delivery was queued (or redelivered by hand). */
  retryStep: number;
  nextAttemptAt: Date;
}

/** A delivery after an attempt: delivered, retried later, or failed for good once the schedule is spent. */
export function deliveryAfterAttempt(retryStep: number, succeeded: boolean, now: Date): WebhookDeliveryState {
  if (succeeded) return { status: 'DELIVERED', retryStep, nextAttemptAt: now };
  const delay = WEBHOOK_RETRY_DELAYS_SECONDS[retryStep];
  if (delay === undefined) return { status: 'FAILED', retryStep: retryStep + 1, nextAttemptAt: now };
  return { status: 'PENDING', retryStep: retryStep + 1, nextAttemptAt: new Date(now.getTime() + delay * 1000) };
}

/** An endpoint is disabled once its attempts have failed at least this many times in a row… */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 5;
/** …for at least this long (first failure of the streak to the latest one) with no success. */
export const WEBHOOK_DISABLE_AFTER_HOURS = 24;

export interface EndpointHealth {
  consecutiveFailures: number;
  /** When the current streak of failures began; null after a success. */
  failingSince: Date | null;
}

/** The endpoint's health after an attempt, and whether it is to be disabled now. */
export function endpointHealthAfter(health: EndpointHealth, succeeded: boolean, now: Date): EndpointHealth & { disable: boolean } {
  if (succeeded) return { consecutiveFailures: 0, failingSince: null, disable: false };
  const consecutiveFailures = health.consecutiveFailures + 1;
  const failingSince = health.failingSince ?? now;
  const failingHours = (now.getTime() - failingSince.getTime()) / 3_600_000;
  return {
    consecutiveFailures,
    failingSince,
    disable: consecutiveFailures >= WEBHOOK_DISABLE_AFTER_FAILURES && failingHours >= WEBHOOK_DISABLE_AFTER_HOURS,
  };
}

/** How long the previous secret still signs after a rotation. */
export const WEBHOOK_SECRET_OVERLAP_HOURS = 24;
