import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { useCreditNoteList, type DocumentFilters } from '../hooks/use-invoice-list';
import { DocumentFiltersBar } from './DocumentFiltersBar';
import { DocumentTable } from './DocumentTable';

const creditNoteStatuses: readonly InvoiceStatus[] = ['DRAFT', 'ISSUED', 'SENT'];

export function CreditNoteListPage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [filters, setFilters] = useState<DocumentFilters>({ status: null, customerId: null, searchText: '' });
  const { documents, totalCount, loading, error, retry, loadMore } = useCreditNoteList(filters);

  return (
    <>
      <PageHeader
        title={t('creditNotes.title')}
        subtitle={
          totalCount === undefined ? undefined : t('creditNotes.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      />
      <DocumentFiltersBar filters={filters} onChange={setFilters} statuses={creditNoteStatuses} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <DocumentTable documents={documents} emptyLabel={t('creditNotes.empty')} loadMore={loadMore} />}
    </>
  );
}
