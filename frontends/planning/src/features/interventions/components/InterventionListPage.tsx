import { Button } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useInterventionFilters } from '../hooks/use-intervention-filters';
import { useInterventions } from '../hooks/use-interventions';
import { InterventionFilters } from './InterventionFilters';
import { InterventionTable } from './InterventionTable';

export function InterventionListPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const filters = useInterventionFilters();
  const { rows, totalCount, loading, error, retry, loadMore } = useInterventions(filters.filter, filters.values.sort);
  return (
    <>
      <PageHeader
        title={t('interventions.title')}
        subtitle={
          totalCount === undefined ? undefined : t('interventions.summary', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      >
        <Button component={Link} to={planningPaths.newRequest}>
          {t('nav.newRequest')}
        </Button>
      </PageHeader>
      <InterventionFilters filters={filters} />
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <InterventionTable rows={rows} loadMore={loadMore} />}
    </>
  );
}
