import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { autoAllocate, remainingAfter, toggleLine, type AllocationValues } from '../hooks/allocation-form';
import type { useOpenInvoices } from '../hooks/use-open-invoices';
import { OpenInvoiceRow } from './OpenInvoiceRow';
import { RemainingNotice } from './RemainingNotice';

/**
 * The customer's open invoices, each ticked with the part of `total` it receives, and what is left
 * (the customer's credit). `total` is the amount to allocate as an API decimal, null while unreadable.
 */
export function AllocationPicker({
  openInvoices,
  total,
  values,
  onChange,
  errorOf,
  error,
}: {
  openInvoices: ReturnType<typeof useOpenInvoices>;
  total: string | null;
  values: AllocationValues;
  onChange: (values: AllocationValues) => void;
  errorOf: (invoiceId: string) => string | undefined;
  error?: string;
}) {
  const { t } = useTranslation(financeNamespace);
  const { invoices } = openInvoices;
  const remaining = remainingAfter(total, invoices, values);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t('allocation.title')}</Title>
        <Button
          size="xs"
          variant="light"
          title={t('allocation.autoHint')}
          disabled={total === null || invoices.length === 0}
          onClick={() => total !== null && onChange(autoAllocate(invoices, total))}
        >
          {t('allocation.auto')}
        </Button>
      </Group>
      {openInvoices.error && <ErrorNotice onRetry={openInvoices.retry} />}
      {openInvoices.loading ? (
        <LoadingState />
      ) : invoices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('allocation.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('allocation.column.number')}</Table.Th>
              <Table.Th>{t('allocation.column.issueDate')}</Table.Th>
              <Table.Th>{t('allocation.column.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('allocation.column.totalGross')}</Table.Th>
              <Table.Th ta="right">{t('allocation.column.openBalance')}</Table.Th>
              <Table.Th>{t('allocation.column.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => (
              <OpenInvoiceRow
                key={invoice.id}
                invoice={invoice}
                line={values[invoice.id]}
                serverError={errorOf(invoice.id)}
                onToggle={(selected) => onChange(toggleLine(invoice, selected, remaining, values))}
                onAmountChange={(amount) => onChange({ ...values, [invoice.id]: { selected: true, amount } })}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <RemainingNotice remaining={remaining} />
    </Stack>
  );
}
