import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useCustomerList } from '../hooks/use-customer-list';
import { CustomerSearchInput } from './CustomerSearchInput';
import { CustomerTable } from './CustomerTable';

export function CustomerListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [searchText, setSearchText] = useState('');
  const { customers, totalCount, loading, error, retry, loadMore } = useCustomerList(searchText);

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={
          totalCount === undefined ? undefined : t('customers.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <CustomerSearchInput value={searchText} onChange={setSearchText} />
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <CustomerTable customers={customers} loadMore={loadMore} />}
    </>
  );
}
