import { Badge, Button, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useCan } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { RowLink } from '../../../shared/RowLink';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import { useCatalog } from '../hooks/use-catalog';

/** "Catalogue": parts and services with their prices, searched by code or label (`?q=`), archived ones on demand (`?archives=1`). */
export function CatalogListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const canWrite = useCan('billing:write');
  const vatRates = useVatRates();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const includeArchived = params.get('archives') === '1';
  const { items, loading, error, retry } = useCatalog(search, includeArchived);
  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const vatLabel = (code: string) => vatRates.options.find((rate) => rate.value === code)?.label ?? code;
  return (
    <>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')}>
        {canWrite && (
          <Button component={Link} to={billingPaths.newCatalogItem}>
            {t('catalog.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="md" align="center">
        <TextInput
          type="search"
          w={320}
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search')}
          value={search}
          onChange={(event) => setParam('q', event.currentTarget.value)}
        />
        <Checkbox
          label={t('catalog.showArchived')}
          checked={includeArchived}
          onChange={(event) => setParam('archives', event.currentTarget.checked ? '1' : '')}
        />
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={items}
          rowKey={(item) => item.id}
          emptyLabel={t('catalog.empty')}
          columns={[
            {
              key: 'code',
              header: t('catalog.column.code'),
              render: (item) => <RowLink to={billingPaths.catalogItem(item.id)}>{item.code}</RowLink>,
            },
            {
              key: 'label',
              header: t('catalog.column.label'),
              render: (item) => (
                <Group gap="xs">
                  <Text size="sm">{item.label}</Text>
                  {!item.active && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('catalog.archived')}
                    </Badge>
                  )}
                </Group>
              ),
            },
            {
              key: 'kind',
              header: t('catalog.column.kind'),
              render: (item) => t(`catalog.kind.${item.kind}`, { defaultValue: item.kind }),
            },
            {
              key: 'unit',
              header: t('catalog.column.unit'),
              render: (item) => t(`catalog.unit.${item.unit}`, { defaultValue: item.unit }),
            },
            {
              key: 'purchaseCost',
              header: t('catalog.column.purchaseCost'),
              align: 'right',
              render: (item) => (item.purchaseCost ? format.money(item.purchaseCost) : t('catalog.unknown')),
            },
            { key: 'salePrice', header: t('catalog.column.salePrice'), align: 'right', render: (item) => format.money(item.salePrice) },
            { key: 'vat', header: t('catalog.column.vat'), align: 'right', render: (item) => vatLabel(item.vatRateCode) },
          ]}
        />
      )}
    </>
  );
}
