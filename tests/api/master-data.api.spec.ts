import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, localDate, newId } from '@relais/domain';
import { adminClient } from '../support/database';
import { DEMO_PASSWORD, errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The customer's file through the gateway, in a tenant of its own with one user per office role:
 * customers and contacts kept by planners and billing clerks, sites and equipment by planners; every
 * refusal typed, naming the field, and changing nothing; concurrent edits refused; the history says
 * who changed what.
 */

const TODAY = localDate(new Date());
const TOMORROW = localDate(new Date(Date.now() + 24 * 3600_000));

const CUSTOMER_FIELDS = 'id code name isConsumer siren version contacts { id fullName email roles isBillingContact version } sites { id }';
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const UPDATE_CUSTOMER = `mutation($id: ID!, $input: UpdateCustomerInput!, $v: Int) { updateCustomer(id: $id, input: $input, expectedVersion: $v) { ${CUSTOMER_FIELDS} } }`;
const ADD_CONTACT =
  'mutation($id: ID!, $input: ContactInput!) { addCustomerContact(customerId: $id, input: $input) { id fullName roles version } }';
const UPDATE_CONTACT =
  'mutation($id: ID!, $input: ContactInput!, $v: Int) { updateCustomerContact(id: $id, input: $input, expectedVersion: $v) { id fullName roles version } }';
const REMOVE_CONTACT = `mutation($id: ID!, $v: Int) { removeCustomerContact(id: $id, expectedVersion: $v) { ${CUSTOMER_FIELDS} } }`;
const SITE_FIELDS =
  'id name version dwellingOverTwoYears reducedVatAttestedOn reducedVat equipment { id name serialNumber } customer { id }';
const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { ${SITE_FIELDS} } }`;
const UPDATE_SITE = `mutation($id: ID!, $input: UpdateSiteInput!, $v: Int) { updateSite(id: $id, input: $input, expectedVersion: $v) { ${SITE_FIELDS} } }`;
const CREATE_EQUIPMENT = 'mutation($input: EquipmentInput!) { createEquipment(input: $input) { id name refrigerantChargeKg version } }';
const UPDATE_EQUIPMENT =
  'mutation($id: ID!, $input: EquipmentInput!, $v: Int) { updateEquipment(id: $id, input: $input, expectedVersion: $v) { id serialNumber version } }';
const HISTORY = `query($id: ID!) { customer(id: $id) { history { actorName subject subjectLabel action changes { field from to } } } }`;

type Customer = {
  id: string;
  code: string;
  name: string;
  isConsumer: boolean;
  siren: string | null;
  version: number;
  contacts: { id: string; fullName: string; email: string | null; roles: string[]; isBillingContact: boolean; version: number }[];
  sites: { id: string }[];
};
type Site = {
  id: string;
  name: string;
  version: number;
  dwellingOverTwoYears: boolean;
  reducedVatAttestedOn: string | null;
  reducedVat: boolean;
  equipment: { id: string; name: string; serialNumber: string | null }[];
};

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];

/** A user of the tenant with the given role, who signs in with the demo password. */
async function addUser(tenant: TestTenant, role: string, fullName: string): Promise<string> {
  const email = `${role}.${newId()}@master-data.test`;
  const client = await adminClient();
  try {
    await client.query(`insert into users (tenant_id, id, email, full_name, role, password_hash) values ($1, $2, $3, $4, $5, $6)`, [
      tenant.tenantId,
      newId(),
      email,
      fullName,
      role,
      await hashPassword(DEMO_PASSWORD),
    ]);
  } finally {
    await client.end();
  }
  return login(email);
}

describe('master data through the gateway', () => {
  let planner: string;
  let clerk: string;
  let accountant: string;
  let customer: Customer;
  let site: Site;

  beforeAll(async () => {
    const tenant = await createTestTenant('master-data-api');
    [planner, clerk, accountant] = await Promise.all([
      addUser(tenant, 'planner', 'Paul Guillou'),
      addUser(tenant, 'billing', 'Françoise Méheut'),
      addUser(tenant, 'accountant', 'Christophe Daniel'),
    ]);
  });

  it('lets the billing clerk create a private customer, refusing company identifiers and writing nothing', async () => {
    const input = {
      name: 'Jeanne Morvan',
      isConsumer: true,
      billingAddressLine1: '4 impasse des Lilas',
      billingPostalCode: '29200',
      billingCity: 'Brest',
    };
    const refused = await gql(CREATE_CUSTOMER, { input: { ...input, siren: '552100554', phone: '02 98' } }, clerk);
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(refused)).toMatchObject([
      { field: 'siren', message: 'un particulier n’a pas de SIREN' },
      { field: 'phone', message: 'numéro de téléphone invalide (10 chiffres, ou + et l’indicatif du pays)' },
    ]);
    const forbidden = await gql(CREATE_CUSTOMER, { input }, accountant);
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const none = must(await gql<{ customers: { totalCount: number } }>('{ customers { totalCount } }', {}, clerk));
    expect(none.customers.totalCount).toBe(0);

    customer = must(await gql<{ createCustomer: Customer }>(CREATE_CUSTOMER, { input }, clerk)).createCustomer;
    expect(customer).toMatchObject({ code: 'C00001', name: 'Jeanne Morvan', isConsumer: true, siren: null, version: 1, contacts: [] });
  });

  it('adds contacts with roles, requires the billing contact’s e-mail, refuses a stale edit and removes one', async () => {
    const noEmail = await gql(ADD_CONTACT, { id: customer.id, input: { fullName: 'Yann Morvan', roles: ['BILLING'] } }, clerk);
    expect(errorCodes(noEmail)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(noEmail).map((f) => f.field)).toEqual(['email']);

    const signatory = must(
      await gql<{ addCustomerContact: { id: string; version: number } }>(
        ADD_CONTACT,
        { id: customer.id, input: { fullName: 'Jeanne Morvan', roles: ['SIGNATORY', 'SITE'] } },
        clerk,
      ),
    ).addCustomerContact;
    const billing = must(
      await gql<{ addCustomerContact: { id: string; roles: string[] } }>(
        ADD_CONTACT,
        { id: customer.id, input: { fullName: 'Yann Morvan', email: 'yann.morvan@example.fr', roles: ['BILLING'] } },
        planner,
      ),
    ).addCustomerContact;
    expect(billing.roles).toEqual(['BILLING']);

    const updated = must(
      await gql<{ updateCustomerContact: { roles: string[]; version: number } }>(
        UPDATE_CONTACT,
        { id: signatory.id, input: { fullName: 'Jeanne Morvan', roles: ['SIGNATORY'] }, v: 1 },
        clerk,
      ),
    ).updateCustomerContact;
    expect(updated).toEqual({ id: signatory.id, fullName: 'Jeanne Morvan', roles: ['SIGNATORY'], version: 2 });
    const stale = await gql(UPDATE_CONTACT, { id: signatory.id, input: { fullName: 'Écrasé', roles: [] }, v: 1 }, planner);
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    expect(stale.errors![0]!.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect(errorCodes(await gql(REMOVE_CONTACT, { id: billing.id, v: 1 }, accountant))).toEqual(['FORBIDDEN']);

    const removed = must(
      await gql<{ removeCustomerContact: Customer }>(REMOVE_CONTACT, { id: signatory.id, v: 2 }, clerk),
    ).removeCustomerContact;
    expect(removed.contacts.map((c) => [c.fullName, c.roles, c.isBillingContact])).toEqual([['Yann Morvan', ['BILLING'], true]]);
  });

  it('refuses a stale customer edit, leaving the record as the first editor saved it', async () => {
    const first = must(
      await gql<{ updateCustomer: Customer }>(
        UPDATE_CUSTOMER,
        { id: customer.id, input: { billingCity: 'Quimper', billingPostalCode: '29000' }, v: 1 },
        clerk,
      ),
    ).updateCustomer;
    expect(first.version).toBe(2);
    const stale = await gql(UPDATE_CUSTOMER, { id: customer.id, input: { name: 'Écrasé' }, v: 1 }, planner);
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    const now = must(
      await gql<{ customer: { name: string; billingAddress: { city: string } } }>(
        'query($id: ID!) { customer(id: $id) { name billingAddress { city } } }',
        { id: customer.id },
        clerk,
      ),
    );
    expect(now.customer).toEqual({ name: 'Jeanne Morvan', billingAddress: { city: 'Quimper' } });
  });

  it('lets the planner add a site with the reduced-VAT attestation, not the clerk; a future date is refused', async () => {
    const input = { customerId: customer.id, name: 'Maison', addressLine1: '4 impasse des Lilas', postalCode: '29200', city: 'Brest' };
    expect(errorCodes(await gql(CREATE_SITE, { input }, clerk))).toEqual(['FORBIDDEN']);
    const future = await gql(CREATE_SITE, { input: { ...input, dwellingOverTwoYears: true, reducedVatAttestedOn: TOMORROW } }, planner);
    expect(errorCodes(future)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(future)).toMatchObject([{ field: 'reducedVatAttestedOn', message: 'ne peut pas être dans le futur' }]);
    const noDwelling = await gql(CREATE_SITE, { input: { ...input, postalCode: '292', reducedVatAttestedOn: TODAY } }, planner);
    expect(fieldsOf(noDwelling).map((f) => f.field)).toEqual(['postalCode', 'reducedVatAttestedOn']);

    site = must(await gql<{ createSite: Site }>(CREATE_SITE, { input }, planner)).createSite;
    expect(site).toMatchObject({ dwellingOverTwoYears: false, reducedVat: false, version: 1, equipment: [] });
    const attested = must(
      await gql<{ updateSite: Site }>(
        UPDATE_SITE,
        { id: site.id, input: { dwellingOverTwoYears: true, reducedVatAttestedOn: TODAY }, v: 1 },
        planner,
      ),
    ).updateSite;
    expect(attested).toMatchObject({ dwellingOverTwoYears: true, reducedVatAttestedOn: TODAY, reducedVat: true, version: 2 });
    expect(errorCodes(await gql(UPDATE_SITE, { id: site.id, input: { name: 'Écrasé' }, v: 1 }, planner))).toEqual(['STALE_VERSION']);
    const read = must(await gql<{ site: { name: string } }>('query($id: ID!) { site(id: $id) { name } }', { id: site.id }, accountant));
    expect(read.site.name).toBe('Maison');
  });

  it('adds equipment on the site, naming the refused fields, and refuses a stale edit', async () => {
    const refused = await gql(
      CREATE_EQUIPMENT,
      { input: { siteId: site.id, name: ' ', category: 'HEAT_PUMP', refrigerantChargeKg: '2.45' } },
      planner,
    );
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(refused).map((f) => f.field)).toEqual(['name', 'refrigerantType']);
    expect(errorCodes(await gql(CREATE_EQUIPMENT, { input: { siteId: site.id, name: 'PAC', category: 'HEAT_PUMP' } }, clerk))).toEqual([
      'FORBIDDEN',
    ]);

    const created = must(
      await gql<{ createEquipment: { id: string; refrigerantChargeKg: string; version: number } }>(
        CREATE_EQUIPMENT,
        { input: { siteId: site.id, name: 'PAC air/eau', category: 'HEAT_PUMP', refrigerantType: 'R32', refrigerantChargeKg: '2.45' } },
        planner,
      ),
    ).createEquipment;
    expect(created).toMatchObject({ refrigerantChargeKg: '2.45', version: 1 });
    must(await gql(UPDATE_EQUIPMENT, { id: created.id, input: { serialNumber: 'PAC-2024-118' }, v: 1 }, planner));
    expect(errorCodes(await gql(UPDATE_EQUIPMENT, { id: created.id, input: { serialNumber: 'X' }, v: 1 }, planner))).toEqual([
      'STALE_VERSION',
    ]);

    const withEquipment = must(
      await gql<{ customer: { sites: Site[] } }>(
        `query($id: ID!) { customer(id: $id) { sites { ${SITE_FIELDS} } } }`,
        { id: customer.id },
        clerk,
      ),
    );
    expect(withEquipment.customer.sites[0]!.equipment).toEqual([{ id: created.id, name: 'PAC air/eau', serialNumber: 'PAC-2024-118' }]);
  });

  it('tells who changed what and when, newest first, to every role that reads customers', async () => {
    const { customer: read } = must(
      await gql<{
        customer: {
          history: {
            actorName: string;
            subject: string;
            subjectLabel: string;
            action: string;
            changes: { field: string; from: string | null; to: string | null }[];
          }[];
        };
      }>(HISTORY, { id: customer.id }, accountant),
    );
    expect(read.history.map((h) => [h.actorName, h.subject, h.subjectLabel, h.action])).toEqual([
      ['Paul Guillou', 'EQUIPMENT', 'PAC air/eau', 'UPDATED'],
      ['Paul Guillou', 'EQUIPMENT', 'PAC air/eau', 'CREATED'],
      ['Paul Guillou', 'SITE', 'Maison', 'UPDATED'],
      ['Paul Guillou', 'SITE', 'Maison', 'CREATED'],
      ['Françoise Méheut', 'CUSTOMER', 'Jeanne Morvan', 'UPDATED'],
      ['Françoise Méheut', 'CONTACT', 'Jeanne Morvan', 'DELETED'],
      ['Françoise Méheut', 'CONTACT', 'Jeanne Morvan', 'UPDATED'],
      ['Paul Guillou', 'CONTACT', 'Yann Morvan', 'CREATED'],
      ['Françoise Méheut', 'CONTACT', 'Jeanne Morvan', 'CREATED'],
      ['Françoise Méheut', 'CUSTOMER', 'Jeanne Morvan', 'CREATED'],
    ]);
    expect(read.history[2]!.changes).toEqual([
      { field: 'dwellingOverTwoYears', from: 'false', to: 'true' },
      { field: 'reducedVatAttestedOn', from: null, to: TODAY },
    ]);
    expect(read.history[6]!.changes).toEqual([{ field: 'isSiteContact', from: 'true', to: 'false' }]);
    // Another tenant does not see the customer, nor its history.
    const other = await gql<{ customer: null }>(HISTORY, { id: customer.id }, await login('facturation@demo.relais.fr'));
    expect(other.data).toEqual({ customer: null });
  });
});
