import type { TranslationShape } from '@relais/ui';
import type { periodsFr } from './periods.fr';

export const periodsEn: TranslationShape<typeof periodsFr> = {
  title: 'Fiscal years and periods',
  subtitle: 'A closed period takes nothing more: no invoice, payment or entry dated in the month.',
  empty: 'No fiscal year yet: open the first one to be able to close months.',
  fiscalYear: 'Fiscal year from {{from}} to {{to}}',
  state: {
    OPEN: 'Open',
    CLOSED: 'Closed',
  },
  yearState: {
    OPEN: 'Year open',
    CLOSED: 'Year closed',
  },
  column: {
    month: 'Month',
    state: 'State',
    closed: 'Closing',
    actions: 'Actions',
  },
  closedBy: 'on {{date}} by {{name}}',
  reopenedNote: 'Reopened on {{date}} by {{name}}: {{reason}}',
  cancel: 'Cancel',
  close: 'Close',
  closeOf: 'Close {{month}}',
  reopen: 'Reopen',
  reopenOf: 'Reopen {{month}}',
  open: {
    action: 'Open a fiscal year',
    title: 'Open a fiscal year',
    explanation:
      'A fiscal year covers whole months, usually twelve (the first one may run up to 24), and starts the day after the previous one ends.',
    startsOn: 'First day',
    endsOn: 'Last day',
    confirm: 'Open the fiscal year',
  },
  closing: {
    title: 'Close {{month}}',
    nothingLeft: 'Nothing is left pending in this month.',
    intro: 'Before closing, here is what is still pending in the month:',
    more_one: 'and {{formattedCount}} more',
    more_other: 'and {{formattedCount}} more',
    acknowledge: 'I have read these points and close the month anyway',
    consequence: 'Once closed, nothing can be dated in {{month}} any more: no invoice, credit note, payment or reconciliation.',
    confirm: 'Close the month',
    check: {
      UNBILLED_INTERVENTIONS_one: '{{formattedCount}} closed intervention not invoiced',
      UNBILLED_INTERVENTIONS_other: '{{formattedCount}} closed interventions not invoiced',
      UNMATCHED_BANK_MOVEMENTS_one: '{{formattedCount}} bank movement not reconciled',
      UNMATCHED_BANK_MOVEMENTS_other: '{{formattedCount}} bank movements not reconciled',
      DRAFT_INVOICES_one: '{{formattedCount}} draft invoice',
      DRAFT_INVOICES_other: '{{formattedCount}} draft invoices',
      DRAFT_CREDIT_NOTES_one: '{{formattedCount}} draft credit note',
      DRAFT_CREDIT_NOTES_other: '{{formattedCount}} draft credit notes',
    },
    hint: {
      UNBILLED_INTERVENTIONS: 'They will be invoiced later, on an open date.',
      UNMATCHED_BANK_MOVEMENTS: 'They cannot be reconciled any more unless the month is reopened.',
      DRAFT_INVOICES: 'They will be issued later, on an open date.',
      DRAFT_CREDIT_NOTES: 'They will be issued later, on an open date.',
    },
  },
  reopening: {
    title: 'Reopen {{month}}',
    explanation: 'Only the last closed month reopens. The reason is kept in the period’s history and the audit log.',
    reason: 'Reason',
    reasonPlaceholder: 'Forgotten invoice, payment received late…',
    confirm: 'Reopen the month',
  },
};
