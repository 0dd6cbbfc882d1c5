import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenantScope, issueInvoice, shiftDate, type Orm } from '@relais/domain';
import { adminClient, appOrm } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { invoiceState, issuedInvoice } from '../support/invoice-fixtures';
import { TODAY, monthStart } from '../support/dates';
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

interface Statement {
  openingBalance: string;
  movements: { kind: string; label: string; debit: string; credit: string; balance: string; invoice: { id: string } | null }[];
  totalDebit: string;
  totalCredit: string;
  closingBalance: string;
  openItems: { reference: string; openBalance: string }[];
  pdfBase64: string;
}

describe('a write-off on the customer statement, and what it forbids', () => {
  let admin: string;
  let customerId: string;
  let invoice: { id: string; number: string };
  let writeOffId = '';
  let writeOffVersion = 0;

  const statement = async () =>
    must(
      await gql<{ customerStatement: Statement }>(
        `query($customerId: ID!, $from: LocalDate!, $to: LocalDate!) {
          customerStatement(customerId: $customerId, from: $from, to: $to) {
            openingBalance
            movements { kind label debit credit balance invoice { id } }
            totalDebit totalCredit closingBalance
            openItems { reference openBalance }
            pdfBase64
          }
        }`,
        { customerId, from: monthStart(0), to: TODAY },
        admin,
      ),
    ).customerStatement;
  const rows = (s: Statement) => s.movements.map((m) => [m.kind, m.label, m.debit, m.credit, m.balance]);
  const sum = (amounts: string[]) => (amounts.reduce((cents, a) => cents + Math.round(Number(a) * 100), 0) / 100).toFixed(2);
  const creditNoteState = async () =>
    must(
      await gql<{ invoice: { canCreateCreditNote: boolean; creditedAmount: string; openBalance: string; creditNotes: { id: string }[] } }>(
        'query($id: ID!) { invoice(id: $id) { canCreateCreditNote creditedAmount openBalance creditNotes { id } } }',
        { id: invoice.id },
        admin,
      ),
    ).invoice;
  const createCreditNote = () =>
    gql<{ createCreditNote: { id: string; version: number } }>(
      'mutation($invoiceId: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $invoiceId, input: $input) { id version } }',
      { invoiceId: invoice.id, input: { reason: 'Geste commercial' } },
      admin,
    );

  beforeAll(async () => {
    const tenant = await createTestTenant('write-offs-statement');
    admin = await login(tenant.adminEmail);
    customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        {
          input: {
            name: 'SAS Bâtiments Morvan',
            billingAddressLine1: '1 place du Marché',
            billingPostalCode: '58000',
            billingCity: 'Nevers',
          },
        },
        admin,
      ),
    ).createCustomer.id;
    invoice = await issuedInvoice(admin, customerId, '250.00'); // 300.00 TTC
    must(
      await gql(
        'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
        {
          input: {
            customerId,
            receivedOn: TODAY,
            amount: '60.00',
            method: 'TRANSFER',
            reference: 'VIR MORVAN',
            allocations: [{ invoiceId: invoice.id, amount: '60.00' }],
          },
        },
        admin,
      ),
    );
  });

  it('credits the account by the written-off amount: the closing balance is the sum of the open items, to the cent', async () => {
    const written = must(
      await gql<{ writeOffInvoice: WriteOff }>(
        WRITE_OFF,
        { input: { invoiceId: invoice.id, kind: 'IRRECOVERABLE', reason: 'Liquidation judiciaire', writtenOffOn: TODAY } },
        admin,
      ),
    ).writeOffInvoice;
    expect(written.amount).toBe('240.00');
    writeOffId = written.id;
    writeOffVersion = written.version;

    const s = await statement();
    expect(s.openingBalance).toBe('0.00');
    expect(rows(s)).toEqual([
      ['INVOICE', `Facture ${invoice.number}`, '300.00', '0.00', '300.00'],
      ['PAYMENT', 'Règlement par virement — VIR MORVAN', '0.00', '60.00', '240.00'],
      ['WRITE_OFF', `Passage en perte — ${invoice.number} (créance irrécouvrable)`, '0.00', '240.00', '0.00'],
    ]);
    expect(s.movements[2]!.invoice).toEqual({ id: invoice.id });
    expect(s).toMatchObject({ totalDebit: '300.00', totalCredit: '300.00', closingBalance: '0.00', openItems: [] });
    expect(Buffer.from(s.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a credit note while the write-off stands, creating nothing: cancel the write-off first', async () => {
    expect(await creditNoteState()).toEqual({ canCreateCreditNote: false, creditedAmount: '0.00', openBalance: '0.00', creditNotes: [] });
    const refused = await createCreditNote();
    expect(errorCodes(refused)).toEqual(['INVOICE_WRITTEN_OFF']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ invoiceNumber: invoice.number, writtenOffAmount: '240.00' });
    expect(await creditNoteState()).toEqual({ canCreateCreditNote: false, creditedAmount: '0.00', openBalance: '0.00', creditNotes: [] });
  });

  it('debits the amount back when the write-off is cancelled, and a credit note is possible again', async () => {
    must(
      await gql(
        'mutation($id: ID!, $v: Int) { cancelWriteOff(id: $id, expectedVersion: $v) { id } }',
        { id: writeOffId, v: writeOffVersion },
        admin,
      ),
    );
    const s = await statement();
    expect(rows(s)).toEqual([
      ['INVOICE', `Facture ${invoice.number}`, '300.00', '0.00', '300.00'],
      ['PAYMENT', 'Règlement par virement — VIR MORVAN', '0.00', '60.00', '240.00'],
      ['WRITE_OFF', `Passage en perte — ${invoice.number} (créance irrécouvrable)`, '0.00', '240.00', '0.00'],
      ['WRITE_OFF_CANCELLED', `Annulation du passage en perte — ${invoice.number} (créance irrécouvrable)`, '240.00', '0.00', '240.00'],
    ]);
    expect(s).toMatchObject({ totalDebit: '540.00', totalCredit: '300.00', closingBalance: '240.00' });
    expect(s.openItems).toEqual([{ reference: invoice.number, openBalance: '240.00' }]);
    expect(sum(s.openItems.map((i) => i.openBalance))).toBe(s.closingBalance);

    expect((await creditNoteState()).canCreateCreditNote).toBe(true);
    must(await createCreditNote());
    expect((await creditNoteState()).creditNotes).toHaveLength(1);
  });

  it('does not issue a credit note drafted before the invoice was written off while the write-off stands', async () => {
    const other = await issuedInvoice(admin, customerId, '100.00'); // 120.00 TTC
    const draft = must(
      await gql<{ createCreditNote: { id: string; version: number } }>(
        'mutation($invoiceId: ID!, $input: CreditNoteInput!) { createCreditNote(invoiceId: $invoiceId, input: $input) { id version } }',
        { invoiceId: other.id, input: { reason: 'Erreur de taux' } },
        admin,
      ),
    ).createCreditNote;
    must(
      await gql(WRITE_OFF, { input: { invoiceId: other.id, kind: 'IRRECOVERABLE', reason: 'Liquidation', writtenOffOn: TODAY } }, admin),
    );
    const refused = await gql(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id } }',
      {
        id: draft.id,
        v: draft.version,
      },
      admin,
    );
    expect(errorCodes(refused)).toEqual(['INVOICE_WRITTEN_OFF']);
    expect(await invoiceState(admin, draft.id)).toMatchObject({ status: 'DRAFT' });
    expect(await invoiceState(admin, other.id)).toEqual({ status: 'WRITTEN_OFF', openBalance: '0.00' });
  });
});

