import { SegmentedControl } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useInvoiceList, type InvoiceListItem } from '../hooks/use-invoice-list';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

type StatusFilter = 'ALL' | 'DRAFT' | 'ISSUED';

export function InvoiceListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('ALL');
  const { invoices, totalCount, loading, error, retry, loadMore } = useInvoiceList(status === 'ALL' ? undefined : status);

  const columns: DataTableColumn<InvoiceListItem>[] = [
    { key: 'number', header: t('invoices.column.number'), render: (invoice) => invoice.number ?? t('invoice.draft') },
    { key: 'customer', header: t('invoices.column.customer'), render: (invoice) => invoice.customer.name },
    { key: 'status', header: t('invoices.column.status'), render: (invoice) => <InvoiceStatusBadge status={invoice.status} /> },
    {
      key: 'date',
      header: t('invoices.column.date'),
      render: (invoice) => format.date(invoice.issueDate ?? invoice.createdAt),
    },
    {
      key: 'totalGross',
      header: t('invoices.column.totalGross'),
      align: 'right',
      render: (invoice) => format.money(invoice.totalGross, invoice.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        subtitle={
          totalCount === undefined ? undefined : t('invoices.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'ALL', label: t('invoices.filter.all') },
            { value: 'DRAFT', label: t('invoiceStatus.DRAFT') },
            { value: 'ISSUED', label: t('invoiceStatus.ISSUED') },
          ]}
        />
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          columns={columns}
          rows={invoices}
          rowKey={(invoice) => invoice.id}
          emptyLabel={t('invoices.empty')}
          onRowClick={(invoice) => void navigate(billingPaths.invoice(invoice.id))}
          loadMore={loadMore}
        />
      )}
    </>
  );
}
