import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';

/** VAT per category and rate, as the server computed it (one rounding per row, never per line). */
export function VatBreakdownTable({
  rows,
  currency,
  dimmed,
}: {
  rows: readonly { categoryCode: string; rate: string; basis: string; tax: string; exemptionReason?: string | null }[];
  currency: string;
  dimmed?: boolean;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Table verticalSpacing={6} style={dimmed ? { opacity: 0.55 } : undefined} data-testid="vat-breakdown">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoice.vat.rate')}</Table.Th>
          <Table.Th ta="right">{t('invoice.vat.basis')}</Table.Th>
          <Table.Th ta="right">{t('invoice.vat.tax')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.categoryCode}-${row.rate}`}>
            <Table.Td>
              {format.percent(row.rate)}{' '}
              <Text span size="xs" c="dimmed">
                ({row.categoryCode})
              </Text>
              {row.exemptionReason && (
                <Text size="xs" c="dimmed">
                  {row.exemptionReason}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{format.money(row.basis, currency)}</Table.Td>
            <Table.Td ta="right">{format.money(row.tax, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
