import { Button, Group } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useCustomerList } from '../hooks/use-customer-list';
import { useCustomerPermissions } from '../hooks/use-customer-permissions';
import { CustomerSearchInput } from './CustomerSearchInput';
import { CustomerTable } from './CustomerTable';

export function CustomerListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { canEditCustomer } = useCustomerPermissions();
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
        <Group>
          <CustomerSearchInput value={searchText} onChange={setSearchText} />
          {canEditCustomer && (
            <Button component={Link} to={billingPaths.newCustomer}>
              {t('customerFile.newCustomer')}
            </Button>
          )}
        </Group>
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <CustomerTable customers={customers} loadMore={loadMore} />}
    </>
  );
}
