import type { TranslationShape } from '@relais/ui';
import type { invoicingSettingsFr } from './invoicing-settings.fr';

export const invoicingSettingsEn: TranslationShape<typeof invoicingSettingsFr> = {
  title: 'Invoicing settings',
  subtitle: 'How the company invoices in bulk and what its invoice e-mails say. Administrators only.',
  section: {
    grouping: 'Bulk invoicing',
    mail: 'Invoice e-mails',
    addresses: 'Addresses',
    portal: 'Customer portal',
  },
  portalPrimaryColor: {
    label: 'Customer portal colour',
    hint: 'Buttons, links and tabs of the portal where your customers see their equipment, quotes and invoices ({{url}}). The logo is your documents’ logo.',
    invalid: 'Colour expected as #rrggbb, for example #1c7ed6',
  },
  grouping: {
    label: 'Grouping of drafts',
    hint: 'What “To invoice” proposes by default when several jobs are invoiced at once.',
    CUSTOMER: {
      label: 'One invoice per customer',
      description: 'All of a customer’s jobs on a single invoice.',
    },
    SITE: {
      label: 'One invoice per site',
      description: 'One invoice for each of a customer’s sites (an address, a building).',
    },
    CONTRACT: {
      label: 'One invoice per contract',
      description: 'One invoice per maintenance contract; jobs outside a contract are grouped by customer.',
    },
  },
  billingEmail: {
    label: 'Reply-to address (billing)',
    hint: 'Customers’ replies to invoices, quotes and reminders arrive at this address. Empty: no reply-to address.',
    invalid: 'Invalid e-mail address, e.g. billing@company.com',
  },
  publicUrl: {
    label: 'Public address',
    hint: 'Start of the links sent to customers (quote acceptance). Empty: the Relais server’s address.',
    invalid: 'A full address starting with https:// or http:// is expected, e.g. https://relais.company.com',
  },
  subject: {
    label: 'E-mail subject',
    hint: 'Subject of invoice and deposit invoice e-mails (credit notes keep their own text). Empty: the default subject.',
  },
  body: {
    label: 'E-mail text',
    hint: 'Text sent with the invoice PDF; it can still be edited at each sending. Empty: the default text.',
  },
  customTemplate: 'Custom template',
  defaultTemplate: 'Default template',
  resetTemplate: 'Back to the default template',
  placeholders: {
    title: 'Available placeholders',
    hint: 'Written between double braces, they are replaced with the invoice’s values when it is sent.',
    client: 'customer name',
    numero: 'invoice number',
    montant: 'amount to pay incl. VAT',
    echeance: 'due date',
    date: 'invoice date',
    document: 'document type (Facture, Facture d’acompte)',
    societe: 'company’s legal name',
    reglement: 'payment sentence (transfer with the IBAN, or direct debit); the line disappears when there is none',
  },
  preview: {
    title: 'Preview',
    hint: 'For a sample invoice of €1,234.56 incl. VAT to the customer “{{client}}”.',
    subject: 'Subject:',
    unknown: 'Unknown placeholders, refused when saving: {{names}}',
  },
  save: 'Save',
  saved: 'Settings saved.',
};
