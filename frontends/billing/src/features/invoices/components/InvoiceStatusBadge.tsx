import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

export const invoiceStatuses = [
  'DRAFT',
  'ISSUED',
  'SENT',
  'PARTLY_PAID',
  'PAID',
  'OVERDUE',
  'CREDITED',
  'WRITTEN_OFF',
] as const satisfies readonly InvoiceStatus[];

const colorOf: Record<InvoiceStatus, string> = {
  DRAFT: 'gray',
  ISSUED: 'blue',
  SENT: 'indigo',
  PARTLY_PAID: 'yellow',
  PAID: 'green',
  OVERDUE: 'red',
  CREDITED: 'grape',
  WRITTEN_OFF: 'dark',
};

export function InvoiceStatusBadge({ status, size = 'md' }: { status: InvoiceStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Badge color={colorOf[status]} variant={status === 'OVERDUE' ? 'filled' : 'light'} size={size} data-testid="invoice-status">
      {t(`invoiceStatus.${status}`)}
    </Badge>
  );
}
