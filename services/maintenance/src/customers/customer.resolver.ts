import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  contactsByCustomerIds,
  createCustomer,
  customersByIds,
  listCustomers,
  sitesByCustomerIds,
  updateCustomer,
  type CustomerContact,
  type Site,
} from '@relais/domain';
import { em, groupLoaderFor, loaderFor, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { Contact, CustomerConnection, CustomerType, toContact, toCustomerType } from './customer.type';
import { CreateCustomerInput, UpdateCustomerInput } from './customer.input';
import { SiteType, toSiteType } from '../sites/site.type';

export function customerLoader(ctx: RequestContext) {
  return loaderFor(ctx, 'customerById', customersByIds, (c) => c.id);
}

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Authorized('maintenance:read')
  @Query(() => CustomerConnection, { description: 'Customers by name, filtered by name, code, city or SIREN/SIRET prefix.' })
  async customers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    const page = await listCustomers(em(ctx), { first, after, search });
    return toConnection(page, toCustomerType);
  }

  @Authorized('maintenance:read')
  @Query(() => CustomerType, { nullable: true })
  async customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const customer = await customerLoader(ctx).load(id);
    return customer ? toCustomerType(customer) : null;
  }

  @Authorized('maintenance:write')
  @Mutation(() => CustomerType)
  async createCustomer(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput) {
    return toCustomerType(await createCustomer(em(ctx), tenantIdOf(ctx), input));
  }

  @Authorized('maintenance:write')
  @Mutation(() => CustomerType)
  async updateCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toCustomerType(await updateCustomer(em(ctx), id, input, expectedVersion));
  }

  @FieldResolver(() => [SiteType])
  async sites(@Root() customer: CustomerType, @Ctx() ctx: RequestContext) {
    const sites = await groupLoaderFor<Site>(ctx, 'sitesByCustomer', sitesByCustomerIds, (s) => s.customerId).load(customer.id);
    return sites.map(toSiteType);
  }

  @FieldResolver(() => [Contact])
  async contacts(@Root() customer: CustomerType, @Ctx() ctx: RequestContext) {
    const contacts = await groupLoaderFor<CustomerContact>(ctx, 'contactsByCustomer', contactsByCustomerIds, (c) => c.customerId).load(
      customer.id,
    );
    return contacts.map(toContact);
  }
}

/** Federation: another subgraph holds a Customer reference and asks for its fields. */
export async function resolveCustomerReference(reference: { id: string }, ctx: RequestContext) {
  const customer = await customerLoader(ctx).load(reference.id);
  return customer ? toCustomerType(customer) : null;
}
