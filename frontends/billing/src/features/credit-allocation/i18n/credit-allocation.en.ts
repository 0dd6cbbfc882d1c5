import type { TranslationShape } from '@relais/ui';
import type { creditAllocationFr } from './credit-allocation.fr';

export const creditAllocationEn: TranslationShape<typeof creditAllocationFr> = {
  title: 'Credit to allocate',
  surplusOfCreditNote: 'This credit note credited invoice {{number}}, already paid: {{amount}} remain as the customer’s credit.',
  surplusOfInvoice: 'The credit notes on this invoice, already paid, leave {{amount}} as the customer’s credit.',
  nothingLeft: 'All the available credit has been allocated.',
  action: 'Allocate to other invoices',
  history: {
    allocatedOn: 'Allocated on',
    creditNote: 'Credit note',
    from: 'Taken from',
    to: 'Allocated to',
    amount: 'Amount',
  },
  modal: {
    title: 'Allocate credit note {{number}} to other invoices',
    available: 'Available credit: {{amount}} (surplus of invoice {{number}}, already paid).',
    empty: 'This customer has no other invoice to pay.',
    number: 'Invoice',
    issueDate: 'Issued on',
    dueDate: 'Due date',
    openBalance: 'Open balance',
    amount: 'Amount allocated',
    amountOf: 'Amount allocated to {{number}}',
    invalidAmount: 'An amount is expected, e.g. 120.50',
    remaining: 'Left to allocate: {{amount}}',
    allAllocated: 'All the available credit is allocated.',
    exceeds: 'The allocations exceed the available credit by {{amount}}.',
    unreadable: 'Correct the amounts to see what is left to allocate.',
    cancel: 'Cancel',
    confirm: 'Allocate',
  },
};
