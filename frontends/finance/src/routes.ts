/** Absolute paths of the finance app, valid inside the shell and when the app runs alone. */
export const financePaths = {
  dashboard: '/finance/dashboard',
  profitability: '/finance/profitability',
  payments: '/finance/payments',
  payment: (id: string) => `/finance/payments/${encodeURIComponent(id)}`,
  bank: '/finance/bank',
  chartOfAccounts: '/finance/chart-of-accounts',
  periods: '/finance/periods',
  accounting: '/finance/accounting',
  dunning: '/finance/dunning',
  directDebit: '/finance/direct-debit',
  directDebitBatch: (id: string) => `/finance/direct-debit/batches/${encodeURIComponent(id)}`,
  toCollect: '/finance/to-collect',
  ageing: '/finance/ageing',
  statements: '/finance/statements',
  /** A customer's statement, for the period given or the page's default one (start of the year to today). */
  statement: (customerId: string, period?: { from: string; to: string }) =>
    `/finance/statements?${new URLSearchParams({ customer: customerId, ...period }).toString()}`,
};

/** Pages of the billing app the finance pages link to (same shell; the billing app's own routes). */
export const billingPaths = {
  invoice: (id: string) => `/facturation/factures/${encodeURIComponent(id)}`,
  creditNote: (id: string) => `/facturation/avoirs/${encodeURIComponent(id)}`,
  billable: '/facturation/a-facturer',
  customer: (id: string) => `/facturation/clients/${encodeURIComponent(id)}`,
  contract: (id: string) => `/facturation/contrats/${encodeURIComponent(id)}`,
};

/** Pages of the planning app the finance pages link to. */
export const planningPaths = {
  technician: (id: string) => `/planning/techniciens?technicien=${encodeURIComponent(id)}`,
};
