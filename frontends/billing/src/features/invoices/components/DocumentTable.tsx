import { Checkbox, Text } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableProps, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { documentPath } from '../../../routes';
import type { InvoiceListItem } from '../hooks/use-invoice-list';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

/** Rows that can be ticked (for a bulk action) and which are. */
export interface DocumentSelection {
  selectable: (document: InvoiceListItem) => boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/** Invoices or credit notes: number, customer, dates, amounts and status; a click opens one. */
export function DocumentTable({
  documents,
  emptyLabel,
  loadMore,
  selection,
}: {
  documents: readonly InvoiceListItem[];
  emptyLabel: string;
  loadMore: DataTableProps<InvoiceListItem>['loadMore'];
  selection?: DocumentSelection;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const columns: DataTableColumn<InvoiceListItem>[] = [
    {
      key: 'number',
      header: t('invoices.column.number'),
      render: (document) => (
        <>
          <Text size="sm" fw={500}>
            {document.number ?? t('invoice.draft')}
          </Text>
          {document.creditedInvoice?.number && (
            <Text size="xs" c="dimmed">
              {t('invoices.creditOf', { number: document.creditedInvoice.number })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'customer', header: t('invoices.column.customer'), render: (document) => document.customer.name },
    {
      key: 'date',
      header: t('invoices.column.date'),
      render: (document) => format.date(document.issueDate ?? document.createdAt),
    },
    {
      key: 'dueDate',
      header: t('invoices.column.dueDate'),
      render: (document) => (document.dueDate ? format.date(document.dueDate) : '—'),
    },
    {
      key: 'totalGross',
      header: t('invoices.column.totalGross'),
      align: 'right',
      render: (document) => format.money(document.totalGross, document.currency),
    },
    {
      key: 'openBalance',
      header: t('invoices.column.openBalance'),
      align: 'right',
      render: (document) => (document.status === 'DRAFT' ? '—' : format.money(document.openBalance, document.currency)),
    },
    { key: 'status', header: t('invoices.column.status'), render: (document) => <InvoiceStatusBadge status={document.status} /> },
  ];
  if (selection)
    columns.unshift({
      key: 'select',
      header: '',
      render: (document) =>
        selection.selectable(document) ? (
          <Checkbox
            aria-label={t('bulkInvoicing.drafts.select', { number: document.number ?? `${t('invoice.draft')} ${document.customer.name}` })}
            checked={selection.selected.has(document.id)}
            onClick={(event) => event.stopPropagation()}
            onChange={() => selection.onToggle(document.id)}
          />
        ) : null,
    });
  return (
    <DataTable
      columns={columns}
      rows={documents}
      rowKey={(document) => document.id}
      emptyLabel={emptyLabel}
      onRowClick={(document) => void navigate(documentPath(document))}
      loadMore={loadMore}
    />
  );
}
