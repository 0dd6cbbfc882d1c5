import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createSite, equipmentBySiteIds, listSites, updateSite, type Equipment } from '@relais/domain';
import { LocalDateScalar, em, groupLoaderFor, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { SiteConnection, SiteType, toSiteType } from './site.type';
import { loaders } from '../shared/loaders';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { customerLoader } from '../customers/customer.resolver';
import { EquipmentType, toEquipmentType } from '../equipment/equipment.type';

@InputType()
export class CreateSiteInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) addressLine1!: string;
  @Field(() => String) postalCode!: string;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) accessNotes?: string | null;
  @Field(() => Boolean, { nullable: true }) dwellingOverTwoYears?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Requires dwellingOverTwoYears; not in the future.' })
  reducedVatAttestedOn?: string | null;
}

@InputType({ description: 'Only the fields given are changed.' })
export class UpdateSiteInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) addressLine1?: string;
  @Field(() => String, { nullable: true }) postalCode?: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) accessNotes?: string | null;
  @Field(() => Boolean, { nullable: true }) dwellingOverTwoYears?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true }) reducedVatAttestedOn?: string | null;
}

@Resolver(() => SiteType)
export class SiteResolver {
  @Authorized('maintenance:read')
  @Query(() => SiteConnection, { description: 'Sites by name, filtered by customer, name, city or postal code.' })
  async sites(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(await listSites(em(ctx), { first, after, customerId, search }), toSiteType);
  }

  @Authorized('maintenance:read')
  @Query(() => SiteType, { nullable: true })
  async site(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const site = await loaders.site(ctx).load(id);
    return site ? toSiteType(site) : null;
  }

  @Authorized('maintenance:write')
  @Mutation(() => SiteType)
  async createSite(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSiteInput) input: CreateSiteInput) {
    return toSiteType(await createSite(em(ctx), tenantIdOf(ctx), input));
  }

  @Authorized('maintenance:write')
  @Mutation(() => SiteType, { description: 'STALE_VERSION when the site was saved since expectedVersion.' })
  async updateSite(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSiteInput) input: UpdateSiteInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toSiteType(await updateSite(em(ctx), id, input, expectedVersion));
  }

  @FieldResolver(() => [EquipmentType], { description: 'The equipment installed on the site, by name.' })
  async equipment(@Root() site: SiteType, @Ctx() ctx: RequestContext) {
    const equipment = await groupLoaderFor<Equipment>(ctx, 'equipmentBySite', equipmentBySiteIds, (e) => e.siteId).load(site.id);
    return equipment.map(toEquipmentType);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() site: SiteType, @Ctx() ctx: RequestContext) {
    const customer = await customerLoader(ctx).load(site.customerId);
    return toCustomerType(customer!);
  }
}

export async function resolveSiteReference(reference: { id: string }, ctx: RequestContext) {
  const site = await loaders.site(ctx).load(reference.id);
  return site ? toSiteType(site) : null;
}
