import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { DunningPreviewTotalsFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import type { DunningPreview } from '../hooks/use-dunning';
import type { InvoiceExclusions } from '../hooks/use-exclusions';
import { PreviewTable } from './PreviewTable';
import { PreviewTotals } from './PreviewTotals';

/** "À envoyer": the totals of the run, then the reminders customer by customer. */
export function ToSendTab({
  preview,
  totals,
  stale,
  loading,
  error,
  retry,
  running,
  exclusions,
  problemCount,
}: {
  preview: DunningPreview | null;
  totals: DunningPreviewTotalsFragment | null;
  stale: boolean;
  loading: boolean;
  error: unknown;
  retry: () => void;
  running: boolean;
  exclusions: InvoiceExclusions;
  problemCount: number;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  if (running)
    return (
      <Text c="dimmed" size="sm">
        {t('dunning.previewAfterRun')}
      </Text>
    );
  return (
    <Stack>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        preview &&
        totals && (
          <>
            <PreviewTotals totals={totals} excludedCount={exclusions.ids.length} problemCount={problemCount} stale={stale} />
            {stale && (
              <Group gap="xs" c="dimmed" aria-live="polite">
                <Loader size="xs" />
                <Text size="sm">{t('dunning.updating')}</Text>
              </Group>
            )}
            {exclusions.ids.length > 0 && (
              <Group gap="sm" data-testid="dunning-excluded">
                <Text size="sm" c="orange.9">
                  {t('dunning.excludedCount', { count: exclusions.ids.length })}
                </Text>
                <Button size="compact-xs" variant="light" color="orange" onClick={exclusions.clear}>
                  {t('dunning.restoreAll')}
                </Button>
              </Group>
            )}
            {preview.reminders.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg" data-testid="dunning-empty">
                {t('dunning.empty', { date: format.date(preview.date) })}
              </Text>
            ) : (
              <PreviewTable reminders={preview.reminders} exclusions={exclusions} />
            )}
          </>
        )
      )}
    </Stack>
  );
}
