import type { Path } from 'react-hook-form';
import { apiDecimal, editableDecimal } from '@relais/ui';
import { graphQLErrorCodes } from '@relais/session';
import type { CatalogEntryFragment, CatalogItemInput } from '../../../gql/graphql';

/** Units offered for an item (UN/ECE codes, as invoice lines and Factur-X carry them). */
export const catalogUnits = ['C62', 'HUR', 'DAY', 'KGM', 'MTR', 'LTR'] as const;

export const catalogKinds = ['PART', 'SERVICE'] as const;

/** A catalog item as typed: prices in French decimals ("18,50"), an empty purchase cost when unknown. */
export interface CatalogFormValues {
  code: string;
  label: string;
  kind: string;
  unit: string;
  purchaseCost: string;
  salePrice: string;
  vatRateCode: string;
}

export const newCatalogValues = (vatRateCode: string): CatalogFormValues => ({
  code: '',
  label: '',
  kind: 'PART',
  unit: 'C62',
  purchaseCost: '',
  salePrice: '',
  vatRateCode,
});

export function catalogValuesFrom(item: CatalogEntryFragment): CatalogFormValues {
  return {
    code: item.code,
    label: item.label,
    kind: item.kind,
    unit: item.unit,
    purchaseCost: item.purchaseCost ? editableDecimal(item.purchaseCost, 2) : '',
    salePrice: editableDecimal(item.salePrice, 2),
    vatRateCode: item.vatRateCode,
  };
}

/** The item for createCatalogItem / updateCatalogItem: decimals as the API reads them, an empty cost as null. */
export function catalogInput(values: CatalogFormValues): CatalogItemInput {
  const purchaseCost = values.purchaseCost.trim();
  return {
    code: values.code.trim(),
    label: values.label.trim(),
    kind: values.kind,
    unit: values.unit,
    purchaseCost: purchaseCost ? apiDecimal(purchaseCost) : null,
    salePrice: apiDecimal(values.salePrice),
    vatRateCode: values.vatRateCode,
  };
}

const catalogFields = new Set<string>(Object.keys(newCatalogValues('')));

/** The input showing a field the server refused, if the form has one. */
export function catalogFormPath(field: string): Path<CatalogFormValues> | null {
  return catalogFields.has(field) ? (field as Path<CatalogFormValues>) : null;
}

/** Whether the server refused the item because another one already has its code (CATALOG_CODE_TAKEN). */
export const isCodeTaken = (error: unknown): boolean => graphQLErrorCodes(error).includes('CATALOG_CODE_TAKEN');
