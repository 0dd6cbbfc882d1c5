import { beforeAll, describe, expect, inject, it } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { validatePain008 } from '../support/pain008-xsd';

const apiOrigin = new URL(inject('gatewayUrl')).origin;
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

const MANDATE = 'id reference kind status signedOn iban bic debtorName expiresOn version';
const BATCH = `id messageId collectionDate state itemCount totalAmount version pain008Url
  items { id status sequenceType amount endToEndId invoice { id } mandate { reference } payment { method amount status } }`;

interface Batch {
  id: string;
  messageId: string;
  state: string;
  version: number;
  pain008Url: string;
  items: { status: string; sequenceType: string; amount: string; endToEndId: string; payment: { method: string; status: string } | null }[];
}

describe('SEPA direct debit through the gateway: mandate, batch, pain.008 download, settlement', () => {
  let admin: string;
  let partner: string;
  let reader: string;
  let customerId: string;

  async function apiKey(scopes: string[]): Promise<string> {
    const created = await gql<{ createApiKey: { token: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
      { input: { name: `Logiciel de trésorerie ${scopes.join(' ')}`, scopes } },
      admin,
    );
    return created.data!.createApiKey.token;
  }

  async function issuedInvoice(unitPrice: string): Promise<{ id: string; number: string }> {
    const { createInvoice } = must(
      await gql<{ createInvoice: { id: string; version: number } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
        {
          input: {
            customerId,
            lines: [
              { kind: 'LABOUR', description: 'Maintenance CVC mensuelle', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' },
            ],
          },
        },
        admin,
      ),
    );
    const { issueInvoice } = must(
      await gql<{ issueInvoice: { id: string; number: string } }>(
        'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
        { id: createInvoice.id, v: createInvoice.version },
        admin,
      ),
    );
    return issueInvoice;
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('direct-debit-api');
    admin = await login(tenant.adminEmail);
    partner = await apiKey(['finance:read', 'finance:write', 'billing:read', 'maintenance:read']);
    reader = await apiKey(['finance:read']);
    // Pays at sight: today's invoices are due by the first collection date.
    customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name: 'Résidence Les Hortensias',
            siren: '552100554',
            email: 'syndic@hortensias.example',
            billingAddressLine1: '8 allée des Hortensias',
            billingPostalCode: '44300',
            billingCity: 'Nantes',
            paymentTermsDays: 0,
          },
        },
        admin,
      ),
    ).createCustomer.id;
  });

  it('records a mandate, shows it on the customer, and refuses a second one or a wrong IBAN with their codes', async () => {
    const creditor = must(await gql<{ sepaCreditor: { creditorId: string } }>('{ sepaCreditor { creditorId } }', {}, partner));
    expect(creditor.sepaCreditor.creditorId).toMatch(/^FR\d{2}ZZZ\d{6}$/);
    expect(
      errorCodes(await gql('mutation { setSepaCreditorIdentifier(creditorId: "FR73ZZZ123456") { creditorId } }', {}, partner)),
    ).toEqual(['VALIDATION_FAILED']);

    const created = await gql<{ createMandate: { reference: string; status: string; iban: string; expiresOn: string } }>(
      `mutation($input: CreateMandateInput!) { createMandate(input: $input) { ${MANDATE} } }`,
      { input: { customerId, signedOn: '2026-03-02', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'PSSTFRPPNTE' } },
      partner,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMandate).toMatchObject({
      status: 'ACTIVE',
      iban: 'FR1420041010050500013M02606',
      expiresOn: '2029-03-02',
      reference: expect.stringMatching(/^DIRECT-DEB-C\d+-0001$/),
    });

    const second = await gql(
      `mutation($input: CreateMandateInput!) { createMandate(input: $input) { id } }`,
      { input: { customerId, signedOn: '2026-03-02', iban: 'FR7630006000011234567890189' } },
      partner,
    );
    expect(errorCodes(second)).toEqual(['ACTIVE_MANDATE_EXISTS']);
    const wrong = await gql<unknown>(
      `mutation($input: CreateMandateInput!) { createMandate(input: $input) { id } }`,
      { input: { customerId, signedOn: '2026-03-02', iban: 'FR7630006000011234567890180', kind: 'ONE_OFF' } },
      partner,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'iban' }] });

    const onCustomer = must(
      await gql<{ customer: { name: string; mandates: { reference: string }[] } }>(
        'query($id: ID!) { customer(id: $id) { name mandates { reference } } }',
        { id: customerId },
        partner,
      ),
    );
    expect(onCustomer.customer.mandates.map((m) => m.reference)).toEqual([created.data!.createMandate.reference]);
    const listed = must(
      await gql<{ mandates: { totalCount: number; edges: { node: { reference: string } }[] } }>(
        'query($c: ID!) { mandates(customerId: $c, status: ACTIVE, first: 10) { totalCount edges { node { reference } } } }',
        { c: customerId },
        reader,
      ),
    );
    expect(listed.mandates.totalCount).toBe(1);
  });

  it('builds the batch, serves its pain.008 through a signed link (valid against the ISO XSD), settles it: the invoice is PAID', async () => {
    const invoice = await issuedInvoice('150.00'); // 180.00 TTC
    const { directDebitCandidates: probe } = must(
      await gql<{ directDebitCandidates: { earliestCollectionDate: string } }>(
        'query($d: LocalDate!) { directDebitCandidates(collectionDate: $d) { earliestCollectionDate } }',
        { d: TODAY },
        reader,
      ),
    );
    const collectionDate = probe.earliestCollectionDate;
    const { directDebitCandidates } = must(
      await gql<{
        directDebitCandidates: {
          count: number;
          totalAmount: string;
          candidates: { invoiceNumber: string; sequenceType: string; amount: string }[];
        };
      }>(
        'query($d: LocalDate!) { directDebitCandidates(collectionDate: $d) { count totalAmount candidates { invoiceNumber sequenceType amount mandate { reference } } blocked { reason } } }',
        { d: collectionDate },
        reader,
      ),
    );
    expect(directDebitCandidates).toMatchObject({
      count: 1,
      totalAmount: '180.00',
      candidates: [{ invoiceNumber: invoice.number, sequenceType: 'FRST', amount: '180.00' }],
    });

    const tooEarly = await gql('mutation($d: LocalDate!) { createDirectDebitBatch(collectionDate: $d) { id } }', { d: TODAY }, partner);
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'COLLECTION_DATE_TOO_EARLY', earliestCollectionDate: collectionDate });
    const forbidden = await gql(
      'mutation($d: LocalDate!) { createDirectDebitBatch(collectionDate: $d) { id } }',
      { d: collectionDate },
      reader,
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);

    const created = await gql<{ createDirectDebitBatch: Batch }>(
      `mutation($d: LocalDate!, $ids: [ID!]) { createDirectDebitBatch(collectionDate: $d, invoiceIds: $ids) { ${BATCH} } }`,
      { d: collectionDate, ids: [invoice.id] },
      partner,
    );
    expect(created.errors).toBeUndefined();
    const batch = created.data!.createDirectDebitBatch;
    expect(batch).toMatchObject({ state: 'SUBMITTED', itemCount: 1, totalAmount: '180.00' });
    expect(batch.items).toMatchObject([{ status: 'PENDING', sequenceType: 'FRST', endToEndId: invoice.number, payment: null }]);
    expect(batch.pain008Url).toMatch(new RegExp(`^/documents/direct-debit-batches/${batch.id}/${batch.messageId}\\.xml\\?token=`));

    // A plain GET through the gateway, as the accountant's browser downloads it.
    const file = await fetch(new URL(batch.pain008Url, apiOrigin));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/xml');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${batch.messageId}.xml"`);
    const xml = await file.text();
    const validation = await validatePain008(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(xml).toContain(`<MsgId>${batch.messageId}</MsgId>`);
    expect(xml).toContain('<IBAN>FR1420041010050500013M02606</IBAN>');
    const forged = await fetch(new URL(batch.pain008Url.replace(/token=[^&]+/, 'token=forged'), apiOrigin));
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe('DOCUMENT_LINK_INVALID');

    const twice = await gql(
      'mutation($d: LocalDate!, $ids: [ID!]) { createDirectDebitBatch(collectionDate: $d, invoiceIds: $ids) { id } }',
      { d: collectionDate, ids: [invoice.id] },
      partner,
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_IN_DIRECT_DEBIT', batchId: batch.id });

    const settled = await gql<{ settleDirectDebitBatch: Batch }>(
      `mutation($id: ID!, $on: LocalDate!, $v: Int) { settleDirectDebitBatch(id: $id, settledOn: $on, expectedVersion: $v) { ${BATCH} } }`,
      { id: batch.id, on: TODAY, v: batch.version },
      partner,
    );
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.settleDirectDebitBatch).toMatchObject({
      state: 'SETTLED',
      items: [{ status: 'COLLECTED', payment: { method: 'DIRECT_DEBIT', amount: '180.00', status: 'ALLOCATED' } }],
    });

    const paid = must(
      await gql<{ invoice: { status: string; openBalance: string; directDebitItems: { status: string; batch: { messageId: string } }[] } }>(
        'query($id: ID!) { invoice(id: $id) { status openBalance directDebitItems { status batch { messageId } } } }',
        { id: invoice.id },
        partner,
      ),
    );
    expect(paid.invoice).toMatchObject({
      status: 'PAID',
      openBalance: '0.00',
      directDebitItems: [{ status: 'COLLECTED', batch: { messageId: batch.messageId } }],
    });

    const listed = must(
      await gql<{ directDebitBatches: { totalCount: number; edges: { node: { id: string; state: string } }[] } }>(
        '{ directDebitBatches(first: 5) { totalCount edges { node { id state } } } }',
        {},
        reader,
      ),
    );
    expect(listed.directDebitBatches.edges[0]!.node).toEqual({ id: batch.id, state: 'SETTLED' });
  });
});
