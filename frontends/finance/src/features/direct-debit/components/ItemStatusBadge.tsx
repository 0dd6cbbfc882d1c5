import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectDebitItemStatus } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<DirectDebitItemStatus, string> = { PENDING: 'blue', COLLECTED: 'green', RETURNED: 'red', CANCELLED: 'gray' };

export function ItemStatusBadge({ status }: { status: DirectDebitItemStatus }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={colorOf[status]} variant="light" data-testid="item-status">
      {t(`directDebit.itemStatus.${status}`)}
    </Badge>
  );
}
