import { Button, Card, Checkbox, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ActionError, useAction } from '@relais/session';
import { sumAmounts, useFormatters } from '@relais/ui';
import { isSelected, selectedRows, setMany, toggle, type BillableSelection } from '../../bulk-invoicing/hooks/billable-selection';
import { useConvertToInvoice, type BillableCustomer, type BillableIntervention } from '../hooks/use-billable';
import { BillableRow } from './BillableRow';
import { NotBillableModal } from './NotBillableModal';

/**
 * One customer's interventions waiting. The ticks are the page's selection (across customers,
 * for "Facturer la sélection"); "Créer la facture" makes one draft of this customer's ticked ones.
 */
export function BillableCustomerGroup({
  group,
  selection,
  onSelectionChange,
}: {
  group: BillableCustomer;
  selection: BillableSelection;
  onSelectionChange: (selection: BillableSelection) => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const { convert, busy } = useConvertToInvoice();
  const action = useAction();
  const [excluding, setExcluding] = useState<BillableIntervention['intervention'] | null>(null);

  const selected = selectedRows(selection, group.interventions);
  const allSelected = selected.length === group.interventions.length;
  const toggleAll = () =>
    onSelectionChange(
      setMany(
        selection,
        group.interventions.map((row) => row.intervention.id),
        !allSelected,
      ),
    );

  const createInvoice = async () => {
    const invoiceId = await action.run(() => convert(selected.map((row) => row.intervention.id)));
    if (invoiceId) void navigate(billingPaths.invoice(invoiceId));
  };

  return (
    <Card withBorder padding="md" radius="md" data-testid="billable-group">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>{group.customer.name}</Title>
          <Text size="sm" c="dimmed">
            {t('billable.groupSummary', {
              count: group.interventions.length,
              net: format.money(sumAmounts(group.interventions.map((row) => row.estimatedNet))),
            })}
          </Text>
        </div>
        <Group gap="md">
          {selected.length > 0 && (
            <Text size="sm" data-testid="billable-selection-total">
              {t('billable.selectionTotal', {
                count: selected.length,
                net: format.money(sumAmounts(selected.map((row) => row.estimatedNet))),
                gross: format.money(sumAmounts(selected.map((row) => row.estimatedGross))),
              })}
            </Text>
          )}
          <Button variant="light" onClick={() => void createInvoice()} disabled={selected.length === 0} loading={busy}>
            {t('billable.createInvoice')}
          </Button>
        </Group>
      </Group>
      <ActionError error={action.error} />
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('billable.selectAll', { customer: group.customer.name })}
                checked={allSelected}
                indeterminate={selected.length > 0 && !allSelected}
                onChange={toggleAll}
              />
            </Table.Th>
            <Table.Th>{t('billable.column.number')}</Table.Th>
            <Table.Th>{t('billable.column.closedAt')}</Table.Th>
            <Table.Th>{t('billable.column.site')}</Table.Th>
            <Table.Th>{t('billable.column.technicians')}</Table.Th>
            <Table.Th ta="right">{t('billable.column.estimatedNet')}</Table.Th>
            <Table.Th ta="right">{t('billable.column.estimatedGross')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.interventions.map((row) => (
            <BillableRow
              key={row.intervention.id}
              row={row}
              selected={isSelected(selection, row.intervention.id)}
              onToggle={() => onSelectionChange(toggle(selection, row.intervention.id))}
              onExclude={() => setExcluding(row.intervention)}
            />
          ))}
        </Table.Tbody>
      </Table>
      {excluding && <NotBillableModal intervention={excluding} onClose={() => setExcluding(null)} />}
    </Card>
  );
}
