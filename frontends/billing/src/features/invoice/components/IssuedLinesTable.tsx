import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** The issued lines, each with the reason of its price (contract rate, inclusion, discount). */
export function IssuedLinesTable({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, invoice.currency);
  return (
    <Table striped verticalSpacing="xs" data-testid="invoice-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoice.line.descriptionAndReason')}</Table.Th>
          <Table.Th ta="right">{t('invoice.line.quantity')}</Table.Th>
          <Table.Th ta="right">{t('invoice.line.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('invoice.line.discount')}</Table.Th>
          <Table.Th ta="right">{t('invoice.line.vatRate')}</Table.Th>
          <Table.Th ta="right">{t('invoice.line.lineNet')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.lines.map((line) => (
          <Table.Tr key={line.id} data-testid="invoice-line">
            <Table.Td>
              <Text size="sm">
                {line.description}{' '}
                {line.coveredByContract && (
                  <Badge size="xs" variant="light" color="teal">
                    {t('invoice.line.covered')}
                  </Badge>
                )}
              </Text>
              {line.reason && (
                <Text size="xs" c="dimmed">
                  {line.reason}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {format.decimal(line.quantity)} {t(`unit.${line.unit}`, { defaultValue: line.unit })}
            </Table.Td>
            <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
            <Table.Td ta="right">{format.percent(line.discountPercent)}</Table.Td>
            <Table.Td ta="right">{format.percent(line.vatRate)}</Table.Td>
            <Table.Td ta="right">{money(line.lineNet)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
