import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createCustomer,
  createDraftInvoice,
  fecRecord,
  fecText,
  fecTextSql,
  inTenantScope,
  issueInvoice,
  postAllPendingFacts,
  streamFecRecords,
  streamLedgerLines,
  systemIdentity,
  type Identity,
  type LedgerLineRange,
  type Orm,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

import { TODAY } from '../../../tests/support/dates';

/** The FEC of a range as PostgreSQL writes it (what the export sends) and as `fecRecord` formats the same lines (the reference). */
async function bothWays(em: EntityManager, tenantId: string, range: LedgerLineRange) {
  let sql = '';
  let lines = 0;
  for await (const entry of streamFecRecords(em, tenantId, range, TODAY)) {
    sql += entry.text;
    lines += entry.lines;
  }
  let reference = '';
  for await (const line of streamLedgerLines(em, tenantId, range, 'VALIDATION', TODAY)) reference += fecRecord(line);
  return { sql: sql.split('\r\n'), reference: reference.split('\r\n'), lines };
}

describe('the FEC records written by PostgreSQL', () => {
  let orm: Orm;
  let admin: pg.Client;
  let tenant: TestTenant;

  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity: Identity = tenant.identity) =>
    inTenantScope(orm, identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('fec-records');
  });

  afterAll(async () => {
    await admin.end();
    await orm.close(true);
  });

  it('clean text fields as fecText does: separators, tabs and line breaks out, spaces collapsed, trimmed', async () => {
    const samples = [
      'Hôtel des Ducs',
      '  Dupont | Fils\r\n  SARL  ',
      'a|b||c',
      '\tTabulé\t',
      'Deux  espaces gardés',
      'fin | ',
      '\u00A0insécable\u00A0',
      'guillemets « » et ’apostrophe’',
      '',
    ];
    for (const sample of samples) {
      const { rows } = await admin.query<{ text: string }>(`select ${fecTextSql('$1::text')} as text`, [sample]);
      expect(rows[0]!.text, JSON.stringify(sample)).toBe(fecText(sample));
    }
    const { rows } = await admin.query<{ text: string }>(`select ${fecTextSql('null::text')} as text`);
    expect(rows[0]!.text).toBe('');
  });

  it('writes the demo’s first (closed) fiscal year line for line as fecRecord does, numbers and validation dates included', async () => {
    const { rows } = await admin.query<{ id: string; from: string; to: string }>(
      `select t.id, y.starts_on::text as from, y.ends_on::text as to
         from tenants t join fiscal_years y on y.tenant_id = t.id
        where t.slug = 'climouest' order by y.starts_on limit 1`,
    );
    const { id, from, to } = rows[0]!;
    const { sql, reference, lines } = await inTenantScope(orm, systemIdentity(id, 'test'), { requestId: 't' }, (em) =>
      bothWays(em, id, { from, to, journal: null }),
    );
    expect(lines).toBeGreaterThan(100);
    expect(sql.length).toBe(lines + 1);
    expect(sql).toEqual(reference);
  });

  it('writes open months’ entries with their provisional numbers as fecRecord does, a customer name full of separators included', async () => {
    const customer = await inScope((em) =>
      createCustomer(em, tenant.tenantId, {
        name: 'Dupont | Fils\n  SARL ',
        email: 'compta@dupont.example',
        billingAddressLine1: '1 rue de la Paix',
        billingPostalCode: '44000',
        billingCity: 'Nantes',
      }),
    );
    for (const price of ['65.00', '1234.56']) {
      const draft = await inScope((em) =>
        createDraftInvoice(em, tenant.identity, {
          customerId: customer.id,
          lines: [
            {
              kind: 'LABOUR',
              description: 'Main d’œuvre | dépannage',
              quantity: '1.5',
              unit: 'HUR',
              unitPrice: price,
              vatRateCode: 'TVA20',
            },
          ],
        }),
      );
      await inScope((em) => issueInvoice(em, draft.id, draft.version));
    }
    await inScope((em) => postAllPendingFacts(em, tenant.tenantId), systemIdentity(tenant.tenantId, 'test'));
    const { sql, reference, lines } = await inScope((em) =>
      bothWays(em, tenant.tenantId, { from: `${TODAY.slice(0, 4)}-01-01`, to: TODAY, journal: null }),
    );
    expect(lines).toBe(6);
    expect(sql).toEqual(reference);
    expect(sql[0]).toMatch(/^VT\|Ventes\|VT000001\|\d{8}\|411000\|/);
    expect(sql.join('\n')).toContain('|Dupont Fils SARL|');
  });
});
