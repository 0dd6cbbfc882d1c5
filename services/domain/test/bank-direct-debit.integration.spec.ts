import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BankMovement,
  DirectDebitBatch,
  DirectDebitItem,
  Invoice,
  Payment,
  createCustomer,
  createDirectDebitBatch,
  createDraftInvoice,
  createMandate,
  earliestCollectionDate,
  importBankStatement,
  inTenantScope,
  issueInvoice,
  localDate,
  matchBankMovementToDirectDebitBatch,
  matchBankMovementToDirectDebitReturn,
  planDirectDebit,
  refreshBankMatching,
  returnDirectDebitItem,
  settleDirectDebitBatch,
  unmatchBankMovement,
  type Identity,
  type Orm,
} from '@relais/domain';
import { randomSiren, seededRandom } from '@relais/domain/seed/french-data';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
const COLLECTION = earliestCollectionDate(TODAY);
const ACCOUNT = 'FR7630003012340005012345665';
const IBANS = ['FR7630006000011234567890189', 'FR1420041010050500013M02606', 'FR7610278060410002034560110'];

/** What the bank writes on a statement line; the batch and return parts are CAMT.053 as a bank books them. */
interface Entry {
  amount: string;
  reference: string;
  label: string;
  /** A batch booking of our file: its block id and message id, and its transactions. */
  batch?: { messageId: string; paymentBlockId: string; transactions: { endToEndId: string; mandateId: string; amount: string }[] };
  /** A returned direct debit: the collection's end-to-end id and mandate, and the bank's reason code. */
  returned?: { endToEndId: string; mandateId: string; reasonCode: string };
}

const amt = (amount: string) => `<Amt Ccy="EUR">${amount.replace('-', '')}</Amt>`;
const side = (amount: string) => `<CdtDbtInd>${amount.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd>`;

function entryXml(e: Entry): string {
  const details = e.batch
    ? `<NtryDtls><Btch><MsgId>${e.batch.messageId}</MsgId><PmtInfId>${e.batch.paymentBlockId}</PmtInfId><NbOfTxs>${e.batch.transactions.length}</NbOfTxs></Btch>${e.batch.transactions
        .map(
          (t) =>
            `<TxDtls><Refs><MsgId>${e.batch!.messageId}</MsgId><PmtInfId>${e.batch!.paymentBlockId}</PmtInfId><EndToEndId>${t.endToEndId}</EndToEndId><MndtId>${t.mandateId}</MndtId></Refs>${amt(t.amount)}<CdtDbtInd>CRDT</CdtDbtInd></TxDtls>`,
        )
        .join('')}</NtryDtls>`
    : e.returned
      ? `<NtryDtls><TxDtls><Refs><EndToEndId>${e.returned.endToEndId}</EndToEndId><MndtId>${e.returned.mandateId}</MndtId></Refs>${amt(e.amount)}${side(e.amount)}<RtrInf><Rsn><Cd>${e.returned.reasonCode}</Cd></Rsn></RtrInf></TxDtls></NtryDtls>`
      : '';
  const code = e.batch ? 'RDDT</Cd><SubFmlyCd>ESDD' : e.returned ? 'RDDT</Cd><SubFmlyCd>UPDD' : 'RCDT</Cd><SubFmlyCd>ESCT';
  return `<Ntry>${amt(e.amount)}${side(e.amount)}${e.returned ? '<RvslInd>true</RvslInd>' : ''}<Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>${TODAY}</Dt></BookgDt><ValDt><Dt>${TODAY}</Dt></ValDt><AcctSvcrRef>${e.reference}</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${code}</SubFmlyCd></Fmly></Domn></BkTxCd>${details}<AddtlNtryInf>${e.label}</AddtlNtryInf></Ntry>`;
}

/** A one-day CAMT.053.001.08 statement of the company's account. */
function statement(id: string, entries: Entry[]): Buffer {
  const opening = 10_000_00;
  const closing = entries.reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), opening);
  const balance = (type: string, cents: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${TODAY}</Dt></Dt></Bal>`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>MSG-${id}</MsgId><CreDtTm>${TODAY}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${id}</Id><Acct><Id><IBAN>${ACCOUNT}</IBAN></Id><Ccy>EUR</Ccy></Acct>${balance('OPBD', opening)}${balance('CLBD', closing)}
${entries.map(entryXml).join('\n')}
</Stmt></BkToCstmrStmt></Document>`);
}

