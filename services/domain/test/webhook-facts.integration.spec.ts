import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  acceptQuote,
  closeIntervention,
  createDraftInvoice,
  createQuote,
  createWebhookEndpoint,
  dispatchPendingFacts,
  inTenantScope,
  issueInvoice,
  sendInvoice,
  sendQuote,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

/**
 * The facts webhooks stand for are written with the change they state (and not when it is
 * refused), and the consumer turns each into one delivery per subscribed endpoint, once, even
 * when it reads the facts again.
 */
describe('webhook facts and their consumer', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const endpointIds: Record<string, string> = {};
  const scope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 'test' }, work);
  const factsOf = (subjectId: string) =>
    scope((em) =>
      em.execute<{ kind: string; payload: Record<string, unknown> }[]>(
        'select kind, payload from business_facts where subject_id = ? order by xact_id, seq',
        [subjectId],
      ),
    );
  const deliveriesOf = (endpointId: string) =>
    scope((em) =>
      em.execute<{ event_type: string; fact_id: string }[]>(
        'select event_type, fact_id from webhook_deliveries where endpoint_id = ? order by event_type, fact_id',
        [endpointId],
      ),
    );
  /** Everything waiting is dispatched (the platform's worker may be at it too: they take turns on the cursor). */
  async function dispatched(): Promise<void> {
    for (let pass = 0; pass < 100; pass += 1) {
      const outcome = await scope((em) => dispatchPendingFacts(em, tenant.tenantId));
      const [{ waiting }] = (await scope((em) =>
        em.execute<{ waiting: number }[]>(
          `select count(*)::int as waiting from business_facts f
            where not exists (select 1 from webhook_cursors c where (f.xact_id, f.seq) <= (c.last_xact_id, c.last_seq))`,
        ),
      )) as [{ waiting: number }];
      if (waiting === 0 && !outcome.more) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('facts still waiting to be dispatched');
  }

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('webhook-facts');
    w = await createMaintenanceWorld(orm, tenant, []);
    // Port 9 (discard) refuses connections: the deliveries fail fast, which is not what is tested here.
    for (const [name, eventTypes] of [
      ['office', ['intervention.closed', 'quote.accepted']],
      ['mail', ['invoice.sent']],
    ] as const)
      endpointIds[name] = (
        await scope((em) => createWebhookEndpoint(em, tenant.identity, { url: `http://127.0.0.1:9/${name}`, eventTypes }))
      ).endpoint.id;
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('records intervention.requested and intervention.closed with the changes, and nothing for a refused close', async () => {
    const closed = await interventionThrough(orm, tenant, w, { report: simpleReport(w, '2'), until: 'CLOSED' });
    const facts = await factsOf(closed.id);
    expect(facts.map((f) => f.kind)).toEqual(['intervention.requested', 'intervention.closed']);
    expect(facts[0]!.payload).toMatchObject({ number: closed.number, customerId: w.customerId, siteId: w.siteId, source: 'PLANNER' });
    expect(facts[1]!.payload).toMatchObject({ number: closed.number, closedAt: closed.closedAt!.toISOString() });

    await expect(scope((em) => closeIntervention(em, closed.id, closed.version))).rejects.toThrow();
    expect(await factsOf(closed.id)).toHaveLength(2);
  });

  it('records quote.accepted, and invoice.sent at each mailing', async () => {
    let quote = await scope((em) =>
      createQuote(em, tenant.identity, {
        customerId: w.customerId,
        title: 'Remplacement du groupe froid',
        lines: [{ kind: 'LABOUR', description: 'Main-d’œuvre', quantity: '3', unit: 'HUR', unitPrice: '80.00', vatRateCode: 'TVA20' }],
      }),
    );
    quote = await scope((em) => sendQuote(em, tenant.identity, quote.id, quote.version, { to: ['achats@client.test'] }));
    expect(await factsOf(quote.id)).toEqual([]);
    quote = await scope((em) => acceptQuote(em, tenant.identity, quote.id, { expectedVersion: quote.version, signerName: 'M. Roy' }));
    expect(await factsOf(quote.id)).toEqual([
      {
        kind: 'quote.accepted',
        payload: expect.objectContaining({ number: quote.number, totalNet: '240.00', totalGross: '288.00', decidedBy: 'OFFICE' }),
      },
    ]);

    const draft = await scope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId: w.customerId,
        lines: [{ kind: 'LABOUR', description: 'Dépannage', quantity: '1', unit: 'HUR', unitPrice: '90.00', vatRateCode: 'TVA20' }],
      }),
    );
    await scope((em) => issueInvoice(em, draft.id, draft.version));
    for (let mailing = 0; mailing < 2; mailing += 1)
      await scope((em) => sendInvoice(em, tenant.identity, draft.id, { to: ['compta@client.test'] }));
    const facts = await factsOf(draft.id);
    expect(facts.map((f) => [f.kind, f.payload['resent'] ?? null])).toEqual([
      ['invoice.issued', null],
      ['invoice.sent', false],
      ['invoice.sent', true],
    ]);
  });

  it('gives each subscribed endpoint one delivery per fact, and none more when the facts are read again', async () => {
    await dispatched();
    const office = await deliveriesOf(endpointIds['office']!);
    const mail = await deliveriesOf(endpointIds['mail']!);
    expect(office.map((d) => d.event_type)).toEqual(['intervention.closed', 'quote.accepted']);
    expect(mail.map((d) => d.event_type)).toEqual(['invoice.sent', 'invoice.sent']);

    await scope((em) => em.execute(`update webhook_cursors set last_xact_id = '0', last_seq = 0 where tenant_id = ?`, [tenant.tenantId]));
    await dispatched();
    expect(await deliveriesOf(endpointIds['office']!)).toEqual(office);
    expect(await deliveriesOf(endpointIds['mail']!)).toEqual(mail);
  });
});
