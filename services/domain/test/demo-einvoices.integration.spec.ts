import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invoice, ensureInvoiceArtefacts, inTenantScope, type Orm } from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';

const run = promisify(execFile);
const validators = path.resolve(import.meta.dirname, '../../..', '../shared/einvoice');
const PARALLEL = 3;

/**
 * Every issued invoice, deposit and credit note of the demo data (and one contract-run invoice of each
 * shape per run), as a customer would receive it:
 * the Factur-X PDF through the independent validators (PDF/A-3 container with factur-x.xml, CII
 * XSD, EN 16931 and Factur-X schematron, French BR-FR rules).
 */
describe('demo e-invoices', () => {
  let orm: Orm;
  let dir: string;
  let tenantId: string;

  beforeAll(async () => {
    orm = await appOrm();
    dir = await mkdtemp(path.join(tmpdir(), 'relais-demo-einvoices-'));
    const admin = await adminClient();
    try {
      tenantId = (await admin.query<{ id: string }>(`select id from tenants where slug = 'climouest'`)).rows[0]!.id;
    } finally {
      await admin.end();
    }
  });

  afterAll(async () => {
    await orm?.close(true);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('validates every issued document of the demo tenant', { timeout: 900_000 }, async () => {
    const identity = { kind: 'user' as const, tenantId, userId: tenantId, role: 'admin' as const, email: 'test@relais' };
    const scope = <T>(work: Parameters<typeof inTenantScope<T>>[3]) => inTenantScope(orm, identity, { requestId: 'demo-einvoices' }, work);
    const all = await scope((em) => em.find(Invoice, { status: 'ISSUED' }, { orderBy: { number: 'asc' } }));
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((i) => i.typeCode))).toEqual(new Set(['380', '381', '386']));
    // The contract runs' invoices are alike but for their figures: one of each shape (fee lines one
    // or several, revised or not, prorated or not, direct debit or not) stands for the rest; the demo
    // replays its runs month by month since the start of last year.
    const shapes = await scope((em) =>
      em.execute<{ id: string }[]>(
        `select distinct on (shape) p.invoice_id as id
           from (select i.id, count(*) > 1 as several, bool_or(l.reason is not null) as revised,
                        bool_or(l.description like '%prorata%') as prorated, i.notes like '%prélèvement%' as debit
                   from invoices i join invoice_lines l on l.tenant_id = i.tenant_id and l.invoice_id = i.id
                  where i.contract_id is not null group by i.tenant_id, i.id) s
           join contract_billing_periods p on p.invoice_id = s.id,
           lateral (select (s.several, s.revised, s.prorated, s.debit)::text as shape) k`,
      ),
    );
    const sampled = new Set(shapes.map((r) => r.id));
    const issued = all.filter((i) => !i.contractId || sampled.has(i.id));
    expect(issued.some((i) => i.contractId)).toBe(true);

    const files: { number: string; file: string }[] = [];
    for (const invoice of issued) {
      const artefacts = await scope((em) => ensureInvoiceArtefacts(em, invoice.id));
      const file = path.join(dir, `${invoice.number}.pdf`);
      await writeFile(file, artefacts.pdf);
      files.push({ number: invoice.number!, file });
    }
    const failures: string[] = [];
    const queue = [...files];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const result = await run(path.join(validators, 'check-pdf.sh'), ['--fr-ctc', next.file]).catch(
            (error: { code: number; stdout: string }) => error,
          );
          if ((result as { code?: number }).code || !/^PASS /m.test(result.stdout)) failures.push(`${next.number}:\n${result.stdout}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });
});
