import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { DeliveriesTable } from './DeliveriesTable';
import { RemindersTable } from './RemindersTable';
import { WriteOffsTable } from './WriteOffsTable';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** What happened to an issued document since: mails sent, payments received, reminders, credit notes made. */
export function HistoryCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, invoice.currency);
  const empty =
    invoice.paymentAllocations.length === 0 &&
    invoice.creditNotes.length === 0 &&
    invoice.writeOffs.length === 0 &&
    invoice.deliveries.length === 0 &&
    invoice.reminders.length === 0;
  const { disputed, disputeReason, promiseUntil } = invoice.collectionState;
  return (
    <SectionCard title={t('history.title')}>
      {empty && <Text c="dimmed">{t('history.empty')}</Text>}
      <Stack>
        {disputed && (
          <Alert color="red" title={t('history.disputed')}>
            {disputeReason}
          </Alert>
        )}
        {promiseUntil && <Alert color="blue">{t('history.promise', { date: format.date(promiseUntil) })}</Alert>}
        {invoice.reminders.length > 0 && <RemindersTable reminders={invoice.reminders} currency={invoice.currency} />}
        {invoice.deliveries.length > 0 && <DeliveriesTable deliveries={invoice.deliveries} />}
        {invoice.paymentAllocations.length > 0 && (
          <Table verticalSpacing="xs" data-testid="payments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.payment')}</Table.Th>
                <Table.Th>{t('payment.method')}</Table.Th>
                <Table.Th>{t('payment.reference')}</Table.Th>
                <Table.Th ta="right">{t('payment.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.paymentAllocations.map((allocation) => (
                <Table.Tr key={allocation.id} c={allocation.releasedAt ? 'dimmed' : undefined}>
                  <Table.Td>{format.date(allocation.payment.receivedOn)}</Table.Td>
                  <Table.Td>{t(`paymentMethod.${allocation.payment.method}`)}</Table.Td>
                  <Table.Td>
                    {allocation.payment.reference ?? '—'}
                    {allocation.releasedAt && (
                      <Text size="xs" c="red">
                        {t('history.released', { reason: allocation.releaseReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" td={allocation.releasedAt ? 'line-through' : undefined}>
                    {money(allocation.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {invoice.writeOffs.length > 0 && <WriteOffsTable invoice={invoice} />}
        {invoice.creditNotes.length > 0 && (
          <Table verticalSpacing="xs" data-testid="credit-notes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.creditNote')}</Table.Th>
                <Table.Th>{t('invoices.column.date')}</Table.Th>
                <Table.Th>{t('invoices.column.status')}</Table.Th>
                <Table.Th ta="right">{t('invoices.column.totalGross')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.creditNotes.map((creditNote) => (
                <Table.Tr key={creditNote.id}>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.creditNote(creditNote.id)}>
                      {creditNote.number ?? t('invoice.draft')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{creditNote.issueDate ? format.date(creditNote.issueDate) : '—'}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={creditNote.status} />
                  </Table.Td>
                  <Table.Td ta="right">{money(creditNote.totalGross)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
