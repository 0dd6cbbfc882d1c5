import { Checkbox, Group, Text } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { DueBy, PriorityBadge, StatusBadge } from '../../../shared/badges';
import { RowLink } from '../../../shared/RowLink';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { InterventionRow } from '../hooks/use-interventions';

/** The rows ticked for a bulk close (the office only). */
export interface InterventionSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}

export function InterventionTable({
  rows,
  loadMore,
  selection,
}: {
  rows: readonly InterventionRow[];
  loadMore: DataTableProps<InterventionRow>['loadMore'];
  selection?: InterventionSelection;
}) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const select: DataTableColumn<InterventionRow>[] = selection
    ? [
        {
          key: 'select',
          header: '',
          render: (row) => (
            <Checkbox
              // Above the row link's overlay, which opens the intervention from anywhere else in the row.
              pos="relative"
              style={{ zIndex: 1 }}
              aria-label={t('interventions.bulkClose.select', { number: row.number })}
              checked={selection.selected.has(row.id)}
              onChange={() => selection.toggle(row.id)}
            />
          ),
        },
      ]
    : [];
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      emptyLabel={t('interventions.empty')}
      loadMore={loadMore}
      columns={[
        ...select,
        {
          key: 'number',
          header: t('interventions.column.number'),
          render: (row) => <RowLink to={planningPaths.intervention(row.id)}>{row.number}</RowLink>,
        },
        {
          key: 'title',
          header: t('interventions.column.title'),
          render: (row) => (
            <Text size="sm" lineClamp={2}>
              {row.title}
            </Text>
          ),
        },
        {
          key: 'customer',
          header: t('interventions.column.customer'),
          render: (row) => (
            <>
              <Text size="sm">{row.customer.name}</Text>
              <Text size="xs" c="dimmed">
                {row.site.name} · {row.site.address.city}
              </Text>
            </>
          ),
        },
        { key: 'type', header: t('interventions.column.type'), render: (row) => <Text size="sm">{t(`enum.type.${row.type}`)}</Text> },
        { key: 'priority', header: t('interventions.column.priority'), render: (row) => <PriorityBadge priority={row.priority} /> },
        { key: 'status', header: t('interventions.column.status'), render: (row) => <StatusBadge status={row.status} /> },
        {
          key: 'scheduled',
          header: t('interventions.column.scheduled'),
          render: (row) =>
            row.scheduledStart && row.scheduledEnd ? (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formats.date(row.scheduledStart)} {formats.time(row.scheduledStart)}–{formats.time(row.scheduledEnd)}
              </Text>
            ) : (
              t('common.none')
            ),
        },
        {
          key: 'technicians',
          header: t('interventions.column.technicians'),
          render: (row) => (
            <Group gap={4}>
              {row.technicians.map((technician) => (
                <Text key={technician.id} size="xs" style={{ borderLeft: `3px solid ${technician.color}`, paddingLeft: 4 }}>
                  {technician.fullName}
                </Text>
              ))}
            </Group>
          ),
        },
        { key: 'dueBy', header: t('interventions.column.dueBy'), render: (row) => <DueBy dueBy={row.dueBy} /> },
      ]}
    />
  );
}
