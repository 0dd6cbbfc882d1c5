import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { invoiceState, issuedInvoice } from '../support/invoice-fixtures';
import { TODAY } from '../support/dates';
import { createTestTenant } from '../support/tenants';

interface WriteOff {
  id: string;
  kind: string;
  amount: string;
  writtenOffOn: string;
  cancelledOn: string | null;
  version: number;
}

const WRITE_OFF =
  'mutation($input: WriteOffInvoiceInput!) { writeOffInvoice(input: $input) { id kind amount writtenOffOn cancelledOn version } }';

describe('writing invoices off through the gateway', () => {
  let admin: string;
  let customerId: string;

  const writeOff = (input: Record<string, unknown>, token = admin) => gql<{ writeOffInvoice: WriteOff }>(WRITE_OFF, { input }, token);
  const writeOffsOf = async (invoiceId: string) =>
    must(
      await gql<{ invoice: { writeOffs: WriteOff[] } }>(
        'query($id: ID!) { invoice(id: $id) { writeOffs { id kind amount writtenOffOn cancelledOn version } } }',
        { id: invoiceId },
        admin,
      ),
    ).invoice.writeOffs;

  beforeAll(async () => {
    const tenant = await createTestTenant('write-offs-api');
    admin = await login(tenant.adminEmail);
    customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name: 'SARL Les Forges (en liquidation)',
            billingAddressLine1: '2 rue des Forges',
            billingPostalCode: '44000',
            billingCity: 'Nantes',
          },
        },
        admin,
      ),
    ).createCustomer.id;
  });

  it('passes an irrecoverable invoice to losses, then cancels it: the balance is open again', async () => {
    const invoice = await issuedInvoice(admin, customerId, '250.00'); // 300.00 TTC
    const written = must(
      await writeOff({
        invoiceId: invoice.id,
        kind: 'IRRECOVERABLE',
        reason: 'Liquidation judiciaire, créance non admise',
        writtenOffOn: TODAY,
      }),
    ).writeOffInvoice;
    expect(written).toMatchObject({ kind: 'IRRECOVERABLE', amount: '300.00', writtenOffOn: TODAY, cancelledOn: null });
    expect(await invoiceState(admin, invoice.id)).toMatchObject({ status: 'WRITTEN_OFF', openBalance: '0.00' });
    expect(await writeOffsOf(invoice.id)).toHaveLength(1);

    const again = await writeOff({ invoiceId: invoice.id, kind: 'IRRECOVERABLE', reason: 'Deux fois', writtenOffOn: TODAY });
    expect(errorCodes(again)).toEqual(['NOT_PAYABLE']);

    const cancelled = must(
      await gql<{ cancelWriteOff: WriteOff }>(
        'mutation($id: ID!, $v: Int) { cancelWriteOff(id: $id, expectedVersion: $v) { id cancelledOn } }',
        { id: written.id, v: written.version },
        admin,
      ),
    ).cancelWriteOff;
    expect(cancelled.cancelledOn).toBe(TODAY);
    expect((await invoiceState(admin, invoice.id)).openBalance).toBe('300.00');
  });

  it('refuses too much, a small balance over the limit and a missing reason, changing nothing', async () => {
    const invoice = await issuedInvoice(admin, customerId, '10.00'); // 12.00 TTC
    expect(
      errorCodes(await writeOff({ invoiceId: invoice.id, kind: 'IRRECOVERABLE', amount: '12.01', reason: 'Trop', writtenOffOn: TODAY })),
    ).toEqual(['WRITE_OFF_EXCEEDS_BALANCE']);
    expect(errorCodes(await writeOff({ invoiceId: invoice.id, kind: 'SMALL_BALANCE', reason: 'Reliquat', writtenOffOn: TODAY }))).toEqual([
      'SMALL_BALANCE_OVER_THRESHOLD',
    ]);
    const noReason = await writeOff({ invoiceId: invoice.id, kind: 'IRRECOVERABLE', reason: ' ', writtenOffOn: TODAY });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'reason' })],
    });
    expect(await invoiceState(admin, invoice.id)).toMatchObject({ openBalance: '12.00' });
    expect(await writeOffsOf(invoice.id)).toEqual([]);

    const small = must(
      await writeOff({
        invoiceId: invoice.id,
        kind: 'SMALL_BALANCE',
        amount: '3.50',
        reason: 'Reliquat après règlement',
        writtenOffOn: TODAY,
      }),
    ).writeOffInvoice;
    expect(small.amount).toBe('3.50');
    expect((await invoiceState(admin, invoice.id)).openBalance).toBe('8.50');
  });

  it('is for finance writers only', async () => {
    const invoice = await issuedInvoice(admin, customerId, '20.00');
    const key = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'Lecture comptable', scopes: ['finance:read', 'billing:read'] } },
        admin,
      ),
    ).createApiKey.token;
    expect(errorCodes(await writeOff({ invoiceId: invoice.id, kind: 'IRRECOVERABLE', reason: 'Essai', writtenOffOn: TODAY }, key))).toEqual(
      ['FORBIDDEN'],
    );
    expect((await invoiceState(admin, invoice.id)).openBalance).toBe('24.00');
  });
});
