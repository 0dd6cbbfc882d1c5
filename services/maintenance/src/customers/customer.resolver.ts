import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  addCustomerContact,
  contactsByCustomerIds,
  createCustomer,
  customerHistory,
  customersByIds,
  listCustomers,
  pageSize,
  removeCustomerContact,
  sitesByCustomerIds,
  updateCustomer,
  updateCustomerContact,
  type CustomerContact,
  type SiteRow,
} from '@relais/domain';
import {
  em,
  groupLoaderFor,
  loaderFor,
  requireAnyPermission,
  selectsPath,
  tenantIdOf,
  toConnection,
  type Permission,
  type RequestContext,
} from '@relais/subgraph-kit';
import {
  Contact,
  CustomerConnection,
  CustomerHistoryEntry,
  CustomerType,
  toContact,
  toCustomerType,
  toHistoryEntry,
} from './customer.type';
import { ContactInput, CreateCustomerInput, UpdateCustomerInput } from './customer.input';
import { SiteType, toSiteType } from '../sites/site.type';

export function customerLoader(ctx: RequestContext) {
  return loaderFor(ctx, 'customerById', customersByIds, (c) => c.id);
}

const sitesLoader = (ctx: RequestContext) => groupLoaderFor<SiteRow>(ctx, 'sitesByCustomer', sitesByCustomerIds, (s) => s.customerId);

/** The customer file (identity, billing terms, contacts) is kept by the planners and by the billing clerks. */
const CUSTOMER_WRITERS: Permission[] = ['maintenance:write', 'billing:write'];

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Authorized('maintenance:read')
  @Query(() => CustomerConnection, { description: 'Customers by name, filtered by name, code, city or SIREN/SIRET prefix.' })
  async customers(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    // The sites, when shown, come with the page's statement; `sites` below then finds them in its loader.
    const withSites = selectsPath(info, ['edges', 'node', 'sites']);
    const page = await listCustomers(em(ctx), { first, after, search }, { withSites });
    for (const customer of page.nodes) if (customer.sites) sitesLoader(ctx).prime(customer.id, customer.sites);
    return toConnection(page, toCustomerType);
  }

  @Authorized('maintenance:read')
  @Query(() => CustomerType, { nullable: true })
  async customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const customer = await customerLoader(ctx).load(id);
    return customer ? toCustomerType(customer) : null;
  }

  @Authorized()
  @Mutation(() => CustomerType, { description: 'maintenance:write or billing:write. VALIDATION_FAILED names the fields.' })
  async createCustomer(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput) {
    requireAnyPermission(ctx, CUSTOMER_WRITERS);
    return toCustomerType(await createCustomer(em(ctx), tenantIdOf(ctx), input));
  }

  @Authorized()
  @Mutation(() => CustomerType, { description: 'maintenance:write or billing:write. STALE_VERSION when saved since expectedVersion.' })
  async updateCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    requireAnyPermission(ctx, CUSTOMER_WRITERS);
    return toCustomerType(await updateCustomer(em(ctx), id, input, expectedVersion));
  }

  @Authorized()
  @Mutation(() => Contact, { description: 'A new contact after the others. maintenance:write or billing:write.' })
  async addCustomerContact(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => ContactInput) input: ContactInput,
  ) {
    requireAnyPermission(ctx, CUSTOMER_WRITERS);
    return toContact(await addCustomerContact(em(ctx), customerId, input));
  }

  @Authorized()
  @Mutation(() => Contact, { description: "Replaces the contact's fields and roles. STALE_VERSION when saved since expectedVersion." })
  async updateCustomerContact(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ContactInput) input: ContactInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    requireAnyPermission(ctx, CUSTOMER_WRITERS);
    return toContact(await updateCustomerContact(em(ctx), id, input, expectedVersion));
  }

  @Authorized()
  @Mutation(() => CustomerType, { description: 'Removes the contact (the audit log keeps it); answers its customer.' })
  async removeCustomerContact(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    requireAnyPermission(ctx, CUSTOMER_WRITERS);
    return toCustomerType(await removeCustomerContact(em(ctx), id, expectedVersion));
  }

  @FieldResolver(() => [CustomerHistoryEntry], {
    description: 'Who changed what and when: the customer, its contacts, sites and equipment, newest first.',
  })
  async history(@Root() customer: CustomerType, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number) {
    return (await customerHistory(em(ctx), customer.id, pageSize(first))).map(toHistoryEntry);
  }

  @FieldResolver(() => [SiteType])
  async sites(@Root() customer: CustomerType, @Ctx() ctx: RequestContext) {
    return (await sitesLoader(ctx).load(customer.id)).map(toSiteType);
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
