import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<PaymentStatus, string> = {
  UNALLOCATED: 'orange',
  PARTLY_ALLOCATED: 'yellow',
  ALLOCATED: 'green',
  REVERSED: 'red',
};

export function PaymentStatusBadge({ status, size = 'md' }: { status: PaymentStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={colorOf[status]} variant="light" size={size} data-testid="payment-status">
      {t(`paymentStatus.${status}`)}
    </Badge>
  );
}
