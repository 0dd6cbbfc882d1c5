import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RenewalState } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

const colorOf: Record<RenewalState, string> = {
  RUNNING: 'green',
  TO_RENEW: 'orange',
  NOTICE_SENT: 'blue',
  TERMINATED: 'red',
  EXPIRED: 'gray',
};

/** En cours, À renouveler (the customer must be told now), Préavis envoyé, Résilié, Échu. */
export function RenewalStateBadge({ state, size = 'md' }: { state: RenewalState; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Badge color={colorOf[state]} variant={state === 'TO_RENEW' ? 'filled' : 'light'} size={size} data-testid="renewal-state">
      {t(`contracts.renewalState.${state}`)}
    </Badge>
  );
}
