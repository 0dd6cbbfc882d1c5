import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BankMovementStatus } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<BankMovementStatus, string> = {
  UNMATCHED: 'orange',
  PROPOSED: 'blue',
  MATCHED: 'green',
  BOOKED: 'gray',
};

export function MovementStatusBadge({ status }: { status: BankMovementStatus }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={colorOf[status]} variant="light" data-testid="movement-status">
      {t(`bank.status.${status}`)}
    </Badge>
  );
}
