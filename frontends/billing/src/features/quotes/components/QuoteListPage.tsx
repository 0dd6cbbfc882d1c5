import { useCan } from '@relais/session';
import { Button, Text } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ListFiltersBar } from '../../../shared/ListFiltersBar';
import { useQuoteList, type QuoteFilters, type QuoteListItem } from '../hooks/use-quote-list';
import { QuoteNumber } from './QuoteNumber';
import { QuoteStatusBadge, quoteStatuses } from './QuoteStatusBadge';

/** "Devis": every quote, filtered by status, customer or text, with what accepted ones have billed. */
export function QuoteListPage() {
  const { t } = useTranslation(billingNamespace);
  const canWrite = useCan('billing:write');
  const format = useFormatters();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<QuoteFilters>({ status: null, customerId: null, searchText: '' });
  const { quotes, totalCount, loading, error, retry, loadMore } = useQuoteList(filters);

  const columns: DataTableColumn<QuoteListItem>[] = [
    { key: 'number', header: t('quotes.column.number'), render: (quote) => <QuoteNumber quote={quote} /> },
    { key: 'customer', header: t('quotes.column.customer'), render: (quote) => quote.customer.name },
    { key: 'title', header: t('quotes.column.title'), render: (quote) => quote.title },
    { key: 'validUntil', header: t('quotes.column.validUntil'), render: (quote) => format.date(quote.validUntil) },
    {
      key: 'totalNet',
      header: t('quotes.column.totalNet'),
      align: 'right',
      render: (quote) => format.money(quote.totalNet, quote.currency),
    },
    {
      key: 'totalGross',
      header: t('quotes.column.totalGross'),
      align: 'right',
      render: (quote) => format.money(quote.totalGross, quote.currency),
    },
    {
      key: 'billing',
      header: t('quotes.column.billing'),
      align: 'right',
      render: (quote) =>
        quote.status === 'ACCEPTED' ? (
          <>
            <Text size="sm">{format.money(quote.billedNet, quote.currency)}</Text>
            <Text size="xs" c="dimmed">
              {format.money(quote.remainingNet, quote.currency)}
            </Text>
          </>
        ) : (
          '—'
        ),
    },
    { key: 'status', header: t('quotes.column.status'), render: (quote) => <QuoteStatusBadge status={quote.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('quotes.title')}
        subtitle={totalCount === undefined ? undefined : t('quotes.count', { count: totalCount, formattedCount: format.count(totalCount) })}
      >
        {canWrite && (
          <Button component={Link} to={billingPaths.newQuote}>
            {t('quotes.new')}
          </Button>
        )}
      </PageHeader>
      <ListFiltersBar
        filters={filters}
        onChange={setFilters}
        statuses={quoteStatuses}
        statusLabel={(status) => t(`quotes.status.${status}`)}
        labels={{ all: t('quotes.filter.all'), search: t('quotes.search'), customer: t('quotes.customerFilter') }}
      />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          columns={columns}
          rows={quotes}
          rowKey={(quote) => quote.id}
          emptyLabel={t('quotes.empty')}
          onRowClick={(quote) => void navigate(billingPaths.quote(quote.id))}
          loadMore={loadMore}
        />
      )}
    </>
  );
}
