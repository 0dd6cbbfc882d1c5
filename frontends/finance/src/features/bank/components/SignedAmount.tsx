import { Text } from '@mantine/core';
import { isNegativeAmount, useFormatters } from '@relais/ui';

/** A movement's amount, signed: credits green with "+", debits red. */
export function SignedAmount({ amount, currency, size = 'sm' }: { amount: string; currency?: string; size?: 'sm' | 'lg' }) {
  const format = useFormatters();
  const debit = isNegativeAmount(amount);
  return (
    <Text span size={size} fw={600} c={debit ? 'red.8' : 'green.8'} data-testid="movement-amount">
      {debit ? '' : '+'}
      {format.money(amount, currency)}
    </Text>
  );
}
