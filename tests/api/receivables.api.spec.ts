import { beforeAll, describe, expect, inject, it } from 'vitest';
import { frenchDate, localDate, shiftDate } from '@relais/domain';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';
import { mailAbout } from '../support/mail-catcher';

const TODAY = localDate(new Date());
const BUCKETS = 'buckets { notDue d1To30 d31To60 d61To90 over90 }';

describe('receivables ageing and customer statements through the gateway', () => {
  let admin: string;
  let fx: Fixture;
  let numbers: string[] = [];

  async function apiKey(scopes: string[]): Promise<string> {
    const created = await gql<{ createApiKey: { token: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
      { input: { name: `Relances ${scopes.join(' ')}`, scopes } },
      admin,
    );
    return created.data!.createApiKey.token;
  }

  async function issuedInvoice(unitPrice: string): Promise<{ id: string; number: string }> {
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
    const issued = await gql<{ issueInvoice: { number: string } }>(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { number } }',
      { id, v: version },
      admin,
    );
    return { id, number: issued.data!.issueInvoice.number };
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('receivables-api');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'receivables-api');
    // Issued today, due in 30 days (the customer's terms): 120.00 and 300.00 TTC.
    const first = await issuedInvoice('100.00');
    const second = await issuedInvoice('250.00');
    numbers = [first.number, second.number];
    const paid = await gql(
      `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`,
      {
        input: {
          customerId: fx.customerId,
          receivedOn: TODAY,
          amount: '150.00',
          method: 'TRANSFER',
          reference: 'VIR ACOMPTE',
          allocations: [{ invoiceId: first.id, amount: '100.00' }],
        },
      },
      admin,
    );
    expect(paid.errors).toBeUndefined();
  });

  it('ages the balances at a date, with totals and the CSV export', async () => {
    const partner = await apiKey(['finance:read', 'maintenance:read']);
    const query = `query($asOf: LocalDate, $customerId: ID) {
      receivablesAgeing(asOf: $asOf, customerId: $customerId) {
        asOf rows { customer { id name } customerName ${BUCKETS} total unallocatedPayments } totals { ${BUCKETS} total } csv
      }
    }`;
    // 45 days from now both invoices are 15 days late; the 50.00 left of the payment stays "non échu".
    const later = await gql<{ receivablesAgeing: { asOf: string; rows: unknown[]; totals: unknown; csv: string } }>(
      query,
      { asOf: shiftDate(TODAY, 45), customerId: fx.customerId },
      partner,
    );
    expect(later.errors).toBeUndefined();
    const ageing = later.data!.receivablesAgeing;
    expect(ageing.rows).toEqual([
      {
        customer: { id: fx.customerId, name: 'Client receivables-api' },
        customerName: 'Client receivables-api',
        buckets: { notDue: '-50.00', d1To30: '320.00', d31To60: '0.00', d61To90: '0.00', over90: '0.00' },
        total: '270.00',
        unallocatedPayments: '50.00',
      },
    ]);
    expect(ageing.totals).toEqual({
      buckets: { notDue: '-50.00', d1To30: '320.00', d31To60: '0.00', d61To90: '0.00', over90: '0.00' },
      total: '270.00',
    });
    expect(ageing.csv.startsWith('\uFEFFClient;Non échu;')).toBe(true);
    expect(ageing.csv).toContain('Client receivables-api;-50,00;320,00;0,00;0,00;0,00;270,00\r\n');

    const today = await gql<{ receivablesAgeing: { totals: { buckets: { notDue: string }; total: string } } }>(query, {}, partner);
    expect(today.data!.receivablesAgeing.totals).toMatchObject({ buckets: { notDue: '270.00' }, total: '270.00' });

    const toCollect = await gql<{
      invoicesToCollect: { totalCount: number; totalAmount: string; items: { invoiceNumber: string; daysPastDue: number }[] };
    }>(
      `query($today: LocalDate) { invoicesToCollect(today: $today) { totalCount totalAmount items { invoiceNumber daysPastDue openBalance bucket } } }`,
      { today: shiftDate(TODAY, 25) },
      partner,
    );
    expect(toCollect.data!.invoicesToCollect).toMatchObject({
      totalCount: 2,
      totalAmount: '320.00',
      items: [
        { invoiceNumber: numbers[1], daysPastDue: -5 },
        { invoiceNumber: numbers[0], daysPastDue: -5 },
      ],
    });

    const noScope = await gql(query, {}, await apiKey(['maintenance:read']));
    expect(errorCodes(noScope)).toEqual(['FORBIDDEN']);
  });

  it('draws up the statement with its movements, open items and PDF', async () => {
    const from = shiftDate(TODAY, -30);
    const response = await gql<{
      customerStatement: {
        openingBalance: string;
        closingBalance: string;
        movements: {
          kind: string;
          label: string;
          debit: string;
          credit: string;
          balance: string;
          invoice: { number: string } | null;
          payment: { reference: string } | null;
        }[];
        openItems: { kind: string; reference: string | null; openBalance: string; daysLate: number }[];
        pdfBase64: string;
        pdfFileName: string;
      };
    }>(
      `query($customerId: ID!, $from: LocalDate!, $to: LocalDate!) {
        customerStatement(customerId: $customerId, from: $from, to: $to) {
          openingBalance closingBalance
          movements { kind label debit credit balance invoice { number } payment { reference } }
          openItems { kind reference openBalance daysLate }
          pdfBase64 pdfFileName
        }
      }`,
      { customerId: fx.customerId, from, to: TODAY },
      admin,
    );
    expect(response.errors).toBeUndefined();
    const s = response.data!.customerStatement;
    expect(s.openingBalance).toBe('0.00');
    expect(s.movements).toEqual([
      {
        kind: 'INVOICE',
        label: `Facture ${numbers[0]}`,
        debit: '120.00',
        credit: '0.00',
        balance: '120.00',
        invoice: { number: numbers[0] },
        payment: null,
      },
      {
        kind: 'INVOICE',
        label: `Facture ${numbers[1]}`,
        debit: '300.00',
        credit: '0.00',
        balance: '420.00',
        invoice: { number: numbers[1] },
        payment: null,
      },
      {
        kind: 'PAYMENT',
        label: 'Règlement par virement — VIR ACOMPTE',
        debit: '0.00',
        credit: '150.00',
        balance: '270.00',
        invoice: null,
        payment: { reference: 'VIR ACOMPTE' },
      },
    ]);
    expect(s.closingBalance).toBe('270.00');
    expect(s.openItems).toEqual([
      { kind: 'UNALLOCATED_PAYMENT', reference: 'VIR ACOMPTE', openBalance: '-50.00', daysLate: 0 },
      { kind: 'INVOICE', reference: numbers[0], openBalance: '20.00', daysLate: 0 },
      { kind: 'INVOICE', reference: numbers[1], openBalance: '300.00', daysLate: 0 },
    ]);
    expect(Buffer.from(s.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(s.pdfFileName).toMatch(new RegExp(`^releve-.+-${TODAY}\\.pdf$`));

    const backwards = await gql(
      `query($customerId: ID!) { customerStatement(customerId: $customerId, from: "${TODAY}", to: "${from}") { closingBalance } }`,
      { customerId: fx.customerId },
      admin,
    );
    expect(errorCodes(backwards)).toEqual(['VALIDATION_FAILED']);
  });

  it('mails the statement: the SMTP server receives it with the PDF; read-only keys may not send', async () => {
    const send = (token: string, recipients: string[] | null) =>
      gql<{ sendCustomerStatement: { deliveryId: string; to: string[]; subject: string } }>(
        `mutation($customerId: ID!, $from: LocalDate!, $to: LocalDate!, $recipients: [String!]) {
          sendCustomerStatement(customerId: $customerId, from: $from, to: $to, recipients: $recipients) { deliveryId to subject }
        }`,
        { customerId: fx.customerId, from: shiftDate(TODAY, -30), to: TODAY, recipients },
        token,
      );
    expect(errorCodes(await send(await apiKey(['finance:read']), ['compta@client.test']))).toEqual(['FORBIDDEN']);
    const noAddress = await send(admin, null);
    expect(errorCodes(noAddress)).toEqual(['VALIDATION_FAILED']);
    expect(noAddress.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'recipients' }] });

    const sent = await send(await apiKey(['billing:write']), ['compta@client.test']);
    expect(sent.errors).toBeUndefined();
    const { subject, to } = sent.data!.sendCustomerStatement;
    expect(to).toEqual(['compta@client.test']);
    expect(subject).toBe(`Relevé de compte au ${frenchDate(TODAY)} — Test receivables-api`);
    const caught = await mailAbout(subject);
    expect(caught.to).toEqual(['compta@client.test']);
    expect(caught.attachments).toEqual([
      expect.objectContaining({ index: 0, filename: expect.stringMatching(/^releve-.+\.pdf$/), contentType: 'application/pdf' }),
    ]);
    const pdf = Buffer.from(await (await fetch(`${inject('mailCatcherUrl')}/api/messages/${caught.id}/attachments/0`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
