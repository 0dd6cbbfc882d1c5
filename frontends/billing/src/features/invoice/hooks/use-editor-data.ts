import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CatalogItemsDocument, VatRatesDocument, type CatalogItemsQuery } from '../../../gql/graphql';
import type { VatRateOption } from '../../../shared/lines/LineRow';
import { useFormatters } from '@relais/ui';

export type { VatRateOption };

export type CatalogItem = CatalogItemsQuery['catalogItems'][number];

/**
 * The tenant's active VAT rates, highest first, as choices: lines carry the code, the clerk reads
 * the percentage (or the label of an exemption). The first is the default of a new line.
 */
export function useVatRates() {
  const format = useFormatters();
  const { data } = useQuery(VatRatesDocument);
  const rates = (data?.vatRates ?? []).filter((rate) => rate.active);
  const options: VatRateOption[] = rates.map((rate) => ({
    value: rate.code,
    label: rate.categoryCode === 'S' ? format.percent(rate.rate) : rate.label,
  }));
  return { options, defaultCode: rates[0]?.code ?? '' };
}

/** Catalog parts and services matching the code or label typed. */
export function useCatalogItems(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading } = useQuery(CatalogItemsDocument, { variables: { search: debounced || null } });
  return { items: (data ?? previousData)?.catalogItems ?? [], loading };
}
