import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inTenantScope, issueInvoice, shiftDate, signPortalSessionToken, type Orm } from '@relais/domain';
import { errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { adminClient, appOrm } from '../support/database';
import { TODAY } from '../support/dates';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * The customer portal's quotes, invoices, credit notes and payments (docs/portal.md), through the
 * real gateway with a contact's portal session: one customer's contact sees exactly its own
 * customer's documents, with the amounts and statuses the office's records give, and nothing else.
 */

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1';
const IBAN = 'FR7630006000011234567890189';
const INVOICE_FIELDS = `id kind number issuedOn dueOn totalExclTax totalInclTax amountDue status pdfUrl xmlUrl
  transfer { iban bic beneficiary reference amount qrCodeSvg } payments { receivedOn amount method }`;
const QUOTE_FIELDS = `id number status subject issuedOn validUntil totalExclTax totalVat totalInclTax canDecide decidedBy decidedAt pdfUrl
  lines { id description quantity unitPrice netAmount vatRate optional selected }`;

interface PortalInvoice {
  id: string;
  kind: string;
  number: string;
  issuedOn: string;
  dueOn: string | null;
  totalExclTax: string;
  totalInclTax: string;
  amountDue: string;
  status: string;
  pdfUrl: string;
  xmlUrl: string;
  transfer: { iban: string; bic: string | null; beneficiary: string; reference: string; amount: string; qrCodeSvg: string } | null;
  payments: { receivedOn: string; amount: string; method: string }[];
}

interface PortalQuote {
  id: string;
  number: string;
  status: string;
  subject: string;
  totalExclTax: string;
  totalVat: string;
  totalInclTax: string;
  canDecide: boolean;
  decidedBy: string | null;
  decidedAt: string | null;
  pdfUrl: string;
  lines: { id: string; description: string; netAmount: string; vatRate: string; optional: boolean; selected: boolean }[];
}

interface Customer {
  id: string;
  contactId: string;
  email: string;
}

const gatewayOrigin = () => new URL(inject('gatewayUrl')).origin;
const download = (path: string) => fetch(`${gatewayOrigin()}${path}`);

describe('the customer portal’s billing through the gateway', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let office: string;
  let a: Customer;
  let b: Customer;
  /** Customer A's contact, customer B's contact. */
  let contactA: string;
  let contactB: string;
  const invoices: Record<'overdue' | 'partial' | 'paid' | 'credited' | 'draft' | 'ofB', { id: string; number: string | null }> =
    {} as never;
  let creditNote: { id: string; number: string };
  /** A credit note on the paid invoice: the company owes it back. */
  let refundNote: { id: string; number: string };
  const quotes: Record<'toAccept' | 'toRefuse' | 'draft' | 'ofB', { id: string; number: string | null; lineIds: string[] }> = {} as never;

  const call = <T>(query: string, variables: Record<string, unknown>, token: string) => gql<T>(query, variables, token);

  async function customer(label: string, email: string, token = office): Promise<Customer> {
    const created = must(
      await call<{ createCustomer: { id: string; contacts: { id: string }[] } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id contacts { id } } }',
        {
          input: {
            name: label,
            billingAddressLine1: '1 rue du Port',
            billingPostalCode: '44000',
            billingCity: 'Nantes',
            contacts: [{ fullName: `Contact ${label}`, email, roles: ['BILLING'] }],
          },
        },
        token,
      ),
    ).createCustomer;
    return { id: created.id, contactId: created.contacts[0]!.id, email };
  }

  async function draftInvoice(customerId: string, unitPrice: string, token = office): Promise<{ id: string; version: number }> {
    return must(
      await call<{ createInvoice: { id: string; version: number } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
        {
          input: {
            customerId,
            lines: [{ kind: 'LABOUR', description: 'Entretien chaudière', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
          },
        },
        token,
      ),
    ).createInvoice;
  }

  async function issue(draft: { id: string; version: number }, token = office): Promise<{ id: string; number: string }> {
    return must(
      await call<{ issueInvoice: { id: string; number: string } }>(
        'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
        { id: draft.id, v: draft.version },
        token,
      ),
    ).issueInvoice;
  }

  async function pay(customerId: string, invoiceId: string, amount: string): Promise<{ id: string; version: number }> {
    return must(
      await call<{ recordPayment: { id: string; version: number } }>(
        'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id version } }',
        { input: { customerId, receivedOn: TODAY, amount, method: 'TRANSFER', reference: 'VIR', allocations: [{ invoiceId, amount }] } },
        office,
      ),
    ).recordPayment;
  }

  async function quote(customerId: string, title: string, send: boolean) {
    const created = must(
      await call<{ createQuote: { id: string; version: number; lines: { id: string }[] } }>(
        'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id version lines { id } } }',
        {
          input: {
            customerId,
            title,
            lines: [
              { kind: 'PART', description: 'Circulateur', quantity: '2', unit: 'C62', unitPrice: '312.45', vatRateCode: 'TVA20' },
              { kind: 'LABOUR', description: 'Pose', quantity: '3.5', unit: 'HUR', unitPrice: '65.00', vatRateCode: 'TVA10' },
              {
                kind: 'OTHER',
                description: 'Option : désembouage',
                quantity: '1',
                unit: 'C62',
                unitPrice: '180.00',
                vatRateCode: 'TVA20',
                optional: true,
              },
            ],
          },
        },
        office,
      ),
    ).createQuote;
    if (send)
      must(
        await call(
          'mutation($id: ID!, $v: Int!) { sendQuote(id: $id, expectedVersion: $v) { id } }',
          { id: created.id, v: created.version },
          office,
        ),
      );
    const { quote: read } = must(
      await call<{ quote: { number: string | null } }>('query($id: ID!) { quote(id: $id) { number } }', { id: created.id }, office),
    );
    return { id: created.id, number: read.number, lineIds: created.lines.map((l) => l.id) };
  }

  const portalToken = async (tenantId: string, c: Customer) =>
    (await signPortalSessionToken({ contactId: c.contactId, customerId: c.id, tenantId, email: c.email }, inject('sessionSecret'))).token;

  const portalInvoices = async (token: string) =>
    must(await call<{ portalInvoices: PortalInvoice[] }>(`{ portalInvoices { ${INVOICE_FIELDS} } }`, {}, token)).portalInvoices;

  const officeQuote = async (id: string) =>
    must(
      await call<{
        quote: {
          status: string;
          decidedBy: string | null;
          signerName: string | null;
          signatureDataUrl: string | null;
          version: number;
          refusalReason: string | null;
          acceptanceIp: string | null;
          acceptanceUserAgent: string | null;
        };
      }>(
        'query($id: ID!) { quote(id: $id) { status decidedBy signerName signatureDataUrl version refusalReason acceptanceIp acceptanceUserAgent } }',
        { id },
        office,
      ),
    ).quote;

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('portal-billing');
    const db = await adminClient();
    try {
      await db.query("update tenants set iban = $2, bic = 'AGRIFRPP', legal_name = 'Climouest SAS' where id = $1", [tenant.tenantId, IBAN]);
    } finally {
      await db.end();
    }
    office = await login(tenant.adminEmail);
    a = await customer('SCI Les Tilleuls', 'compta@tilleuls.test');
    b = await customer('SARL Voisine', 'compta@voisine.test');

    // Issued 45 days ago at 30 days' terms: 15 days late. First, so the series stays chronological.
    const old = await draftInvoice(a.id, '100.00');
    const overdue = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, (em) =>
      issueInvoice(em, old.id, old.version, { at: new Date(`${shiftDate(TODAY, -45)}T10:00:00Z`) }),
    );
    invoices.overdue = { id: overdue.id, number: overdue.number ?? null };
    invoices.partial = await issue(await draftInvoice(a.id, '250.00')); // 300.00 TTC
    invoices.paid = await issue(await draftInvoice(a.id, '50.00')); // 60.00 TTC
    invoices.credited = await issue(await draftInvoice(a.id, '80.00')); // 96.00 TTC
    invoices.draft = { id: (await draftInvoice(a.id, '999.00')).id, number: null };
    invoices.ofB = await issue(await draftInvoice(b.id, '70.00'));

    await pay(a.id, invoices.partial.id, '100.00');
    await pay(a.id, invoices.paid.id, '60.00');
    // A payment reversed (the bank recalled it) no longer counts, nor shows.
    const recalled = await pay(a.id, invoices.partial.id, '20.00');
    must(
      await call(
        `mutation($id: ID!, $v: Int) { reversePayment(paymentId: $id, reversedOn: "${TODAY}", reason: "Rejet", expectedVersion: $v) { id } }`,
        { id: recalled.id, v: recalled.version },
        office,
      ),
    );
    const note = must(
      await call<{ createCreditNote: { id: string; version: number } }>(
        'mutation($id: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $id, input: $input) { id version } }',
        { id: invoices.credited.id, input: { reason: 'Intervention annulée' } },
        office,
      ),
    ).createCreditNote;
    creditNote = await issue(note);
    const { invoice: paidInvoice } = must(
      await call<{ invoice: { lines: { id: string }[] } }>(
        'query($id: ID!) { invoice(id: $id) { lines { id } } }',
        { id: invoices.paid.id },
        office,
      ),
    );
    const partialNote = must(
      await call<{ createCreditNote: { id: string; version: number } }>(
        'mutation($id: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $id, input: $input) { id version } }',
        {
          id: invoices.paid.id,
          input: { reason: 'Geste commercial', lines: [{ invoiceLineId: paidInvoice.lines[0]!.id, quantity: '0.2' }] },
        },
        office,
      ),
    ).createCreditNote;
    refundNote = await issue(partialNote); // 10.00 HT, 12.00 TTC, on an invoice already paid

    quotes.toAccept = await quote(a.id, 'Remplacement circulateur', true);
    quotes.toRefuse = await quote(a.id, 'Désembouage seul', true);
    quotes.draft = await quote(a.id, 'Brouillon interne', false);
    quotes.ofB = await quote(b.id, 'Devis du voisin', true);

    contactA = await portalToken(tenant.tenantId, a);
    contactB = await portalToken(tenant.tenantId, b);
  }, 180_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('shows a contact exactly its customer’s issued invoices and credit notes, newest first, with statuses and amounts to the cent', async () => {
    const list = await portalInvoices(contactA);
    expect(list.map((i) => i.number)).toEqual([
      refundNote.number,
      creditNote.number,
      invoices.credited.number,
      invoices.paid.number,
      invoices.partial.number,
      invoices.overdue.number,
    ]);
    const byId = new Map(list.map((i) => [i.id, i]));

    expect(byId.get(invoices.overdue.id)).toMatchObject({
      kind: 'INVOICE',
      issuedOn: shiftDate(TODAY, -45),
      dueOn: shiftDate(TODAY, -15),
      totalExclTax: '100.00',
      totalInclTax: '120.00',
      amountDue: '120.00',
      status: 'OVERDUE',
      payments: [],
    });
    expect(byId.get(invoices.partial.id)).toMatchObject({
      issuedOn: TODAY,
      totalInclTax: '300.00',
      amountDue: '200.00',
      status: 'PARTIALLY_PAID',
      payments: [{ receivedOn: TODAY, amount: '100.00', method: 'TRANSFER' }],
    });
    expect(byId.get(invoices.paid.id)).toMatchObject({
      totalInclTax: '60.00',
      amountDue: '0.00',
      status: 'PAID',
      transfer: null,
      payments: [{ receivedOn: TODAY, amount: '60.00', method: 'TRANSFER' }],
    });
    expect(byId.get(refundNote.id)).toMatchObject({
      kind: 'CREDIT_NOTE',
      totalExclTax: '10.00',
      totalInclTax: '12.00',
      amountDue: '0.00',
      status: 'REFUND_DUE',
      transfer: null,
    });
    expect(byId.get(invoices.credited.id)).toMatchObject({ totalInclTax: '96.00', amountDue: '0.00', status: 'CREDITED', transfer: null });
    expect(byId.get(creditNote.id)).toMatchObject({
      kind: 'CREDIT_NOTE',
      dueOn: null,
      totalExclTax: '80.00',
      totalInclTax: '96.00',
      amountDue: '0.00',
      status: 'SETTLED',
      transfer: null,
      payments: [],
    });
  });

  it('gives the transfer of what is left to pay, with its EPC QR code', async () => {
    const partial = (await portalInvoices(contactA)).find((i) => i.id === invoices.partial.id)!;
    expect(partial.transfer).toMatchObject({
      iban: IBAN,
      bic: 'AGRIFRPP',
      beneficiary: 'Climouest SAS',
      reference: invoices.partial.number,
      amount: '200.00',
    });
    expect(partial.transfer!.qrCodeSvg).toMatch(/^<svg[^>]*viewBox/);
  });

  it('downloads its invoice’s Factur-X PDF and XML through the links; a link does not open another invoice', async () => {
    const partial = (await portalInvoices(contactA)).find((i) => i.id === invoices.partial.id)!;
    const pdf = await download(partial.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
    const xml = await download(partial.xmlUrl);
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain(invoices.partial.number!);

    // The same signed token presented for B's invoice: refused, B's PDF is not served.
    const token = new URL(partial.pdfUrl, 'http://x').searchParams.get('token')!;
    const other = await download(`/documents/invoices/${invoices.ofB.id}/${invoices.ofB.number}.pdf?token=${encodeURIComponent(token)}`);
    expect(other.status).toBe(401);
    expect(((await other.json()) as { code: string }).code).toBe('DOCUMENT_LINK_INVALID');
  });

  it('opens no draft and no other customer’s invoice with a link of a portal session, even one signed for that invoice', async () => {
    // What the link would be if a portal identity ever got one for these invoices: the download runs in the customer's scope.
    const { signDocumentLink, DOCUMENT_LINK_KEY_PURPOSE, documentPath } = await import('@relais/domain');
    const { createHmac } = await import('node:crypto');
    const key = new Uint8Array(createHmac('sha256', inject('internalSecret')).update(DOCUMENT_LINK_KEY_PURPOSE).digest());
    const identity = { kind: 'customer' as const, tenantId: tenant.tenantId, customerId: a.id, contactId: a.contactId, email: '' };
    for (const target of [invoices.ofB, invoices.draft]) {
      const token = await signDocumentLink({ invoiceId: target.id, kind: 'PDF', identity }, key);
      const answer = await download(documentPath(target, 'PDF', token));
      expect(answer.status).toBe(404);
    }
  });

  it('shows the customer’s sent quotes only, without drafts nor another customer’s, with lines and PDF', async () => {
    const { portalQuotes } = must(await call<{ portalQuotes: PortalQuote[] }>(`{ portalQuotes { ${QUOTE_FIELDS} } }`, {}, contactA));
    expect(portalQuotes.map((q) => q.id).sort()).toEqual([quotes.toAccept.id, quotes.toRefuse.id].sort());
    const shown = portalQuotes.find((q) => q.id === quotes.toAccept.id)!;
    // 2 × 312.45 + 3.5 × 65.00 = 852.40 HT; VAT 124.98 + 22.75; the option is not counted until taken.
    expect(shown).toMatchObject({
      number: quotes.toAccept.number,
      status: 'SENT',
      subject: 'Remplacement circulateur',
      totalExclTax: '852.40',
      totalVat: '147.73',
      totalInclTax: '1000.13',
      canDecide: true,
      decidedBy: null,
    });
    expect(shown.lines.map((l) => [l.description, l.netAmount, l.vatRate, l.optional])).toEqual([
      ['Circulateur', '624.90', '20.00', false],
      ['Pose', '227.50', '10.00', false],
      ['Option : désembouage', '180.00', '20.00', true],
    ]);
    const pdf = await download(shown.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');

    const other = must(
      await call<{ portalQuote: PortalQuote | null }>('query($id: ID!) { portalQuote(id: $id) { id } }', { id: quotes.ofB.id }, contactA),
    );
    expect(other.portalQuote).toBeNull();
    const draft = must(
      await call<{ portalQuote: PortalQuote | null }>('query($id: ID!) { portalQuote(id: $id) { id } }', { id: quotes.draft.id }, contactA),
    );
    expect(draft.portalQuote).toBeNull();
  });

  it('refuses to decide another customer’s quote (NOT_FOUND) and changes nothing', async () => {
    const before = await officeQuote(quotes.ofB.id);
    const accepted = await call(
      'mutation($id: ID!, $sig: String!) { portalAcceptQuote(id: $id, signerName: "Intrus", signature: $sig) { id status } }',
      { id: quotes.ofB.id, sig: SIGNATURE },
      contactA,
    );
    expect(errorCodes(accepted)).toEqual(['NOT_FOUND']);
    const refused = await call(
      'mutation($id: ID!) { portalRefuseQuote(id: $id, signerName: "Intrus") { id } }',
      { id: quotes.ofB.id },
      contactA,
    );
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect(await officeQuote(quotes.ofB.id)).toEqual(before);
  });

  it('accepts its own quote with a signature and the option taken; the office sees it accepted by the signer', async () => {
    const unsigned = await call(
      'mutation($id: ID!) { portalAcceptQuote(id: $id, signerName: "Mme Leroy", signature: "") { id } }',
      { id: quotes.toAccept.id },
      contactA,
    );
    expect(errorCodes(unsigned)).toEqual(['VALIDATION_FAILED']);
    expect((await officeQuote(quotes.toAccept.id)).status).toBe('SENT');

    // From a phone's browser behind a proxy the gateway trusts (loopback); a value the client writes under the
    // gateway's own header is not believed.
    const response = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${contactA}`,
        'user-agent': USER_AGENT,
        'x-forwarded-for': '198.51.100.7',
        'x-relais-client-address': '203.0.113.66',
      },
      body: JSON.stringify({
        query: `mutation($id: ID!, $sig: String!, $options: [ID!]) { portalAcceptQuote(id: $id, signerName: "Mme Leroy, gérante", signature: $sig, optionalLineIds: $options) { ${QUOTE_FIELDS} } }`,
        variables: { id: quotes.toAccept.id, sig: SIGNATURE, options: [quotes.toAccept.lineIds[2]] },
      }),
    });
    const accepted = (await response.json()) as GraphQLResponse<{ portalAcceptQuote: PortalQuote }>;
    expect(accepted.errors).toBeUndefined();
    // 852.40 + 180.00 = 1032.40 HT; VAT 20 % on 804.90 = 160.98, 10 % on 227.50 = 22.75.
    expect(accepted.data!.portalAcceptQuote).toMatchObject({
      status: 'ACCEPTED',
      canDecide: false,
      decidedBy: 'Mme Leroy, gérante',
      totalExclTax: '1032.40',
      totalVat: '183.73',
      totalInclTax: '1216.13',
    });
    expect(accepted.data!.portalAcceptQuote.decidedAt).not.toBeNull();
    expect(await officeQuote(quotes.toAccept.id)).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'CUSTOMER',
      signerName: 'Mme Leroy, gérante',
      signatureDataUrl: SIGNATURE,
      acceptanceIp: '198.51.100.7',
      acceptanceUserAgent: USER_AGENT,
    });

    const again = await call(
      'mutation($id: ID!, $sig: String!) { portalAcceptQuote(id: $id, signerName: "Mme Leroy", signature: $sig) { id } }',
      { id: quotes.toAccept.id, sig: SIGNATURE },
      contactA,
    );
    expect(errorCodes(again)).toEqual(['QUOTE_ALREADY_ACCEPTED']);
  });

  it('refuses its own quote with a reason, recorded for the office', async () => {
    const refused = await call<{ portalRefuseQuote: PortalQuote }>(
      'mutation($id: ID!) { portalRefuseQuote(id: $id, signerName: "M. Leroy", reason: "Trop cher") { status canDecide decidedBy } }',
      { id: quotes.toRefuse.id },
      contactA,
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.portalRefuseQuote).toEqual({ status: 'REFUSED', canDecide: false, decidedBy: 'M. Leroy' });
    const recorded = await officeQuote(quotes.toRefuse.id);
    expect(recorded).toMatchObject({ status: 'REFUSED', decidedBy: 'CUSTOMER', refusalReason: 'Trop cher' });
    expect(recorded.acceptanceIp).toBeTruthy();
  });

  it('tells an accepted quote invoiced once its invoice is issued, and lists that invoice', async () => {
    const draft = must(
      await call<{ convertQuoteToInvoice: { id: string; version: number } }>(
        'mutation($id: ID!) { convertQuoteToInvoice(quoteId: $id, input: { mode: FULL }) { id version } }',
        { id: quotes.toAccept.id },
        office,
      ),
    ).convertQuoteToInvoice;
    const before = must(
      await call<{ portalQuote: PortalQuote }>('query($id: ID!) { portalQuote(id: $id) { status } }', { id: quotes.toAccept.id }, contactA),
    );
    expect(before.portalQuote.status).toBe('ACCEPTED');
    const invoiced = await issue(draft);
    const after = must(
      await call<{ portalQuote: PortalQuote }>('query($id: ID!) { portalQuote(id: $id) { status } }', { id: quotes.toAccept.id }, contactA),
    );
    expect(after.portalQuote.status).toBe('INVOICED');
    expect((await portalInvoices(contactA))[0]).toMatchObject({
      id: invoiced.id,
      totalInclTax: '1216.13',
      amountDue: '1216.13',
      status: 'TO_PAY',
    });
  });

  it('gives the other customer’s contact its own documents only', async () => {
    expect((await portalInvoices(contactB)).map((i) => [i.number, i.status, i.amountDue])).toEqual([
      [invoices.ofB.number, 'TO_PAY', '84.00'],
    ]);
    const { portalQuotes } = must(await call<{ portalQuotes: { id: string }[] }>('{ portalQuotes { id } }', {}, contactB));
    expect(portalQuotes.map((q) => q.id)).toEqual([quotes.ofB.id]);
  });

  it('answers FORBIDDEN to the office, and a contact of another tenant sees none of this tenant’s documents', async () => {
    expect(errorCodes(await call('{ portalInvoices { id } }', {}, office))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('{ portalQuotes { id } }', {}, office))).toEqual(['FORBIDDEN']);

    const elsewhere = await createTestTenant('portal-billing-other');
    const otherOffice = await login(elsewhere.adminEmail);
    const stranger = await customer('SAS Ailleurs', 'compta@ailleurs.test', otherOffice);
    const theirs = await issue(await draftInvoice(stranger.id, '10.00', otherOffice), otherOffice);
    const token = await portalToken(elsewhere.tenantId, stranger);
    expect((await portalInvoices(token)).map((i) => i.id)).toEqual([theirs.id]);
    const { portalQuotes } = must(await call<{ portalQuotes: { id: string }[] }>('{ portalQuotes { id } }', {}, token));
    expect(portalQuotes).toEqual([]);
    const foreign = must(
      await call<{ portalQuote: unknown }>('query($id: ID!) { portalQuote(id: $id) { id } }', { id: quotes.toRefuse.id }, token),
    );
    expect(foreign.portalQuote).toBeNull();
  }, 60_000);
});
