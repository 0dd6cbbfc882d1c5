import { Checkbox, Table, TextInput } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { typedAmount, type AllocationValue } from '../hooks/allocation-form';
import type { OpenInvoice } from '../hooks/use-open-invoices';

const unticked: AllocationValue = { selected: false, amount: '' };

/** An open invoice: tick it and say how much of the payment goes to it. */
export function OpenInvoiceRow({
  invoice,
  line = unticked,
  serverError,
  onToggle,
  onAmountChange,
}: {
  invoice: OpenInvoice;
  line?: AllocationValue;
  serverError?: string;
  onToggle: (selected: boolean) => void;
  onAmountChange: (amount: string) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const number = invoice.number ?? invoice.id;
  const unreadable = line.selected && typedAmount(line.amount) === null;
  return (
    <Table.Tr data-testid="open-invoice">
      <Table.Td>
        <Checkbox
          aria-label={t('allocation.select', { number })}
          checked={line.selected}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>{number}</Table.Td>
      <Table.Td>{invoice.issueDate ? format.date(invoice.issueDate) : '—'}</Table.Td>
      <Table.Td>{invoice.dueDate ? format.date(invoice.dueDate) : '—'}</Table.Td>
      <Table.Td ta="right">{format.money(invoice.totalGross, invoice.currency)}</Table.Td>
      <Table.Td ta="right">{format.money(invoice.openBalance, invoice.currency)}</Table.Td>
      <Table.Td w={150}>
        <TextInput
          size="xs"
          aria-label={t('allocation.amountOf', { number })}
          rightSection="€"
          disabled={!line.selected}
          value={line.amount}
          error={serverError ?? (unreadable ? t('common.invalidAmount') : undefined)}
          onChange={(event) => onAmountChange(event.currentTarget.value)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
