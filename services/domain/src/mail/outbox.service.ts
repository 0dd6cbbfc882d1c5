import type { EntityManager } from '@mikro-orm/postgresql';
import { actorId, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { runAfterCommit } from './after-commit';
import { OutboxAttachment, OutboxMessage } from './outbox.entity';
import { validateMailInput, type MailInput } from './outbox.rules';

export const MAIL_QUEUE = 'mail.send';

/** What a `mail.send` job carries: the row is the truth, the job only says which one to deliver. */
export interface MailJobData {
  tenantId: string;
  messageId: string;
}

let publisher: ((job: MailJobData) => Promise<void>) | null = null;

/**
 * The mail worker of this process publishes the jobs of the mails enqueued here; a process without
 * one leaves them QUEUED and the sweep of a worker elsewhere publishes them.
 */
export function setMailPublisher(publish: ((job: MailJobData) => Promise<void>) | null): void {
  publisher = publish;
}

/**
 * Queues a mail in the caller's transaction (nothing is written when the input is refused); its
 * delivery job is published once that transaction has committed.
 */
export async function enqueueMail(em: EntityManager, identity: Identity, input: MailInput): Promise<OutboxMessage> {
  validateMailInput(input);
  const message = em.create(OutboxMessage, {
    id: newId(),
    tenantId: identity.tenantId,
    to: input.to,
    cc: input.cc ?? [],
    replyTo: input.replyTo ?? null,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    status: 'QUEUED',
    attempts: 0,
    nextAttemptAt: new Date(),
    relatedType: input.related?.type ?? null,
    relatedId: input.related?.id ?? null,
    createdBy: actorId(identity),
  });
  (input.attachments ?? []).forEach((attachment, position) =>
    em.create(OutboxAttachment, {
      id: newId(),
      tenantId: identity.tenantId,
      messageId: message.id,
      position,
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
    }),
  );
  await em.flush();
  const job: MailJobData = { tenantId: identity.tenantId, messageId: message.id };
  runAfterCommit(em, async () => {
    await publisher?.(job);
  });
  return message;
}

/** The mails sent about some records (all kinds when `relatedType` is null), newest first, for loaders. */
export async function deliveriesOf(em: EntityManager, relatedType: string | null, relatedIds: readonly string[]): Promise<OutboxMessage[]> {
  if (relatedIds.length === 0) return [];
  return em.find(
    OutboxMessage,
    { relatedId: { $in: [...relatedIds] }, ...(relatedType === null ? {} : { relatedType }) },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
}
