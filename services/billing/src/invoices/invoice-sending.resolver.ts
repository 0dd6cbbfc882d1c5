import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { INVOICE_MAIL_RELATION, deliveriesOf, sendInvoice, type OutboxMessage } from '@relais/domain';
import { em, groupLoaderFor, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { MailDeliveryType, toMailDeliveryType } from '../mail/mail-delivery.type';
import { InvoiceType, toInvoiceType } from './invoice.type';

@InputType()
export class SendInvoiceInput {
  @Field(() => [String], { nullable: true, description: 'Recipients; by default the customer’s e-mail address.' }) to?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A personal message before the standard text.' }) message?: string | null;
}

@Resolver(() => InvoiceType)
export class InvoiceSendingResolver {
  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description: 'Mails the issued invoice or credit note with its Factur-X PDF through the outbox (retried; see deliveries).',
  })
  async sendInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SendInvoiceInput, { nullable: true }) input: SendInvoiceInput | null,
  ) {
    return toInvoiceType(await sendInvoice(em(ctx), identityOf(ctx), id, input ?? {}));
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
