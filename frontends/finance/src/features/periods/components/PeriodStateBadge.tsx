import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodState } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

/** A month's state (or, with `year`, the fiscal year's: closed when all its months are). */
export function PeriodStateBadge({ state, year = false }: { state: PeriodState; year?: boolean }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Badge color={state === 'CLOSED' ? 'gray' : 'green'} variant="light" data-testid={year ? 'fiscal-year-state' : 'period-state'}>
      {t(year ? `periods.yearState.${state}` : `periods.state.${state}`)}
    </Badge>
  );
}
