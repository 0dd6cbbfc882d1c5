/** Absolute paths of the finance app, valid inside the shell and when the app runs alone. */
export const financePaths = {
  payments: '/finance/payments',
  payment: (id: string) => `/finance/payments/${encodeURIComponent(id)}`,
  bank: '/finance/bank',
  chartOfAccounts: '/finance/chart-of-accounts',
  dunning: '/finance/dunning',
};

/** Pages of the billing app the finance pages link to (same shell; the billing app's own routes). */
export const billingPaths = {
  invoice: (id: string) => `/facturation/factures/${encodeURIComponent(id)}`,
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
};
