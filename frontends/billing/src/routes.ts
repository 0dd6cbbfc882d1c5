/** Absolute paths of the billing app, valid inside the shell and when the app runs alone. */
export const billingPaths = {
  billable: '/facturation/a-facturer',
  /** A bulk invoicing batch followed on "À facturer" (or on the invoice list, `invoicesBatch`). */
  billableBatch: (id: string) => `/facturation/a-facturer?lot=${encodeURIComponent(id)}`,
  invoicesBatch: (id: string) => `/facturation/factures?lot=${encodeURIComponent(id)}`,
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
  newCustomer: '/facturation/clients/nouveau',
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
  contracts: '/facturation/contrats',
  contract: (id: string) => `/facturation/contrats/${encodeURIComponent(id)}`,
  contractBilling: '/facturation/contrats/facturation',
  /** A contract billing run followed (or reopened from the history) on the billing page. */
  contractBillingRun: (id: string) => `/facturation/contrats/facturation?run=${encodeURIComponent(id)}`,
  indices: '/facturation/indices',
  catalog: '/facturation/catalogue',
  newCatalogItem: '/facturation/catalogue/nouveau',
  catalogItem: (id: string) => `/facturation/catalogue/${encodeURIComponent(id)}`,
  priceLists: '/facturation/tarifs',
  newPriceList: '/facturation/tarifs/nouveau',
  priceList: (id: string) => `/facturation/tarifs/${encodeURIComponent(id)}`,
  /** The tenant's invoicing settings: admins only. */
  invoicingSettings: '/facturation/parametres',
};

/** An invoice or a credit note, each under its own section. */
export const documentPath = (document: { id: string; documentType: string }) =>
  document.documentType === 'CREDIT_NOTE' ? billingPaths.creditNote(document.id) : billingPaths.invoice(document.id);

/**
 * Pages of the planning app (another app of the back-office, mounted by the shell), reached from
 * the customer's file by plain links (a page load) rather than through this app's routes.
 */
export const planningLinks = {
  equipment: (id: string) => `/planning/equipements/${encodeURIComponent(id)}`,
  newEquipment: (siteId: string) => `/planning/equipements/nouveau?site=${encodeURIComponent(siteId)}`,
  contract: (id: string) => `/planning/contrats/${encodeURIComponent(id)}`,
  newContract: (customerId: string) => `/planning/contrats/nouveau?client=${encodeURIComponent(customerId)}`,
  intervention: (id: string) => `/planning/interventions/${encodeURIComponent(id)}`,
};
