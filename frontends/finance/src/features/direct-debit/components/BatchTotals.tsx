import { SimpleGrid } from '@mantine/core';
import { FigureCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';

/** The batch about to be created: how many invoices, for how much, and how many were left out. */
export function BatchTotals({
  count,
  amount,
  excludedCount,
  stale,
}: {
  count: number;
  amount: string;
  excludedCount: number;
  stale: boolean;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="sm"
      role="group"
      aria-label={t('directDebit.newBatch.totals.label')}
      aria-busy={stale}
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
      data-testid="batch-totals"
    >
      <FigureCard
        label={t('directDebit.newBatch.totals.count')}
        value={format.count(count)}
        detail={excludedCount > 0 ? t('directDebit.newBatch.totals.excluded', { count: excludedCount }) : undefined}
        testId="batch-total-count"
        strong
      />
      <FigureCard label={t('directDebit.newBatch.totals.amount')} value={format.money(amount)} testId="batch-total-amount" strong />
    </SimpleGrid>
  );
}
