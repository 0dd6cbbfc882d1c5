import { Anchor, Badge, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { BlockedDirectDebit } from '../hooks/use-new-batch';

/** Invoices payable by direct debit that no batch can take yet, with what to do about it (a mandate to have signed…). */
export function BlockedTable({ blocked }: { blocked: readonly BlockedDirectDebit[] }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('directDebit.newBatch.blocked.title', { count: blocked.length })}>
      <Table verticalSpacing={6} data-testid="blocked">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directDebit.newBatch.column.customer')}</Table.Th>
            <Table.Th>{t('directDebit.newBatch.column.invoice')}</Table.Th>
            <Table.Th>{t('directDebit.newBatch.column.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('directDebit.newBatch.column.amount')}</Table.Th>
            <Table.Th>{t('directDebit.newBatch.column.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {blocked.map((line) => (
            <Table.Tr key={line.invoice.id} data-testid="blocked-invoice" data-invoice={line.invoiceNumber}>
              <Table.Td>
                <Anchor component={Link} to={billingPaths.customer(line.customer.id)} size="sm" c="dark" fw={600}>
                  {line.customerName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={billingPaths.invoice(line.invoice.id)} size="sm">
                  {line.invoiceNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{format.date(line.dueDate)}</Table.Td>
              <Table.Td ta="right">{format.money(line.amount)}</Table.Td>
              <Table.Td>
                <Badge color="orange" variant="light" tt="none" mb={2}>
                  {t(`directDebit.blockedReason.${line.reason}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {line.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
