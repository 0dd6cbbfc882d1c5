import type { TranslationShape } from '@relais/ui';
import type { billingFr } from './billing.fr';

export const billingEn: TranslationShape<typeof billingFr> = {
  customers: {
    title: 'Customers',
    count_one: '{{formattedCount}} customer',
    count_other: '{{formattedCount}} customers',
    search: 'Search customers',
    searchPlaceholder: 'Code, company name, SIRET, city…',
    empty: 'No customer matches this search.',
    column: {
      code: 'Code',
      name: 'Company name',
      siret: 'SIRET',
      city: 'City',
      paymentTerms: 'Payment terms',
      siteCount: 'Sites',
    },
  },
  paymentTerms: {
    NET: '{{count}} days net',
    END_OF_MONTH: '{{count}} days end of month',
  },
  customer: {
    back: 'Back to customers',
    notFound: 'This customer cannot be found.',
    since: 'Customer since {{date}}',
    identity: 'Identity',
    siren: 'SIREN',
    siret: 'SIRET',
    vatNumber: 'EU VAT number',
    accountingAuxiliaryCode: 'Auxiliary account',
    email: 'Email',
    phone: 'Phone',
    billing: 'Billing',
    billingAddress: 'Billing address',
    paymentTerms: 'Payment terms',
    notes: 'Notes',
    contacts: 'Contacts',
    noContacts: 'No contact recorded.',
    contact: {
      fullName: 'Name',
      jobTitle: 'Job title',
      email: 'Email',
      phone: 'Phone',
      billingContact: 'Billing contact',
    },
    sites: 'Sites',
    noSites: 'No site recorded.',
    site: {
      name: 'Site',
      address: 'Address',
      accessNotes: 'Access instructions',
    },
  },
};
