import { gql, must } from './graphql-client';

/** An invoice of one labour line at `unitPrice` HT (20 % VAT), issued: it gets its legal number. */
export async function issuedInvoice(token: string, customerId: string, unitPrice: string): Promise<{ id: string; number: string }> {
  const { createInvoice } = must(
    await gql<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId,
          lines: [{ kind: 'LABOUR', description: 'Maintenance CVC', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
        },
      },
      token,
    ),
  );
  const { issueInvoice } = must(
    await gql<{ issueInvoice: { id: string; number: string } }>(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
      { id: createInvoice.id, v: createInvoice.version },
      token,
    ),
  );
  return issueInvoice;
}

/** What the invoice shows now: its status and what is left to pay. */
export async function invoiceState(token: string, id: string): Promise<{ status: string; openBalance: string }> {
  const { invoice } = must(
    await gql<{ invoice: { status: string; openBalance: string } }>(
      'query($id: ID!) { invoice(id: $id) { status openBalance } }',
      { id },
      token,
    ),
  );
  return invoice;
}
