import { beforeAll, describe, expect, it } from 'vitest';
import { camt053Statement } from '@relais/domain';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

const IMPORT = `mutation($input: ImportBankStatementInput!) {
  importBankStatement(input: $input) { movementCount newMovementCount duplicateCount autoMatchedCount statements { format fileName closingBalance } }
}`;

describe('bank statements through the gateway', () => {
  let admin: string;
  let fx: Fixture;

  async function issuedInvoice(unitPrice: string): Promise<{ id: string; number: string }> {
    const draft = await gql<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId: fx.customerId,
          lines: [{ kind: 'LABOUR', description: 'Entretien', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
        },
      },
      admin,
    );
    const { id, version } = draft.data!.createInvoice;
    const issued = await gql<{ issueInvoice: { id: string; number: string } }>(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
      { id, v: version },
      admin,
    );
    return issued.data!.issueInvoice;
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('bank-api');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'bank-api');
  });

  it('imports a base64 CAMT.053, matches the sure movement, lets the partner confirm a proposal, and refuses a broken file', async () => {
    const sure = await issuedInvoice('100.00'); // 120.00
    const other = await issuedInvoice('250.00'); // 300.00
    const xml = camt053Statement({
      id: 'API-1',
      iban: 'FR7630004008280001074251964',
      ownerName: 'THERMOCLIM',
      from: '2026-12-01',
      to: '2026-12-01',
      openingBalance: '0.00',
      entries: [
        { amount: '120.00', bookingDate: '2026-12-01', reference: 'A-1', remittance: `REGLEMENT ${sure.number}` },
        { amount: '150.00', bookingDate: '2026-12-01', reference: 'A-2', remittance: `${other.number} PREMIER VERSEMENT` },
      ],
    });
    const input = { fileName: 'releve-2026-12-01.xml', contentBase64: Buffer.from(xml).toString('base64') };
    const imported = await gql<{ importBankStatement: Record<string, unknown> }>(IMPORT, { input }, admin);
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importBankStatement).toMatchObject({
      movementCount: 2,
      newMovementCount: 2,
      autoMatchedCount: 1,
      statements: [{ format: 'CAMT053', fileName: 'releve-2026-12-01.xml', closingBalance: '270.00' }],
    });
    const again = await gql<{ importBankStatement: Record<string, unknown> }>(IMPORT, { input }, admin);
    expect(again.data!.importBankStatement).toMatchObject({ newMovementCount: 0, duplicateCount: 2 });

    const proposed = await gql<{
      bankMovements: {
        edges: {
          node: {
            id: string;
            version: number;
            proposals: { score: number; allocations: { amount: string; invoice: { number: string } }[] }[];
          };
        }[];
      };
    }>(
      `{ bankMovements(statuses: [PROPOSED], first: 10) { edges { node { id version proposals { score allocations { amount invoice { number } } } } } } }`,
      {},
      admin,
    );
    const node = proposed.data!.bankMovements.edges[0]!.node;
    expect(node.proposals[0]!.allocations).toEqual([{ amount: '150.00', invoice: { number: other.number } }]);

    const invoiceId = other.id;
    const matched = await gql<{ matchBankMovement: { status: string; payment: { amount: string; allocatedAmount: string } } }>(
      `mutation($id: ID!, $input: MatchMovementInput!) { matchBankMovement(movementId: $id, input: $input) { status payment { amount allocatedAmount } } }`,
      { id: node.id, input: { customerId: fx.customerId, allocations: [{ invoiceId, amount: '150.00' }], expectedVersion: node.version } },
      admin,
    );
    expect(matched.data!.matchBankMovement).toEqual({ status: 'MATCHED', payment: { amount: '150.00', allocatedAmount: '150.00' } });

    const broken = await gql(
      IMPORT,
      { input: { fileName: 'x.xml', contentBase64: Buffer.from(xml.replace('120.00</Amt>', '12O.00</Amt>')).toString('base64') } },
      admin,
    );
    expect(errorCodes(broken)).toEqual(['BANK_FILE_INVALID']);
    expect(broken.errors![0]!.extensions).toMatchObject({ line: expect.any(Number) });
  });
});
