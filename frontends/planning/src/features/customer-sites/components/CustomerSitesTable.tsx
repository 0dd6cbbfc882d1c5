import { Anchor, Text } from '@mantine/core';
import { AddressLines, DataTable, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { billingCustomerPath } from '../../../routes';
import type { CustomerSiteRow } from '../hooks/use-customer-sites';

export function CustomerSitesTable({
  rows,
  loadMore,
}: {
  rows: readonly CustomerSiteRow[];
  loadMore: DataTableProps<CustomerSiteRow>['loadMore'];
}) {
  const { t } = useTranslation(planningNamespace);
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.site.id}
      emptyLabel={t('customerSites.empty')}
      loadMore={loadMore}
      columns={[
        {
          key: 'customer',
          header: t('customerSites.column.customer'),
          render: ({ customer }) => (
            <>
              <Anchor href={billingCustomerPath(customer.id)} size="sm" fw={500}>
                {customer.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {customer.code}
              </Text>
            </>
          ),
        },
        { key: 'site', header: t('customerSites.column.site'), render: ({ site }) => site.name },
        {
          key: 'address',
          header: t('customerSites.column.address'),
          render: ({ site }) => <AddressLines address={site.address} />,
        },
        {
          key: 'accessNotes',
          header: t('customerSites.column.accessNotes'),
          render: ({ site }) => site.accessNotes,
        },
      ]}
    />
  );
}
