import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  INVOICE_MAIL_RELATION,
  deliveriesOf,
  invoiceSendPreview,
  issueAndSendInvoice,
  sendInvoice,
  type InvoiceSendPreview,
  type OutboxMessage,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { RecipientSourceEnum } from '../bulk-invoicing/bulk-invoicing.type';
import { MailDeliveryType, toMailDeliveryType } from '../mail/mail-delivery.type';
import { InvoiceType, toInvoiceType } from './invoice.type';

@InputType()
export class SendInvoiceInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Recipients; by default the customer’s contacts marked for billing, else its e-mail address.',
  })
  to?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Copies.' }) cc?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Default: the tenant’s template; {{placeholders}} are filled in when sent.' })
  subject?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The mail text. Default: the tenant’s template; {{placeholders}} are filled in when sent.',
  })
  body?: string | null;
  @Field(() => String, { nullable: true, description: 'A personal message before the text.', deprecationReason: 'Use body.' })
  message?: string | null;
}

@ObjectType('MailAttachmentPreview')
export class MailAttachmentPreviewType {
  @Field(() => String) filename!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) description!: string;
}

@ObjectType('InvoiceSendPreview', { description: 'What sending the invoice (or issuing and sending the draft) would mail.' })
export class InvoiceSendPreviewType {
  @Field(() => ID) invoiceId!: string;
  @Field(() => String) customerName!: string;
  @Field(() => [String], { description: 'The default recipients; empty when the customer has no address.' }) to!: string[];
  @Field(() => [String]) cc!: string[];
  @Field(() => String, { nullable: true, description: 'The tenant’s billing address, which replies go to.' }) replyTo!: string | null;
  @Field(() => RecipientSourceEnum) recipientSource!: RecipientSourceEnum;
  @Field(() => String, { description: 'A draft’s {{numero}}, {{date}} and {{echeance}} are filled in when it is issued.' })
  subject!: string;
  @Field(() => String) body!: string;
  @Field(() => [MailAttachmentPreviewType]) attachments!: MailAttachmentPreviewType[];
}

const toPreviewType = (p: InvoiceSendPreview): InvoiceSendPreviewType => ({
  ...p,
  recipientSource: p.recipientSource as RecipientSourceEnum,
});

@Resolver(() => InvoiceType)
export class InvoiceSendingResolver {
  @Authorized('billing:read')
  @Query(() => InvoiceSendPreviewType, { description: 'Recipients, reply-to, subject, text and attachments of the invoice’s mail.' })
  async invoiceSendPreview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toPreviewType(await invoiceSendPreview(em(ctx), id));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description:
      'Mails the issued invoice or credit note with its Factur-X PDF through the outbox (retried; see deliveries). NO_RECIPIENT, INVOICE_NOT_ISSUED, VALIDATION_FAILED.',
  })
  async sendInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SendInvoiceInput, { nullable: true }) input: SendInvoiceInput | null,
  ) {
    return toInvoiceType(await sendInvoice(em(ctx), identityOf(ctx), id, input ?? {}));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description:
      'Issues the draft (at the version read) and mails it, at once: any refusal (NO_RECIPIENT, VALIDATION_FAILED, STALE_VERSION, PERIOD_CLOSED...) leaves the draft unchanged.',
  })
  async issueAndSendInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => SendInvoiceInput, { nullable: true }) input: SendInvoiceInput | null,
  ) {
    return toInvoiceType(await issueAndSendInvoice(em(ctx), identityOf(ctx), id, expectedVersion, input ?? {}));
  }

  @FieldResolver(() => [MailDeliveryType], { description: 'Mails of this invoice, newest first, with their delivery status.' })
  async deliveries(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const messages = await groupLoaderFor<OutboxMessage>(
      ctx,
      'deliveriesByInvoice',
      (manager, ids) => deliveriesOf(manager, INVOICE_MAIL_RELATION, ids),
      (m) => m.relatedId!,
    ).load(invoice.id);
    return messages.map(toMailDeliveryType);
  }
}
