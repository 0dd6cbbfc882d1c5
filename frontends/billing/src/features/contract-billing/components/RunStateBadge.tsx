import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractBillingRunState, ContractBillingRunSummaryFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

const colorOf: Record<ContractBillingRunState, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

export function RunStateBadge({ state }: { state: ContractBillingRunState }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Badge color={colorOf[state]} variant={state === 'FAILED' ? 'filled' : 'light'} data-testid="run-state">
      {t(`contractBilling.runState.${state}`)}
    </Badge>
  );
}

/** Issued, issued and sent, or drafts: how the run left its invoices. */
export const runModeKey = (run: Pick<ContractBillingRunSummaryFragment, 'mode' | 'send'>) =>
  run.mode === 'DRAFT' ? 'DRAFT' : run.send ? 'ISSUE_SEND' : 'ISSUE';
