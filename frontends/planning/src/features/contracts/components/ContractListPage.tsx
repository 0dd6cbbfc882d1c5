import { Button, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { SearchInput } from '../../../shared/SearchInput';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useSearchParam } from '../../../shared/use-search-param';
import { useCanEditContracts, useContractList } from '../hooks/use-contracts';
import { ContractStatusBadge } from './ContractStatusBadge';

export function ContractListPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const formats = useDateFormats();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParam();
  const { rows, totalCount, loading, error, retry, loadMore } = useContractList(search);
  const canEdit = useCanEditContracts();
  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        subtitle={
          totalCount === undefined ? undefined : t('contracts.summary', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        {canEdit && (
          <Button component={Link} to={planningPaths.newContract}>
            {t('contractForm.new')}
          </Button>
        )}
      </PageHeader>
      <SearchInput label={t('contracts.search')} value={search} onSearch={setSearch} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={rows}
          rowKey={(row) => row.id}
          emptyLabel={t('contracts.empty')}
          loadMore={loadMore}
          onRowClick={(row) => navigate(planningPaths.contract(row.id))}
          columns={[
            {
              key: 'reference',
              header: t('contracts.column.reference'),
              render: (row) => (
                <Text size="sm" fw={600}>
                  {row.reference}
                </Text>
              ),
            },
            { key: 'title', header: t('contracts.column.title'), render: (row) => row.title },
            { key: 'customer', header: t('contracts.column.customer'), render: (row) => row.customer.name },
            {
              key: 'period',
              header: t('contracts.column.period'),
              render: (row) => t('contracts.periodValue', { from: formats.date(row.startsOn), to: formats.date(row.endsOn) }),
            },
            { key: 'sites', header: t('contracts.column.sites'), align: 'right', render: (row) => row.sites.length },
            {
              key: 'renewal',
              header: t('contracts.column.renewal'),
              render: (row) => (row.tacitRenewal ? t('common.yes') : t('common.no')),
            },
            { key: 'status', header: t('contracts.column.status'), render: (row) => <ContractStatusBadge status={row.status} /> },
          ]}
        />
      )}
    </>
  );
}
