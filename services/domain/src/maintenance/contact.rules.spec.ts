import { describe, expect, it } from 'vitest';
import { contactProblems, contactRoles, isValidPhone, planContactList, roleFlags } from './contact.rules';

describe('contact roles', () => {
  it('turns roles into the stored flags and back, in a fixed order', () => {
    const flags = roleFlags(['SIGNATORY', 'BILLING']);
    expect(flags).toEqual({ isBillingContact: true, isSiteContact: false, isSignatory: true });
    expect(contactRoles(flags)).toEqual(['BILLING', 'SIGNATORY']);
    expect(contactRoles(roleFlags([]))).toEqual([]);
  });
});

describe('contactProblems', () => {
  it('accepts a contact with a name only', () => {
    expect(contactProblems({ fullName: 'Paul Le Gall', roles: ['SITE'] })).toEqual([]);
  });

  it('names each wrong field under the given prefix', () => {
    expect(contactProblems({ fullName: ' ', email: 'paul@', phone: '12', roles: ['OWNER'] }, 'contacts[2].')).toEqual([
      { field: 'contacts[2].fullName', message: 'obligatoire' },
      { field: 'contacts[2].email', message: 'adresse e-mail invalide' },
      { field: 'contacts[2].phone', message: 'numéro de téléphone invalide (10 chiffres, ou + et l’indicatif du pays)' },
      { field: 'contacts[2].roles', message: 'rôle inconnu : OWNER' },
    ]);
  });

  it('requires an e-mail address of the billing contact, since invoices are sent to it', () => {
    expect(contactProblems({ fullName: 'Anne Riou', email: '  ', roles: ['BILLING'] })).toEqual([
      { field: 'email', message: 'obligatoire pour le contact facturation (les factures lui sont envoyées)' },
    ]);
    expect(contactProblems({ fullName: 'Anne Riou', email: 'anne.riou@example.fr', roles: ['BILLING'] })).toEqual([]);
  });

  it('reads phone numbers with spaces, dots, dashes and brackets', () => {
    expect(isValidPhone('06.12.34.56.78')).toBe(true);
    expect(isValidPhone('(0)6-12-34-56-78')).toBe(true);
    expect(isValidPhone('+33 6 12 34 56 78')).toBe(true);
    expect(isValidPhone('6 12 34 56 78')).toBe(false);
    expect(isValidPhone('+33')).toBe(false);
  });
});

describe('planContactList', () => {
  const prefix = (i: number) => `contacts[${i}].`;

  it('updates the contacts named by id, adds those without, removes the others, each at its place in the list', () => {
    const plan = planContactList(
      ['a', 'b', 'c'],
      [{ id: null, n: 'new' }, { id: 'c', n: 'C' }, { n: 'other' }, { id: 'a', n: 'A' }],
      prefix,
    );
    expect(plan).toEqual({
      update: [
        { id: 'c', input: { id: 'c', n: 'C' }, position: 1 },
        { id: 'a', input: { id: 'a', n: 'A' }, position: 3 },
      ],
      add: [
        { input: { id: null, n: 'new' }, position: 0 },
        { input: { n: 'other' }, position: 2 },
      ],
      remove: ['b'],
      problems: [],
    });
  });

  it('removes every contact for an empty list', () => {
    expect(planContactList(['a', 'b'], [], prefix)).toMatchObject({ update: [], add: [], remove: ['a', 'b'] });
  });

  it('names an id that is not one of the customer’s contacts, and one given twice', () => {
    expect(planContactList(['a'], [{ id: 'a' }, { id: 'z' }, { id: 'a' }], prefix).problems).toEqual([
      { field: 'contacts[1].id', message: 'contact inconnu pour ce client' },
      { field: 'contacts[2].id', message: 'contact déjà présent dans la liste' },
    ]);
  });
});
