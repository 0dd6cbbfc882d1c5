import { Button } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, RunStateBadge, SectionCard, type DataTableColumn, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContractBillingRunSummaryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useContractBillingRuns } from '../hooks/use-contract-billing';
import { runModeKey } from './run-mode';

/** The latest runs, newest first, each opening its result above. */
export function RunHistory() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { runs, loading, error, retry } = useContractBillingRuns();

  const columns: DataTableColumn<ContractBillingRunSummaryFragment>[] = [
    { key: 'createdAt', header: t('contractBilling.history.column.createdAt'), render: (run) => format.dateTime(run.createdAt) },
    { key: 'billingDate', header: t('contractBilling.history.column.billingDate'), render: (run) => format.date(run.billingDate) },
    { key: 'state', header: t('contractBilling.history.column.state'), render: (run) => <RunStateBadge state={run.state} /> },
    { key: 'mode', header: t('contractBilling.history.column.mode'), render: (run) => t(`contractBilling.runMode.${runModeKey(run)}`) },
    { key: 'invoices', header: t('contractBilling.history.column.invoices'), align: 'right', render: (run) => run.invoiceCount },
    { key: 'net', header: t('contractBilling.history.column.net'), align: 'right', render: (run) => format.money(run.totalNet) },
    { key: 'gross', header: t('contractBilling.history.column.gross'), align: 'right', render: (run) => format.money(run.totalGross) },
    {
      key: 'open',
      header: '',
      align: 'right',
      render: (run) => (
        <Button
          component={Link}
          to={billingPaths.contractBillingRun(run.id)}
          size="compact-xs"
          variant="light"
          aria-label={t('contractBilling.history.openLabel', { date: format.dateTime(run.createdAt) })}
          onClick={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        >
          {t('contractBilling.history.open')}
        </Button>
      ),
    },
  ];

  return (
    <SectionCard title={t('contractBilling.history.title')}>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable columns={columns} rows={runs} rowKey={(run) => run.id} emptyLabel={t('contractBilling.history.empty')} />
      )}
    </SectionCard>
  );
}
