import type { FieldProblem } from '../shared/errors';

/**
 * A customer's contacts and their roles. A contact may hold several roles, a role several contacts:
 * - BILLING (facturation): invoices, statements and reminders are addressed to them, so they need
 *   an e-mail address;
 * - SITE (sur site): the person technicians call or meet on site;
 * - SIGNATORY (signataire): signs quotes and contracts for the customer.
 */
export const CONTACT_ROLES = ['BILLING', 'SITE', 'SIGNATORY'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface ContactRoleFlags {
  isBillingContact: boolean;
  isSiteContact: boolean;
  isSignatory: boolean;
}

export interface ContactFields {
  fullName: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  roles: readonly string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A French number (10 digits from 0) or an international one (+ and 8 to 15 digits); spaces, dots, dashes and brackets ignored. */
export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^0\d{9}$/.test(compact) || /^\+\d{8,15}$/.test(compact);
}

export const isValidEmail = (value: string): boolean => EMAIL.test(value);

export function contactRoles(flags: ContactRoleFlags): ContactRole[] {
  return CONTACT_ROLES.filter(
    (role) => ({ BILLING: flags.isBillingContact, SITE: flags.isSiteContact, SIGNATORY: flags.isSignatory })[role],
  );
}

export function roleFlags(roles: readonly string[]): ContactRoleFlags {
  return { isBillingContact: roles.includes('BILLING'), isSiteContact: roles.includes('SITE'), isSignatory: roles.includes('SIGNATORY') };
}

/** What is wrong with a contact, each problem naming its field under `prefix` ("contacts[0]."). */
export function contactProblems(contact: ContactFields, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `${prefix}${field}`, message });
  if (contact.fullName.trim().length === 0) add('fullName', 'obligatoire');
  const email = contact.email?.trim();
  if (email && !isValidEmail(email)) add('email', 'adresse e-mail invalide');
  const phone = contact.phone?.trim();
  if (phone && !isValidPhone(phone)) add('phone', 'numéro de téléphone invalide (10 chiffres, ou + et l’indicatif du pays)');
  const unknown = contact.roles.filter((role) => !(CONTACT_ROLES as readonly string[]).includes(role));
  if (unknown.length) add('roles', `rôle inconnu : ${unknown.join(', ')}`);
  if (contact.roles.includes('BILLING') && !email) add('email', 'obligatoire pour le contact facturation (les factures lui sont envoyées)');
  return problems;
}

export interface ContactListPlan<T> {
  /** Existing contacts kept, with their new fields and place (their ids stay, and so do their portal sessions). */
  update: { id: string; input: T; position: number }[];
  add: { input: T; position: number }[];
  /** Existing contacts absent from the list. */
  remove: string[];
  problems: FieldProblem[];
}

/**
 * How a whole list of contacts sent for a customer applies to the contacts it has: an entry with the id
 * of one of them updates it, an entry without id adds one, the others are removed; each entry takes its
 * place in the list. An id that is not one of the customer's contacts, or given twice, is a problem
 * named `<prefix>id` (and the caller then changes nothing).
 */
export function planContactList<T extends { id?: string | null }>(
  existingIds: readonly string[],
  entries: readonly T[],
  prefix: (index: number) => string,
): ContactListPlan<T> {
  const plan: ContactListPlan<T> = { update: [], add: [], remove: [], problems: [] };
  const existing = new Set(existingIds);
  const kept = new Set<string>();
  entries.forEach((input, position) => {
    const id = input.id;
    if (!id) plan.add.push({ input, position });
    else if (!existing.has(id)) plan.problems.push({ field: `${prefix(position)}id`, message: 'contact inconnu pour ce client' });
    else if (kept.has(id)) plan.problems.push({ field: `${prefix(position)}id`, message: 'contact déjà présent dans la liste' });
    else {
      kept.add(id);
      plan.update.push({ id, input, position });
    }
  });
  plan.remove = existingIds.filter((id) => !kept.has(id));
  return plan;
}
