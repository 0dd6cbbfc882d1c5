import { Button } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useInvoiceList, type DocumentFilters } from '../hooks/use-invoice-list';
import { DocumentFiltersBar } from './DocumentFiltersBar';
import { DocumentTable } from './DocumentTable';

export function InvoiceListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [filters, setFilters] = useState<DocumentFilters>({ status: null, customerId: null, searchText: '' });
  const { documents, totalCount, loading, error, retry, loadMore } = useInvoiceList(filters);

  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        subtitle={
          totalCount === undefined ? undefined : t('invoices.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <Button component={Link} to={billingPaths.newInvoice}>
          {t('invoices.new')}
        </Button>
      </PageHeader>
      <DocumentFiltersBar filters={filters} onChange={setFilters} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <DocumentTable documents={documents} emptyLabel={t('invoices.empty')} loadMore={loadMore} />}
    </>
  );
}
