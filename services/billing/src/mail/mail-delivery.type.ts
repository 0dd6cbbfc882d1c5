import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { OutboxMessage } from '@relais/domain';

export enum MailDeliveryStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  DEAD = 'DEAD',
}
registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description: 'QUEUED: waiting; SENDING: being handed to the mail server; SENT; FAILED: will be tried again; DEAD: given up.',
});

@ObjectType('MailDelivery', { description: 'An outgoing mail about a record (an invoice...) and how its delivery went.' })
export class MailDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => [String]) to!: string[];
  @Field(() => String) subject!: string;
  @Field(() => MailDeliveryStatus) status!: MailDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'What the mail server (or the network) answered on the last failed attempt.' })
  lastError!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt!: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

export function toMailDeliveryType(message: OutboxMessage): MailDeliveryType {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    status: message.status as MailDeliveryStatus,
    attempts: message.attempts,
    lastError: message.lastError ?? null,
    sentAt: message.sentAt ?? null,
    createdAt: message.createdAt,
  };
}
