import { Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { SearchInput } from '../../../shared/SearchInput';
import { useSearchParam } from '../../../shared/use-search-param';
import { useEquipmentList } from '../hooks/use-equipment';
import { EquipmentStatusBadge } from './EquipmentStatusBadge';

export function EquipmentListPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParam();
  const { rows, totalCount, loading, error, retry, loadMore } = useEquipmentList(search);
  return (
    <>
      <PageHeader
        title={t('equipment.title')}
        subtitle={
          totalCount === undefined ? undefined : t('equipment.summary', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      />
      <SearchInput label={t('equipment.search')} value={search} onSearch={setSearch} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={rows}
          rowKey={(row) => row.id}
          emptyLabel={t('equipment.empty')}
          loadMore={loadMore}
          onRowClick={(row) => navigate(planningPaths.equipment(row.id))}
          columns={[
            {
              key: 'name',
              header: t('equipment.column.name'),
              render: (row) => (
                <Text size="sm" fw={500}>
                  {row.name}
                </Text>
              ),
            },
            { key: 'category', header: t('equipment.column.category'), render: (row) => t(`enum.equipmentCategory.${row.category}`) },
            {
              key: 'brand',
              header: t('equipment.column.brandModel'),
              render: (row) => [row.brand, row.model].filter(Boolean).join(' ') || t('common.none'),
            },
            { key: 'serial', header: t('equipment.column.serial'), render: (row) => row.serialNumber ?? t('common.none') },
            {
              key: 'site',
              header: t('equipment.column.site'),
              render: (row) => (
                <>
                  <Text size="sm">{row.customer.name}</Text>
                  <Text size="xs" c="dimmed">
                    {row.site.name} · {row.site.address.city}
                  </Text>
                </>
              ),
            },
            { key: 'status', header: t('equipment.column.status'), render: (row) => <EquipmentStatusBadge status={row.status} /> },
            { key: 'contract', header: t('equipment.column.contract'), render: (row) => row.contract?.reference ?? t('common.none') },
          ]}
        />
      )}
    </>
  );
}
