import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { mailTo } from '../support/mail-catcher';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

const INVOICE = `id number status documentType version totalNet totalVat totalGross amountDue paidAmount creditedAmount openBalance
  lines { id description lineNet } vatBreakdown { rate basis tax }`;

interface InvoiceView {
  id: string;
  number: string | null;
  status: string;
  documentType: string;
  version: number;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  amountDue: string;
  paidAmount: string;
  creditedAmount: string;
  openBalance: string;
  lines: { id: string; description: string; lineNet: string }[];
  vatBreakdown: { rate: string; basis: string; tax: string }[];
}

const LINES = [
  { kind: 'LABOUR', description: 'Dépannage groupe froid', quantity: '2.5', unit: 'HUR', unitPrice: '72.00', vatRateCode: 'TVA20' },
  { kind: 'PART', description: 'Détendeur thermostatique', quantity: '1', unit: 'C62', unitPrice: '189.90', vatRateCode: 'TVA20' },
  { kind: 'OTHER', description: 'Calorifugeage', quantity: '3', unit: 'MTR', unitPrice: '12.35', vatRateCode: 'TVA10' },
];

describe('invoices through the gateway', () => {
  let token: string;
  let otherToken: string;
  let fx: Fixture;

  beforeAll(async () => {
    const tenant = await createTestTenant('invoices-api');
    token = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(token, tenant.tenantId, 'invoices-api');
    otherToken = await login((await createTestTenant('invoices-api-other')).adminEmail);
  });

  const call = <T>(query: string, variables: Record<string, unknown> = {}, as = token) => gql<T>(query, variables, as);

  it('previews totals, creates, edits and issues a manual invoice; refuses stale and invalid edits with their codes', async () => {
    const preview = await call<{ invoiceTotalsPreview: { lineNets: string[]; totalNet: string; totalVat: string; totalGross: string } }>(
      `query($input: InvoiceTotalsPreviewInput!) { invoiceTotalsPreview(input: $input) { lineNets totalNet totalVat totalGross } }`,
      { input: { lines: LINES } },
    );
    // 180.00 + 189.90 at 20 % (73.98) + 37.05 at 10 % (3.71)
    expect(preview.data!.invoiceTotalsPreview).toEqual({
      lineNets: ['180.00', '189.90', '37.05'],
      totalNet: '406.95',
      totalVat: '77.69',
      totalGross: '484.64',
    });

    const created = await call<{ createInvoice: InvoiceView }>(
      `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE} } }`,
      {
        input: { customerId: fx.customerId, lines: LINES, purchaseOrderRef: 'BC-778' },
      },
    );
    const draft = created.data!.createInvoice;
    expect(draft).toMatchObject({ status: 'DRAFT', number: null, documentType: 'INVOICE', totalGross: '484.64' });

    const edited = await call<{ updateInvoiceDraft: InvoiceView }>(
      `mutation($id: ID!, $v: Int!, $input: UpdateInvoiceDraftInput!) { updateInvoiceDraft(id: $id, expectedVersion: $v, input: $input) { ${INVOICE} } }`,
      { id: draft.id, v: draft.version, input: { lines: LINES.slice(0, 2) } },
    );
    expect(edited.data!.updateInvoiceDraft).toMatchObject({ totalNet: '369.90', totalVat: '73.98', totalGross: '443.88' });

    const stale = await call(
      `mutation($id: ID!, $v: Int!) { updateInvoiceDraft(id: $id, expectedVersion: $v, input: { notes: "x" }) { id } }`,
      {
        id: draft.id,
        v: draft.version,
      },
    );
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    const badDecimal = await call(
      `mutation($id: ID!, $v: Int!) { updateInvoiceDraft(id: $id, expectedVersion: $v, input: { lines: [{ description: "x", quantity: "1,5", unit: "C62", unitPrice: "10", vatRateCode: "TVA20" }] }) { id } }`,
      { id: draft.id, v: edited.data!.updateInvoiceDraft.version },
    );
    expect(errorCodes(badDecimal)).toEqual(['VALIDATION_FAILED']);
    const unchanged = await call<{ invoice: InvoiceView }>(`query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`, { id: draft.id });
    expect(unchanged.data!.invoice).toMatchObject({ totalGross: '443.88', version: edited.data!.updateInvoiceDraft.version });

    const issued = await call<{ issueInvoice: InvoiceView }>(
      `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { ${INVOICE} } }`,
      {
        id: draft.id,
        v: edited.data!.updateInvoiceDraft.version,
      },
    );
    expect(issued.data!.issueInvoice).toMatchObject({ status: 'ISSUED', openBalance: '443.88' });
    expect(issued.data!.issueInvoice.number).toMatch(/^F-\d{4}-\d{5}$/);
    const again = await call(`mutation($id: ID!) { updateInvoiceDraft(id: $id, expectedVersion: 99, input: { notes: "x" }) { id } }`, {
      id: draft.id,
    });
    expect(errorCodes(again)).toEqual(['INVOICE_ALREADY_ISSUED']);
  });

  it('sends an issued invoice: the SMTP server receives its Factur-X PDF, the delivery shows SENT, the invoice SENT', async () => {
    const draft = (
      await call<{ createInvoice: InvoiceView }>(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE} } }`, {
        input: { customerId: fx.customerId, lines: LINES },
      })
    ).data!.createInvoice;
    const issued = (
      await call<{ issueInvoice: InvoiceView }>(
        `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { ${INVOICE} } }`,
        { id: draft.id, v: draft.version },
      )
    ).data!.issueInvoice;

    const sent = await call<{ sendInvoice: { status: string } }>(
      `mutation($id: ID!) { sendInvoice(id: $id, input: { to: ["compta@client.test"], message: "Bonjour Madame," }) { status } }`,
      { id: issued.id },
    );
    expect(sent.data!.sendInvoice.status).toBe('SENT');
    const caught = await mailTo('compta@client.test', `Facture ${issued.number} `);
    expect(caught.to).toEqual(['compta@client.test']);
    // The transfer QR code, inline in the HTML part (MIME puts it first), then the Factur-X PDF.
    expect(caught.attachments).toEqual([
      expect.objectContaining({ index: 0, filename: 'virement-qr.png', contentType: 'image/png' }),
      expect.objectContaining({ index: 1, filename: `${issued.number}.pdf`, contentType: 'application/pdf' }),
    ]);
    expect(caught.html).toContain('<img src="data:image/png;base64,');
    const pdf = Buffer.from(await (await fetch(`${inject('mailCatcherUrl')}/api/messages/${caught.id}/attachments/1`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes(Buffer.from('factur-x.xml'))).toBe(true);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(caught.attachments[1]!.sha256);

    let deliveries: { status: string; attempts: number }[] = [];
    for (let i = 0; i < 50 && deliveries[0]?.status !== 'SENT'; i++) {
      deliveries = (
        await call<{ invoice: { deliveries: { status: string; attempts: number }[] } }>(
          `query($id: ID!) { invoice(id: $id) { deliveries { status attempts } } }`,
          { id: issued.id },
        )
      ).data!.invoice.deliveries;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(deliveries).toEqual([{ status: 'SENT', attempts: 1 }]);

    const draftSend = await call(`mutation($id: ID!) { sendInvoice(id: $id) { id } }`, {
      id: (
        await call<{ createInvoice: { id: string } }>(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
          input: { customerId: fx.customerId, lines: LINES },
        })
      ).data!.createInvoice.id,
    });
    expect(errorCodes(draftSend)).toEqual(['INVOICE_NOT_ISSUED']);
    const badAddress = await call(`mutation($id: ID!) { sendInvoice(id: $id, input: { to: ["pas-une-adresse"] }) { id } }`, {
      id: issued.id,
    });
    expect(errorCodes(badAddress)).toEqual(['VALIDATION_FAILED']);
  });

  it('settles an invoice with a payment and a partial credit note; another tenant sees none of it', async () => {
    const draft = (
      await call<{ createInvoice: InvoiceView }>(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE} } }`, {
        input: { customerId: fx.customerId, lines: LINES },
      })
    ).data!.createInvoice;
    const invoice = (
      await call<{ issueInvoice: InvoiceView }>(
        `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { ${INVOICE} } }`,
        { id: draft.id, v: draft.version },
      )
    ).data!.issueInvoice;
    const today = new Date().toISOString().slice(0, 10);

    const pay = (amount: string, method: string, token?: string) =>
      call<{ recordPayment: { id: string; unallocatedAmount: string } }>(
        `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id unallocatedAmount } }`,
        {
          input: {
            customerId: fx.customerId,
            amount,
            receivedOn: today,
            method,
            reference: 'VIR-889',
            allocations: [{ invoiceId: invoice.id, amount }],
          },
        },
        token,
      );
    expect((await pay('100.00', 'TRANSFER')).data!.recordPayment.unallocatedAmount).toBe('0.00');
    const paid = await call<{ invoice: InvoiceView }>(`query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`, { id: invoice.id });
    expect(paid.data!.invoice).toMatchObject({ status: 'PARTLY_PAID', paidAmount: '100.00', openBalance: '384.64' });

    const note = await call<{ createCreditNote: InvoiceView }>(
      `mutation($id: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $id, input: $input) { ${INVOICE} } }`,
      { id: invoice.id, input: { reason: 'Détendeur repris', lines: [{ invoiceLineId: invoice.lines[1]!.id, quantity: '1' }] } },
    );
    expect(note.data!.createCreditNote).toMatchObject({ documentType: 'CREDIT_NOTE', totalNet: '189.90', totalGross: '227.88' });
    const issuedNote = await call<{ issueInvoice: InvoiceView }>(
      `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { ${INVOICE} } }`,
      {
        id: note.data!.createCreditNote.id,
        v: note.data!.createCreditNote.version,
      },
    );
    expect(issuedNote.data!.issueInvoice.number).toMatch(/^AV-\d{4}-\d{5}$/);

    const after = await call<{
      invoice: InvoiceView & { creditNotes: { number: string }[]; paymentAllocations: { amount: string; payment: { method: string } }[] };
    }>(`query($id: ID!) { invoice(id: $id) { ${INVOICE} creditNotes { number } paymentAllocations { amount payment { method } } } }`, {
      id: invoice.id,
    });
    expect(after.data!.invoice).toMatchObject({
      status: 'PARTLY_PAID',
      creditedAmount: '227.88',
      openBalance: '156.76',
      creditNotes: [{ number: issuedNote.data!.issueInvoice.number }],
      paymentAllocations: [{ amount: '100.00', payment: { method: 'TRANSFER' } }],
    });
    expect(errorCodes(await pay('156.77', 'CHECK'))).toEqual(['PAYMENT_EXCEEDS_BALANCE']);
    const notes = await call<{ creditNotes: { edges: { node: { id: string } }[] } }>(
      `{ creditNotes(first: 10) { edges { node { id } } } }`,
    );
    expect(notes.data!.creditNotes.edges.map((e) => e.node.id)).toEqual([note.data!.createCreditNote.id]);

    const foreign = await call<{ invoice: null }>(`query($id: ID!) { invoice(id: $id) { id } }`, { id: invoice.id }, otherToken);
    expect(foreign.data!.invoice).toBeNull();
    expect(errorCodes(await pay('1.00', 'CHECK', otherToken))).toEqual(['NOT_FOUND']);
  });
});
