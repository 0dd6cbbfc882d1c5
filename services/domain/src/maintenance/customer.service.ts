import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from './customer.entity';
import { CustomerContact } from './customer-contact.entity';
import { Site } from './site.entity';
import { compactIdentifier, customerCode, validateCustomer, type CustomerFields } from './customer.rules';
import { nextCounterValue } from '../platform/counters';
import { contactProblems, planContactList, roleFlags } from './contact.rules';
import { Errors, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { definedOnly } from '../shared/objects';

export interface ContactInput {
  fullName: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  /** BILLING, SITE, SIGNATORY (contact.rules.ts); when absent, `isBillingContact` gives BILLING. */
  roles?: readonly string[] | null;
  isBillingContact?: boolean | null;
}

export interface CustomerInput extends CustomerFields {
  billingAddressLine2?: string | null;
  notes?: string | null;
  contacts?: ContactInput[] | null;
}

/** A contact of the list `updateCustomer` sets: with the id of one of the customer's contacts, that contact; without, a new one. */
export interface ContactEntry extends ContactInput {
  id?: string | null;
}

export interface CustomerUpdate extends CustomerInput {
  contacts?: ContactEntry[] | null;
}

function normalise<T extends CustomerInput>(input: T): T {
  const out = { ...input };
  for (const key of ['siren', 'siret', 'vatNumber'] as const) {
    if (out[key] !== undefined) out[key] = compactIdentifier(out[key]);
  }
  if (out.name !== undefined) out.name = (out.name ?? '').trim();
  if (out.email !== undefined) out.email = out.email?.trim().toLowerCase() || null;
  if (out.phone !== undefined) out.phone = out.phone?.trim() || null;
  // A required field sent as null reads as empty, so that validation names it.
  for (const key of ['billingAddressLine1', 'billingPostalCode', 'billingCity'] as const)
    if (out[key] !== undefined) out[key] = (out[key] ?? '').trim();
  for (const key of ['billingAddressLine2', 'notes'] as const) if (out[key] !== undefined) out[key] = out[key]?.trim() || null;
  return out;
}

const rolesOf = (contact: ContactInput): readonly string[] => contact.roles ?? (contact.isBillingContact ? ['BILLING'] : []);

/** The contact as stored: trimmed, e-mail in lower case, empty texts as null, roles as flags. */
function contactFields(contact: ContactInput) {
  return {
    fullName: contact.fullName.trim(),
    jobTitle: contact.jobTitle?.trim() || null,
    email: contact.email?.trim().toLowerCase() || null,
    phone: contact.phone?.trim() || null,
    ...roleFlags(rolesOf(contact)),
  };
}

const contactListProblems = (contacts: ContactInput[], prefix: (index: number) => string) =>
  contacts.flatMap((c, i) => contactProblems({ ...c, roles: rolesOf(c) }, prefix(i)));

function validateContacts(contacts: ContactInput[], prefix: (index: number) => string): void {
  const problems = contactListProblems(contacts, prefix);
  if (problems.length) throw Errors.validation(problems);
}

const addContact = (em: EntityManager, customer: Customer, contact: ContactInput, position: number) =>
  em.create(CustomerContact, { id: newId(), tenantId: customer.tenantId, customerId: customer.id, ...contactFields(contact), position });

/**
 * Sets the customer's contacts to the list (planContactList): the contacts named by id are updated in
 * place, so a contact's portal sessions survive the office saving the whole file (they end only if its
 * e-mail changes, docs/portal.md); VALIDATION_FAILED, before anything changes, for a wrong entry.
 */
async function setContacts(em: EntityManager, customer: Customer, contacts: ContactEntry[]): Promise<void> {
  const prefix = (i: number) => `contacts[${i}].`;
  const existing = await em.find(CustomerContact, { customerId: customer.id });
  const plan = planContactList(
    existing.map((c) => c.id),
    contacts,
    prefix,
  );
  const problems = [...plan.problems, ...contactListProblems(contacts, prefix)];
  if (problems.length) throw Errors.validation(problems);
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const id of plan.remove) em.remove(byId.get(id)!);
  for (const { id, input, position } of plan.update) em.assign(byId.get(id)!, { ...contactFields(input), position });
  for (const { input, position } of plan.add) addContact(em, customer, input, position);
}

