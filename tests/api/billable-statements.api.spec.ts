import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Orm } from '@relais/domain';
import { customersWithClosedWork } from '../support/bulk-invoicing-world';
import { appOrm } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { createMaintenanceWorld, type MaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

const BILLABLE = `{ billable { estimatedNet estimatedVat estimatedGross customer { id } intervention { id number } } }`;

type Billable = {
  estimatedNet: string;
  estimatedVat: string;
  estimatedGross: string;
  customer: { id: string };
  intervention: { id: string };
};

/** SQL statements the billing subgraph ran for `run` (its /metrics counter, read before and after). */
async function billingStatements(run: () => Promise<unknown>): Promise<number> {
  const metrics = async () =>
    (await (await fetch(inject('subgraphUrls').billing!.replace('/graphql', '/metrics'))).json()) as { sqlQueries: number };
  const before = await metrics();
  await run();
  return (await metrics()).sqlQueries - before.sqlQueries;
}

/**
 * « À facturer » prices every waiting intervention as the conversion would: its pricing inputs are
 * read together, so the page costs the same statements for 3 waiting interventions as for 30.
 */
describe('« À facturer » through the gateway', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let world: MaintenanceWorld;
  let token: string;

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('billable-sql');
    world = await createMaintenanceWorld(orm, tenant, []);
    token = await login(tenant.adminEmail);
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('estimates each waiting intervention to the cent, in as many statements for 30 as for 3', async () => {
    // At the default list rates: 65,00 € the normal hour, 45,00 € the trip, 20 % VAT.
    const first = await customersWithClosedWork(orm, tenant, world, [
      { name: 'Crèche Les Lutins', billingEmail: null, hours: ['2', '1'] },
      { name: 'Syndic Océane', billingEmail: null, hours: ['1.5'] },
    ]);
    let three: Billable[] = [];
    const forThree = await billingStatements(async () => {
      three = must(await gql<{ billable: Billable[] }>(BILLABLE, {}, token)).billable;
    });
    const estimate = (id: string) => three.find((b) => b.intervention.id === id);
    expect(three).toHaveLength(3);
    expect(estimate(first[0]!.interventionIds[0]!)).toMatchObject({
      estimatedNet: '175.00',
      estimatedVat: '35.00',
      estimatedGross: '210.00',
    });
    expect(estimate(first[0]!.interventionIds[1]!)).toMatchObject({
      estimatedNet: '110.00',
      estimatedVat: '22.00',
      estimatedGross: '132.00',
    });
    expect(estimate(first[1]!.interventionIds[0]!)).toMatchObject({
      estimatedNet: '142.50',
      estimatedVat: '28.50',
      estimatedGross: '171.00',
      customer: { id: first[1]!.customerId },
    });

    await customersWithClosedWork(
      orm,
      tenant,
      world,
      Array.from({ length: 9 }, (_, i) => ({ name: `Client ${i + 1}`, billingEmail: null, hours: ['1', '0.5', '3'] })),
    );
    let thirty: Billable[] = [];
    const forThirty = await billingStatements(async () => {
      thirty = must(await gql<{ billable: Billable[] }>(BILLABLE, {}, token)).billable;
    });
    expect(thirty).toHaveLength(30);
    expect(forThirty).toBe(forThree);
    // The first three are priced as before; the others at 65 h + 45 € HT each.
    for (const b of three) expect(thirty.find((t) => t.intervention.id === b.intervention.id)).toEqual(b);
    const nets = thirty.filter((t) => !three.some((b) => b.intervention.id === t.intervention.id)).map((t) => t.estimatedNet);
    expect(nets.sort()).toEqual([...Array(9).fill('110.00'), ...Array(9).fill('240.00'), ...Array(9).fill('77.50')].sort());
  }, 120_000);
});
