import { Button, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { BillableIntervention } from '../hooks/use-billable';

export function BillableRow({
  row,
  selected,
  onToggle,
  onExclude,
}: {
  row: BillableIntervention;
  selected: boolean;
  onToggle: () => void;
  onExclude: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { intervention } = row;
  return (
    <Table.Tr data-testid="billable-row">
      <Table.Td>
        <Checkbox aria-label={t('billable.select', { number: intervention.number })} checked={selected} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {intervention.number}
        </Text>
        <Text size="xs" c="dimmed">
          {intervention.title}
        </Text>
      </Table.Td>
      <Table.Td>{row.closedAt ? format.date(row.closedAt) : '—'}</Table.Td>
      <Table.Td>
        <Text size="sm">{intervention.site.name}</Text>
        {intervention.equipment && (
          <Text size="xs" c="dimmed">
            {intervention.equipment.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{intervention.technicians.map((technician) => technician.fullName).join(', ') || '—'}</Text>
        <Text size="xs" c="dimmed">
          {t('billable.hours', { hours: format.decimal(intervention.report.totalHours) })}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{format.money(row.estimatedNet)}</Table.Td>
      <Table.Td ta="right">{format.money(row.estimatedGross)}</Table.Td>
      <Table.Td ta="right">
        <Button size="compact-xs" variant="subtle" color="orange" onClick={onExclude}>
          {t('billable.notBillable.action')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
