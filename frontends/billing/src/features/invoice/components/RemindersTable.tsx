import { Badge, Table } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** The reminders sent for the invoice, by level, with the charges a formal notice claimed. */
export function RemindersTable({ reminders, currency }: { reminders: InvoiceDetail['reminders']; currency: string }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Table verticalSpacing="xs" data-testid="reminders">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('history.reminder')}</Table.Th>
          <Table.Th>{t('history.level')}</Table.Th>
          <Table.Th ta="right">{t('history.daysLate')}</Table.Th>
          <Table.Th ta="right">{t('history.lateInterest')}</Table.Th>
          <Table.Th ta="right">{t('history.indemnity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reminders.map((reminder) => (
          <Table.Tr key={reminder.id}>
            <Table.Td>{format.date(reminder.sentOn)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={reminder.formalNotice ? 'red' : 'orange'}>
                {reminder.levelRank} · {reminder.levelName}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{reminder.daysLate}</Table.Td>
            <Table.Td ta="right">{reminder.formalNotice ? format.money(reminder.lateInterest, currency) : '—'}</Table.Td>
            <Table.Td ta="right">{reminder.formalNotice ? format.money(reminder.indemnity, currency) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
