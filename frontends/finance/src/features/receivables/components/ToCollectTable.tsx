import { Anchor, Text } from '@mantine/core';
import { DataTable, useFormatters, type DataTableColumn } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths, financePaths } from '../../../routes';
import { WriteOffButton } from '../../write-off/components/WriteOffButton';
import type { InvoiceToCollect } from '../hooks/use-to-collect';
import { CollectionStateBadges } from './CollectionStateBadges';

/** The invoices to chase, largest first: whose, which, due when, how late, how much, the last reminder and what holds it. */
export function ToCollectTable({ items }: { items: readonly InvoiceToCollect[] }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const lateness = (days: number) =>
    days > 0 ? (
      <Text span size="sm" c="red.8" fw={500}>
        {t('receivables.toCollect.late', { count: days })}
      </Text>
    ) : days === 0 ? (
      t('receivables.toCollect.dueToday')
    ) : (
      t('receivables.toCollect.dueIn', { count: -days })
    );
  const columns: DataTableColumn<InvoiceToCollect>[] = [
    {
      key: 'customer',
      header: t('receivables.toCollect.column.customer'),
      render: (item) => (
        <Anchor
          component={Link}
          to={financePaths.statement(item.customer.id)}
          size="sm"
          aria-label={t('receivables.toCollect.statement', { customer: item.customerName })}
        >
          {item.customerName}
        </Anchor>
      ),
    },
    {
      key: 'invoice',
      header: t('receivables.toCollect.column.invoice'),
      render: (item) => (
        <Anchor component={Link} to={billingPaths.invoice(item.invoice.id)} size="sm" fw={600}>
          {item.invoiceNumber}
        </Anchor>
      ),
    },
    { key: 'dueDate', header: t('receivables.toCollect.column.dueDate'), render: (item) => format.date(item.dueDate) },
    {
      key: 'lateness',
      header: t('receivables.toCollect.column.lateness'),
      render: (item) => <span data-testid="to-collect-lateness">{lateness(item.daysPastDue)}</span>,
    },
    {
      key: 'openBalance',
      header: t('receivables.toCollect.column.openBalance'),
      align: 'right',
      render: (item) => (
        <Text span size="sm" fw={600} data-testid="to-collect-open-balance">
          {format.money(item.openBalance)}
        </Text>
      ),
    },
    {
      key: 'reminder',
      header: t('receivables.toCollect.column.reminder'),
      render: (item) => {
        const latest = item.invoice.reminders.at(-1);
        return latest ? (
          t('receivables.toCollect.reminder', { level: latest.levelName, date: format.date(latest.sentOn) })
        ) : (
          <Text span size="sm" c="dimmed">
            {t('receivables.toCollect.noReminder')}
          </Text>
        );
      },
    },
    { key: 'state', header: t('receivables.toCollect.column.state'), render: (item) => <CollectionStateBadges invoice={item.invoice} /> },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (item) => (
        <WriteOffButton
          target={{
            invoiceId: item.invoice.id,
            invoiceNumber: item.invoiceNumber,
            customerName: item.customerName,
            openBalance: item.openBalance,
          }}
        />
      ),
    },
  ];
  return (
    <div data-testid="to-collect">
      <DataTable rows={items} rowKey={(item) => item.invoice.id} columns={columns} emptyLabel={t('receivables.toCollect.empty')} />
    </div>
  );
}