describe('bank statements and SEPA direct debit: batch credits settle batches, returns reverse their payments', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const random = seededRandom(4_242);
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 'test' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => inScope((em) => em.execute<T[]>(text, params));
  const importFile = (content: Buffer, fileName = 'releve.xml') =>
    inScope((em) => importBankStatement(em, tenant.identity, { content, fileName }));
  const movement = (reference: string) => inScope((em) => em.findOneOrFail(BankMovement, { bankReference: reference }));
  const invoice = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }));
  const batchOf = (id: string) => inScope((em) => em.findOneOrFail(DirectDebitBatch, { id }));
  const itemsOf = (batchId: string) => inScope((em) => em.find(DirectDebitItem, { batchId }, { orderBy: { instructionId: 'asc' } }));
  const counts = async () =>
    (
      await sql<Record<string, string>>(
        `select (select count(*) from bank_movements) as movements, (select count(*) from payments) as payments,
                (select count(*) from payments where reversed_on is not null) as reversed,
                (select count(*) from business_facts) as facts,
                (select string_agg(state, ',' order by message_id) from direct_debit_batches) as batches,
                (select string_agg(status, ',' order by instruction_id) from direct_debit_items) as items`,
      )
    )[0]!;

  /** A customer paying at sight, with a signed recurrent mandate: its invoices are due by the first collection date. */
  async function debtor(name: string, iban: string): Promise<{ customerId: string; mandate: string }> {
    const siren = randomSiren(random);
    const customer = await inScope((em) =>
      createCustomer(em, tenant.tenantId, {
        name,
        siren,
        email: `compta@${siren}.example`,
        billingAddressLine1: '3 avenue de la Libération',
        billingPostalCode: '35000',
        billingCity: 'Rennes',
        paymentTermsDays: 0,
        paymentTermsKind: 'NET',
      }),
    );
    const mandate = await inScope((em) => createMandate(em, tenant.identity, { customerId: customer.id, signedOn: '2026-01-10', iban }));
    return { customerId: customer.id, mandate: mandate.reference };
  }

  async function issued(customerId: string, unitPrice: string): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Entretien pompe à chaleur', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  const batch = (invoiceIds: string[]) =>
    inScope((em) => createDirectDebitBatch(em, tenant.identity, { collectionDate: COLLECTION, invoiceIds }));

  /** The credit the bank books for a batch: one entry, the file's block and transactions, `amount` (the batch's total unless netted). */
  async function creditOf(created: DirectDebitBatch, reference: string, amount = created.totalAmount): Promise<Entry> {
    const items = await itemsOf(created.id);
    const mandates = await sql<{ id: string; reference: string }>(`select id, reference from sepa_mandates`);
    return {
      amount,
      reference,
      label: `REMISE PRLV SEPA CORE ${items.length} OPERATIONS`,
      batch: {
        messageId: created.messageId,
        paymentBlockId: `${created.messageId}-${items[0]!.sequenceType}`,
        transactions: items.map((i) => ({
          endToEndId: i.endToEndId,
          mandateId: mandates.find((m) => m.id === i.mandateId)!.reference,
          amount: i.amount,
        })),
      },
    };
  }

  let clinic: { customerId: string; mandate: string };
  let syndic: { customerId: string; mandate: string };
  let garage: { customerId: string; mandate: string };

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('bank-direct-debit');
    clinic = await debtor('Clinique du Parc', IBANS[0]!);
    syndic = await debtor('Syndic Les Tilleuls', IBANS[1]!);
    garage = await debtor('Garage Le Goff', IBANS[2]!);
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  describe('a batch credited, then one of its debits returned', () => {
    let created: DirectDebitBatch;
    let invoices: Invoice[];
    let file: Buffer;

    beforeAll(async () => {
      invoices = [
        await issued(clinic.customerId, '250.00'),
        await issued(syndic.customerId, '120.50'),
        await issued(garage.customerId, '10.00'),
      ];
      created = await batch(invoices.map((i) => i.id)); // 300.00 + 144.60 + 12.00
      file = statement('S-DD-1', [
        await creditOf(created, 'DD-1'),
        { amount: '-18.90', reference: 'DD-2', label: 'COMMISSION TENUE DE COMPTE' },
      ]);
    });

    it('settles the batch on the statement’s date when its credit is imported: invoices PAID, one payment each, to the cent', async () => {
      expect(created.totalAmount).toBe('456.60');
      const imported = await importFile(file);
      expect(imported).toMatchObject({ movementCount: 2, newMovementCount: 2, autoMatchedCount: 1 });

      expect(await batchOf(created.id)).toMatchObject({ state: 'SETTLED', settledOn: TODAY });
      const items = await itemsOf(created.id);
      expect(items.map((i) => i.status)).toEqual(['COLLECTED', 'COLLECTED', 'COLLECTED']);
      const payments = await inScope((em) =>
        em.find(Payment, { id: { $in: items.map((i) => i.paymentId!) } }, { orderBy: { amount: 'desc' } }),
      );
      expect(payments.map((p) => [p.amount, p.allocatedAmount, p.method, p.receivedOn])).toEqual([
        ['300.00', '300.00', 'DIRECT_DEBIT', TODAY],
        ['144.60', '144.60', 'DIRECT_DEBIT', TODAY],
        ['12.00', '12.00', 'DIRECT_DEBIT', TODAY],
      ]);
      for (const i of invoices) expect(await invoice(i.id)).toMatchObject({ settlementState: 'PAID', openBalance: '0.00' });

      const credit = await movement('DD-1');
      expect(credit).toMatchObject({
        status: 'MATCHED',
        paymentId: null,
        directDebitBatchId: created.id,
        batchReference: `${created.messageId}-FRST`,
        matchReason: `Automatique : Remise de prélèvements ${created.messageId} dans le libellé, montant exact`,
      });
      const facts = await sql<{ kind: string; payload: Record<string, unknown> }>(
        `select kind, payload from business_facts where subject_id = ? order by seq`,
        [credit.id],
      );
      expect(facts).toEqual([
        { kind: 'bank_movement.matched', payload: expect.objectContaining({ directDebitBatchId: created.id, amount: '456.60' }) },
      ]);
      expect((await movement('DD-2')).status).toBe('UNMATCHED');
    });

    it('imports the same file again without changing anything', async () => {
      const before = await counts();
      const again = await importFile(file, 'releve-bis.xml');
      expect(again).toMatchObject({ movementCount: 2, newMovementCount: 0, duplicateCount: 2, autoMatchedCount: 0 });
      expect(await counts()).toEqual(before);
    });

    it('returns the debit a later statement brings back: payment reversed with the bank’s reason, invoice open again', async () => {
      const returned = (await itemsOf(created.id)).find((i) => i.invoiceId === invoices[1]!.id);
      const imported = await importFile(
        statement('S-DD-2', [
          {
            amount: '-144.60',
            reference: 'DD-3',
            label: 'IMPAYE PRLV SEPA SYNDIC LES TILLEULS',
            returned: { endToEndId: returned!.endToEndId, mandateId: syndic.mandate, reasonCode: 'AM04' },
          },
        ]),
      );
      expect(imported.autoMatchedCount).toBe(1);
      expect(await inScope((em) => em.findOneOrFail(DirectDebitItem, { id: returned!.id }))).toMatchObject({
        status: 'RETURNED',
        returnedOn: TODAY,
        returnReasonCode: 'AM04',
        returnReason: 'Provision insuffisante',
      });
      expect(await inScope((em) => em.findOneOrFail(Payment, { id: returned!.paymentId! }))).toMatchObject({
        reversedOn: TODAY,
        allocatedAmount: '0.00',
        reversalReason: 'Prélèvement SEPA rejeté (AM04) : Provision insuffisante',
      });
      expect(await invoice(returned!.invoiceId)).toMatchObject({ settlementState: 'UNPAID', openBalance: '144.60' });
      expect(await movement('DD-3')).toMatchObject({
        status: 'MATCHED',
        directDebitItemId: returned!.id,
        returnReasonCode: 'AM04',
        matchReason: expect.stringContaining('motif AM04 (Provision insuffisante)'),
      });
      // Back in the next batch's candidates, as a recurrent collection.
      const plan = await inScope((em) => planDirectDebit(em, COLLECTION));
      expect(plan.candidates.map((c) => [c.invoiceId, c.sequenceType])).toContainEqual([returned!.invoiceId, 'RCUR']);
    });

    it('undoing a direct-debit reconciliation only unlinks the movement: the return stays', async () => {
      const debit = await movement('DD-3');
      const before = await counts();
      await inScope((em) => unmatchBankMovement(em, tenant.identity, debit.id, 'Rapproché par erreur'));
      expect(await movement('DD-3')).toMatchObject({ status: 'UNMATCHED', directDebitItemId: null });
      expect(await counts()).toEqual(before);
      // Linked again by hand, without returning it twice: the same payments, the same items.
      const returned = (await itemsOf(created.id)).find((i) => i.invoiceId === invoices[1]!.id);
      await inScope((em) => matchBankMovementToDirectDebitReturn(em, tenant.identity, debit.id, { itemId: returned!.id }));
      expect(await movement('DD-3')).toMatchObject({
        status: 'MATCHED',
        directDebitItemId: returned!.id,
        matchReason: `Rapproché à la main : impayé du prélèvement ${returned!.endToEndId} (AM04)`,
      });
      const after = await counts();
      expect({ ...after, facts: before.facts }).toEqual(before);
      expect(Number(after.facts)).toBe(Number(before.facts) + 1); // bank_movement.matched
    });
  });

  describe('what the import leaves to the accountant', () => {
    it('only proposes a credit netted of a reject; the match by hand is refused; once the reject is recorded it matches', async () => {
      const invoices = [await issued(clinic.customerId, '100.00'), await issued(syndic.customerId, '50.00')]; // 120.00 + 60.00
      const created = await batch(invoices.map((i) => i.id));
      await importFile(statement('S-DD-3', [await creditOf(created, 'DD-4', '120.00')]));
      const netted = await movement('DD-4');
      expect(netted.status).toBe('PROPOSED');
      expect(netted.proposals[0]).toMatchObject({
        kind: 'DIRECT_DEBIT_BATCH',
        batchId: created.id,
        score: 75,
        reason: expect.stringContaining('montant inférieur de 60,00 € à la remise de 180,00 €'),
      });
      expect(await batchOf(created.id)).toMatchObject({ state: 'SUBMITTED' });

      const before = await counts();
      const refused = await refusal(
        inScope((em) =>
          matchBankMovementToDirectDebitBatch(em, tenant.identity, netted.id, { batchId: created.id, expectedVersion: netted.version }),
        ),
      );
      expect(refused).toMatchObject({ code: 'DIRECT_DEBIT_AMOUNT_MISMATCH', details: { amount: '120.00', expected: ['180.00'] } });
      expect(await counts()).toEqual(before);

      // The bank's reject notice: the syndic's debit never left; recorded, the credit is the batch's whole.
      const rejected = (await itemsOf(created.id)).find((i) => i.invoiceId === invoices[1]!.id)!;
      await inScope((em) => returnDirectDebitItem(em, tenant.identity, rejected.id, { returnedOn: TODAY, reasonCode: 'AC04' }));
      expect(await inScope((em) => refreshBankMatching(em, tenant.identity))).toBe(1);
      expect(await movement('DD-4')).toMatchObject({ status: 'MATCHED', directDebitBatchId: created.id });
      expect(await batchOf(created.id)).toMatchObject({ state: 'SETTLED', settledOn: TODAY });
      expect(await invoice(invoices[0]!.id)).toMatchObject({ settlementState: 'PAID' });
      expect(await invoice(invoices[1]!.id)).toMatchObject({ settlementState: 'UNPAID', openBalance: '60.00' });
    });

    it('links the credit of a batch settled by hand without settling it twice', async () => {
      const created = await batch([(await issued(garage.customerId, '70.00')).id]); // 84.00
      await inScope((em) => settleDirectDebitBatch(em, tenant.identity, created.id, { settledOn: TODAY }));
      const before = await counts();
      const imported = await importFile(statement('S-DD-4', [await creditOf(created, 'DD-5')]));
      expect(imported.autoMatchedCount).toBe(1);
      expect(await movement('DD-5')).toMatchObject({
        status: 'MATCHED',
        directDebitBatchId: created.id,
        matchReason: expect.stringContaining('déjà encaissée à la main'),
      });
      const after = await counts();
      expect([after.payments, after.batches, after.items]).toEqual([before.payments, before.batches, before.items]);
      expect(Number(after.movements)).toBe(Number(before.movements) + 1);
    });

    it('proposes the return of a debit whose batch is not credited yet, and refuses it by hand, changing nothing', async () => {
      const inv = await issued(clinic.customerId, '40.00'); // 48.00
      const created = await batch([inv.id]);
      const [item] = await itemsOf(created.id);
      await importFile(
        statement('S-DD-5', [
          {
            amount: '-48.00',
            reference: 'DD-6',
            label: 'IMPAYE PRLV SEPA CLINIQUE DU PARC',
            returned: { endToEndId: item!.endToEndId, mandateId: clinic.mandate, reasonCode: 'MD06' },
          },
        ]),
      );
      const debit = await movement('DD-6');
      expect(debit.status).toBe('PROPOSED');
      expect(debit.proposals[0]).toMatchObject({
        kind: 'DIRECT_DEBIT_RETURN',
        itemId: item!.id,
        returnReasonCode: 'MD06',
        reason: expect.stringContaining(`la remise ${created.messageId} n’est pas encore encaissée`),
      });
      const before = await counts();
      const refused = await refusal(
        inScope((em) => matchBankMovementToDirectDebitReturn(em, tenant.identity, debit.id, { itemId: item!.id })),
      );
      expect(refused).toMatchObject({ code: 'DIRECT_DEBIT_NOT_SETTLED', details: { batchId: created.id } });
      const credit = await movement('DD-5');
      const reconciled = await refusal(
        inScope((em) => matchBankMovementToDirectDebitReturn(em, tenant.identity, credit.id, { itemId: item!.id })),
      );
      expect(reconciled.code).toBe('MOVEMENT_ALREADY_RECONCILED');
      expect(await counts()).toEqual(before);
      expect(await inScope((em) => em.findOneOrFail(DirectDebitItem, { id: item!.id }))).toMatchObject({ status: 'PENDING' });
    });
  });
});
