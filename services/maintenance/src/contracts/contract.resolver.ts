import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { listContracts } from '@relais/domain';
import { em, toConnection, type RequestContext } from '@relais/subgraph-kit';
import {
  ContractAmendmentType,
  ContractConnection,
  ContractType,
  MaintenancePlanType,
  toAmendmentType,
  toContractType,
  toPlanType,
} from './contract.type';
import { loaders } from '../shared/loaders';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { customerLoader } from '../customers/customer.resolver';
import { SiteType, toSiteType } from '../sites/site.type';
import { EquipmentType, toEquipmentType } from '../equipment/equipment.type';

@Resolver(() => ContractType)
export class ContractResolver {
  @Authorized('maintenance:read')
  @Query(() => ContractConnection)
  async contracts(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(await listContracts(em(ctx), { first, after, customerId, search }), toContractType);
  }

  @Authorized('maintenance:read')
  @Query(() => ContractType, { nullable: true })
  async contract(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const contract = await loaders.contract(ctx).load(id);
    return contract ? toContractType(contract) : null;
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return toCustomerType((await customerLoader(ctx).load(contract.customerId))!);
  }

  @FieldResolver(() => [SiteType])
  async sites(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    const links = await loaders.contractSites(ctx).load(contract.id);
    const sites = await Promise.all(links.map((l) => loaders.site(ctx).load(l.siteId)));
    return sites.flatMap((s) => (s ? [toSiteType(s)] : []));
  }

  @FieldResolver(() => [EquipmentType])
  async equipment(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.contractEquipment(ctx).load(contract.id)).map(toEquipmentType);
  }

  @FieldResolver(() => [MaintenancePlanType])
  async plans(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.plans(ctx).load(contract.id)).map(toPlanType);
  }

  @FieldResolver(() => [ContractAmendmentType])
  async amendments(@Root() contract: ContractType, @Ctx() ctx: RequestContext) {
    return (await loaders.amendments(ctx).load(contract.id)).map(toAmendmentType);
  }
}

export async function resolveContractReference(reference: { id: string }, ctx: RequestContext) {
  const contract = await loaders.contract(ctx).load(reference.id);
  return contract ? toContractType(contract) : null;
}
