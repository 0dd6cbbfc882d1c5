import { Button, Group } from '@mantine/core';
import { useCan } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { useCloseSelection } from '../hooks/use-bulk-close';
import { useInterventionFilters } from '../hooks/use-intervention-filters';
import { useInterventions } from '../hooks/use-interventions';
import { AutoCloseSetting } from './AutoCloseSetting';
import { CloseInterventionsModal } from './CloseInterventionsModal';
import { InterventionFilters } from './InterventionFilters';
import { InterventionTable } from './InterventionTable';

export function InterventionListPage() {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const office = useCan('maintenance:office');
  const filters = useInterventionFilters();
  const { rows, totalCount, loading, error, retry, loadMore } = useInterventions(filters.filter, filters.values.sort);
  const selection = useCloseSelection(filters.filter);
  const [closing, setClosing] = useState(false);
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
      {office && (
        <Group justify="space-between" mb="md">
          <Group gap="sm">
            <Button variant="light" loading={selection.loadingAll} onClick={() => void selection.selectAllFinished()}>
              {t('interventions.bulkClose.selectAllFinished')}
            </Button>
            {selection.selected.size > 0 && (
              <Button variant="subtle" onClick={selection.clear}>
                {t('interventions.bulkClose.clearSelection')}
              </Button>
            )}
            <Button disabled={selection.selected.size === 0} onClick={() => setClosing(true)}>
              {t('interventions.bulkClose.open', { count: selection.selected.size })}
            </Button>
          </Group>
          <AutoCloseSetting />
        </Group>
      )}
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? <LoadingState /> : <InterventionTable rows={rows} loadMore={loadMore} selection={office ? selection : undefined} />}
      {closing && (
        <CloseInterventionsModal
          ids={[...selection.selected]}
          onClose={(done) => {
            setClosing(false);
            if (done) selection.clear();
          }}
        />
      )}
    </>
  );
}
