import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Contract,
  ContractRenewalNotice,
  Customer,
  OutboxAttachment,
  OutboxMessage,
  contractsToNotify,
  inTenantScope,
  renewalNoticesByContractIds,
  renewalView,
  runRenewalNotices,
  sendRenewalNotice,
  terminateContract,
  type Orm,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { billedContract } from '../../../tests/support/contract-billing-world';
import { refusal } from '../../../tests/support/refusal';

/** "Today" for these tests: the contracts below end on 28 February 2027, with 90 days' notice (deadline 30/11/2026). */
const TODAY = '2026-11-10';

describe('contract renewals', () => {
  let orm: Orm;
  let admin: pg.Client;
  let tenant: TestTenant;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const ids: Record<string, string> = {};
  const monthly = {
    effectiveOn: '2026-03-01',
    rhythm: 'MONTHLY' as const,
    timing: 'ADVANCE' as const,
    feeLines: [{ label: 'Redevance', amount: '150.00', vatRateCode: 'TVA20' }],
  };

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('renewals');
    const span = { startsOn: '2026-03-01', endsOn: '2027-02-28', noticeDays: 90 };
    ids.business = (await billedContract(orm, tenant, 'Hôtel de la Plage', span, monthly)).contractId;
    ids.consumer = (await billedContract(orm, tenant, 'M. Jean Le Goff', span, monthly)).contractId;
    ids.noEmail = (await billedContract(orm, tenant, 'Crêperie du Port', span, monthly)).contractId;
    ids.fixedTerm = (await billedContract(orm, tenant, 'Chantier Naval', { ...span, tacitRenewal: false }, monthly)).contractId;
    ids.later = (await billedContract(orm, tenant, 'Cabinet Médical', { ...span, endsOn: '2027-08-31' }, monthly)).contractId;
    await inScope(async (em) => {
      const consumer = await em.findOneOrFail(Contract, { id: ids.consumer! });
      await em.nativeUpdate(Customer, { id: consumer.customerId }, { isConsumer: true });
      const noEmail = await em.findOneOrFail(Contract, { id: ids.noEmail! });
      await em.nativeUpdate(Customer, { id: noEmail.customerId }, { email: null });
    });
  });

  afterAll(async () => {
    await admin?.end();
    await orm?.close(true);
  });

  it('tells a consumer three months before the deadline, a business 30 days before', async () => {
    const listed = async (today: string) => (await inScope((em) => contractsToNotify(em, today))).map((c) => c.id);
    // Deadline 30/11/2026: a consumer's window opens on 30/08, a business's on 31/10.
    expect(await listed('2026-08-29')).toEqual([]);
    expect(await listed('2026-08-30')).toEqual([ids.consumer]);
    expect((await listed(TODAY)).sort()).toEqual([ids.business, ids.consumer, ids.noEmail].sort());
    // Past the deadline nothing is sent: the contract has renewed.
    expect(await listed('2026-12-01')).toEqual([]);
  });

  it('the daily job mails each due notice once, naming the customer without an address', async () => {
    const first = await runRenewalNotices(orm, tenant.tenantId, TODAY);
    expect(first.sent.length).toBe(2);
    expect(first.failed).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
    expect(first.failed[0]!.message).toContain('Crêperie du Port');
    const again = await runRenewalNotices(orm, tenant.tenantId, TODAY);
    expect(again.sent).toEqual([]);

    const notices = await inScope((em) => em.find(ContractRenewalNotice, {}, { orderBy: { sentAt: 'asc' } }));
    expect(notices.map((n) => [n.termEnd, n.noticeDeadline, n.currentFee])).toEqual([
      ['2027-02-28', '2026-11-30', '150.00'],
      ['2027-02-28', '2026-11-30', '150.00'],
    ]);
    const mail = await inScope((em) => em.findOneOrFail(OutboxMessage, { id: notices[0]!.outboxMessageId! }));
    expect(mail.subject).toMatch(/^Reconduction de votre contrat CT-2026-\d{4}/);
    expect(mail.textBody).toContain('avant le 30/11/2026');
    expect(mail.createdBy).toBeNull(); // sent by the system, nobody clicked
    const [attachment] = await inScope((em) => em.find(OutboxAttachment, { messageId: mail.id }));
    expect(attachment!.contentType).toBe('application/pdf');
    expect(
      Buffer.from(attachment!.content as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const { rows } = await admin.query(
      `select actor_kind, actor_id from audit_log where table_name = 'contract_renewal_notices' and tenant_id = $1`,
      [tenant.tenantId],
    );
    expect(rows).toEqual([
      { actor_kind: 'system', actor_id: null },
      { actor_kind: 'system', actor_id: null },
    ]);

    const view = await inScope(async (em) => {
      const contract = await em.findOneOrFail(Contract, { id: ids.business! });
      return renewalView(contract, false, await renewalNoticesByContractIds(em, [contract.id]), 30, TODAY);
    });
    expect(view).toMatchObject({ state: 'NOTICE_SENT', termEnd: '2027-02-28', noticeDeadline: '2026-11-30' });
  });

  it('refuses a second notice, a fixed-term contract and a terminated one, changing nothing', async () => {
    expect((await refusal(inScope((em) => sendRenewalNotice(em, tenant.identity, ids.business!, TODAY)))).code).toBe(
      'RENEWAL_NOTICE_ALREADY_SENT',
    );
    expect((await refusal(inScope((em) => sendRenewalNotice(em, tenant.identity, ids.fixedTerm!, TODAY)))).code).toBe(
      'NOT_TACITLY_RENEWED',
    );
    await inScope((em) =>
      terminateContract(em, tenant.identity, ids.later!, { noticeReceivedOn: TODAY, effectiveOn: '2027-08-31', reason: 'Déménagement' }),
    );
    expect((await refusal(inScope((em) => sendRenewalNotice(em, tenant.identity, ids.later!, TODAY)))).code).toBe('CONTRACT_TERMINATED');
    const count = await inScope((em) => em.count(ContractRenewalNotice, {}));
    expect(count).toBe(2);
  });
});
