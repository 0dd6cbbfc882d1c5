import type { TranslationShape } from '@relais/ui';
import type { deferredRevenueFr } from './deferred-revenue.fr';

export const deferredRevenueEn: TranslationShape<typeof deferredRevenueFr> = {
  action: 'Deferred revenue',
  actionOf: 'Deferred revenue of the fiscal year from {{from}} to {{to}}',
  title: 'Deferred revenue',
  explanation:
    'The part of issued lines with a service period (contract fees) covering days after the closing date, pro rata of the days, rounded to the cent per line; credit notes count negative. Lines without a service period are left out.',
  date: 'Closing date',
  empty: 'No issued line has a service period beyond this date: nothing to defer.',
  documents: 'Documents',
  column: {
    number: 'Number',
    customer: 'Customer',
    period: 'Service period',
    net: 'Net',
    deferred: 'Deferred',
    account: 'Account',
    label: 'Label',
    debit: 'Debit',
    credit: 'Credit',
  },
  periodRange: 'from {{from}} to {{to}}',
  creditNote: 'Credit note',
  accounts: 'Totals per account',
  total: 'Total',
  entry: 'Proposed entry (OD) on {{date}}',
  reversal: 'Reversal (OD) on {{date}}',
  posted: 'Posted on {{date}} for {{total}}: the entry and its reversal are in the miscellaneous operations journal.',
  post: 'Post',
  close: 'Close',
};