export async function createCustomer(em: EntityManager, tenantId: string, raw: CustomerInput): Promise<Customer> {
  const input = normalise(raw);
  validateCustomer(input, { partial: false });
  validateContacts(input.contacts ?? [], (i) => `contacts[${i}].`);
  const code = customerCode(await nextCounterValue(em, tenantId, 'customer'));
  const customer = em.create(Customer, {
    id: newId(),
    tenantId,
    code,
    name: input.name!,
    siren: input.siren ?? null,
    siret: input.siret ?? null,
    vatNumber: input.vatNumber ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    isConsumer: input.isConsumer ?? false,
    billingAddressLine1: input.billingAddressLine1!.trim(),
    billingAddressLine2: input.billingAddressLine2 ?? null,
    billingPostalCode: input.billingPostalCode!.trim(),
    billingCity: input.billingCity!.trim(),
    billingCountry: input.billingCountry ?? 'FR',
    paymentTermsDays: input.paymentTermsDays ?? 30,
    paymentTermsKind: input.paymentTermsKind ?? 'NET',
    notes: input.notes ?? null,
  });
  (input.contacts ?? []).forEach((contact, position) => addContact(em, customer, contact, position));
  await em.flush();
  return customer;
}

/** Updates the fields given (contacts, when given: setContacts); `expectedVersion` refuses the change if someone saved in between. */
export async function updateCustomer(
  em: EntityManager,
  id: string,
  raw: CustomerUpdate,
  expectedVersion?: number | null,
): Promise<Customer> {
  const customer = await getCustomer(em, id);
  assertExpectedVersion(customer, expectedVersion, 'Ce client a été modifié entre-temps ; rechargez la fiche');
  const input = normalise(raw);
  validateCustomer({ ...customer, ...definedOnly(input) }, { partial: false });
  const { contacts, ...fields } = definedOnly(input);
  if (contacts) await setContacts(em, customer, contacts);
  em.assign(customer, fields);
  await em.flush();
  return customer;
}

export async function getCustomer(em: EntityManager, id: string): Promise<Customer> {
  const customer = await em.findOne(Customer, { id });
  if (!customer) throw Errors.notFound('Customer', id);
  return customer;
}

export async function customersByIds(em: EntityManager, ids: readonly string[]): Promise<Customer[]> {
  return em.find(Customer, { id: { $in: [...ids] } });
}

export async function contactsByCustomerIds(em: EntityManager, ids: readonly string[]): Promise<CustomerContact[]> {
  return em.find(CustomerContact, { customerId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
}

/**
 * The sites of these customers for the lists, as plain rows under the entity's property names rather
 * than entities: a page of 50 customers reads about 100 sites and changes none, and hydrating them
 * (tracked properties, identity map, snapshots for the commit's change sets) was a large part of
 * the maintenance subgraph's CPU for the customers list (docs/benchmarks.md, "Profile").
 */
export async function sitesByCustomerIds(em: EntityManager, ids: readonly string[]): Promise<Site[]> {
  const query = em
    .createQueryBuilder(Site, 's')
    .select('*')
    .where({ customerId: { $in: [...ids] } })
    .orderBy({ name: 'asc', id: 'asc' });
  await query.applyFilters();
  return (await query.execute('all', true)) as unknown as Site[];
}

/** A new contact of the customer, after the others. */
export async function addCustomerContact(em: EntityManager, customerId: string, input: ContactInput): Promise<CustomerContact> {
  const customer = await getCustomer(em, customerId);
  validateContacts([input], () => '');
  const last = await em.findOne(CustomerContact, { customerId }, { orderBy: { position: 'desc' } });
  const contact = em.create(CustomerContact, {
    id: newId(),
    tenantId: customer.tenantId,
    customerId,
    ...contactFields(input),
    position: (last?.position ?? -1) + 1,
  });
  await em.flush();
  return contact;
}

export async function getCustomerContact(em: EntityManager, id: string): Promise<CustomerContact> {
  const contact = await em.findOne(CustomerContact, { id });
  if (!contact) throw Errors.notFound('CustomerContact', id);
  return contact;
}

/** Replaces the contact's name, job title, e-mail, phone and roles; STALE_VERSION if it changed since `expectedVersion`. */
export async function updateCustomerContact(
  em: EntityManager,
  id: string,
  input: ContactInput,
  expectedVersion?: number | null,
): Promise<CustomerContact> {
  const contact = await getCustomerContact(em, id);
  assertExpectedVersion(contact, expectedVersion, 'Ce contact a été modifié entre-temps ; rechargez la fiche');
  validateContacts([input], () => '');
  em.assign(contact, contactFields(input));
  await em.flush();
  return contact;
}

/** Removes the contact (kept in the audit log); STALE_VERSION if it changed since `expectedVersion`. Returns its customer. */
export async function removeCustomerContact(em: EntityManager, id: string, expectedVersion?: number | null): Promise<Customer> {
  const contact = await getCustomerContact(em, id);
  assertExpectedVersion(contact, expectedVersion, 'Ce contact a été modifié entre-temps ; rechargez la fiche');
  const customer = await getCustomer(em, contact.customerId);
  em.remove(contact);
  await em.flush();
  return customer;
}
