import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

const apiOrigin = new URL(inject('gatewayUrl')).origin;

interface InvoiceLinks {
  id: string;
  number: string | null;
  status: string;
  version: number;
  pdfUrl: string;
  facturXUrl: string | null;
}
const LINKS = 'id number status version pdfUrl facturXUrl';

/** A customer and a one-line draft invoice, through the API. */
async function draftInvoice(token: string, label: string): Promise<InvoiceLinks> {
  const { createCustomer } = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: {
          name: `Clinique ${label}`,
          siren: '552100554',
          vatNumber: 'FR96552100554',
          email: `compta@${label}.example`,
          billingAddressLine1: '3 avenue de la Libération',
          billingPostalCode: '35000',
          billingCity: 'Rennes',
        },
      },
      token,
    ),
  );
  const { createInvoice } = must(
    await gql<{ createInvoice: InvoiceLinks }>(
      `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${LINKS} } }`,
      {
        input: {
          customerId: createCustomer.id,
          lines: [{ description: 'Dépannage groupe froid', quantity: '2', unit: 'HUR', unitPrice: '78.50', vatRateCode: 'TVA20' }],
        },
      },
      token,
    ),
  );
  return createInvoice;
}

const download = (url: string) => fetch(new URL(url, apiOrigin));
const filenameOf = (response: Response) => /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];

describe('invoice documents: authorised download links through the gateway', () => {
  let token: string;
  let otherToken: string;
  let issued: InvoiceLinks;
  let otherDraft: InvoiceLinks;

  beforeAll(async () => {
    const tenant = await createTestTenant('api-documents');
    const other = await createTestTenant('api-documents-other');
    token = await login(tenant.adminEmail);
    otherToken = await login(other.adminEmail);
    const draft = await draftInvoice(token, 'documents');
    const issuedResponse = await gql<{ issueInvoice: InvoiceLinks }>(
      `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { ${LINKS} } }`,
      { id: draft.id, v: draft.version },
      token,
    );
    issued = must(issuedResponse).issueInvoice;
    otherDraft = await draftInvoice(otherToken, 'other');
  }, 60_000);

  it('gives a draft a preview PDF link and no Factur-X link', async () => {
    expect(otherDraft.facturXUrl).toBeNull();
    expect(otherDraft.pdfUrl).toMatch(new RegExp(`^/documents/invoices/${otherDraft.id}/brouillon-[0-9a-f]+\\.pdf\\?token=`));
    const response = await download(otherDraft.pdfUrl);
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('downloads the issued invoice’s Factur-X PDF under its number, the same bytes every time', async () => {
    expect(issued.number).toMatch(/^F-\d{4}-\d{5}$/);
    expect(issued.pdfUrl.startsWith(`/documents/invoices/${issued.id}/${issued.number}.pdf?token=`)).toBe(true);
    const first = await download(issued.pdfUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(filenameOf(first)).toBe(`${issued.number}.pdf`);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.includes(Buffer.from('factur-x.xml'))).toBe(true);

    const again = must(await gql<{ invoice: InvoiceLinks }>(`query($id: ID!) { invoice(id: $id) { ${LINKS} } }`, { id: issued.id }, token));
    const second = Buffer.from(await (await download(again.invoice.pdfUrl)).arrayBuffer());
    expect(second.equals(bytes)).toBe(true);
    expect(first.headers.get('content-disposition')).toMatch(/^attachment;/);
    // The back-office's preview frame asks for it inline (a download would leave the frame empty).
    const inline = await download(`${again.invoice.pdfUrl}&disposition=inline`);
    expect(inline.headers.get('content-disposition')).toBe(`inline; filename="${issued.number}.pdf"`);
    expect(Buffer.from(await inline.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('downloads the Factur-X XML of an issued invoice', async () => {
    const response = await download(issued.facturXUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(filenameOf(response)).toBe(`${issued.number}.xml`);
    const xml = await response.text();
    expect(xml).toContain('<rsm:CrossIndustryInvoice');
    expect(xml).toContain(`<ram:ID>${issued.number}</ram:ID>`);
  });

  it('refuses a tampered, missing or misused token with 401 DOCUMENT_LINK_INVALID', async () => {
    const url = new URL(issued.pdfUrl, apiOrigin);
    const tokenValue = url.searchParams.get('token')!;
    const tampered = new URL(url);
    tampered.searchParams.set('token', `${tokenValue.slice(0, -3)}${tokenValue.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`);
    const noToken = new URL(url);
    noToken.searchParams.delete('token');
    // A PDF link does not open the XML.
    const otherKind = new URL(url);
    otherKind.pathname = otherKind.pathname.replace(/\.pdf$/, '.xml');
    for (const attempt of [tampered, noToken, otherKind]) {
      const response = await fetch(attempt);
      expect(response.status, attempt.pathname).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'DOCUMENT_LINK_INVALID' });
    }
  });

  it('never lets another tenant read the invoice', async () => {
    const seen = await gql<{ invoice: InvoiceLinks | null }>(
      `query($id: ID!) { invoice(id: $id) { ${LINKS} } }`,
      { id: issued.id },
      otherToken,
    );
    expect(seen.data?.invoice ?? null).toBeNull();
    // The other tenant's own valid link, pointed at this invoice.
    const url = new URL(otherDraft.pdfUrl, apiOrigin);
    url.pathname = `/documents/invoices/${issued.id}/${issued.number}.pdf`;
    const response = await fetch(url);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'DOCUMENT_LINK_INVALID' });
  });

  it('serves the same links from the back-office origin', async () => {
    const backOffice = inject('backOfficeUrl');
    if (!backOffice) return;
    const response = await fetch(new URL(issued.pdfUrl, backOffice));
    expect(response.status).toBe(200);
    expect(filenameOf(response)).toBe(`${issued.number}.pdf`);
  });
});
