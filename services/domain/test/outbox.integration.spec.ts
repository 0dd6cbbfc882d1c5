import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  deliveriesOf,
  enqueueMail,
  inTenantScope,
  newId,
  OutboxMessage,
  startMailWorker,
  type MailInput,
  type MailWorker,
  type MailWorkerOptions,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

interface CaughtMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: { index: number; filename: string; contentType: string; size: number; sha256: string }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port nothing listens on: the mail server is "down". */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('mail outbox (real SMTP server: the mail catcher process)', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const workers: MailWorker[] = [];
  const catcherUrl = inject('mailCatcherUrl');

  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000), Buffer.from('\n%%EOF\n')]);
  const mail = (subject: string, relatedId = newId()): MailInput => ({
    to: ['compta@clinique-bellevue.fr'],
    cc: ['direction@clinique-bellevue.fr'],
    replyTo: 'facturation@demo.relais.fr',
    subject,
    text: 'Bonjour,\n\nVeuillez trouver ci-joint notre facture.\n\nCordialement',
    html: '<p>Bonjour,</p><p>Veuillez trouver ci-joint notre facture.</p>',
    attachments: [{ filename: 'F-2026-00042.pdf', contentType: 'application/pdf', content: pdf }],
    related: { type: 'Invoice', id: relatedId },
  });

  const worker = async (overrides: Partial<MailWorkerOptions> & { queue: string }) => {
    const started = await startMailWorker({
      orm,
      databaseUrl: inject('appDatabaseUrl'),
      smtpUrl: inject('mailCatcherSmtpUrl'),
      from: 'factures@relais.test',
      retry: { retryLimit: 3, retryDelaySeconds: 2, maxDelaySeconds: 2 },
      // The sweep is for jobs lost hours ago, never for the mails of a running test.
      sweep: { intervalSeconds: 3600, lateSeconds: 3600 },
      ...overrides,
    });
    workers.push(started);
    return started;
  };
  // Each test has its own queue, so the stack's billing worker never takes these mails.
  const testQueue = () => `mail.send.test-${randomUUID()}`;

  const enqueue = (input: MailInput) =>
    inTenantScope(orm, tenant.identity, { requestId: `test-${randomUUID()}`, operation: 'SendInvoice' }, (em) =>
      enqueueMail(em, tenant.identity, input),
    );
  const stored = (id: string) => inTenantScope(orm, tenant.identity, { requestId: 'test-read' }, (em) => em.findOne(OutboxMessage, { id }));
  const caught = async (subject: string) => {
    const messages = (await (await fetch(`${catcherUrl}/api/messages`)).json()) as CaughtMessage[];
    return messages.filter((m) => m.subject === subject);
  };

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('outbox');
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('delivers a queued mail with its PDF to the SMTP server and records it SENT after one attempt', async () => {
    await worker({ queue: testQueue() });
    const subject = `Facture F-2026-00042 ${randomUUID()}`;
    const invoiceId = newId();
    const queued = await enqueue(mail(subject, invoiceId));
    expect(queued.status).toBe('QUEUED');

    const sent = await eventually(
      () => stored(queued.id),
      (m) => m?.status === 'SENT',
      'the mail to be sent',
    );
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
    expect(sent!.smtpMessageId).toMatch(/^<.+@.+>$/);

    const [received] = await eventually(
      () => caught(subject),
      (list) => list.length > 0,
      'the catcher to receive the mail',
    );
    expect(received).toMatchObject({
      from: 'factures@relais.test',
      to: ['compta@clinique-bellevue.fr', 'direction@clinique-bellevue.fr'],
      text: expect.stringContaining('Veuillez trouver ci-joint notre facture.'),
    });
    expect(received!.attachments).toEqual([
      { index: 0, filename: 'F-2026-00042.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
    ]);
    const download = await fetch(`${catcherUrl}/api/messages/${received!.id}/attachments/0`);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(pdf));
    expect(await caught(subject)).toHaveLength(1);

    const deliveries = await inTenantScope(orm, tenant.identity, { requestId: 'test-read' }, (em) =>
      deliveriesOf(em, 'Invoice', [invoiceId]),
    );
    expect(deliveries.map((d) => [d.id, d.status])).toEqual([[queued.id, 'SENT']]);
  });

  it('records a failed attempt when the mail server is down, then succeeds on the retry', async () => {
    const queue = testQueue();
    const down = await worker({ queue, smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    const subject = `Relance ${randomUUID()}`;
    const queued = await enqueue(mail(subject));

    const failed = await eventually(
      () => stored(queued.id),
      (m) => m?.status === 'FAILED',
      'the attempt to fail',
    );
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(await caught(subject)).toEqual([]);

    // The server is back: the scheduled retry (2 s later) goes to the real one.
    await down.stop();
    await worker({ queue });
    const sent = await eventually(
      () => stored(queued.id),
      (m) => m?.status === 'SENT',
      'the retry to succeed',
    );
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(await caught(subject)).toHaveLength(1);
  });

  it('gives up (DEAD) once the retries are spent, keeping the last error', async () => {
    await worker({
      queue: testQueue(),
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      retry: { retryLimit: 1, retryDelaySeconds: 1, maxDelaySeconds: 1 },
    });
    const queued = await enqueue(mail(`Relance ${randomUUID()}`));
    const dead = await eventually(
      () => stored(queued.id),
      (m) => m?.status === 'DEAD',
      'the mail to be given up',
    );
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 2, sentAt: null });
    expect(dead!.lastError).toMatch(/ECONNREFUSED/);
  });

  it('sends a mail whose job was never published (no worker in the process that queued it) once the sweep finds it', async () => {
    const subject = `Sans worker ${randomUUID()}`;
    const queued = await enqueue(mail(subject));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await stored(queued.id))?.status).toBe('QUEUED');

    await worker({ queue: testQueue(), sweep: { intervalSeconds: 3600, lateSeconds: 1 } });
    const sent = await eventually(
      () => stored(queued.id),
      (m) => m?.status === 'SENT',
      'the swept mail to be sent',
    );
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await caught(subject)).toHaveLength(1);
  });

  it('refuses an invalid address with VALIDATION_FAILED and writes nothing', async () => {
    const relatedId = newId();
    await expect(enqueue({ ...mail('Facture', relatedId), to: ['compta@clinique-bellevue.fr', 'compta clinique'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'to[1]', message: 'adresse e-mail invalide : « compta clinique »' }] },
    });
    const rows = await inTenantScope(orm, tenant.identity, { requestId: 'test-read' }, (em) => deliveriesOf(em, null, [relatedId]));
    expect(rows).toEqual([]);
  });

  it('sends nothing when the transaction that queued the mail rolls back', async () => {
    await worker({ queue: testQueue() });
    const subject = `Annulé ${randomUUID()}`;
    const relatedId = newId();
    await expect(
      inTenantScope(orm, tenant.identity, { requestId: 'test-rollback' }, async (em) => {
        await enqueueMail(em, tenant.identity, mail(subject, relatedId));
        throw new Error('the invoice could not be issued');
      }),
    ).rejects.toThrow('the invoice could not be issued');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await caught(subject)).toEqual([]);
    const rows = await inTenantScope(orm, tenant.identity, { requestId: 'test-read' }, (em) => deliveriesOf(em, null, [relatedId]));
    expect(rows).toEqual([]);
  });
});
