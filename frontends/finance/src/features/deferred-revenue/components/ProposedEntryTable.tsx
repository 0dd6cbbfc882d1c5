import { Table, Text } from '@mantine/core';
import { isNegativeAmount, isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { ProposedJournalEntryItemFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

/** An entry as it will be posted: its title, then per line the account (with its label), the label, debit and credit. */
export function ProposedEntryTable({ title, entry, testId }: { title: string; entry: ProposedJournalEntryItemFragment; testId: string }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  /** A zero debit or credit is left blank, as on a printed journal. */
  const amount = (value: string) => (isPositiveAmount(value) || isNegativeAmount(value) ? format.money(value) : '');
  return (
    <div data-testid={testId}>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {entry.pieceRef} — {entry.label}
      </Text>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deferredRevenue.column.account')}</Table.Th>
            <Table.Th>{t('deferredRevenue.column.label')}</Table.Th>
            <Table.Th ta="right">{t('deferredRevenue.column.debit')}</Table.Th>
            <Table.Th ta="right">{t('deferredRevenue.column.credit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.lines.map((line) => (
            <Table.Tr key={line.position}>
              <Table.Td>
                {line.account}
                {line.accountLabel && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    {line.accountLabel}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{line.label}</Table.Td>
              <Table.Td ta="right">{amount(line.debit)}</Table.Td>
              <Table.Td ta="right">{amount(line.credit)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
