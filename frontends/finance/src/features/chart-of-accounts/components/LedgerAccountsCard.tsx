import { DataTable, ErrorNotice, LoadingState, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useLedgerAccounts } from '../hooks/use-ledger-accounts';

export function LedgerAccountsCard() {
  const { t } = useTranslation(financeNamespace);
  const { accounts, loading, error, retry } = useLedgerAccounts();
  return (
    <SectionCard title={t('chartOfAccounts.generalAccounts')}>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={accounts}
          rowKey={(account) => account.id}
          emptyLabel={t('chartOfAccounts.empty')}
          columns={[
            { key: 'number', header: t('chartOfAccounts.column.number'), render: (account) => account.number },
            { key: 'label', header: t('chartOfAccounts.column.label'), render: (account) => account.label },
            {
              key: 'kind',
              header: t('chartOfAccounts.column.kind'),
              render: (account) => t(`chartOfAccounts.kind.${account.kind}`, { defaultValue: account.kind }),
            },
          ]}
        />
      )}
    </SectionCard>
  );
}