describe('the VAT of a month holding only a write-off', () => {
  let orm: Orm;
  let admin: string;

  beforeAll(async () => {
    orm = await appOrm();
    const tenant = await createTestTenant('write-offs-vat');
    const db = await adminClient();
    try {
      await db.query('update tenants set vat_on_debits = true where id = $1', [tenant.tenantId]);
    } finally {
      await db.end();
    }
    admin = await login(tenant.adminEmail);
    const customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { name: 'SARL Chauffage Perrin', billingAddressLine1: '3 rue Haute', billingPostalCode: '21000', billingCity: 'Dijon' } },
        admin,
      ),
    ).createCustomer.id;
    const draft = must(
      await gql<{ createInvoice: { id: string; version: number } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
        {
          input: {
            customerId,
            lines: [{ kind: 'LABOUR', description: 'Dépannage', quantity: '1', unit: 'HUR', unitPrice: '150.00', vatRateCode: 'TVA20' }],
          },
        },
        admin,
      ),
    ).createInvoice;
    // Issued in an earlier month (180,00 TTC), written off this month: the month's only VAT is the 30,00 recovered.
    const issued = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, (em) =>
      issueInvoice(em, draft.id, draft.version, { at: new Date(`${shiftDate(monthStart(0), -20)}T10:00:00Z`) }),
    );
    must(
      await gql(WRITE_OFF, { input: { invoiceId: issued.id, kind: 'IRRECOVERABLE', reason: 'Liquidation', writtenOffOn: TODAY } }, admin),
    );
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('is a VAT credit of 30,00, not a negative VAT due', async () => {
    const query = async () =>
      must(
        await gql<{ vatReport: { totals: { dueOnIssue: string; due: string }; payable: string; credit: string } }>(
          'query($from: LocalDate!, $to: LocalDate!) { vatReport(from: $from, to: $to) { totals { dueOnIssue due } payable credit } }',
          { from: monthStart(0), to: TODAY },
          admin,
        ),
      ).vatReport;
    // The ledger posts the write-off from its fact within seconds.
    await expect.poll(async () => (await query()).credit, { timeout: 30_000, interval: 1_000 }).toBe('30.00');
    expect(await query()).toEqual({ totals: { dueOnIssue: '-30.00', due: '-30.00' }, payable: '0.00', credit: '30.00' });
  });
});
