import { Button, Group, SegmentedControl } from '@mantine/core';
import { ErrorNotice, LoadingState, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { defaultMandateFilters, useMandates, type MandateListItem, type MandateStatusFilter } from '../hooks/use-mandates';
import { CreateMandateModal } from './CreateMandateModal';
import { MandateTable } from './MandateTable';
import { RevokeMandateModal } from './RevokeMandateModal';

const statusFilters: { value: MandateStatusFilter; key: string }[] = [
  { value: 'ACTIVE', key: 'active' },
  { value: 'REVOKED', key: 'revoked' },
  { value: 'ALL', key: 'all' },
];
const isStatusFilter = (value: string): value is MandateStatusFilter => statusFilters.some((filter) => filter.value === value);

/** "Mandats": the customers' mandates, by status and customer; a signed one recorded, an ended one revoked. */
export function MandatesTab() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [filters, setFilters] = useState(defaultMandateFilters);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<MandateListItem | null>(null);
  const { mandates, totalCount, loading, error, retry, loadMore } = useMandates(filters);
  return (
    <SectionCard
      title={
        totalCount === undefined
          ? t('directDebit.tab.mandates')
          : t('directDebit.mandates.count', { count: totalCount, formattedCount: format.count(totalCount) })
      }
    >
      <Group mb="md" justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('directDebit.mandates.filter.status')}
            value={filters.status}
            onChange={(value) => isStatusFilter(value) && setFilters({ ...filters, status: value })}
            data={statusFilters.map((filter) => ({ value: filter.value, label: t(`directDebit.mandates.filter.${filter.key}`) }))}
          />
          <CustomerPicker
            width={300}
            label={t('directDebit.mandates.filter.customer')}
            value={filters.customerId}
            onChange={(customerId) => setFilters({ ...filters, customerId })}
          />
        </Group>
        <Button onClick={() => setCreating(true)}>{t('directDebit.mandates.create')}</Button>
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <MandateTable mandates={mandates} loadMore={loadMore} onRevoke={setRevoking} />}
      {creating && <CreateMandateModal onClose={() => setCreating(false)} />}
      {revoking && <RevokeMandateModal mandate={revoking} onClose={() => setRevoking(null)} onReload={retry} />}
    </SectionCard>
  );
}
