import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Customer } from './customer.entity';
import { CustomerContact } from './customer-contact.entity';
import { Site } from './site.entity';
import { compactIdentifier, customerCode, validateCustomer, type CustomerFields } from './customer.rules';
import { nextCounterValue } from '../platform/counters';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { Page, PageArgs } from '../shared/pagination';
import { containsPattern } from '../shared/search';
import { definedOnly } from '../shared/objects';

export interface ContactInput {
  fullName: string;
  jobTitle?: string | null;
  email?: string | null;
  phone?: string | null;
  isBillingContact?: boolean | null;
}

export interface CustomerInput extends CustomerFields {
  phone?: string | null;
  billingAddressLine2?: string | null;
  notes?: string | null;
  contacts?: ContactInput[] | null;
}

function normalise<T extends CustomerInput>(input: T): T {
  const out = { ...input };
  for (const key of ['siren', 'siret', 'vatNumber'] as const) {
    if (out[key] !== undefined) out[key] = compactIdentifier(out[key]);
  }
  if (out.name !== undefined) out.name = out.name.trim();
  if (out.email) out.email = out.email.trim().toLowerCase();
  return out;
}

function validateContacts(contacts: ContactInput[]): void {
  const v = new Validator();
  contacts.forEach((c, i) => {
    v.check(c.fullName.trim().length > 0, `contacts[${i}].fullName`, 'obligatoire');
    if (c.email) v.check(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email), `contacts[${i}].email`, 'adresse e-mail invalide');
  });
  v.throwIfInvalid();
}

function replaceContacts(em: EntityManager, customer: Customer, contacts: ContactInput[], existing: CustomerContact[]): void {
  for (const old of existing) em.remove(old);
  contacts.forEach((c, position) =>
    em.create(CustomerContact, {
      id: newId(),
      tenantId: customer.tenantId,
      customerId: customer.id,
      fullName: c.fullName.trim(),
      jobTitle: c.jobTitle ?? null,
      email: c.email?.trim().toLowerCase() ?? null,
      phone: c.phone ?? null,
      isBillingContact: c.isBillingContact ?? false,
      position,
    }),
  );
}

export async function createCustomer(em: EntityManager, tenantId: string, raw: CustomerInput): Promise<Customer> {
  const input = normalise(raw);
  validateCustomer(input, { partial: false });
  validateContacts(input.contacts ?? []);
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
    billingAddressLine1: input.billingAddressLine1!.trim(),
    billingAddressLine2: input.billingAddressLine2 ?? null,
    billingPostalCode: input.billingPostalCode!.trim(),
    billingCity: input.billingCity!.trim(),
    billingCountry: input.billingCountry ?? 'FR',
    paymentTermsDays: input.paymentTermsDays ?? 30,
    paymentTermsKind: input.paymentTermsKind ?? 'NET',
    notes: input.notes ?? null,
  });
  replaceContacts(em, customer, input.contacts ?? [], []);
  await em.flush();
  return customer;
}

/** Updates the fields given; `expectedVersion` refuses the change if someone saved in between. */
export async function updateCustomer(
  em: EntityManager,
  id: string,
  raw: CustomerInput,
  expectedVersion?: number | null,
): Promise<Customer> {
  const customer = await getCustomer(em, id);
  assertExpectedVersion(customer, expectedVersion, 'Ce client a été modifié entre-temps ; rechargez la fiche');
  const input = normalise(raw);
  validateCustomer({ ...customer, ...definedOnly(input) }, { partial: false });
  if (input.contacts) validateContacts(input.contacts);
  const { contacts, ...fields } = definedOnly(input);
  em.assign(customer, fields);
  if (contacts) replaceContacts(em, customer, contacts, await em.find(CustomerContact, { customerId: id }));
  await em.flush();
  return customer;
}

export async function getCustomer(em: EntityManager, id: string): Promise<Customer> {
  const customer = await em.findOne(Customer, { id });
  if (!customer) throw Errors.notFound('Customer', id);
  return customer;
}

export async function listCustomers(em: EntityManager, args: PageArgs & { search?: string | null }): Promise<Page<Customer>> {
  const where: FilterQuery<Customer> = {};
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    const digits = search.replace(/\s/g, '');
    Object.assign(where, {
      $or: [
        { name: { $ilike: like } },
        { code: { $ilike: like } },
        { billingCity: { $ilike: like } },
        ...(/^\d{3,14}$/.test(digits) ? [{ siret: { $like: `${digits}%` } }, { siren: { $like: `${digits}%` } }] : []),
      ],
    });
  }
  return keysetPage(em, Customer, where, 'name', args);
}

export async function customersByIds(em: EntityManager, ids: readonly string[]): Promise<Customer[]> {
  return em.find(Customer, { id: { $in: [...ids] } });
}

export async function contactsByCustomerIds(em: EntityManager, ids: readonly string[]): Promise<CustomerContact[]> {
  return em.find(CustomerContact, { customerId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
}

export async function sitesByCustomerIds(em: EntityManager, ids: readonly string[]): Promise<Site[]> {
  return em.find(Site, { customerId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
}
