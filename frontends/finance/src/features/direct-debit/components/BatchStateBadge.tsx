import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectDebitBatchState } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<DirectDebitBatchState, string> = { SUBMITTED: 'blue', SETTLED: 'green', CANCELLED: 'gray' };

export function BatchStateBadge({ state, size = 'md' }: { state: DirectDebitBatchState; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={colorOf[state]} variant="light" size={size} data-testid="batch-state">
      {t(`directDebit.batchState.${state}`)}
    </Badge>
  );
}
