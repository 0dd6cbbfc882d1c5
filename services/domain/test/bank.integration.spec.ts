import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BankMovement,
  Invoice,
  bookBankMovement,
  camt053Statement,
  createDraftInvoice,
  importBankStatement,
  inTenantScope,
  issueInvoice,
  matchBankMovement,
  unmatchBankMovement,
  type Identity,
  type Orm,
  type SampleEntry,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const IBAN = 'FR7630004008280001074251964';
const PAYER_IBAN = 'FR7630076020011234560020045';

describe('bank statements: import once, match when sure, propose otherwise', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const invoice = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }));
  const movement = (reference: string) => inScope((em) => em.findOneOrFail(BankMovement, { bankReference: reference }));
  const statement = (id: string, entries: SampleEntry[], from = '2026-11-30', to = '2026-11-30') =>
    Buffer.from(camt053Statement({ id, iban: IBAN, ownerName: 'THERMOCLIM', from, to, openingBalance: '5000.00', entries }));
  const importFile = (content: Buffer, fileName = 'releve.xml') =>
    inScope((em) => importBankStatement(em, tenant.identity, { content, fileName }));
  const counts = async () =>
    (
      await sql<{ movements: string; payments: string }>(
        `select (select count(*) from bank_movements) as movements, (select count(*) from payments) as payments`,
      )
    )[0]!;

  async function issued(unitPrice: string): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId: w.customerId,
        lines: [{ kind: 'LABOUR', description: 'Entretien', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  let sure: Invoice;
  let partial: Invoice;
  let entries: SampleEntry[];

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('bank');
    w = await createMaintenanceWorld(orm, tenant);
    sure = await issued('1200.00'); // 1 440.00 TTC
    partial = await issued('500.00'); // 600.00 TTC
    entries = [
      {
        amount: '1440.00',
        bookingDate: '2026-11-30',
        reference: 'R-1',
        remittance: `FACTURE ${sure.number} CONTRAT`,
        counterpartyName: 'HOTEL DES DUCS',
        counterpartyIban: PAYER_IBAN,
      },
      {
        amount: '300.00',
        bookingDate: '2026-11-30',
        reference: 'R-2',
        remittance: `ACOMPTE ${partial.number}`,
        counterpartyName: 'HOTEL DES DUCS',
      },
      { amount: '77.77', bookingDate: '2026-11-30', reference: 'R-3', remittance: 'REMBOURSEMENT DIVERS', counterpartyName: 'M DUPONT' },
      { amount: '-18.90', bookingDate: '2026-11-30', reference: 'R-4', remittance: 'COMMISSION TENUE DE COMPTE' },
    ];
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('imports a statement, matches the sure credit and proposes the partial one; a re-import adds nothing', async () => {
    const first = await importFile(statement('S-1', entries));
    expect(first).toMatchObject({ movementCount: 4, newMovementCount: 4, duplicateCount: 0, autoMatchedCount: 1 });
    expect(await invoice(sure.id)).toMatchObject({ openBalance: '0.00', settlementState: 'PAID' });
    expect(await movement('R-1')).toMatchObject({ status: 'MATCHED', matchReason: expect.stringContaining(sure.number!) });
    const proposed = await movement('R-2');
    expect(proposed.status).toBe('PROPOSED');
    expect(proposed.proposals[0]).toMatchObject({ allocations: [{ invoiceId: partial.id, amount: '300.00' }] });
    expect((await movement('R-4')).status).toBe('UNMATCHED');

    const before = await counts();
    const again = await importFile(statement('S-1', entries), 'releve-bis.xml');
    expect(again).toMatchObject({ movementCount: 4, newMovementCount: 0, duplicateCount: 4, autoMatchedCount: 0 });
    const overlapping = await importFile(
      statement(
        'S-2',
        [entries[3]!, { amount: '25.00', bookingDate: '2026-12-01', reference: 'R-5', remittance: 'DIVERS' }],
        '2026-11-30',
        '2026-12-01',
      ),
    );
    expect(overlapping).toMatchObject({ newMovementCount: 1, duplicateCount: 1 });
    expect(await counts()).toEqual({ movements: String(Number(before.movements) + 1), payments: before.payments });
  });

  it('refuses a broken file naming its line, and imports nothing', async () => {
    const before = await counts();
    const broken = statement('S-9', entries).toString('utf8').replace('<Amt Ccy="EUR">300.00</Amt>', '<Amt Ccy="EUR">3OO.00</Amt>');
    const refused = await refusal(importFile(Buffer.from(broken)));
    expect(refused.code).toBe('BANK_FILE_INVALID');
    expect(refused.details.line).toEqual(expect.any(Number));
    expect(refused.message).toMatch(/^Ligne \d+/);
    expect(await counts()).toEqual(before);
  });

  it('confirms a proposal as a partial payment, books fees, and undoes a match (the invoice opens again)', async () => {
    const proposed = await movement('R-2');
    await inScope((em) =>
      matchBankMovement(em, tenant.identity, proposed.id, {
        customerId: w.customerId,
        allocations: [{ invoiceId: partial.id, amount: '300.00' }],
        expectedVersion: proposed.version,
      }),
    );
    expect(await invoice(partial.id)).toMatchObject({ openBalance: '300.00', settlementState: 'PARTLY_PAID' });
    const twice = await refusal(
      inScope((em) => matchBankMovement(em, tenant.identity, proposed.id, { customerId: w.customerId, allocations: [] })),
    );
    expect(twice.code).toBe('MOVEMENT_ALREADY_RECONCILED');

    const fees = await movement('R-4');
    const debit = await refusal(
      inScope((em) => matchBankMovement(em, tenant.identity, fees.id, { customerId: w.customerId, allocations: [] })),
    );
    expect(debit.code).toBe('NOT_A_CREDIT');
    await inScope((em) => bookBankMovement(em, tenant.identity, fees.id, { kind: 'BANK_FEES' }));
    expect(await movement('R-4')).toMatchObject({ status: 'BOOKED', bookedAs: 'BANK_FEES' });

    const matched = await movement('R-1');
    await inScope((em) => unmatchBankMovement(em, tenant.identity, matched.id, 'Mauvais client'));
    expect(await movement('R-1')).toMatchObject({ status: 'UNMATCHED', paymentId: null });
    expect(await invoice(sure.id)).toMatchObject({ openBalance: '1440.00', settlementState: 'UNPAID' });
  });
});
