import { DataTable, type DataTableColumn, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { CustomerListItem } from '../hooks/use-customer-list';
import { PaymentTermsLabel } from './PaymentTermsLabel';

export function CustomerTable({
  customers,
  loadMore,
}: {
  customers: readonly CustomerListItem[];
  loadMore: DataTableProps<CustomerListItem>['loadMore'];
}) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const columns: DataTableColumn<CustomerListItem>[] = [
    { key: 'code', header: t('customers.column.code'), render: (customer) => customer.code },
    { key: 'name', header: t('customers.column.name'), render: (customer) => customer.name },
    { key: 'siret', header: t('customers.column.siret'), render: (customer) => customer.siret },
    {
      key: 'city',
      header: t('customers.column.city'),
      render: (customer) => customer.billingAddress.city,
    },
    {
      key: 'paymentTerms',
      header: t('customers.column.paymentTerms'),
      render: (customer) => <PaymentTermsLabel days={customer.paymentTermsDays} kind={customer.paymentTermsKind} />,
    },
    {
      key: 'siteCount',
      header: t('customers.column.siteCount'),
      align: 'right',
      render: (customer) => customer.sites.length,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={customers}
      rowKey={(customer) => customer.id}
      emptyLabel={t('customers.empty')}
      onRowClick={(customer) => void navigate(billingPaths.customer(customer.id))}
      loadMore={loadMore}
    />
  );
}
