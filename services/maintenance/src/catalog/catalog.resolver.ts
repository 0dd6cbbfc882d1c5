import { Arg, Authorized, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { searchCatalog, type CatalogItem } from '@relais/domain';
import { DecimalScalar, em, type RequestContext } from '@relais/subgraph-kit';
import { loaders } from '../shared/loaders';

@ObjectType('CatalogItem', { description: 'A part or service of the catalog, at its list price (billing applies the contract).' })
@Directive('@key(fields: "id")')
export class CatalogItemType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'PART or SERVICE' }) kind!: string;
  @Field(() => String) unit!: string;
  @Field(() => DecimalScalar, { description: 'List price excluding VAT.' }) salePrice!: string;
  @Field(() => Boolean) trackedBySerial!: boolean;
}

export function toCatalogItemType(item: CatalogItem): CatalogItemType {
  return {
    id: item.id,
    code: item.code,
    label: item.label,
    kind: item.kind,
    unit: item.unit,
    salePrice: item.salePrice,
    trackedBySerial: item.trackedBySerial,
  };
}

@Resolver(() => CatalogItemType)
export class CatalogResolver {
  @Authorized('maintenance:read')
  @Query(() => [CatalogItemType], { description: 'Active catalog items by label (100 at most), filtered by kind and code/label.' })
  async catalogItems(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return (await searchCatalog(em(ctx), { kind, search })).map(toCatalogItemType);
  }
}

/** A catalog item named by another subgraph (billing's catalog), archived ones included. */
export async function resolveCatalogItemReference(reference: { id: string }, ctx: RequestContext) {
  const item = await loaders.catalogItem(ctx).load(reference.id);
  return item ? toCatalogItemType(item) : null;
}
