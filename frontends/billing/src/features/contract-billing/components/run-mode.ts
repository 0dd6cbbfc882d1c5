import type { ContractBillingRunSummaryFragment } from '../../../gql/graphql';

/** Issued, issued and sent, or drafts: how the run left its invoices. */
export const runModeKey = (run: Pick<ContractBillingRunSummaryFragment, 'mode' | 'send'>) =>
  run.mode === 'DRAFT' ? 'DRAFT' : run.send ? 'ISSUE_SEND' : 'ISSUE';
