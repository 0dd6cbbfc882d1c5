/** Absolute paths of the billing app, valid inside the shell and when the app runs alone. */
export const billingPaths = {
  customers: '/facturation/clients',
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
};
