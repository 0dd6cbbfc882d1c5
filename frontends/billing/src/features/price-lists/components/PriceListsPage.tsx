import { Badge, Button } from '@mantine/core';
import { useCan } from '@relais/session';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { RowLink } from '../../../shared/RowLink';
import { usePriceLists } from '../hooks/use-price-lists';

/** "Tarifs": the customer price lists, with how many items each prices and whether it applies. */
export function PriceListsPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const canWrite = useCan('billing:write');
  const { lists, loading, error, retry } = usePriceLists();
  return (
    <>
      <PageHeader title={t('priceLists.title')} subtitle={t('priceLists.subtitle')}>
        {canWrite && (
          <Button component={Link} to={billingPaths.newPriceList}>
            {t('priceLists.new')}
          </Button>
        )}
      </PageHeader>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={lists}
          rowKey={(list) => list.id}
          emptyLabel={t('priceLists.empty')}
          columns={[
            {
              key: 'name',
              header: t('priceLists.column.name'),
              render: (list) => <RowLink to={billingPaths.priceList(list.id)}>{list.name}</RowLink>,
            },
            { key: 'notes', header: t('priceLists.column.notes'), render: (list) => list.notes ?? '' },
            {
              key: 'items',
              header: t('priceLists.column.items'),
              align: 'right',
              render: (list) => t('priceLists.itemCount', { count: list.items.length, formattedCount: format.count(list.items.length) }),
            },
            {
              key: 'state',
              header: t('priceLists.column.state'),
              render: (list) => (
                <Badge variant="light" color={list.active ? 'teal' : 'gray'}>
                  {list.active ? t('priceLists.active') : t('priceLists.inactive')}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
