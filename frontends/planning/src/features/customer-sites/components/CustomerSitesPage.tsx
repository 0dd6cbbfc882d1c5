import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useCustomerSites } from '../hooks/use-customer-sites';
import { CustomerSitesTable } from './CustomerSitesTable';

export function CustomerSitesPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const { rows, customerCount, loading, error, retry, loadMore } = useCustomerSites();
  return (
    <>
      <PageHeader
        title={t('customerSites.title')}
        subtitle={
          customerCount === undefined
            ? undefined
            : t('customerSites.summary', {
                count: customerCount,
                formattedCount: format.count(customerCount),
              })
        }
      />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <CustomerSitesTable rows={rows} loadMore={loadMore} />}
    </>
  );
}
