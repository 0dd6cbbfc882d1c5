import { Text } from '@mantine/core';
import { isNegativeAmount, isPositiveAmount, subtractAmounts, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';

/** What the ticked invoices leave of the payment: the customer's credit, nothing, or too much allocated. */
export function RemainingNotice({ remaining }: { remaining: string | null }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  if (remaining === null)
    return (
      <Text size="sm" c="dimmed" data-testid="allocation-remaining">
        {t('allocation.invalidAmount')}
      </Text>
    );
  if (isNegativeAmount(remaining))
    return (
      <Text size="sm" c="red" fw={500} data-testid="allocation-remaining">
        {t('allocation.exceeds', { amount: format.money(subtractAmounts('0', remaining)) })}
      </Text>
    );
  if (!isPositiveAmount(remaining))
    return (
      <Text size="sm" c="green" fw={500} data-testid="allocation-remaining">
        {t('allocation.allAllocated')}
      </Text>
    );
  return (
    <Text size="sm" data-testid="allocation-remaining">
      <Text span fw={600}>
        {t('allocation.remaining', { amount: format.money(remaining) })}
      </Text>{' '}
      {t('allocation.remainingAsCredit')}
    </Text>
  );
}
