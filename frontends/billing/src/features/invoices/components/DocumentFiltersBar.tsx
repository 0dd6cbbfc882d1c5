import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { ListFiltersBar } from '../../../shared/ListFiltersBar';
import type { DocumentFilters } from '../hooks/use-invoice-list';
import { invoiceStatuses } from './InvoiceStatusBadge';

/** The filters above an invoice or credit-note list. */
export function DocumentFiltersBar({
  filters,
  onChange,
  statuses = invoiceStatuses,
}: {
  filters: DocumentFilters;
  onChange: (filters: DocumentFilters) => void;
  statuses?: readonly InvoiceStatus[];
}) {
  const { t } = useTranslation(billingNamespace);
  return (
    <ListFiltersBar
      filters={filters}
      onChange={onChange}
      statuses={statuses}
      statusLabel={(status) => t(`invoiceStatus.${status}`)}
      labels={{ all: t('invoices.filter.all'), search: t('invoices.search'), customer: t('invoices.customerFilter') }}
    />
  );
}
