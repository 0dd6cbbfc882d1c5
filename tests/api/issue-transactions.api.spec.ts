import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

/**
 * docs/api.md, "Transactions", through the real gateway: each mutation of a request is its own
 * transaction, and an issue answers a committed number.
 */
describe('issueInvoice and the request it is in', () => {
  let admin: string;
  let fx: Fixture;

  async function draft(): Promise<{ id: string; version: number }> {
    const created = await gql<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId: fx.customerId,
          lines: [{ kind: 'LABOUR', description: 'Entretien', quantity: '1', unit: 'HUR', unitPrice: '80.00', vatRateCode: 'TVA20' }],
        },
      },
      admin,
    );
    return created.data!.createInvoice;
  }

  const status = async (id: string) =>
    (
      await gql<{ invoice: { status: string; number: string | null } }>(
        'query($id: ID!) { invoice(id: $id) { status number } }',
        { id },
        admin,
      )
    ).data!.invoice;

  beforeAll(async () => {
    const tenant = await createTestTenant('issue-transactions');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'issue-transactions');
  });

  it('alone, answers a committed number', async () => {
    const invoice = await draft();
    const issued = await gql<{ issueInvoice: { number: string; status: string } }>(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { number status } }',
      { id: invoice.id, v: invoice.version },
      admin,
    );
    expect(issued.errors).toBeUndefined();
    expect(await status(invoice.id)).toEqual({ status: 'ISSUED', number: issued.data!.issueInvoice.number });
  });

  it('beside a mutation that fails, is committed on its own: each mutation of a request is its own transaction', async () => {
    const invoice = await draft();
    const other = await draft();
    const both = await gql<{ issued: { number: string } | null }>(
      `mutation($id: ID!, $v: Int!, $other: ID!) {
         issued: issueInvoice(id: $id, expectedVersion: $v) { number }
         deleted: deleteInvoiceDraft(id: $other, expectedVersion: 999)
       }`,
      { id: invoice.id, v: invoice.version, other: other.id },
      admin,
    );
    expect(errorCodes(both)).toEqual(['STALE_VERSION']);
    // The failed field is non-null, so GraphQL nulls the whole answer; the issue before it stays committed.
    expect(both.data ?? null).toBeNull();
    expect(await status(invoice.id)).toEqual({ status: 'ISSUED', number: expect.stringMatching(/-00002$/) });
    expect(await status(other.id)).toEqual({ status: 'DRAFT', number: null });
  });
});
