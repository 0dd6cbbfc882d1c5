import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReminderHoldReason } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<ReminderHoldReason, string> = {
  DISPUTED: 'red',
  PROMISE: 'teal',
  DIRECT_DEBIT: 'indigo',
  TOO_SOON: 'gray',
};

/** Why an overdue invoice gets no reminder today: Litige, Promesse de paiement, Prélèvement en cours, Trop tôt. */
export function HoldReasonBadge({ reason }: { reason: ReminderHoldReason }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={colorOf[reason]} variant="light" tt="none" data-testid="hold-reason">
      {t(`dunning.holdReason.${reason}`)}
    </Badge>
  );
}
