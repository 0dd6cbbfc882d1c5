import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';

const colorOf: Record<string, string> = { DRAFT: 'gray', ISSUED: 'teal' };

export function InvoiceStatusBadge({ status, size = 'md' }: { status: string; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(billingNamespace);
  const label = status === 'DRAFT' || status === 'ISSUED' ? t(`invoiceStatus.${status}`) : status;
  return (
    <Badge color={colorOf[status] ?? 'blue'} variant="light" size={size} data-testid="invoice-status">
      {label}
    </Badge>
  );
}
