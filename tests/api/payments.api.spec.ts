import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

import { TODAY } from '../support/dates';
const PAYMENT = 'id amount allocatedAmount unallocatedAmount status version reversedOn reversalReason';

describe('payments through the gateway, as a partner would call them', () => {
  let admin: string;
  let fx: Fixture;

  async function apiKey(scopes: string[]): Promise<string> {
    const created = await gql<{ createApiKey: { token: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
      { input: { name: `Logiciel comptable ${scopes.join(' ')}`, scopes } },
      admin,
    );
    return created.data!.createApiKey.token;
  }

  async function issuedInvoice(unitPrice: string): Promise<string> {
    const draft = await gql<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId: fx.customerId,
          lines: [{ kind: 'LABOUR', description: 'Maintenance', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
        },
      },
      admin,
    );
    const { id, version } = draft.data!.createInvoice;
    await gql('mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id } }', { id, v: version }, admin);
    return id;
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('payments-api');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'payments-api');
  });

  it('records a payment over two invoices, lists it, shows it on the invoices and the customer balance, then reverses it', async () => {
    const partner = await apiKey(['finance:read', 'finance:write', 'billing:read', 'maintenance:read']);
    const first = await issuedInvoice('100.00'); // 120.00 TTC
    const second = await issuedInvoice('250.00'); // 300.00 TTC

    const recorded = await gql<{ recordPayment: { id: string; version: number; status: string; unallocatedAmount: string } }>(
      `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { ${PAYMENT} } }`,
      {
        input: {
          customerId: fx.customerId,
          receivedOn: TODAY,
          amount: '400.00',
          method: 'TRANSFER',
          payerName: 'SCI LES TILLEULS',
          payerIban: 'FR76 3000 6000 0112 3456 7890 189',
          reference: 'VIR FACTURES NOV',
          allocations: [
            { invoiceId: first, amount: '120.00' },
            { invoiceId: second, amount: '250.00' },
          ],
        },
      },
      partner,
    );
    expect(recorded.errors).toBeUndefined();
    const payment = recorded.data!.recordPayment;
    expect(payment).toMatchObject({ status: 'PARTLY_ALLOCATED', unallocatedAmount: '30.00' });

    const listed = await gql<{
      payments: { totalCount: number; edges: { node: { id: string; payerIban: string; customer: { name: string } } }[] };
    }>(
      `query($customerId: ID!) { payments(customerId: $customerId, first: 10) { totalCount edges { node { id payerIban customer { name } } } } }`,
      { customerId: fx.customerId },
      partner,
    );
    expect(listed.data!.payments.totalCount).toBe(1);
    expect(listed.data!.payments.edges[0]!.node).toMatchObject({ id: payment.id, payerIban: 'FR7630006000011234567890189' });

    const invoice = await gql<{
      invoice: { status: string; openBalance: string; paymentAllocations: { amount: string; payment: { reference: string } }[] };
    }>(
      `query($id: ID!) { invoice(id: $id) { status openBalance paymentAllocations { amount payment { reference } } } }`,
      { id: second },
      partner,
    );
    expect(invoice.data!.invoice).toEqual({
      status: 'PARTLY_PAID',
      openBalance: '50.00',
      paymentAllocations: [{ amount: '250.00', payment: { reference: 'VIR FACTURES NOV' } }],
    });

    const customer = await gql<{ customer: { balance: Record<string, string> } }>(
      `query($id: ID!) { customer(id: $id) { balance { invoicesOpen unallocatedPayments balance overdue } } }`,
      { id: fx.customerId },
      partner,
    );
    expect(customer.data!.customer.balance).toEqual({
      invoicesOpen: '50.00',
      unallocatedPayments: '30.00',
      balance: '20.00',
      overdue: '0.00',
    });

    const stale = await gql(
      `mutation($id: ID!, $v: Int) { reversePayment(paymentId: $id, reversedOn: "${TODAY}", reason: "Rejet", expectedVersion: $v) { id } }`,
      { id: payment.id, v: payment.version + 5 },
      partner,
    );
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    const reversed = await gql<{ reversePayment: { status: string; reversalReason: string; unallocatedAmount: string } }>(
      `mutation($id: ID!, $v: Int) { reversePayment(paymentId: $id, reversedOn: "${TODAY}", reason: "Virement rappelé par la banque", expectedVersion: $v) { ${PAYMENT} } }`,
      { id: payment.id, v: payment.version },
      partner,
    );
    expect(reversed.data!.reversePayment).toMatchObject({
      status: 'REVERSED',
      reversalReason: 'Virement rappelé par la banque',
      unallocatedAmount: '0.00',
    });
    const reopened = await gql<{ invoice: { status: string; openBalance: string } }>(
      `query($id: ID!) { invoice(id: $id) { status openBalance } }`,
      { id: second },
      partner,
    );
    expect(reopened.data!.invoice).toEqual({ status: 'ISSUED', openBalance: '300.00' });
  });

  it('lets a key with billing:write record a payment, refuses read-only keys, and names the wrong field', async () => {
    const invoiceId = await issuedInvoice('10.00');
    const input = {
      customerId: fx.customerId,
      receivedOn: TODAY,
      amount: '12.00',
      method: 'CHECK',
      allocations: [{ invoiceId, amount: '12.00' }],
    };
    const record = (token: string, override: Record<string, unknown> = {}) =>
      gql<{ recordPayment: { status: string } }>(
        `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }`,
        { input: { ...input, ...override } },
        token,
      );

    expect(errorCodes(await record(await apiKey(['finance:read'])))).toEqual(['FORBIDDEN']);
    const invalid = await record(await apiKey(['billing:write']), { receivedOn: '2999-01-01' });
    expect(errorCodes(invalid)).toEqual(['VALIDATION_FAILED']);
    expect(invalid.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'receivedOn' }] });
    const clerk = await record(await apiKey(['billing:write']));
    expect(clerk.data!.recordPayment.status).toBe('ALLOCATED');
  });
});
