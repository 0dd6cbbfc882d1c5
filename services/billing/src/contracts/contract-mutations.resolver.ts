import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { amendContractWithBilling, createContractWithBilling } from '@relais/domain';
import { LocalDateScalar, em, identityOf, requirePermission, type RequestContext } from '@relais/subgraph-kit';
import { ContractBillingInput, ContractRef, toBillingChange } from './contract-billing.type';
import { ContractTermsInput, toContractTerms } from './contract-terms.input';

/**
 * A contract's terms and, optionally, its billing terms in one call: billing resolves these
 * mutations because it may write both contexts (maintenance's contract through its service, then
 * its own billing terms), in the request's one transaction.
 */
@Resolver(() => ContractRef)
export class ContractMutationResolver {
  @Authorized('maintenance:write')
  @Mutation(() => ContractRef, {
    description:
      'A new contract; with `billing` (billing:write too), its billing terms from its start, in the same transaction: a refused field of either leaves nothing (VALIDATION_FAILED naming `billing.…` fields).',
  })
  async createContract(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('terms', () => ContractTermsInput) terms: ContractTermsInput,
    @Arg('billing', () => ContractBillingInput, { nullable: true }) billing: ContractBillingInput | null,
  ): Promise<ContractRef> {
    if (billing) requirePermission(ctx, 'billing:write');
    const contract = await createContractWithBilling(
      em(ctx),
      identityOf(ctx),
      { ...toContractTerms(terms), customerId },
      billing ? toBillingChange(billing) : null,
    );
    return { id: contract.id };
  }

  @Authorized('maintenance:write')
  @Mutation(() => ContractRef, {
    description:
      'New terms as an amendment (avenant); the previous terms are kept. With `billing` (billing:write too), a version of the billing terms from the same `effectiveOn`: earlier periods keep theirs; PERIOD_ALREADY_BILLED inside a billed period, and nothing is recorded.',
  })
  async amendContract(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('terms', () => ContractTermsInput) terms: ContractTermsInput,
    @Arg('effectiveOn', () => LocalDateScalar) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('billing', () => ContractBillingInput, { nullable: true }) billing: ContractBillingInput | null,
  ): Promise<ContractRef> {
    if (billing) requirePermission(ctx, 'billing:write');
    const contract = await amendContractWithBilling(
      em(ctx),
      identityOf(ctx),
      id,
      { ...toContractTerms(terms), effectiveOn, reason, expectedVersion },
      billing ? toBillingChange(billing) : null,
    );
    return { id: contract.id };
  }
}
