import { randomUUID } from 'node:crypto';
import { adminClient } from './database';
import { gql, must } from './graphql-client';

export interface Fixture {
  customerId: string;
  siteId: string;
  technicianId: string;
  partIds: string[];
}

/** Two catalog parts (the catalog is managed by billing, not in this API yet), written directly. */
async function createParts(tenantId: string): Promise<string[]> {
  const client = await adminClient();
  try {
    const ids = [randomUUID(), randomUUID()];
    await client.query(
      `insert into catalog_items (tenant_id, id, code, label, kind, sale_price) values
         ($1, $2, 'FILTRE-G4', 'Filtre G4 592×592', 'PART', '18.50'),
         ($1, $3, 'COURROIE-A38', 'Courroie trapézoïdale A38', 'PART', '12.90')`,
      [tenantId, ...ids],
    );
    return ids;
  } finally {
    await client.end();
  }
}

/** A customer, a site, a technician (through the API) and two catalog parts in the tenant. */
export async function createMaintenanceFixture(token: string, tenantId: string, label: string): Promise<Fixture> {
  const { createCustomer } = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: `Client ${label}`, billingAddressLine1: '1 rue du Test', billingPostalCode: '44000', billingCity: 'Nantes' } },
      token,
    ),
  );
  const { createSite } = must(
    await gql<{ createSite: { id: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: { customerId: createCustomer.id, name: `Site ${label}`, addressLine1: '2 rue du Test', postalCode: '44000', city: 'Nantes' },
      },
      token,
    ),
  );
  const { createTechnician } = must(
    await gql<{ createTechnician: { id: string } }>(
      'mutation($input: TechnicianInput!) { createTechnician(input: $input) { id } }',
      {
        input: { fullName: `Tech ${label}`, skills: ['CVC'], workDayStart: '07:00', workDayEnd: '19:00', workDays: [1, 2, 3, 4, 5, 6, 7] },
      },
      token,
    ),
  );
  return { customerId: createCustomer.id, siteId: createSite.id, technicianId: createTechnician.id, partIds: await createParts(tenantId) };
}
