import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { deliveriesOf, isUuid, Validator } from '@relais/domain';
import { em, type RequestContext } from '@relais/subgraph-kit';
import { MailDeliveryType, toMailDeliveryType } from './mail-delivery.type';

@Resolver(() => MailDeliveryType)
export class MailDeliveryResolver {
  @Authorized('billing:read')
  @Query(() => [MailDeliveryType], {
    description: 'The mails sent about a record (an invoice...), newest first, with their delivery status.',
  })
  async mailDeliveries(@Ctx() ctx: RequestContext, @Arg('relatedId', () => ID) relatedId: string) {
    new Validator().check(isUuid(relatedId), 'relatedId', 'identifiant invalide').throwIfInvalid();
    const messages = await deliveriesOf(em(ctx), null, [relatedId]);
    return messages.map(toMailDeliveryType);
  }
}
