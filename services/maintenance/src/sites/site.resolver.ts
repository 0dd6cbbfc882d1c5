import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { createSite } from '@relais/domain';
import { em, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { SiteType, toSiteType } from './site.type';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { customerLoader } from '../customers/customer.resolver';

@InputType()
export class CreateSiteInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) addressLine1!: string;
  @Field(() => String) postalCode!: string;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) accessNotes?: string | null;
}

@Resolver(() => SiteType)
export class SiteResolver {
  @Authorized('maintenance:write')
  @Mutation(() => SiteType)
  async createSite(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSiteInput) input: CreateSiteInput) {
    return toSiteType(await createSite(em(ctx), tenantIdOf(ctx), input));
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() site: SiteType, @Ctx() ctx: RequestContext) {
    const customer = await customerLoader(ctx).load(site.customerId);
    return toCustomerType(customer!);
  }
}
