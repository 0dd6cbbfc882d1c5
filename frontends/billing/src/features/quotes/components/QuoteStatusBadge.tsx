import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

export const quoteStatuses = ['DRAFT', 'SENT', 'ACCEPTED', 'REFUSED', 'EXPIRED', 'CANCELLED'] as const satisfies readonly QuoteStatus[];

const colorOf: Record<QuoteStatus, string> = {
  DRAFT: 'gray',
  SENT: 'blue',
  ACCEPTED: 'green',
  REFUSED: 'red',
  EXPIRED: 'orange',
  CANCELLED: 'dark',
};

export function QuoteStatusBadge({ status, size = 'md' }: { status: QuoteStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Badge
      color={colorOf[status]}
      variant={status === 'CANCELLED' ? 'outline' : 'light'}
      size={size}
      style={{ minWidth: 'max-content' }}
      data-testid="quote-status"
    >
      {t(`quotes.status.${status}`)}
    </Badge>
  );
}
