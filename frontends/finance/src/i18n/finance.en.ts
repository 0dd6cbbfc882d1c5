import type { TranslationShape } from '@relais/ui';
import type { financeFr } from './finance.fr';

export const financeEn: TranslationShape<typeof financeFr> = {
  chartOfAccounts: {
    title: 'Chart of accounts',
    generalAccounts: 'General ledger accounts',
    empty: 'No account in the chart of accounts.',
    column: {
      number: 'Number',
      label: 'Label',
      kind: 'Kind',
    },
    kind: {
      receivable: 'Trade receivables',
      vat_collected: 'VAT collected',
      bank: 'Bank',
      revenue: 'Revenue',
    },
  },
  customerAccounts: {
    title: 'Customer auxiliary accounts',
    empty: 'No customer.',
    column: {
      code: 'Customer code',
      name: 'Company name',
      auxiliaryCode: 'Auxiliary account',
    },
  },
};
