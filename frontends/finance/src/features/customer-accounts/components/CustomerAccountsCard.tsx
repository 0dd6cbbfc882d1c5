import { Anchor } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useCustomerAccounts } from '../hooks/use-customer-accounts';

export function CustomerAccountsCard() {
  const { t } = useTranslation(financeNamespace);
  const { customers, loading, error, retry, loadMore } = useCustomerAccounts();
  return (
    <SectionCard title={t('customerAccounts.title')}>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={customers}
          rowKey={(customer) => customer.id}
          emptyLabel={t('customerAccounts.empty')}
          loadMore={loadMore}
          columns={[
            { key: 'code', header: t('customerAccounts.column.code'), render: (customer) => customer.code },
            { key: 'name', header: t('customerAccounts.column.name'), render: (customer) => customer.name },
            {
              key: 'auxiliaryCode',
              header: t('customerAccounts.column.auxiliaryCode'),
              render: (customer) => customer.accountingAuxiliaryCode,
            },
            {
              key: 'statement',
              header: t('customerAccounts.column.statement'),
              render: (customer) => (
                <Anchor component={Link} to={financePaths.statement(customer.id)} size="sm">
                  {t('customerAccounts.statement')}
                </Anchor>
              ),
            },
          ]}
        />
      )}
    </SectionCard>
  );
}
