import { SimpleGrid } from '@mantine/core';
import { PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { CustomerAccountsCard } from '../../customer-accounts/components/CustomerAccountsCard';
import { LedgerAccountsCard } from './LedgerAccountsCard';

export function ChartOfAccountsPage() {
  const { t } = useTranslation(financeNamespace);
  return (
    <>
      <PageHeader title={t('chartOfAccounts.title')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <LedgerAccountsCard />
        <CustomerAccountsCard />
      </SimpleGrid>
    </>
  );
}
