import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Invoice,
  inTenantScope,
  issueInvoice,
  localDate,
  processContractBillingRun,
  runInvoiceIds,
  startContractBillingRun,
  terminateContract,
  writeOffInvoice,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { billedContract } from '../../../tests/support/contract-billing-world';

/**
 * Terminating a contract whose fee invoice was passed to losses: no credit note is proposed for it
 * (a credit note on a written-off invoice is refused, INVOICE_WRITTEN_OFF), while the same fee on a
 * contract still owed gets its proposal, and the termination itself goes through.
 */
describe('contract termination and write-offs', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const contracts: Record<'lost' | 'owed', { contractId: string; invoiceId: string }> = {
    lost: { contractId: '', invoiceId: '' },
    owed: { contractId: '', invoiceId: '' },
  };

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('write-off-termination');
    const billing = {
      effectiveOn: '2026-10-01',
      rhythm: 'YEARLY' as const,
      timing: 'ADVANCE' as const,
      feeLines: [{ label: 'Contrat annuel', amount: '1200.00', vatRateCode: 'TVA20' }],
    };
    const span = { startsOn: '2026-10-01', endsOn: '2027-09-30' };
    contracts.lost.contractId = (await billedContract(orm, tenant, 'SARL Les Forges (en liquidation)', span, billing)).contractId;
    contracts.owed.contractId = (await billedContract(orm, tenant, 'Résidence Les Tilleuls', span, billing)).contractId;
    const run = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: '2026-10-01', mode: 'DRAFT' }));
    await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity });
    const issued = await inScope(async (em) => {
      const drafts = await em.find(Invoice, { id: { $in: await runInvoiceIds(em, run.id) } });
      const out: Invoice[] = [];
      for (const draft of drafts) out.push(await issueInvoice(em, draft.id, draft.version, { at: new Date('2026-10-01T09:00:00+02:00') }));
      return out;
    });
    for (const key of ['lost', 'owed'] as const)
      contracts[key].invoiceId = issued.find((i) => i.contractId === contracts[key].contractId)!.id;
    await inScope((em) =>
      writeOffInvoice(em, tenant.identity, contracts.lost.invoiceId, {
        kind: 'IRRECOVERABLE',
        reason: 'Liquidation judiciaire',
        writtenOffOn: localDate(new Date()),
      }),
    );
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('proposes no credit note for the written-off fee, one for the fee still owed', async () => {
    const terminate = (contractId: string) =>
      inScope((em) =>
        terminateContract(em, tenant.identity, contractId, {
          noticeReceivedOn: '2026-11-01',
          effectiveOn: '2026-12-31',
          reason: 'Cessation d’activité',
        }),
      );
    const lost = await terminate(contracts.lost.contractId);
    expect(lost.contract.terminatedOn).toBe('2026-12-31');
    expect(lost.creditNoteProposals).toEqual([]);
    const owed = await terminate(contracts.owed.contractId);
    expect(owed.creditNoteProposals.map((n) => [n.creditedInvoiceId, n.status])).toEqual([[contracts.owed.invoiceId, 'DRAFT']]);
    const notes = await inScope((em) => em.find(Invoice, { typeCode: '381' }));
    expect(notes.map((n) => n.creditedInvoiceId)).toEqual([contracts.owed.invoiceId]);
  });
});
