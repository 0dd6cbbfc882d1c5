import { Badge, Group, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { InvoiceToCollect } from '../hooks/use-to-collect';

/** What stands in the way of a reminder: a dispute, a payment promise, a direct debit on its way. */
export function CollectionStateBadges({ invoice }: { invoice: InvoiceToCollect['invoice'] }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { disputed, disputeReason, promiseUntil } = invoice.collectionState;
  const directDebit = invoice.directDebitItems.some((item) => item.status === 'PENDING');
  if (!disputed && !promiseUntil && !directDebit)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4} data-testid="collection-state">
      {disputed && (
        <Badge color="red" variant="light" tt="none" title={disputeReason ?? undefined}>
          {t('receivables.toCollect.disputed')}
        </Badge>
      )}
      {promiseUntil && (
        <Badge color="teal" variant="light" tt="none">
          {t('receivables.toCollect.promise', { date: format.date(promiseUntil) })}
        </Badge>
      )}
      {directDebit && (
        <Badge color="indigo" variant="light" tt="none">
          {t('receivables.toCollect.directDebit')}
        </Badge>
      )}
    </Group>
  );
}
