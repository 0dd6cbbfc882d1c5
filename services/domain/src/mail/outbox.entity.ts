import { BlobType, defineEntity, p } from '@mikro-orm/core';

export const OUTBOX_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'DEAD'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One outgoing mail and how its delivery went; written with the action that sends it, sent by the mail worker. */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_messages',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    to: p.array().fieldName('to_addresses'),
    cc: p.array().fieldName('cc_addresses').default([]),
    replyTo: p.string().nullable(),
    subject: p.string(),
    textBody: p.text(),
    htmlBody: p.text().nullable(),
    status: p.enum(OUTBOX_STATUSES).default('QUEUED'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    nextAttemptAt: p.datetime(),
    sentAt: p.datetime().nullable(),
    smtpMessageId: p.string().nullable(),
    relatedType: p.string().nullable(),
    relatedId: p.uuid().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type OutboxMessage = InstanceType<typeof OutboxMessage.class>;

/** A file sent with an outgoing mail, kept byte for byte until it is delivered. */
export const OutboxAttachment = defineEntity({
  name: 'OutboxAttachment',
  tableName: 'outbox_attachments',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    messageId: p.uuid(),
    position: p.integer(),
    filename: p.string(),
    contentType: p.string(),
    content: p.type(BlobType).columnType('bytea'),
  },
});
export type OutboxAttachment = InstanceType<typeof OutboxAttachment.class>;
