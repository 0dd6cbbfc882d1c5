import { Group, Loader, Text } from '@mantine/core';
import { ErrorNotice, sumAmounts, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { AgeingBucket } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { OpenItemsTable } from '../../customer-statement/components/OpenItemsTable';
import { useAgeingOpenItems } from '../hooks/use-ageing';

/** The items behind an amount of the balance âgée: the customer's open invoices (and credit) at the date, in that column or all. */
export function AgeingItems({ customerId, asOf, bucket }: { customerId: string; asOf: string; bucket: AgeingBucket | null }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { items, error, retry } = useAgeingOpenItems(customerId, asOf);
  const shown = items?.filter((item) => bucket === null || item.bucket === bucket) ?? [];
  const column = bucket ? t(`receivables.bucket.${bucket}`) : t('receivables.ageing.allItems');
  return (
    <div data-testid="ageing-items">
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {t('receivables.ageing.itemsTitle', { date: format.date(asOf), column })}
        </Text>
        {!items && !error && <Loader size="xs" />}
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {items &&
        (shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('receivables.ageing.noItems')}
          </Text>
        ) : (
          <OpenItemsTable items={shown} total={sumAmounts(shown.map((item) => item.openBalance))} testId="ageing-open-items" />
        ))}
    </div>
  );
}
