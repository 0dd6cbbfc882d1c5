import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, newId } from '@relais/domain';
import { adminClient } from '../support/database';
import { DEMO_PASSWORD, errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

/**
 * Master data through the gateway: the office creates, edits and archives catalog items (prices to
 * the cent, VAT among the tenant's rates, a code used once) and technicians (skills, hours, cost
 * rate, absences); refused input changes nothing; a field technician may not edit the team; another
 * tenant neither sees nor alters any of it.
 */
const ITEM = 'id code label kind unit purchaseCost salePrice vatRateCode active';
const TECHNICIAN = 'id fullName email phone skills workDayStart workDayEnd workDays costRate active version';

type Item = {
  id: string;
  code: string;
  label: string;
  salePrice: string;
  purchaseCost: string | null;
  vatRateCode: string;
  active: boolean;
};
type Technician = { id: string; fullName: string; skills: string[]; workDays: number[]; costRate: string | null; version: number };

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  ((response.errors?.[0]?.extensions?.['fields'] ?? []) as { field: string; reason: string }[]).map(({ field, reason }) => [field, reason]);

async function addUser(tenantId: string, role: string): Promise<string> {
  const email = `${role}.${newId()}@catalog-api.test`;
  const client = await adminClient();
  try {
    await client.query(
      `insert into users (tenant_id, id, email, full_name, role, password_hash) values ($1, $2, $3, 'Utilisateur test', $4, $5)`,
      [tenantId, newId(), email, role, await hashPassword(DEMO_PASSWORD)],
    );
  } finally {
    await client.end();
  }
  return email;
}

describe('catalog and technicians through the gateway', () => {
  let admin: string;
  let clerk: string;
  let technicianUser: string;
  let other: string;

  beforeAll(async () => {
    const tenant = await createTestTenant('api-catalog');
    admin = await login(tenant.adminEmail);
    clerk = await login(await addUser(tenant.tenantId, 'billing'));
    technicianUser = await login(await addUser(tenant.tenantId, 'technician'));
    other = await login((await createTestTenant('api-catalog-other')).adminEmail);
  });

  const createItem = (input: Record<string, unknown>, token = clerk) =>
    gql<{ createCatalogItem: Item }>(
      `mutation($input: CatalogItemInput!) { createCatalogItem(input: $input) { ${ITEM} } }`,
      { input },
      token,
    );
  const readItem = async (id: string, token = clerk) =>
    (await gql<{ catalogItem: Item | null }>(`query($id: ID!) { catalogItem(id: $id) { ${ITEM} } }`, { id }, token)).data?.catalogItem;
  const filter = {
    code: 'FIL-G4-592',
    label: 'Filtre G4 592×592',
    kind: 'PART',
    unit: 'C62',
    purchaseCost: '9.8',
    salePrice: '18.5',
    vatRateCode: 'TVA20',
  };

  it('creates a catalog item with its prices to the cent, finds it, edits it and archives it', async () => {
    const item = must(await createItem(filter)).createCatalogItem;
    expect(item).toMatchObject({
      code: 'FIL-G4-592',
      label: 'Filtre G4 592×592',
      purchaseCost: '9.80',
      salePrice: '18.50',
      vatRateCode: 'TVA20',
      active: true,
    });

    const found = await gql<{ catalog: Item[]; catalogItems: Item[] }>(
      `{ catalog(search: "g4-5") { ${ITEM} } catalogItems(search: "Filtre") { id salePrice } }`,
      {},
      clerk,
    );
    expect(found.data!.catalog.map((i) => i.id)).toEqual([item.id]);
    expect(found.data!.catalogItems).toEqual([{ id: item.id, salePrice: '18.50' }]);

    const edited = await gql<{ updateCatalogItem: Item }>(
      `mutation($id: ID!) { updateCatalogItem(id: $id, input: { salePrice: "19.90", purchaseCost: null, vatRateCode: "TVA10" }) { ${ITEM} } }`,
      { id: item.id },
      clerk,
    );
    expect(must(edited).updateCatalogItem).toMatchObject({
      code: 'FIL-G4-592',
      salePrice: '19.90',
      purchaseCost: null,
      vatRateCode: 'TVA10',
    });

    const archived = await gql<{ archiveCatalogItem: Item }>(
      `mutation($id: ID!) { archiveCatalogItem(id: $id) { id active } }`,
      { id: item.id },
      clerk,
    );
    expect(must(archived).archiveCatalogItem).toEqual({ id: item.id, active: false });
    const offered = await gql<{ catalog: Item[]; catalogItems: Item[]; archives: Item[] }>(
      `{ catalog(search: "FIL-G4") { id } catalogItems(search: "FIL-G4") { id } archives: catalog(search: "FIL-G4", includeArchived: true) { id code active } }`,
      {},
      clerk,
    );
    expect(offered.data).toEqual({ catalog: [], catalogItems: [], archives: [{ id: item.id, code: 'FIL-G4-592', active: false }] });
    const restored = await gql<{ restoreCatalogItem: Item }>(
      `mutation($id: ID!) { restoreCatalogItem(id: $id) { active } }`,
      { id: item.id },
      clerk,
    );
    expect(must(restored).restoreCatalogItem).toEqual({ active: true });
  });

  it('refuses a used code, negative or sub-cent prices and an unknown VAT rate, and changes nothing', async () => {
    const item = must(await createItem({ ...filter, code: 'COURROIE-A38', label: 'Courroie A38', salePrice: '12.90' })).createCatalogItem;

    const duplicate = await createItem({ ...filter, code: 'COURROIE-A38' });
    expect(errorCodes(duplicate)).toEqual(['CATALOG_CODE_TAKEN']);
    expect(duplicate.errors![0]!.extensions).toMatchObject({ field: 'code', catalogCode: 'COURROIE-A38' });

    const refused = await createItem({ ...filter, code: 'NEUF', salePrice: '-1.00', purchaseCost: '2.345', vatRateCode: 'TVA33' });
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(refused)).toEqual([
      ['purchaseCost', 'TOO_MANY_DECIMALS'],
      ['salePrice', 'MUST_BE_POSITIVE'],
      ['vatRateCode', 'UNKNOWN_VALUE'],
    ]);
    const missing = await createItem({ code: 'VIDE' });
    expect(fieldsOf(missing).map(([field]) => field)).toEqual(['label', 'unit', 'kind', 'salePrice', 'vatRateCode']);

    const renamed = await gql(
      `mutation($id: ID!) { updateCatalogItem(id: $id, input: { code: "FIL-G4-592", salePrice: "-3" }) { id } }`,
      { id: item.id },
      clerk,
    );
    expect(errorCodes(renamed)).toEqual(['VALIDATION_FAILED']);
    const taken = await gql(
      `mutation($id: ID!) { updateCatalogItem(id: $id, input: { code: "FIL-G4-592" }) { id } }`,
      { id: item.id },
      clerk,
    );
    expect(errorCodes(taken)).toEqual(['CATALOG_CODE_TAKEN']);

    expect(await readItem(item.id)).toMatchObject({ code: 'COURROIE-A38', salePrice: '12.90', active: true });
    const all = await gql<{ catalog: Item[] }>('{ catalog(includeArchived: true) { code } }', {}, clerk);
    expect(all.data!.catalog.map((i) => i.code).sort()).toEqual(['COURROIE-A38', 'FIL-G4-592']);
  });

  it('lets only billing writers change the catalog, and keeps it from other tenants', async () => {
    const item = must(await createItem({ ...filter, code: 'DET-OPT', label: 'Détecteur optique', salePrice: '58.00' })).createCatalogItem;
    expect(errorCodes(await createItem({ ...filter, code: 'TECH' }, technicianUser))).toEqual(['FORBIDDEN']);

    expect(await readItem(item.id, other)).toBeNull();
    const search = await gql<{ catalog: Item[] }>('{ catalog(search: "DET-OPT", includeArchived: true) { id } }', {}, other);
    expect(search.data!.catalog).toEqual([]);
    const altered = await gql(
      `mutation($id: ID!) { updateCatalogItem(id: $id, input: { salePrice: "1.00" }) { id } }`,
      { id: item.id },
      other,
    );
    expect(errorCodes(altered)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(`mutation($id: ID!) { archiveCatalogItem(id: $id) { id } }`, { id: item.id }, other))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await readItem(item.id)).toMatchObject({ salePrice: '58.00', active: true });
    // The other tenant may use the same code for its own item.
    expect(errorCodes(await createItem({ ...filter, code: 'DET-OPT' }, other))).toEqual([]);
  });

  const readTechnician = async (id: string, token = admin) =>
    (await gql<{ technician: Technician | null }>(`query($id: ID!) { technician(id: $id) { ${TECHNICIAN} } }`, { id }, token)).data
      ?.technician;

  it('creates and edits a technician with skills, hours, days and cost rate; refuses bad input unchanged', async () => {
    const created = await gql<{ createTechnician: Technician }>(
      `mutation($input: TechnicianInput!) { createTechnician(input: $input) { ${TECHNICIAN} } }`,
      {
        input: {
          fullName: 'Inès Roux',
          email: 'ines.roux@example.fr',
          skills: ['GAZ', 'CVC'],
          workDayStart: '07:30',
          workDayEnd: '16:30',
          workDays: [1, 2, 3, 4],
          costRate: '41.5',
        },
      },
      admin,
    );
    const ines = must(created).createTechnician;
    expect(ines).toMatchObject({ fullName: 'Inès Roux', skills: ['GAZ', 'CVC'], workDays: [1, 2, 3, 4], costRate: '41.50', version: 1 });

    const refused = await gql(
      `mutation($id: ID!) { updateTechnician(id: $id, expectedVersion: 1, input: { skills: ["PLOMBERIE"], workDayEnd: "06:00", costRate: "-2" }) { id } }`,
      { id: ines.id },
      admin,
    );
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(fieldsOf(refused)).toEqual([
      ['workDayEnd', 'INVALID'],
      ['skills', 'UNKNOWN_VALUE'],
      ['costRate', 'INVALID'],
    ]);
    expect(await readTechnician(ines.id)).toMatchObject({ skills: ['GAZ', 'CVC'], workDayEnd: '16:30', costRate: '41.50', version: 1 });

    const updated = await gql<{ updateTechnician: Technician }>(
      `mutation($id: ID!) { updateTechnician(id: $id, expectedVersion: 1, input: { skills: ["GAZ", "CVC", "FLUIDES_CAT1"], workDays: [1, 2, 3, 4, 5] }) { ${TECHNICIAN} } }`,
      { id: ines.id },
      admin,
    );
    expect(must(updated).updateTechnician).toMatchObject({ skills: ['GAZ', 'CVC', 'FLUIDES_CAT1'], workDays: [1, 2, 3, 4, 5], version: 2 });
    const stale = await gql(
      `mutation($id: ID!) { updateTechnician(id: $id, expectedVersion: 1, input: { phone: "0601020304" }) { id } }`,
      { id: ines.id },
      admin,
    );
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
  });

  it('records and removes an absence; a field technician and another tenant may not edit the team', async () => {
    const ines = must(
      await gql<{ createTechnician: Technician }>(
        `mutation { createTechnician(input: { fullName: "Louis Marec", skills: ["SSI"] }) { id } }`,
        {},
        admin,
      ),
    ).createTechnician;
    const added = await gql<{ addTechnicianAbsence: { id: string; reason: string } }>(
      `mutation($t: ID!) { addTechnicianAbsence(input: { technicianId: $t, startsAt: "2027-03-01T07:00:00Z", endsAt: "2027-03-05T17:00:00Z", reason: "Congés" }) { id reason } }`,
      { t: ines.id },
      admin,
    );
    const absence = must(added).addTechnicianAbsence;
    const absences = async () =>
      (
        await gql<{ technician: { absences: { id: string }[] } }>(
          `query($t: ID!) { technician(id: $t) { absences(from: "2027-03-01", to: "2027-03-31") { id } } }`,
          { t: ines.id },
          admin,
        )
      ).data!.technician.absences;
    expect(await absences()).toEqual([{ id: absence.id }]);

    const forbidden = await gql(
      `mutation($id: ID!) { updateTechnician(id: $id, input: { costRate: "10.00" }) { id } }`,
      { id: ines.id },
      technicianUser,
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const removedByOther = await gql(`mutation($id: ID!) { removeTechnicianAbsence(id: $id) { id } }`, { id: absence.id }, other);
    expect(errorCodes(removedByOther)).toEqual(['NOT_FOUND']);
    const alteredByOther = await gql(
      `mutation($id: ID!) { updateTechnician(id: $id, input: { fullName: "X" }) { id } }`,
      { id: ines.id },
      other,
    );
    expect(errorCodes(alteredByOther)).toEqual(['NOT_FOUND']);
    expect(await readTechnician(ines.id, other)).toBeNull();
    expect(await absences()).toEqual([{ id: absence.id }]);

    const removed = await gql<{ removeTechnicianAbsence: { id: string } }>(
      `mutation($id: ID!) { removeTechnicianAbsence(id: $id) { id } }`,
      { id: absence.id },
      admin,
    );
    expect(must(removed).removeTechnicianAbsence).toEqual({ id: absence.id });
    expect(await absences()).toEqual([]);
    expect((await readTechnician(ines.id))!.fullName).toBe('Louis Marec');
  });
});
