import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from '@relais/subgraph-kit';
import type { CatalogItem, CatalogItemInput, CatalogItemPatch } from '@relais/domain';

/**
 * A catalog item (owned by maintenance for what the field sees: code, label, unit, sale price),
 * extended by billing with what the office manages: purchase cost, VAT rate, archiving.
 */
@ObjectType('CatalogItem')
@Directive('@key(fields: "id")')
export class CatalogItemBilling {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'What the item costs the company, HT (null: unknown).' })
  purchaseCost!: string | null;
  @Field(() => String, { description: 'Code of the VAT rate its lines take (a VatRate of the tenant).' }) vatRateCode!: string;
  @Field(() => Boolean, { description: 'False once archived: offered nowhere, kept where already used.' }) active!: boolean;
}

export function toCatalogItemBilling(item: CatalogItem): CatalogItemBilling {
  return { id: item.id, purchaseCost: item.purchaseCost ?? null, vatRateCode: item.vatRateCode, active: item.active };
}

@InputType('CatalogItemInput', { description: 'Prices HT with cents at most; every field required on creation.' })
export class CatalogItemInputType {
  @Field(() => String, { nullable: true, description: 'Unique in the catalog, archived items included.' }) code?: string | null;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'PART or SERVICE' }) kind?: string | null;
  @Field(() => String, { nullable: true, description: 'u, h, kg, m, forfait…' }) unit?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Null: unknown.' }) purchaseCost?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) salePrice?: string | null;
  @Field(() => String, { nullable: true, description: 'A VatRate code of the tenant (TVA20, TVA10…).' }) vatRateCode?: string | null;
}

/** Creation: a field left out counts as empty and is refused by name. */
export function toCatalogItemInput(input: CatalogItemInputType): CatalogItemInput {
  return {
    code: input.code ?? '',
    label: input.label ?? '',
    kind: input.kind ?? '',
    unit: input.unit ?? '',
    purchaseCost: input.purchaseCost ?? null,
    salePrice: input.salePrice ?? '',
    vatRateCode: input.vatRateCode ?? '',
  };
}

/** Edition: only the fields given change (purchaseCost null clears it). */
export function toCatalogItemPatch(input: CatalogItemInputType): CatalogItemPatch {
  return {
    code: input.code ?? undefined,
    label: input.label ?? undefined,
    kind: input.kind ?? undefined,
    unit: input.unit ?? undefined,
    purchaseCost: input.purchaseCost,
    salePrice: input.salePrice ?? undefined,
    vatRateCode: input.vatRateCode ?? undefined,
  };
}
