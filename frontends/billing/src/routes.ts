/** Absolute paths of the billing app, valid inside the shell and when the app runs alone. */
export const billingPaths = {
  billable: '/facturation/a-facturer',
  invoices: '/facturation/factures',
  invoice: (id: string) => `/facturation/factures/${encodeURIComponent(id)}`,
  customers: '/facturation/clients',
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
};
