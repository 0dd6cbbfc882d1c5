import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assignPriceList,
  catalogItemsByIds,
  createPriceList,
  listPriceLists,
  priceListItemsByListIds,
  priceListOfCustomers,
  priceListsByIds,
  updatePriceList,
  type CatalogItem,
  type PriceList,
  type PriceListItem,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import {
  CreatePriceListInput,
  PriceListItemType,
  PriceListType,
  UpdatePriceListInput,
  toPriceListInput,
  toPriceListPatch,
  toPriceListType,
} from './price-list.type';

const priceListLoader = (ctx: RequestContext) => loaderFor<PriceList>(ctx, 'priceListById', priceListsByIds, (l) => l.id);
const itemsLoader = (ctx: RequestContext) =>
  groupLoaderFor<PriceListItem>(ctx, 'itemsByPriceList', priceListItemsByListIds, (i) => i.priceListId);
const catalogItemLoader = (ctx: RequestContext) => loaderFor<CatalogItem>(ctx, 'catalogItemById', catalogItemsByIds, (c) => c.id);
const customerPriceListLoader = (ctx: RequestContext) => loaderFor(ctx, 'priceListByCustomer', priceListOfCustomers, (a) => a.customerId);

@Resolver(() => PriceListType)
export class PriceListResolver {
  @Authorized('billing:read')
  @Query(() => [PriceListType], { description: 'Price lists by name.' })
  async priceLists(
    @Ctx() ctx: RequestContext,
    @Arg('active', () => Boolean, { nullable: true, description: 'Only the active (true) or inactive (false) ones.' })
    active: boolean | null,
  ) {
    return (await listPriceLists(em(ctx), { active })).map(toPriceListType);
  }

  @Authorized('billing:read')
  @Query(() => PriceListType, { nullable: true })
  async priceList(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const list = await priceListLoader(ctx).load(id);
    return list ? toPriceListType(list) : null;
  }

  @Authorized('billing:read')
  @Query(() => PriceListType, { nullable: true, description: 'The price list assigned to the customer, if any.' })
  async customerPriceList(@Ctx() ctx: RequestContext, @Arg('customerId', () => ID) customerId: string) {
    const assigned = await customerPriceListLoader(ctx).load(customerId);
    return assigned ? toPriceListType(assigned.priceList) : null;
  }

  @FieldResolver(() => [PriceListItemType], { description: 'Its prices, by catalog code.' })
  async items(@Ctx() ctx: RequestContext, @Root() list: PriceListType): Promise<PriceListItemType[]> {
    const items = await itemsLoader(ctx).load(list.id);
    const catalog = await catalogItemLoader(ctx).loadMany(items.map((i) => i.catalogItemId));
    return items
      .map((item, i) => {
        const catalogItem = catalog[i] as CatalogItem;
        return {
          catalogItemId: item.catalogItemId,
          code: catalogItem.code,
          label: catalogItem.label,
          unitPrice: item.unitPrice,
          catalogPrice: catalogItem.salePrice,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  @Authorized('billing:write')
  @Mutation(() => PriceListType, {
    description: 'A new price list. VALIDATION_FAILED naming the fields (name taken, unknown catalog item…).',
  })
  async createPriceList(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePriceListInput) input: CreatePriceListInput) {
    return toPriceListType(await createPriceList(em(ctx), identityOf(ctx), toPriceListInput(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => PriceListType, {
    description: 'Edits a price list (items replaced as a whole). STALE_VERSION if someone saved it since.',
  })
  async updatePriceList(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdatePriceListInput) input: UpdatePriceListInput,
  ) {
    return toPriceListType(await updatePriceList(em(ctx), id, expectedVersion, toPriceListPatch(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => PriceListType, {
    nullable: true,
    description: 'Gives the customer a price list, or takes it away (priceListId null); answers the customer’s price list.',
  })
  async assignPriceList(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('priceListId', () => ID, { nullable: true }) priceListId: string | null,
  ) {
    const list = await assignPriceList(em(ctx), identityOf(ctx), customerId, priceListId);
    return list ? toPriceListType(list) : null;
  }
}
