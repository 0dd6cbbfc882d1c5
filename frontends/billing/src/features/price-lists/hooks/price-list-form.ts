import type { Path } from 'react-hook-form';
import { apiDecimal, editableDecimal } from '@relais/ui';
import type { CreatePriceListInput, PriceListDetailFragment } from '../../../gql/graphql';

/** One price of the list as typed ("16,90"), beside the catalog item it prices. */
export interface PriceListItemValues {
  catalogItemId: string;
  code: string;
  label: string;
  catalogPrice: string;
  unitPrice: string;
}

export interface PriceListFormValues {
  name: string;
  notes: string;
  active: boolean;
  items: PriceListItemValues[];
}

export const newPriceListValues = (): PriceListFormValues => ({ name: '', notes: '', active: true, items: [] });

export function priceListValuesFrom(list: PriceListDetailFragment): PriceListFormValues {
  return {
    name: list.name,
    notes: list.notes ?? '',
    active: list.active,
    items: list.items.map((item) => ({
      catalogItemId: item.catalogItemId,
      code: item.code,
      label: item.label,
      catalogPrice: item.catalogPrice,
      unitPrice: editableDecimal(item.unitPrice, 2),
    })),
  };
}

/** A catalog item added to the list, at its catalog price to start from. */
export const priceListItemOf = (item: { id: string; code: string; label: string; salePrice: string }): PriceListItemValues => ({
  catalogItemId: item.id,
  code: item.code,
  label: item.label,
  catalogPrice: item.salePrice,
  unitPrice: editableDecimal(item.salePrice, 2),
});

/** The list for createPriceList / updatePriceList: every price, as the API reads decimals. */
export function priceListInput(values: PriceListFormValues): CreatePriceListInput {
  return {
    name: values.name.trim(),
    notes: values.notes.trim() || null,
    active: values.active,
    items: values.items.map((item) => ({ catalogItemId: item.catalogItemId, unitPrice: apiDecimal(item.unitPrice) })),
  };
}

const ITEM_FIELD = /^items\.\d+\.(unitPrice|catalogItemId)$/;

/** The input showing a field the server refused ("items.2.unitPrice"; an unknown item shows on its price). */
export function priceListFormPath(field: string): Path<PriceListFormValues> | null {
  if (field === 'name' || field === 'notes') return field;
  if (ITEM_FIELD.test(field)) return field.replace(/catalogItemId$/, 'unitPrice') as Path<PriceListFormValues>;
  return null;
}
