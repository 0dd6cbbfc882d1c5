import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTransport } from 'nodemailer';
import { PgBoss } from 'pg-boss';
import type { Orm } from '../db/orm';
import { Tenant } from '../platform/tenant.entity';
import { Errors } from '../shared/errors';
import { OutboxAttachment, OutboxMessage } from './outbox.entity';
import {
  DEFAULT_MAIL_RETRY,
  canStartSending,
  deliveryFailed,
  deliverySucceeded,
  describeSmtpFailure,
  inlineContentId,
  startSending,
  type MailRetryPolicy,
} from './outbox.rules';
import { MAIL_QUEUE, setMailPublisher, type MailJobData } from './outbox.service';

export interface MailWorkerOptions {
  orm: Orm;
  /** The application role's URL: pg-boss keeps its jobs there. */
  databaseUrl: string;
  /** smtp://user:password@host:port (smtps:// for implicit TLS). */
  smtpUrl: string;
  /** The sender address; the tenant's name is shown as the sender's name. */
  from: string;
  queue?: string;
  retry?: MailRetryPolicy;
  /** How often to look for mails whose job was lost, and how late a mail must be to count as lost. */
  sweep?: { intervalSeconds: number; lateSeconds: number };
  onError?: (error: unknown, context: string) => void;
}

const MAIL_CONCURRENCY = 4;

export interface MailWorker {
  /** Publishes again the mails whose job was lost; returns how many. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The mail worker's unit of work: the tenant's rows, written as the system (the audit log shows
 * no user for delivery attempts: nobody clicked anything).
 */
async function inMailScope<T>(orm: Orm, job: MailJobData, operation: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = orm.em.fork({ clear: true, useContext: false });
  em.setFilterParams('tenant', { tenantId: job.tenantId });
  em.setSessionContext({
    variables: {
      'app.tenant_id': job.tenantId,
      'app.actor_kind': 'system',
      'app.actor_id': '',
      'app.request_id': `mail:${job.messageId}`,
      'app.operation': operation,
    },
  });
  await em.begin();
  try {
    const result = await work(em);
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/**
 * Starts the `mail.send` worker: each job marks its mail SENDING, hands it to the SMTP server,
 * then marks it SENT, or FAILED with the error and the time of the next attempt (published as a
 * delayed job), or DEAD once the retries are spent. A periodic sweep republishes the mails whose
 * job was lost (a process that died before publishing or mid-send); a duplicate job does nothing.
 */
export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const { orm } = options;
  const queue = options.queue ?? MAIL_QUEUE;
  const retry = options.retry ?? DEFAULT_MAIL_RETRY;
  const sweepEvery = options.sweep ?? { intervalSeconds: 60, lateSeconds: 60 };
  const onError = options.onError ?? (() => {});
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    migrate: false,
    createSchema: false,
    schedule: false,
    max: MAIL_CONCURRENCY + 2,
  });
  boss.on('error', (error) => onError(error, 'mail queue'));
  await boss.start();
  // pg-boss retries only a handler that crashed (database unavailable...); SMTP failures are
  // scheduled by the handler itself so the mail shows when it will be tried again.
  if (!(await boss.getQueue(queue)))
    await boss.createQueue(queue, { retryLimit: 3, retryDelay: retry.retryDelaySeconds, retryBackoff: true });

  const publish = async (job: MailJobData, startAfter?: Date) => {
    await boss.send(queue, job, startAfter ? { startAfter } : {});
  };

  async function deliver(job: MailJobData): Promise<void> {
    const claimed = await inMailScope(orm, job, 'mail.claim', async (em) => {
      const message = await em.findOne(OutboxMessage, { id: job.messageId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Not committed yet (published from a savepoint) or rolled back: pg-boss tries again later.
      if (!message) throw Errors.notFound('OutboxMessage', job.messageId);
      const now = new Date();
      if (!canStartSending(message, now)) return null;
      em.assign(message, startSending(message, now));
      const attachments = await em.find(OutboxAttachment, { messageId: message.id }, { orderBy: { position: 'asc' } });
      const tenant = await em.findOneOrFail(Tenant, { id: job.tenantId });
      return { message, attachments, senderName: tenant.name };
    });
    if (!claimed) return;
    const { message, attachments, senderName } = claimed;
    let outcome: { sent: true; smtpMessageId: string | null } | { sent: false; failure: { message: string; permanent: boolean } };
    try {
      const info = await transport.sendMail({
        from: { name: senderName, address: options.from },
        to: message.to,
        cc: message.cc.length ? message.cc : undefined,
        replyTo: message.replyTo ?? undefined,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody ?? undefined,
        attachments: attachments.map((a) => {
          const cid = inlineContentId(message.htmlBody, a.filename);
          return { filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content), ...(cid ? { cid } : {}) };
        }),
      });
      outcome = { sent: true, smtpMessageId: info.messageId ?? null };
    } catch (error) {
      outcome = { sent: false, failure: describeSmtpFailure(error) };
    }
    const retryAt = await inMailScope(orm, job, outcome.sent ? 'mail.sent' : 'mail.failed', async (em) => {
      const current = await em.findOneOrFail(OutboxMessage, { id: job.messageId });
      const now = new Date();
      em.assign(
        current,
        outcome.sent ? deliverySucceeded(outcome.smtpMessageId, now) : deliveryFailed(current, outcome.failure, retry, now),
      );
      return current.status === 'FAILED' ? current.nextAttemptAt : null;
    });
    if (retryAt) await publish(job, retryAt);
  }

  async function sweep(): Promise<number> {
    const rows: { tenant_id: string; id: string }[] = await orm.em
      .fork()
      .getConnection()
      .execute('select tenant_id, id from outbox_messages_to_resume(?, ?)', [sweepEvery.lateSeconds, 100]);
    for (const row of rows) await publish({ tenantId: row.tenant_id, messageId: row.id });
    return rows.length;
  }

  // Sending is mostly waiting on the SMTP server: a few at a time, so a batch (a billing run's
  // invoices, the sweep's catch-up) does not hold back the mail a user is waiting for.
  await boss.work<MailJobData>(queue, { pollingIntervalSeconds: 0.5, localConcurrency: MAIL_CONCURRENCY }, async ([job]) => {
    if (job) await deliver(job.data);
  });
  setMailPublisher((job) => publish(job).catch((error: unknown) => onError(error, `publishing mail ${job.messageId}`)));
  const runSweep = () => void sweep().catch((error: unknown) => onError(error, 'mail sweep'));
  const timer = setInterval(runSweep, sweepEvery.intervalSeconds * 1000);
  runSweep();

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      setMailPublisher(null);
      await boss.stop({ graceful: true, timeout: 10_000 });
      transport.close();
    },
  };
}
