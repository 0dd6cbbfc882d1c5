import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ledgerMapping, updateLedgerMapping } from '@relais/domain';
import { em, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { LedgerMappingInput, LedgerMappingType } from './journal.type';

@Resolver(() => LedgerMappingType)
export class LedgerMappingResolver {
  @Authorized('finance:read')
  @Query(() => LedgerMappingType)
  async ledgerMapping(@Ctx() ctx: RequestContext): Promise<LedgerMappingType> {
    return ledgerMapping(em(ctx), tenantIdOf(ctx));
  }

  @Authorized('finance:write')
  @Mutation(() => LedgerMappingType, {
    description:
      'Replaces the accounts the ledger posts to, for the entries posted from then on. VALIDATION_FAILED naming the field (an account missing from the chart of accounts or of the wrong class), STALE_VERSION.',
  })
  async updateLedgerMapping(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LedgerMappingInput) input: LedgerMappingInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ): Promise<LedgerMappingType> {
    return updateLedgerMapping(em(ctx), identityOf(ctx), { ...input, expectedVersion });
  }
}
