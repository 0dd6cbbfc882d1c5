import { describe, expect, it } from 'vitest';
import {
  deliveryAfterAttempt,
  endpointHealthAfter,
  isAcceptableWebhookUrl,
  validateWebhookEndpoint,
  webhookBody,
  webhookEventOf,
} from './webhook.rules';
import type { DomainError } from '../../shared/errors';

const T0 = new Date('2026-12-01T08:00:00Z');
const plus = (seconds: number, from = T0) => new Date(from.getTime() + seconds * 1000);

describe('webhook retries', () => {
  it('retries after 30 s, 2 min, 10 min, 1 h and 6 h, then gives up: six attempts', () => {
    const waits: number[] = [];
    let step = 0;
    let state = deliveryAfterAttempt(step, false, T0);
    while (state.status === 'PENDING') {
      waits.push((state.nextAttemptAt.getTime() - T0.getTime()) / 1000);
      step = state.retryStep;
      state = deliveryAfterAttempt(step, false, T0);
    }
    expect(waits).toEqual([30, 120, 600, 3600, 21600]);
    expect(state).toEqual({ status: 'FAILED', retryStep: 6, nextAttemptAt: T0 });
  });

  it('is delivered by a successful attempt, whatever came before', () => {
    expect(deliveryAfterAttempt(3, true, T0)).toEqual({ status: 'DELIVERED', retryStep: 3, nextAttemptAt: T0 });
  });
});

describe('disabling a failing endpoint', () => {
  it('disables after at least 5 failures in a row spanning 24 hours, not before', () => {
    let health = { consecutiveFailures: 0, failingSince: null as Date | null };
    const results: boolean[] = [];
    for (const at of [0, 30, 150, 750, 4350, 25950]) {
      const next = endpointHealthAfter(health, false, plus(at));
      results.push(next.disable);
      health = next;
    }
    expect(results.every((disable) => !disable)).toBe(true);
    expect(health).toMatchObject({ consecutiveFailures: 6, failingSince: T0 });
    expect(endpointHealthAfter(health, false, plus(24 * 3600 - 1)).disable).toBe(false);
    expect(endpointHealthAfter(health, false, plus(24 * 3600))).toEqual({ consecutiveFailures: 7, failingSince: T0, disable: true });
  });

  it('needs 5 failures even when the first one is old', () => {
    expect(endpointHealthAfter({ consecutiveFailures: 3, failingSince: T0 }, false, plus(48 * 3600)).disable).toBe(false);
    expect(endpointHealthAfter({ consecutiveFailures: 4, failingSince: T0 }, false, plus(48 * 3600)).disable).toBe(true);
  });

  it('forgets the streak on a success', () => {
    expect(endpointHealthAfter({ consecutiveFailures: 40, failingSince: T0 }, true, plus(90000))).toEqual({
      consecutiveFailures: 0,
      failingSince: null,
      disable: false,
    });
  });
});

describe('webhook endpoints', () => {
  it('takes https addresses, and http ones to this machine only', () => {
    expect(isAcceptableWebhookUrl('https://partenaire.example.fr/hooks/relais?x=1')).toBe(true);
    expect(isAcceptableWebhookUrl('http://localhost:8080/hook')).toBe(true);
    expect(isAcceptableWebhookUrl('http://127.0.0.1:9000/')).toBe(true);
    expect(isAcceptableWebhookUrl('http://[::1]:9000/')).toBe(true);
    expect(isAcceptableWebhookUrl('http://partenaire.example.fr/hook')).toBe(false);
    expect(isAcceptableWebhookUrl('https://user:pass@partenaire.example.fr/')).toBe(false);
    expect(isAcceptableWebhookUrl('ftp://partenaire.example.fr/')).toBe(false);
    expect(isAcceptableWebhookUrl('partenaire.example.fr')).toBe(false);
    expect(isAcceptableWebhookUrl(`https://example.fr/${'a'.repeat(2000)}`)).toBe(false);
  });

  it('names each refused field with its reason', () => {
    let error: DomainError | undefined;
    try {
      validateWebhookEndpoint({
        url: 'http://example.fr',
        eventTypes: ['invoice.issued', 'invoice.deleted'],
        description: 'x'.repeat(501),
      });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.details.fields).toEqual([
      { field: 'url', message: expect.any(String), reason: 'INVALID' },
      { field: 'description', message: expect.any(String), reason: 'TOO_LONG' },
      { field: 'eventTypes[1]', message: expect.stringContaining('payment.recorded'), reason: 'UNKNOWN_VALUE' },
    ]);
    expect(() => validateWebhookEndpoint({ eventTypes: [] })).toThrow('eventTypes');
    expect(() => validateWebhookEndpoint({ url: 'https://example.fr', eventTypes: ['quote.accepted'] })).not.toThrow();
  });
});

describe('webhook events', () => {
  it('gives the event of a fact partners subscribe to, with its subject named after its type', () => {
    const fact = {
      kind: 'invoice.issued',
      subjectType: 'Invoice',
      subjectId: '0193a000-0000-7000-8000-000000000001',
      occurredOn: '2026-12-01',
      payload: { number: 'F-2026-00001', totalGross: '120.00' },
      recordedAt: T0,
    };
    const event = webhookEventOf(fact)!;
    expect(event).toEqual({
      type: 'invoice.issued',
      timestamp: '2026-12-01T08:00:00.000Z',
      data: { invoiceId: fact.subjectId, occurredOn: '2026-12-01', number: 'F-2026-00001', totalGross: '120.00' },
    });
    expect(JSON.parse(webhookBody('d1', event))).toEqual({ id: 'd1', ...event });
    expect(webhookEventOf({ ...fact, kind: 'credit_note.issued' })).toBeNull();
    expect(webhookEventOf({ ...fact, kind: 'payment.recorded', subjectType: 'Payment' })!.data).toHaveProperty('paymentId', fact.subjectId);
  });
});
