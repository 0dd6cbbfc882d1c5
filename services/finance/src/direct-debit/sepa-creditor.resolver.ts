import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { sepaCreditor, setSepaCreditorId } from '@relais/domain';
import { em, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { SepaCreditorType, toCreditorType } from './direct-debit.type';

@Resolver(() => SepaCreditorType)
export class SepaCreditorResolver {
  @Authorized('finance:read')
  @Query(() => SepaCreditorType, { description: 'The company as SEPA creditor: name, account, creditor identifier (ICS).' })
  async sepaCreditor(@Ctx() ctx: RequestContext) {
    return toCreditorType(await sepaCreditor(em(ctx), tenantIdOf(ctx)));
  }

  @Authorized('finance:write')
  @Mutation(() => SepaCreditorType, {
    description: 'Records the company’s SEPA creditor identifier (ICS). VALIDATION_FAILED on creditorId (format, check digits).',
  })
  async setSepaCreditorIdentifier(@Ctx() ctx: RequestContext, @Arg('creditorId', () => String) creditorId: string) {
    return toCreditorType(await setSepaCreditorId(em(ctx), tenantIdOf(ctx), creditorId));
  }
}
