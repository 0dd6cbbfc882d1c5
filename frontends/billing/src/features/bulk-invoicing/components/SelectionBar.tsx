import { Button, Card, Group, Text } from '@mantine/core';
import { sumAmounts, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { BillableIntervention } from '../../billable/hooks/use-billable';
import { everything, noSelection, type BillableSelection } from '../hooks/billable-selection';

/** What is ticked on "À facturer", across customers, and "Facturer la sélection". Sticks to the top while the list scrolls. */
export function SelectionBar({
  selection,
  selected,
  onSelectionChange,
  onInvoice,
}: {
  selection: BillableSelection;
  selected: readonly BillableIntervention[];
  onSelectionChange: (selection: BillableSelection) => void;
  onInvoice: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const customers = new Set(selected.map((row) => row.customer.id)).size;
  const allShown = selection.mode === 'all' && selection.excluded.size === 0;
  return (
    <Card withBorder padding="sm" radius="md" pos="sticky" top={0} style={{ zIndex: 3 }} data-testid="billable-selection-bar">
      <Group justify="space-between">
        <div>
          <Text size="sm" fw={500} data-testid="billable-selection-summary">
            {selected.length > 0
              ? t('bulkInvoicing.selection.summary', {
                  count: selected.length,
                  customers: t('bulkInvoicing.selection.customers', { count: customers }),
                  net: format.money(sumAmounts(selected.map((row) => row.estimatedNet))),
                })
              : t('bulkInvoicing.selection.none')}
          </Text>
          {selection.mode === 'all' && (
            <Text size="xs" c="dimmed">
              {t('bulkInvoicing.selection.allActive')}
            </Text>
          )}
        </div>
        <Group gap="sm">
          {!allShown && (
            <Button variant="default" onClick={() => onSelectionChange(everything)}>
              {t('bulkInvoicing.selection.all')}
            </Button>
          )}
          {selected.length > 0 && (
            <Button variant="subtle" onClick={() => onSelectionChange(noSelection)}>
              {t('bulkInvoicing.selection.clear')}
            </Button>
          )}
          <Button disabled={selected.length === 0} onClick={onInvoice}>
            {t('bulkInvoicing.selection.invoice')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
