import type { TranslationShape } from '@relais/ui';
import type { writeOffFr } from './write-off.fr';

export const writeOffEn: TranslationShape<typeof writeOffFr> = {
  action: 'Write off',
  actionOf: 'Write off invoice {{number}}',
  title: 'Write off invoice {{number}}',
  explanation: '{{customer}} still owes {{balance}} on this invoice. The amount written off leaves receivables and dunning.',
  kindLabel: 'Kind of loss',
  kind: {
    IRRECOVERABLE: 'Irrecoverable debt',
    SMALL_BALANCE: 'Small balance',
  },
  kindHelp: {
    IRRECOVERABLE: 'The customer will never pay (liquidation, insolvency): a loss on 654, its VAT is recovered.',
    SMALL_BALANCE: 'A remainder after a short payment, within the small balance limit: an expense on 658, no VAT.',
  },
  amount: 'Amount',
  amountHelp: 'The whole open balance by default',
  date: 'Write-off date',
  reason: 'Reason',
  reasonPlaceholder: 'Liquidation ruling of…, remainder after a transfer…',
  entry: 'Entry to be posted (OD) on {{date}}',
  confirm: 'Write off',
  confirmAmount: 'Write off {{amount}}',
};
