import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';

/** "D-2026-00012" with its revision when revised, or "Brouillon" before the first sending. */
export function QuoteNumber({ quote }: { quote: { number?: string | null; revision: number } }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <>
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {quote.number ?? t('quotes.draft')}
      </Text>
      {quote.revision > 1 && (
        <Text size="xs" c="dimmed">
          {t('quotes.revisionShort', { revision: quote.revision })}
        </Text>
      )}
    </>
  );
}
