const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 1 January of the date's year: where a statement starts unless told otherwise. */
export const startOfYear = (date: string): string => `${date.slice(0, 4)}-01-01`;

/** The statement a page address asks for: the customer, and the period (by default the start of the year to today). */
export function statementRequest(params: URLSearchParams, today: string) {
  const to = params.get('to') ?? today;
  return { customerId: params.get('customer'), from: params.get('from') ?? startOfYear(to), to };
}

/** Why the period cannot be asked for, on which date field; null when it can. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; problem: 'invalidDate' | 'reversed' } | null {
  if (!LOCAL_DATE.test(from)) return { field: 'from', problem: 'invalidDate' };
  if (!LOCAL_DATE.test(to)) return { field: 'to', problem: 'invalidDate' };
  return from > to ? { field: 'to', problem: 'reversed' } : null;
}

/** Where a statement goes by default: the customer's billing contacts with an address, else the customer's own address. */
export function defaultRecipients(customer: {
  email: string | null;
  contacts: readonly { email: string | null; isBillingContact: boolean }[];
}): string[] {
  const billing = customer.contacts.flatMap((contact) => (contact.isBillingContact && contact.email ? [contact.email] : []));
  return billing.length > 0 ? billing : customer.email ? [customer.email] : [];
}

/** Addresses typed one after the other, separated by commas, semicolons or spaces. */
export const typedRecipients = (typed: string): string[] => typed.split(/[,;\s]+/).filter(Boolean);
