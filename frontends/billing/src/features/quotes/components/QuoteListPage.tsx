import { Button, Chip, Group, Text, TextInput } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters, type DataTableColumn } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { QuoteStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useBillingFormats } from '../../../shared/use-billing-formats';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useQuoteList, type QuoteFilters, type QuoteListItem } from '../hooks/use-quote-list';
import { QuoteNumber } from './QuoteNumber';
import { QuoteStatusBadge, quoteStatuses } from './QuoteStatusBadge';

/** "Devis": every quote, filtered by status, customer or text, with what accepted ones have billed. */
export function QuoteListPage() {
  const { t } = useTranslation(billingNamespace);
  const counts = useFormatters();
  const format = useBillingFormats();
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
        subtitle={totalCount === undefined ? undefined : t('quotes.count', { count: totalCount, formattedCount: counts.count(totalCount) })}
      >
        <Button component={Link} to={billingPaths.newQuote}>
          {t('quotes.new')}
        </Button>
      </PageHeader>
      <Group justify="space-between" mb="md" align="center">
        <Chip.Group
          value={filters.status ?? 'ALL'}
          onChange={(value) => setFilters({ ...filters, status: value === 'ALL' ? null : (value as QuoteStatus) })}
        >
          <Group gap="xs">
            <Chip value="ALL" size="sm">
              {t('quotes.filter.all')}
            </Chip>
            {quoteStatuses.map((status) => (
              <Chip key={status} value={status} size="sm">
                {t(`quotes.status.${status}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="sm">
          <TextInput
            type="search"
            w={240}
            aria-label={t('quotes.search')}
            placeholder={t('quotes.search')}
            value={filters.searchText}
            onChange={(event) => setFilters({ ...filters, searchText: event.currentTarget.value })}
          />
          <CustomerPicker
            width={280}
            label={t('quotes.customerFilter')}
            value={filters.customerId}
            onChange={(customerId) => setFilters({ ...filters, customerId })}
          />
        </Group>
      </Group>
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
