import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BankMovement,
  InvoiceLine,
  acceptQuote,
  bookBankMovement,
  camt053Statement,
  convertQuoteToInvoice,
  createCreditNote,
  createCustomer,
  createDraftInvoice,
  createQuote,
  entryLinesByEntryIds,
  importBankStatement,
  inTenantScope,
  issueInvoice,
  ledgerBalance,
  ledgerMapping,
  listJournalEntries,
  localDate,
  postAllPendingFacts,
  postPendingFacts,
  rebuildLedger,
  recordPayment,
  refundPayment,
  reversePayment,
  sendQuote,
  systemIdentity,
  unmatchBankMovement,
  updateLedgerMapping,
  vatReport,
  DEFAULT_LEDGER_ACCOUNTS,
  type DraftLineInput,
  type Identity,
  type Invoice,
  type Orm,
} from '@relais/domain';
import { adminClient, appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
const MONTH_START = `${TODAY.slice(0, 8)}01`;
const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const line = (kind: DraftLineInput['kind'], quantity: string, unitPrice: string, vatRateCode = 'TVA20'): DraftLineInput => ({
  kind,
  description: `${kind} ${quantity} × ${unitPrice}`,
  quantity,
  unit: 'C62',
  unitPrice,
  vatRateCode,
});

/** An entry as an accountant checks it: journal, date, piece, and per line [account, auxiliary, debit, credit]. */
interface PostedEntry {
  journal: string;
  entryDate: string;
  pieceRef: string;
  label: string;
  sourceType: string;
  lines: [string, string | null, string, string][];
}

describe('the ledger, posted from business facts', () => {
  let orm: Orm;
  let client: pg.Client;
  let admin: pg.Client;
  /** On debits (the test tenants' default). */
  let tenant: TestTenant;
  /** On receipts: its services' VAT is due when paid. */
  let receipts: TestTenant;
  let customerId: string;
  let receiptsCustomerId: string;

  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity: Identity = tenant.identity) =>
    inTenantScope(orm, identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = [], of: TestTenant = tenant) =>
    inTenantTransaction(client, of.tenantId, async () => (await client.query(text, params)).rows as T[]);

  /**
   * Posts everything the tenant has waiting, as the worker does, until no fact is left after the
   * cursor (the worker may be posting too: they take turns on the cursor).
   */
  async function post(of: TestTenant = tenant): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await inTenantScope(orm, systemIdentity(of.tenantId, 'test'), { requestId: 't' }, (em) => postAllPendingFacts(em, of.tenantId));
      const [{ waiting }] = (await sql<{ waiting: number }>(
        `select count(*)::int as waiting from business_facts f
          where not exists (select 1 from ledger_cursors c where (f.xact_id, f.seq) <= (c.last_xact_id, c.last_seq))`,
        [],
        of,
      )) as [{ waiting: number }];
      if (waiting === 0) return;
      if (Date.now() > deadline) throw new Error(`${waiting} facts still waiting to be posted`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function entriesOf(documentId: string, of: TestTenant = tenant): Promise<PostedEntry[]> {
    return inScope(async (em) => {
      const page = await listJournalEntries(em, { documentId, first: 50 });
      const lines = await entryLinesByEntryIds(
        em,
        page.nodes.map((e) => e.id),
      );
      return page.nodes.map((e) => ({
        journal: e.journal,
        entryDate: e.entryDate,
        pieceRef: e.pieceRef,
        label: e.label,
        sourceType: e.sourceType,
        lines: lines.filter((l) => l.entryId === e.id).map((l) => [l.account, l.auxiliaryAccount ?? null, l.debit, l.credit]),
      }));
    }, of.identity);
  }

  /** Every entry of the tenant with its lines, by content (ids aside), in the order of their facts. */
  const content = (of: TestTenant = tenant) =>
    sql<Record<string, unknown>>(
      `select e.journal, e.entry_date::text, e.piece_ref, e.piece_date::text, e.label, e.source_fact_id, e.source_type, e.source_id,
              e.customer_id, e.number,
              (select json_agg(json_build_array(l.position, l.account, l.auxiliary_account, l.auxiliary_label, l.label,
                                                l.debit::text, l.credit::text, l.vat_rate::text, l.vat_due_on) order by l.position)
                 from ledger_entry_lines l where l.tenant_id = e.tenant_id and l.entry_id = e.id) as lines
         from ledger_entries e order by e.source_fact_id`,
      [],
      of,
    );

  async function issued(lines: DraftLineInput[], of: TestTenant = tenant, customer = customerId): Promise<Invoice> {
    const draft = await inScope((em) => createDraftInvoice(em, of.identity, { customerId: customer, lines }), of.identity);
    return inScope((em) => issueInvoice(em, draft.id, draft.version), of.identity);
  }

  const customerCode = async (id: string, of: TestTenant = tenant) =>
    (await sql<{ code: string }>('select code from customers where id = $1', [id], of))[0]!.code;

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    admin = await adminClient();
    [tenant, receipts] = await Promise.all([createTestTenant('ledger'), createTestTenant('ledger-receipts')]);
    await admin.query('update tenants set vat_on_debits = false where id = $1', [receipts.tenantId]);
    const input = {
      name: 'Hôtel des Ducs',
      email: 'compta@hotel-des-ducs.example',
      billingAddressLine1: '1 rue de la Paix',
      billingPostalCode: '44000',
      billingCity: 'Nantes',
    };
    customerId = (await inScope((em) => createCustomer(em, tenant.tenantId, input))).id;
    receiptsCustomerId = (await inScope((em) => createCustomer(em, receipts.tenantId, input), receipts.identity)).id;
  });

  afterAll(async () => {
    await client.end();
    await admin.end();
    await orm.close(true);
  });

  it('posts an invoice of several kinds and rates, its credit note, payments, a reversal, a refund and bank fees, to the cent', async () => {
    const aux = `411${await customerCode(customerId)}`;
    // 3 h × 65 + travel 45 + parts 75 at 20 %, labour 80 at 10 %, parts 120 at 5.5 %: 515.00 HT, 77.60 VAT, 592.60 TTC.
    const invoice = await issued([
      line('LABOUR', '3', '65.00'),
      line('TRAVEL', '1', '45.00'),
      line('PART', '2', '37.50'),
      line('LABOUR', '1', '80.00', 'TVA10'),
      line('PART', '1', '120.00', 'TVA5_5'),
    ]);
    expect(invoice.totalGross).toBe('592.60');
    const partLine = await inScope((em) => em.findOneOrFail(InvoiceLine, { invoiceId: invoice.id, vatRateCode: 'TVA5_5' }));
    const note = await inScope((em) =>
      createCreditNote(em, tenant.identity, invoice.id, {
        reason: 'Pièce reprise',
        lines: [{ invoiceLineId: partLine.id, quantity: '1' }],
      }),
    );
    const creditNote = await inScope((em) => issueInvoice(em, note.id, note.version));
    const first = await inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId,
        receivedOn: TODAY,
        amount: '300.00',
        method: 'CHECK',
        reference: 'CHQ 0012345',
        allocations: [{ invoiceId: invoice.id, amount: '300.00' }],
      }),
    );
    await inScope((em) => reversePayment(em, tenant.identity, first.id, { reversedOn: TODAY, reason: 'Chèque impayé' }));
    const second = await inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId,
        receivedOn: TODAY,
        amount: '500.00',
        method: 'TRANSFER',
        reference: 'VIR HOTEL DES DUCS',
        allocations: [{ invoiceId: invoice.id, amount: '466.00' }],
      }),
    );
    await inScope((em) => refundPayment(em, tenant.identity, second.id, { refundedOn: TODAY, amount: '34.00', method: 'TRANSFER' }));
    const statement = camt053Statement({
      id: 'LEDGER-1',
      iban: 'FR7630004008280001074251964',
      ownerName: 'THERMOCLIM',
      from: TODAY,
      to: TODAY,
      openingBalance: '1000.00',
      entries: [{ amount: '-12.50', bookingDate: TODAY, reference: 'FRAIS-1', remittance: 'FRAIS TENUE DE COMPTE' }],
    });
    await inScope((em) => importBankStatement(em, tenant.identity, { content: Buffer.from(statement), fileName: 'releve.xml' }));
    const fees = await inScope((em) => em.findOneOrFail(BankMovement, { bankReference: 'FRAIS-1' }));
    await inScope((em) => bookBankMovement(em, tenant.identity, fees.id, { kind: 'BANK_FEES' }));

    await post();

    expect(await entriesOf(invoice.id)).toEqual([
      {
        journal: 'VT',
        entryDate: TODAY,
        pieceRef: invoice.number,
        label: `Facture ${invoice.number} Hôtel des Ducs`,
        sourceType: 'INVOICE',
        lines: [
          ['411000', aux, '592.60', '0.00'],
          ['706000', null, '0.00', '195.00'],
          ['708500', null, '0.00', '45.00'],
          ['707000', null, '0.00', '75.00'],
          ['706000', null, '0.00', '80.00'],
          ['707000', null, '0.00', '120.00'],
          ['445711', null, '0.00', '63.00'],
          ['445712', null, '0.00', '8.00'],
          ['445713', null, '0.00', '6.60'],
        ],
      },
    ]);
    expect(await entriesOf(creditNote.id)).toEqual([
      {
        journal: 'VT',
        entryDate: TODAY,
        pieceRef: creditNote.number,
        label: `Avoir ${creditNote.number} Hôtel des Ducs`,
        sourceType: 'CREDIT_NOTE',
        lines: [
          ['411000', aux, '0.00', '126.60'],
          ['707000', null, '120.00', '0.00'],
          ['445713', null, '6.60', '0.00'],
        ],
      },
    ]);
    expect(await entriesOf(first.id)).toEqual([
      {
        journal: 'BQ',
        entryDate: TODAY,
        pieceRef: 'CHQ 0012345',
        label: 'Règlement chèque Hôtel des Ducs',
        sourceType: 'PAYMENT',
        lines: [
          ['512000', null, '300.00', '0.00'],
          ['411000', aux, '0.00', '300.00'],
        ],
      },
      {
        journal: 'BQ',
        entryDate: TODAY,
        pieceRef: 'CHQ 0012345',
        label: 'Annulation règlement Hôtel des Ducs : Chèque impayé',
        sourceType: 'PAYMENT',
        lines: [
          ['512000', null, '0.00', '300.00'],
          ['411000', aux, '300.00', '0.00'],
        ],
      },
    ]);
    expect((await entriesOf(second.id)).map((e) => [e.label, e.lines])).toEqual([
      [
        'Règlement virement Hôtel des Ducs',
        [
          ['512000', null, '500.00', '0.00'],
          ['411000', aux, '0.00', '500.00'],
        ],
      ],
      [
        'Remboursement virement Hôtel des Ducs',
        [
          ['512000', null, '0.00', '34.00'],
          ['411000', aux, '34.00', '0.00'],
        ],
      ],
    ]);
    expect(await entriesOf(fees.id)).toEqual([
      {
        journal: 'BQ',
        entryDate: TODAY,
        pieceRef: 'FRAIS-1',
        label: `Frais bancaires — ${fees.label}`,
        sourceType: 'BANK_MOVEMENT',
        lines: [
          ['512000', null, '0.00', '12.50'],
          ['627000', null, '12.50', '0.00'],
        ],
      },
    ]);

    // The customer's account is settled to the cent: 592.60 − 126.60 − 300 + 300 − 500 + 34 = 0.
    const balance = await inScope((em) => ledgerBalance(em, { accountPrefix: '411' }));
    expect(balance.rows).toEqual([{ account: '411000', label: 'Clients', debit: '926.60', credit: '926.60', balance: '0.00' }]);
    const trial = await inScope((em) => ledgerBalance(em, {}));
    expect(trial.totalDebit).toBe(trial.totalCredit);
    expect(trial.rows.find((r) => r.account === '512000')).toMatchObject({ debit: '800.00', credit: '346.50', balance: '453.50' });

    // Undoing the booking posts its mirror, dated today.
    await inScope((em) => unmatchBankMovement(em, tenant.identity, fees.id, 'Pas des frais : prélèvement fournisseur'));
    await post();
    expect((await entriesOf(fees.id)).map((e) => [e.label.startsWith('Annulation : Frais bancaires'), e.lines])).toEqual([
      [
        false,
        [
          ['512000', null, '0.00', '12.50'],
          ['627000', null, '12.50', '0.00'],
        ],
      ],
      [
        true,
        [
          ['512000', null, '12.50', '0.00'],
          ['627000', null, '0.00', '12.50'],
        ],
      ],
    ]);
  });

  it('credits 4191 with a deposit and debits it on the final invoice, whose VAT excludes what the deposit collected', async () => {
    const aux = `411${await customerCode(receiptsCustomerId, receipts)}`;
    const inReceipts = <T>(work: (em: EntityManager) => Promise<T>) => inScope(work, receipts.identity);
    // 1 000 labour + 500 parts at 20 %, 400 labour at 10 %: 1 900.00 HT, 340.00 VAT, 2 240.00 TTC.
    let quote = await inReceipts((em) =>
      createQuote(em, receipts.identity, {
        customerId: receiptsCustomerId,
        title: 'Remplacement de la chaufferie',
        lines: [
          {
            section: 'Travaux',
            kind: 'LABOUR',
            description: 'Main-d’œuvre',
            quantity: '10',
            unit: 'HUR',
            unitPrice: '100.00',
            vatRateCode: 'TVA20',
          },
          {
            section: 'Travaux',
            kind: 'PART',
            description: 'Chaudière',
            quantity: '1',
            unit: 'C62',
            unitPrice: '500.00',
            vatRateCode: 'TVA20',
          },
          {
            section: 'Travaux',
            kind: 'LABOUR',
            description: 'Rénovation',
            quantity: '4',
            unit: 'HUR',
            unitPrice: '100.00',
            vatRateCode: 'TVA10',
          },
        ],
      }),
    );
    quote = await inReceipts((em) => sendQuote(em, receipts.identity, quote.id, quote.version));
    quote = await inReceipts((em) => acceptQuote(em, receipts.identity, quote.id, { expectedVersion: quote.version }));
    const depositDraft = await inReceipts((em) =>
      convertQuoteToInvoice(em, receipts.identity, quote.id, { mode: 'DEPOSIT', percent: '30' }),
    );
    const deposit = await inReceipts((em) => issueInvoice(em, depositDraft.id, depositDraft.version));
    const finalDraft = await inReceipts((em) => convertQuoteToInvoice(em, receipts.identity, quote.id, { mode: 'FINAL' }));
    const final = await inReceipts((em) => issueInvoice(em, finalDraft.id, finalDraft.version));
    expect([deposit.totalGross, final.totalGross, final.prepaidAmount, final.amountDue]).toEqual([
      '672.00',
      '2240.00',
      '672.00',
      '1568.00',
    ]);
    await post(receipts);

    expect((await entriesOf(deposit.id, receipts))[0]!.lines).toEqual([
      ['411000', aux, '672.00', '0.00'],
      ['419100', null, '0.00', '450.00'],
      ['419100', null, '0.00', '120.00'],
      ['445711', null, '0.00', '90.00'],
      ['445712', null, '0.00', '12.00'],
    ]);
    // 20 %: parts' VAT (100.00) due now; services' 200.00 less the deposit's 90.00 when paid. 10 %: 40.00 − 12.00.
    expect((await entriesOf(final.id, receipts))[0]!.lines).toEqual([
      ['411000', aux, '1568.00', '0.00'],
      ['419100', null, '570.00', '0.00'],
      ['706000', null, '0.00', '1000.00'],
      ['707000', null, '0.00', '500.00'],
      ['706000', null, '0.00', '400.00'],
      ['445711', null, '0.00', '100.00'],
      ['445711', null, '0.00', '110.00'],
      ['445712', null, '0.00', '28.00'],
    ]);
    const deposits = await inReceipts((em) => ledgerBalance(em, { accountPrefix: '4191' }));
    expect(deposits.rows).toEqual([
      {
        account: '419100',
        label: 'Clients – avances et acomptes reçus sur commandes',
        debit: '570.00',
        credit: '570.00',
        balance: '0.00',
      },
    ]);

    // VAT: the deposit paid in full, a third of the final invoice paid.
    const report = () => inReceipts((em) => vatReport(em, { from: MONTH_START, to: TODAY }));
    const before = await report();
    expect(before.rows).toEqual([
      { rate: '20.00', dueOnIssue: '100.00', invoicedOnPayment: '200.00', dueOnPayment: '0.00', due: '100.00' },
      { rate: '10.00', dueOnIssue: '0.00', invoicedOnPayment: '40.00', dueOnPayment: '0.00', due: '0.00' },
    ]);
    const pay = (invoiceId: string, amount: string) =>
      inReceipts((em) =>
        recordPayment(em, receipts.identity, {
          customerId: receiptsCustomerId,
          receivedOn: TODAY,
          amount,
          method: 'TRANSFER',
          allocations: [{ invoiceId, amount }],
        }),
      );
    await pay(deposit.id, '672.00');
    const third = await pay(final.id, '522.67');
    await post(receipts);
    // 110.00 × 522.67 / 1 568.00 = 36.666… → 36.67; 28.00 × the same share = 9.333… → 9.33.
    expect((await report()).rows).toEqual([
      { rate: '20.00', dueOnIssue: '100.00', invoicedOnPayment: '200.00', dueOnPayment: '126.67', due: '226.67' },
      { rate: '10.00', dueOnIssue: '0.00', invoicedOnPayment: '40.00', dueOnPayment: '21.33', due: '21.33' },
    ]);
    expect((await inReceipts((em) => vatReport(em, { from: dayBefore(MONTH_START), to: dayBefore(MONTH_START) }))).rows).toEqual([]);

    // Reversed, the third no longer counts; paid in full, the VAT on receipts is due exactly.
    await inReceipts((em) => reversePayment(em, receipts.identity, third.id, { reversedOn: TODAY, reason: 'Virement rappelé' }));
    expect((await report()).totals.dueOnPayment).toBe('102.00');
    await pay(final.id, '1568.00');
    expect((await report()).totals).toEqual({ dueOnIssue: '100.00', invoicedOnPayment: '240.00', dueOnPayment: '240.00', due: '340.00' });
  });

  it('posts nothing twice when the facts are replayed, and rebuilds a range into the same entries', async () => {
    await post();
    const posted = await content();
    expect(posted.length).toBeGreaterThan(5);
    await admin.query(`update ledger_cursors set last_xact_id = '0', last_seq = 0 where tenant_id = $1`, [tenant.tenantId]);
    // Three facts at a time: the cursor moves through them in order and ends on the last one.
    const system = systemIdentity(tenant.tenantId, 'test');
    while ((await inScope((em) => postPendingFacts(em, tenant.tenantId, 3), system)).more);
    const [last] = await sql<{ at_end: boolean }>(
      `select (c.last_xact_id, c.last_seq) = (select f.xact_id, f.seq from business_facts f order by f.xact_id desc, f.seq desc limit 1) as at_end
         from ledger_cursors c`,
    );
    expect(last).toEqual({ at_end: true });
    expect(await content()).toEqual(posted);

    const rebuilt = await inScope((em) => rebuildLedger(em, tenant.tenantId, { from: MONTH_START, to: TODAY }), system);
    expect(rebuilt).toEqual({ deleted: posted.length, posted: posted.length });
    expect(await content()).toEqual(posted);

    const refused = await refusal(inScope((em) => rebuildLedger(em, tenant.tenantId, { from: TODAY, to: dayBefore(TODAY) })));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'to', message: 'après le début' }] } });
  });

  it('never posts another tenant’s facts, and never lets an entry change', async () => {
    const theirs = await issued([line('LABOUR', '1', '100.00')], receipts, receiptsCustomerId);
    await post();
    expect(await entriesOf(theirs.id)).toEqual([]);
    await post(receipts);
    expect(await entriesOf(theirs.id, receipts)).toHaveLength(1);
    const { rows: owners } = await admin.query('select distinct tenant_id from ledger_entries where source_id = $1', [theirs.id]);
    expect(owners).toEqual([{ tenant_id: receipts.tenantId }]);

    const [entry] = await sql<{ id: string }>('select id from ledger_entries limit 1');
    await expect(sql(`update ledger_entries set label = 'modifié' where id = $1`, [entry!.id])).rejects.toThrow(/permission denied/);
    await expect(sql('delete from ledger_entries where id = $1', [entry!.id])).rejects.toThrow(/a journal entry never changes/);
    await expect(sql('delete from ledger_entry_lines where entry_id = $1', [entry!.id])).rejects.toThrow(/a journal entry never changes/);
    await expect(
      sql(
        `insert into ledger_entry_lines (tenant_id, id, entry_id, position, account, label, debit, credit)
         values ($1, gen_random_uuid(), $2, 99, '471000', 'ajout', 1, 0)`,
        [tenant.tenantId, entry!.id],
      ),
    ).rejects.toThrow(/written with their entry/);
    await expect(admin.query(`update ledger_entry_lines set debit = debit + 1 where entry_id = $1`, [entry!.id])).rejects.toThrow(
      /a journal entry never changes/,
    );
  });

  it('posts to the tenant’s own accounts once changed, refusing an account missing from the chart of accounts', async () => {
    const mapping = await inScope((em) => ledgerMapping(em, tenant.tenantId));
    expect(mapping).toEqual({ ...DEFAULT_LEDGER_ACCOUNTS, version: 0 });
    const unknown = await refusal(
      inScope((em) =>
        updateLedgerMapping(em, tenant.identity, { ...DEFAULT_LEDGER_ACCOUNTS, labourAccount: '706999', expectedVersion: 0 }),
      ),
    );
    expect(unknown).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'labourAccount', message: 'compte 706999 absent du plan comptable' }] },
    });
    const wrongClass = await refusal(
      inScope((em) =>
        updateLedgerMapping(em, tenant.identity, {
          ...DEFAULT_LEDGER_ACCOUNTS,
          vatAccounts: [{ rate: '20.00', account: '512000' }],
          expectedVersion: 0,
        }),
      ),
    );
    expect(wrongClass.details).toMatchObject({ fields: [{ field: 'vatAccounts[0].account', message: 'compte 44571… attendu' }] });
    expect((await inScope((em) => ledgerMapping(em, tenant.tenantId))).version).toBe(0);

    const updated = await inScope((em) =>
      updateLedgerMapping(em, tenant.identity, { ...DEFAULT_LEDGER_ACCOUNTS, labourAccount: '706100', expectedVersion: 0 }),
    );
    expect(updated).toMatchObject({ labourAccount: '706100', version: 1 });
    const stale = await refusal(
      inScope((em) => updateLedgerMapping(em, tenant.identity, { ...DEFAULT_LEDGER_ACCOUNTS, expectedVersion: 0 })),
    );
    expect(stale.code).toBe('STALE_VERSION');

    const invoice = await issued([line('LABOUR', '2', '50.00')]);
    await post();
    expect((await entriesOf(invoice.id))[0]!.lines.map((l) => l[0])).toEqual(['411000', '706100', '445711']);
  });

  it('has posted the demo tenant’s history: every issued document of an amount booked, the trial balance even', async () => {
    const { rows } = await admin.query<{ id: string }>(`select id from tenants where slug = 'climouest'`);
    const demo = rows[0]!.id;
    const identity = systemIdentity(demo, 'test');
    await inTenantScope(orm, identity, { requestId: 't' }, (em) => postAllPendingFacts(em, demo));
    const { rows: counts } = await admin.query<{ issued: number; booked: number; payments: number; receipts: number }>(
      `select (select count(*)::int from invoices where tenant_id = $1 and status = 'ISSUED' and total_gross <> 0) as issued,
              (select count(*)::int from ledger_entries where tenant_id = $1 and source_type in ('INVOICE', 'CREDIT_NOTE')) as booked,
              (select count(*)::int from payments where tenant_id = $1) as payments,
              (select count(*)::int from ledger_entries where tenant_id = $1 and journal = 'BQ' and source_type = 'PAYMENT') as receipts`,
      [demo],
    );
    expect(counts[0]!.issued).toBeGreaterThan(100);
    expect(counts[0]!.booked).toBe(counts[0]!.issued);
    expect(counts[0]!.receipts).toBeGreaterThanOrEqual(counts[0]!.payments);
    const trial = await inTenantScope(orm, identity, { requestId: 't' }, (em) => ledgerBalance(em, {}));
    expect(trial.totalDebit).toBe(trial.totalCredit);
    expect(trial.rows.map((r) => r.account)).toEqual(expect.arrayContaining(['411000', '512000', '706100', '445711']));
  });
});
