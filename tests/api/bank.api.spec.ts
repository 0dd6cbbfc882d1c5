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

  it('settles a direct-debit batch from its credit in a statement, and records a return matched by hand', async () => {
    const must = <T>(response: { data?: T | null; errors?: unknown }): T => {
      if (!response.data) throw new Error(`GraphQL call failed: ${JSON.stringify(response.errors)}`);
      return response.data;
    };
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
    // A customer paying at sight, with a signed mandate: today's invoices are due by the first collection date.
    const { createCustomer } = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name: 'Clinique des Bruyères',
            siren: '552100554',
            billingAddressLine1: '2 rue des Bruyères',
            billingPostalCode: '44000',
            billingCity: 'Nantes',
            paymentTermsDays: 0,
          },
        },
        admin,
      ),
    );
    must(
      await gql(
        'mutation($input: CreateMandateInput!) { createMandate(input: $input) { id } }',
        { input: { customerId: createCustomer.id, signedOn: '2026-03-02', iban: 'FR7630006000011234567890189' } },
        admin,
      ),
    );
    const invoices: { id: string; number: string }[] = [];
    for (const unitPrice of ['200.00', '50.00']) {
      const { createInvoice } = must(
        await gql<{ createInvoice: { id: string; version: number } }>(
          'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
          {
            input: {
              customerId: createCustomer.id,
              lines: [{ kind: 'LABOUR', description: 'Maintenance', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
            },
          },
          admin,
        ),
      );
      invoices.push(
        must(
          await gql<{ issueInvoice: { id: string; number: string } }>(
            'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
            { id: createInvoice.id, v: createInvoice.version },
            admin,
          ),
        ).issueInvoice,
      );
    }
    const { directDebitCandidates } = must(
      await gql<{ directDebitCandidates: { earliestCollectionDate: string } }>(
        'query($d: LocalDate!) { directDebitCandidates(collectionDate: $d) { earliestCollectionDate } }',
        { d: today },
        admin,
      ),
    );
    const { createDirectDebitBatch: batch } = must(
      await gql<{
        createDirectDebitBatch: { id: string; messageId: string; totalAmount: string; items: { id: string; endToEndId: string }[] };
      }>(
        'mutation($d: LocalDate!, $ids: [ID!]) { createDirectDebitBatch(collectionDate: $d, invoiceIds: $ids) { id messageId totalAmount items { id endToEndId } } }',
        { d: directDebitCandidates.earliestCollectionDate, ids: invoices.map((i) => i.id) },
        admin,
      ),
    );
    expect(batch.totalAmount).toBe('300.00');

    const xml = camt053Statement({
      id: 'API-DD-1',
      iban: 'FR7630004008280001074251964',
      ownerName: 'THERMOCLIM',
      from: today,
      to: today,
      openingBalance: '1000.00',
      entries: [
        { amount: '300.00', bookingDate: today, reference: 'DD-A-1', remittance: `REMISE PRLV SEPA CORE ${batch.messageId}` },
        { amount: '-60.00', bookingDate: today, reference: 'DD-A-2', remittance: 'PRLV SEPA RETOURNE' },
        { amount: '33.33', bookingDate: today, reference: 'DD-A-3', remittance: 'VIREMENT DIVERS' },
      ],
    });
    const imported = must(
      await gql<{ importBankStatement: { autoMatchedCount: number } }>(
        IMPORT,
        { input: { fileName: `releve-${today}.xml`, contentBase64: Buffer.from(xml).toString('base64') } },
        admin,
      ),
    );
    expect(imported.importBankStatement.autoMatchedCount).toBe(1);

    const MOVEMENT = `id version amount status matchKind matchReason
      directDebitBatch { id state settledOn } directDebitItem { id status returnReasonCode payment { status } invoice { id } }`;
    interface Movement {
      id: string;
      version: number;
      amount: string;
      status: string;
      matchKind: string | null;
      matchReason: string | null;
      directDebitBatch: { id: string; state: string; settledOn: string } | null;
      directDebitItem: {
        id: string;
        status: string;
        returnReasonCode: string;
        payment: { status: string };
        invoice: { id: string };
      } | null;
    }
    const movements = async (search: string) =>
      must(
        await gql<{ bankMovements: { edges: { node: Movement }[] } }>(
          `query($s: String) { bankMovements(search: $s, first: 5) { edges { node { ${MOVEMENT} } } } }`,
          { s: search },
          admin,
        ),
      ).bankMovements.edges.map((e) => e.node);
    const [credit] = await movements('REMISE PRLV SEPA CORE');
    expect(credit).toMatchObject({
      amount: '300.00',
      status: 'MATCHED',
      matchKind: 'DIRECT_DEBIT_BATCH',
      directDebitBatch: { id: batch.id, state: 'SETTLED', settledOn: today },
    });

    // The return of the 60.00 € collection, named by nothing the rules can be sure of: matched by hand.
    const [debit] = await movements('PRLV SEPA RETOURNE');
    const [other] = await movements('VIREMENT DIVERS');
    const item = batch.items.find((i) => i.endToEndId === invoices[1]!.number)!;
    const RETURN = `mutation($m: ID!, $i: ID!, $code: String, $v: Int) {
      matchBankMovementToDirectDebitReturn(movementId: $m, itemId: $i, reasonCode: $code, expectedVersion: $v) { ${MOVEMENT} } }`;
    expect(errorCodes(await gql(RETURN, { m: other!.id, i: item.id, code: 'MS02' }, admin))).toEqual(['NOT_A_DEBIT']);
    expect(errorCodes(await gql(RETURN, { m: debit!.id, i: item.id, code: 'MS02', v: debit!.version + 1 }, admin))).toEqual([
      'STALE_VERSION',
    ]);
    const returned = must(
      await gql<{ matchBankMovementToDirectDebitReturn: Movement }>(
        RETURN,
        { m: debit!.id, i: item.id, code: 'MS02', v: debit!.version },
        admin,
      ),
    );
    expect(returned.matchBankMovementToDirectDebitReturn).toMatchObject({
      status: 'MATCHED',
      matchKind: 'DIRECT_DEBIT_RETURN',
      matchReason: `Rapproché à la main : impayé du prélèvement ${invoices[1]!.number} (MS02)`,
      directDebitItem: {
        id: item.id,
        status: 'RETURNED',
        returnReasonCode: 'MS02',
        payment: { status: 'REVERSED' },
        invoice: { id: invoices[1]!.id },
      },
    });
    const reopened = must(
      await gql<{ invoice: { status: string; openBalance: string } }>(
        'query($id: ID!) { invoice(id: $id) { status openBalance } }',
        { id: invoices[1]!.id },
        admin,
      ),
    );
    expect(reopened.invoice.openBalance).toBe('60.00');
  });
});
