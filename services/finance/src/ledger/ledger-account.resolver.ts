import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { LedgerAccount } from '@relais/domain';
import { em, type RequestContext } from '@relais/subgraph-kit';

@ObjectType('LedgerAccount', { description: 'An account of the tenant’s chart of accounts (plan comptable).' })
export class LedgerAccountType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => String) label!: string;
  @Field(() => String) kind!: string;
}

@Resolver(() => LedgerAccountType)
export class LedgerAccountResolver {
  @Authorized('finance:read')
  @Query(() => [LedgerAccountType])
  async ledgerAccounts(@Ctx() ctx: RequestContext) {
    return em(ctx).find(LedgerAccount, {}, { orderBy: { number: 'asc' } });
  }
}
