import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  canStartSending,
  deliveryFailed,
  deliverySucceeded,
  describeSmtpFailure,
  inlineContentId,
  isMailAddress,
  retryDelaySeconds,
  startSending,
  validateMailInput,
  type DeliveryState,
  type MailInput,
} from './outbox.rules';

const valid: MailInput = {
  to: ['compta@clinique-bellevue.fr'],
  subject: 'Facture F-2026-00042',
  text: 'Bonjour, veuillez trouver notre facture ci-jointe.',
  attachments: [{ filename: 'F-2026-00042.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70]) }],
};

function refusedFields(input: MailInput): string[] {
  try {
    validateMailInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).details.fields as { field: string }[]).map((p) => p.field);
  }
  return [];
}

describe('mail addresses', () => {
  it('accepts ordinary addresses, with plus tags and subdomains', () => {
    for (const address of ['a@b.fr', 'jean.dupont+factures@mail.clinique-bellevue.fr', 'X_Y-9@exemple.co.uk']) {
      expect(isMailAddress(address), address).toBe(true);
    }
  });

  it('refuses what an SMTP server would refuse or what would add a recipient', () => {
    for (const address of [
      '',
      'dupont',
      'dupont@',
      '@exemple.fr',
      'dupont@exemple',
      'a b@exemple.fr',
      'a@b.fr, c@d.fr',
      'Jean <a@b.fr>',
      'a..b@exemple.fr',
      'a@exemple.fr.',
    ]) {
      expect(isMailAddress(address), address).toBe(false);
    }
  });
});

describe('validateMailInput', () => {
  it('accepts a complete mail', () => {
    expect(refusedFields(valid)).toEqual([]);
  });

  it('names every faulty field at once', () => {
    expect(
      refusedFields({
        ...valid,
        to: ['compta@clinique-bellevue.fr', 'pas-une-adresse'],
        cc: ['x@'],
        replyTo: 'nobody',
        subject: 'Facture\r\nBcc: victime@exemple.fr',
        related: { type: 'Invoice', id: '42' },
      }),
    ).toEqual(['to[1]', 'cc[0]', 'replyTo', 'subject', 'related.id']);
  });

  it('requires a recipient, a subject, a text and well-formed attachments', () => {
    expect(
      refusedFields({
        to: [],
        subject: ' ',
        text: '',
        attachments: [{ filename: '../x.pdf', contentType: 'pdf', content: new Uint8Array() }],
      }),
    ).toEqual(['to', 'subject', 'text', 'attachments[0].filename', 'attachments[0].contentType', 'attachments[0].content']);
  });
});

describe('inline images', () => {
  const html = '<p>Bonjour</p><img src="cid:virement-qr.png" alt="QR"><img src=\'cid:logo.png\'>';

  it('sends an attachment the HTML shows by cid inline, under its file name', () => {
    expect(inlineContentId(html, 'virement-qr.png')).toBe('virement-qr.png');
    expect(inlineContentId(html, 'logo.png')).toBe('logo.png');
    expect(inlineContentId(html, 'F-2026-00042.pdf')).toBeNull();
    expect(inlineContentId(html, 'virement-qr.pn')).toBeNull();
    expect(inlineContentId(null, 'virement-qr.png')).toBeNull();
  });

  it('refuses an HTML part that shows an image not attached', () => {
    const qr = { filename: 'virement-qr.png', contentType: 'image/png', content: new Uint8Array([137, 80, 78, 71]) };
    expect(refusedFields({ ...valid, html: '<img src="cid:virement-qr.png">', attachments: [...valid.attachments!, qr] })).toEqual([]);
    expect(refusedFields({ ...valid, html: '<img src="cid:virement-qr.png">' })).toEqual(['html']);
  });
});

describe('retries', () => {
  const policy = { retryLimit: 5, retryDelaySeconds: 10, maxDelaySeconds: 120 };
  const now = new Date('2026-11-24T09:00:00Z');
  const failure = { message: 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525', permanent: false };

  it('waits 10 s after the first failure, doubling each time up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, policy))).toEqual([10, 20, 40, 80, 120]);
  });

  it('keeps a failed mail for another attempt, with the error and when it will run', () => {
    const state: DeliveryState = { status: 'SENDING', attempts: 2, nextAttemptAt: now };
    expect(deliveryFailed(state, failure, policy, now)).toEqual({
      status: 'FAILED',
      lastError: failure.message,
      nextAttemptAt: new Date('2026-11-24T09:00:20Z'),
    });
  });

  it('gives up (DEAD) after the first attempt and retryLimit retries', () => {
    expect(deliveryFailed({ status: 'SENDING', attempts: 5, nextAttemptAt: now }, failure, policy, now).status).toBe('FAILED');
    expect(deliveryFailed({ status: 'SENDING', attempts: 6, nextAttemptAt: now }, failure, policy, now).status).toBe('DEAD');
  });

  it('gives up at once when the server refused the mail for good (5xx)', () => {
    const refused = describeSmtpFailure(
      Object.assign(new Error('Can\u2019t send mail - all recipients were rejected'), { code: 'EENVELOPE', responseCode: 550 }),
    );
    expect(refused).toEqual({ message: 'EENVELOPE: Can\u2019t send mail - all recipients were rejected', permanent: true });
    expect(deliveryFailed({ status: 'SENDING', attempts: 1, nextAttemptAt: now }, refused, policy, now).status).toBe('DEAD');
    expect(describeSmtpFailure(Object.assign(new Error('Greylisted'), { responseCode: 451 })).permanent).toBe(false);
  });
});

describe('delivery status', () => {
  const now = new Date('2026-11-24T09:00:00Z');
  const later = new Date('2026-11-24T09:10:00Z');

  it('starts an attempt for a queued or failed mail, counting it and holding the mail for five minutes', () => {
    expect(canStartSending({ status: 'QUEUED', attempts: 0, nextAttemptAt: now }, now)).toBe(true);
    expect(canStartSending({ status: 'FAILED', attempts: 1, nextAttemptAt: later }, now)).toBe(true);
    expect(startSending({ status: 'FAILED', attempts: 1, nextAttemptAt: now }, now)).toEqual({
      status: 'SENDING',
      attempts: 2,
      nextAttemptAt: new Date('2026-11-24T09:05:00Z'),
    });
  });

  it('never sends a mail twice: not while another attempt holds it, never once SENT or DEAD', () => {
    expect(canStartSending({ status: 'SENDING', attempts: 1, nextAttemptAt: later }, now)).toBe(false);
    expect(canStartSending({ status: 'SENT', attempts: 1, nextAttemptAt: now }, later)).toBe(false);
    expect(canStartSending({ status: 'DEAD', attempts: 6, nextAttemptAt: now }, later)).toBe(false);
  });

  it('takes over a mail whose attempt was abandoned (the worker died mid-send)', () => {
    expect(canStartSending({ status: 'SENDING', attempts: 1, nextAttemptAt: now }, later)).toBe(true);
  });

  it('records when a mail was sent and the SMTP message id, clearing the last error', () => {
    expect(deliverySucceeded('<abc@relais>', now)).toEqual({
      status: 'SENT',
      sentAt: now,
      smtpMessageId: '<abc@relais>',
      lastError: null,
      nextAttemptAt: now,
    });
  });
});
