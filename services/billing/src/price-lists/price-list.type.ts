import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DecimalScalar } from '@relais/subgraph-kit';
import type { PriceList, PriceListInput, PriceListPatch } from '@relais/domain';

@ObjectType('PriceListItem', { description: 'The price of one catalog item in a price list.' })
export class PriceListItemType {
  @Field(() => ID) catalogItemId!: string;
  @Field(() => String, { description: 'The catalog item’s code.' }) code!: string;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar, { description: 'The price list’s unit price (HT).' }) unitPrice!: string;
  @Field(() => DecimalScalar, { description: 'The catalog sale price it replaces (HT).' }) catalogPrice!: string;
}

@ObjectType('PriceList', {
  description:
    'A customer price list (tarif): replaces the catalog prices of parts and of the labour/travel list rates for the customers it is assigned to, while active. A contract’s rate card still sets labour and travel; its parts discount applies on the price list’s price.',
})
export class PriceListType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Boolean, { description: 'An inactive list prices nothing: its customers get the catalog prices.' }) active!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

export function toPriceListType(list: PriceList): PriceListType {
  return { id: list.id, name: list.name, notes: list.notes ?? null, active: list.active, version: list.version, createdAt: list.createdAt };
}

@InputType('PriceListItemInput')
export class PriceListItemInputType {
  @Field(() => ID) catalogItemId!: string;
  @Field(() => DecimalScalar, { description: 'HT, up to 4 decimals, zero or more.' }) unitPrice!: string;
}

@InputType()
export class CreatePriceListInput {
  @Field(() => String, { description: 'Unique among the price lists.' }) name!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) active!: boolean;
  @Field(() => [PriceListItemInputType]) items!: PriceListItemInputType[];
}

@InputType({ description: 'Only the fields given change; `items` replaces all the prices.' })
export class UpdatePriceListInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => [PriceListItemInputType], { nullable: true }) items?: PriceListItemInputType[] | null;
}

const toItems = (items: readonly PriceListItemInputType[]) =>
  items.map((i) => ({ catalogItemId: i.catalogItemId, unitPrice: i.unitPrice }));

export function toPriceListInput(input: CreatePriceListInput): PriceListInput {
  return { name: input.name, notes: input.notes ?? null, active: input.active, items: toItems(input.items) };
}

export function toPriceListPatch(input: UpdatePriceListInput): PriceListPatch {
  return {
    name: input.name ?? undefined,
    notes: input.notes === undefined ? undefined : input.notes,
    active: input.active ?? undefined,
    items: input.items ? toItems(input.items) : undefined,
  };
}
