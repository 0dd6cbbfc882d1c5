import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  catalogItemsByIds,
  createCatalogItem,
  searchCatalog,
  setCatalogItemActive,
  updateCatalogItem,
  type CatalogItem,
} from '@relais/domain';
import { em, loaderFor, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import {
  CatalogItemBilling,
  CatalogItemInputType,
  toCatalogItemBilling,
  toCatalogItemInput,
  toCatalogItemPatch,
} from './catalog-item.type';

const catalogItemLoader = (ctx: RequestContext) => loaderFor<CatalogItem>(ctx, 'catalogItemById', catalogItemsByIds, (c) => c.id);

@Resolver(() => CatalogItemBilling)
export class CatalogAdminResolver {
  @Authorized('billing:read')
  @Query(() => [CatalogItemBilling], {
    description: 'The catalog as the office manages it: items by label (100 at most), archived ones too when asked.',
  })
  async catalog(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true, description: 'Part of the code or label.' }) search: string | null,
    @Arg('includeArchived', () => Boolean, { nullable: true, defaultValue: false }) includeArchived: boolean,
  ) {
    return (await searchCatalog(em(ctx), { search, includeArchived })).map(toCatalogItemBilling);
  }

  @Authorized('billing:read')
  @Query(() => CatalogItemBilling, { nullable: true })
  async catalogItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const item = await catalogItemLoader(ctx).load(id);
    return item ? toCatalogItemBilling(item) : null;
  }

  @Authorized('billing:write')
  @Mutation(() => CatalogItemBilling, {
    description: 'A new catalog item. VALIDATION_FAILED naming the fields (negative price, unknown VAT rate…); CATALOG_CODE_TAKEN.',
  })
  async createCatalogItem(@Ctx() ctx: RequestContext, @Arg('input', () => CatalogItemInputType) input: CatalogItemInputType) {
    return toCatalogItemBilling(await createCatalogItem(em(ctx), tenantIdOf(ctx), toCatalogItemInput(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => CatalogItemBilling, { description: 'Edits a catalog item (only the fields given); same errors as creating.' })
  async updateCatalogItem(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CatalogItemInputType) input: CatalogItemInputType,
  ) {
    return toCatalogItemBilling(await updateCatalogItem(em(ctx), id, toCatalogItemPatch(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => CatalogItemBilling, { description: 'Archives a catalog item: offered nowhere any more, kept where used.' })
  async archiveCatalogItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toCatalogItemBilling(await setCatalogItemActive(em(ctx), id, false));
  }

  @Authorized('billing:write')
  @Mutation(() => CatalogItemBilling, { description: 'Brings an archived catalog item back.' })
  async restoreCatalogItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toCatalogItemBilling(await setCatalogItemActive(em(ctx), id, true));
  }
}

export async function resolveCatalogItemReference(reference: { id: string }, ctx: RequestContext) {
  const item = await catalogItemLoader(ctx).load(reference.id);
  return item ? toCatalogItemBilling(item) : null;
}
