import { Button, Grid, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, SectionCard } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useIndexSeries } from '../hooks/use-indices';
import { CreateSeriesModal } from './CreateSeriesModal';
import { ImportValuesForm } from './ImportValuesForm';
import { SeriesTable } from './SeriesTable';
import { SetValueForm } from './SetValueForm';
import { ValuesTable } from './ValuesTable';

/** "Indices": the price indices contracts are revised with, their values month by month, typed or imported. */
export function IndicesPage() {
  const { t } = useTranslation(billingNamespace);
  const { series, loading, error, retry } = useIndexSeries();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = series.find((s) => s.id === selectedId) ?? series[0] ?? null;

  return (
    <>
      <PageHeader title={t('indices.title')} subtitle={t('indices.subtitle')}>
        <Button onClick={() => setCreating(true)}>{t('indices.new')}</Button>
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : series.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('indices.empty')}
        </Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SectionCard title={t('indices.list')}>
              <SeriesTable series={series} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            </SectionCard>
          </Grid.Col>
          {selected && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack>
                <SectionCard title={t('indices.values.title', { code: selected.code, name: selected.name })}>
                  {selected.description && (
                    <Text size="sm" c="dimmed" mb="sm">
                      {selected.description}
                    </Text>
                  )}
                  <ValuesTable series={selected} />
                </SectionCard>
                <SetValueForm key={`set-${selected.id}`} series={selected} />
                <ImportValuesForm key={`import-${selected.id}`} series={selected} />
              </Stack>
            </Grid.Col>
          )}
        </Grid>
      )}
      {creating && (
        <CreateSeriesModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelectedId(id);
          }}
        />
      )}
    </>
  );
}
