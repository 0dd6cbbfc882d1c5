/** Absolute paths of the billing app, valid inside the shell and when the app runs alone. */
export const billingPaths = {
  billable: '/facturation/a-facturer',
  quotes: '/facturation/devis',
  newQuote: '/facturation/devis/nouveau',
  quote: (id: string) => `/facturation/devis/${encodeURIComponent(id)}`,
  /** The billing panel of an accepted quote. */
  quoteBilling: (id: string) => `/facturation/devis/${encodeURIComponent(id)}#facturation`,
  invoices: '/facturation/factures',
  newInvoice: '/facturation/factures/nouvelle',
  invoice: (id: string) => `/facturation/factures/${encodeURIComponent(id)}`,
  creditNotes: '/facturation/avoirs',
  creditNote: (id: string) => `/facturation/avoirs/${encodeURIComponent(id)}`,
  customers: '/facturation/clients',
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
  contracts: '/facturation/contrats',
  contract: (id: string) => `/facturation/contrats/${encodeURIComponent(id)}`,
  contractBilling: '/facturation/contrats/facturation',
  /** A contract billing run followed (or reopened from the history) on the billing page. */
  contractBillingRun: (id: string) => `/facturation/contrats/facturation?run=${encodeURIComponent(id)}`,
  indices: '/facturation/indices',
};

/** An invoice or a credit note, each under its own section. */
export const documentPath = (document: { id: string; documentType: string }) =>
  document.documentType === 'CREDIT_NOTE' ? billingPaths.creditNote(document.id) : billingPaths.invoice(document.id);
