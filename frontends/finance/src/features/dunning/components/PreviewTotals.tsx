import { SimpleGrid } from '@mantine/core';
import { FigureCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { DunningPreviewTotalsFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

/** What the run will send, as the server totals it once the excluded lines are left out. */
export function PreviewTotals({
  totals,
  excludedCount,
  problemCount,
  stale,
}: {
  totals: DunningPreviewTotalsFragment;
  excludedCount: number;
  problemCount: number;
  stale: boolean;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const details = [
    excludedCount > 0 ? t('dunning.totals.excluded', { count: excludedCount }) : null,
    problemCount > 0 ? t('dunning.totals.problems', { count: problemCount }) : null,
  ].filter((detail): detail is string => detail !== null);
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="sm"
      role="group"
      aria-label={t('dunning.totals.label')}
      aria-busy={stale}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
      data-testid="dunning-totals"
    >
      <FigureCard
        label={t('dunning.totals.count')}
        value={format.count(totals.count)}
        detail={details.length > 0 ? details.join(' · ') : undefined}
        testId="dunning-total-count"
        strong
      />
      <FigureCard label={t('dunning.totals.openBalance')} value={format.money(totals.openBalance)} testId="dunning-total-open-balance" />
      <FigureCard label={t('dunning.totals.lateInterest')} value={format.money(totals.lateInterest)} testId="dunning-total-interest" />
      <FigureCard label={t('dunning.totals.indemnity')} value={format.money(totals.indemnity)} testId="dunning-total-indemnity" />
    </SimpleGrid>
  );
}
