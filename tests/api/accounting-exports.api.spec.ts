import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, decodeExport, inTenantScope, postAllPendingFacts, systemIdentity, type Orm } from '@relais/domain';
import { checkFec } from '../support/check-fec';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { issuedInvoice } from '../support/invoice-fixtures';
import { createTestTenant, type TestTenant } from '../support/tenants';
import { dayOf, monthEnd, monthStart } from '../support/dates';

interface Link {
  url: string;
  fileName: string;
}

describe('accounting exports through the gateway', () => {
  let tenant: TestTenant;
  let admin: string;
  let customerId: string;
  let fiscalYearId: string;
  let orm: Orm;
  const dir = mkdtemp(path.join(tmpdir(), 'relais-fec-'));

  const download = async (link: Link) => {
    const response = await fetch(new URL(link.url, inject('gatewayUrl')));
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const exportFec = async (token = admin) =>
    gql<{ exportFec: Link }>('mutation($id: ID!) { exportFec(fiscalYearId: $id) { url fileName expiresAt } }', { id: fiscalYearId }, token);
  const payment = (receivedOn: string, amount: string) =>
    gql<{ recordPayment: { id: string } }>(
      'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      { input: { customerId, receivedOn, amount, method: 'TRANSFER', reference: `VIR ${receivedOn}` } },
      admin,
    ).then(must);
  async function posted(): Promise<void> {
    const identity = systemIdentity(tenant.tenantId, 'test');
    await inTenantScope(orm, identity, { requestId: 't' }, (em) => postAllPendingFacts(em, tenant.tenantId));
  }

  beforeAll(async () => {
    tenant = await createTestTenant('exports-api');
    admin = await login(tenant.adminEmail);
    orm = await createOrm(inject('appDatabaseUrl'), { pool: { min: 0, max: 2 } });
    customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { name: 'Syndic | Erdre', billingAddressLine1: '4 quai Ceineray', billingPostalCode: '44000', billingCity: 'Nantes' } },
        admin,
      ),
    ).createCustomer.id;
    fiscalYearId = must(
      await gql<{ openFiscalYear: { id: string } }>(
        'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
        { input: { startsOn: monthStart(-2), endsOn: monthEnd(9) } },
        admin,
      ),
    ).openFiscalYear.id;
    // Two receipts in the first month (closed below), one in the second, two invoices this month.
    await payment(dayOf(-2, 5), '250.00');
    await payment(dayOf(-2, 20), '80.10');
    await payment(dayOf(-1, 3), '19.90');
    await issuedInvoice(admin, customerId, '100.00');
    await issuedInvoice(admin, customerId, '33.33');
    await posted();
    const periods = must(
      await gql<{ fiscalYears: { periods: { id: string; startsOn: string }[] }[] }>(
        '{ fiscalYears { periods { id startsOn } } }',
        {},
        admin,
      ),
    ).fiscalYears[0]!.periods;
    must(
      await gql(
        'mutation($id: ID!) { closePeriod(periodId: $id, acknowledgeWarnings: true) { state } }',
        { id: periods.find((p) => p.startsOn === monthStart(-2))!.id },
        admin,
      ),
    );
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('exports the fiscal year’s FEC, which the official checker passes in strict mode', async () => {
    const preview = must(
      await gql<{
        accountingExportPreview: {
          fileName: string;
          lines: string[];
          lineCount: number;
          entryCount: number;
          provisionalEntries: number;
          totalDebit: string;
          totalCredit: string;
        };
      }>(
        'query($input: AccountingExportInput!) { accountingExportPreview(input: $input) { fileName lines lineCount entryCount provisionalEntries totalDebit totalCredit } }',
        { input: { kind: 'FEC', fiscalYearId } },
        admin,
      ),
    ).accountingExportPreview;
    // 3 receipts (512 / 411) and 2 invoices (411 / 706 / 44571): 12 lines; 250 + 80.10 + 19.90 + 120 + 39.996→40.00
    expect(preview).toMatchObject({ lineCount: 12, entryCount: 5, provisionalEntries: 3, totalDebit: '510.00', totalCredit: '510.00' });
    expect(preview.lines[0]).toBe(
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
    );

    const link = must(await exportFec()).exportFec;
    const siren = link.fileName.slice(0, 9);
    expect(link.fileName).toBe(`${siren}FEC${monthEnd(9).replaceAll('-', '')}.txt`);
    const file = await download(link);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/plain; charset=iso-8859-15');
    const fecPath = path.join(await dir, link.fileName);
    await writeFile(fecPath, file.body);
    const report = await checkFec(fecPath);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ lines: 12, entries: 5, totalDebit: '510,00', totalCredit: '510,00' });

    const rows = decodeExport(file.body, 'iso-8859-15')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split('|'));
    // The closed month's receipts are validated (numbered at its closing); the others follow, provisionally numbered.
    expect(rows.filter((r) => r[0] === 'BQ').map((r) => [r[2], r[3]])).toEqual([
      ['BQ000001', dayOf(-2, 5).replaceAll('-', '')],
      ['BQ000001', dayOf(-2, 5).replaceAll('-', '')],
      ['BQ000002', dayOf(-2, 20).replaceAll('-', '')],
      ['BQ000002', dayOf(-2, 20).replaceAll('-', '')],
      ['BQ000003', dayOf(-1, 3).replaceAll('-', '')],
      ['BQ000003', dayOf(-1, 3).replaceAll('-', '')],
    ]);
    expect(rows.filter((r) => r[0] === 'VT').map((r) => r[2])).toEqual([
      'VT000001',
      'VT000001',
      'VT000001',
      'VT000002',
      'VT000002',
      'VT000002',
    ]);
    const customerLine = rows.find((r) => r[0] === 'VT' && r[4] === '411000')!;
    expect(customerLine[7]).toBe('Syndic Erdre');
    expect(customerLine.slice(11, 13)).toEqual(['120,00', '0,00']);

    const history = must(
      await gql<{
        accountingExports: {
          kind: string;
          fileName: string;
          lineCount: number;
          totalDebit: string;
          provisional: boolean;
          exportedByName: string;
        }[];
      }>('{ accountingExports { kind fileName lineCount totalDebit provisional exportedByName } }', {}, admin),
    ).accountingExports;
    expect(history[0]).toMatchObject({ kind: 'FEC', fileName: link.fileName, lineCount: 12, totalDebit: '510.00', provisional: true });
  });

  it('exports the journal of a range in the Sage 100 layout, in Windows-1252', async () => {
    const link = must(
      await gql<{ exportJournal: Link }>(
        'mutation($from: LocalDate!, $to: LocalDate!) { exportJournal(layout: SAGE_100, from: $from, to: $to, journal: BQ) { url fileName } }',
        { from: monthStart(-2), to: monthEnd(-1) },
        admin,
      ),
    ).exportJournal;
    expect(link.fileName).toBe(`ecritures-BQ-${monthStart(-2)}-${monthEnd(-1)}-sage-100.csv`);
    const file = await download(link);
    expect(file.type).toBe('text/csv; charset=windows-1252');
    const rows = decodeExport(file.body, 'windows-1252').trimEnd().split('\r\n');
    const ddmmyy = (d: string) => `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(2, 4)}`;
    expect(rows).toHaveLength(6);
    const fields = rows.map((r) => r.split(';'));
    expect(fields.map((f) => f.length)).toEqual([9, 9, 9, 9, 9, 9]);
    expect(fields.slice(0, 2).map((f) => [f[0], f[1], f[2], f[4], f[7], f[8]])).toEqual(
      expect.arrayContaining([
        ['BQ', ddmmyy(dayOf(-2, 5)), 'BQ000001', '512000', '250,00', '0,00'],
        ['BQ', ddmmyy(dayOf(-2, 5)), 'BQ000001', '411000', '0,00', '250,00'],
      ]),
    );
    expect(fields.find((f) => f[4] === '411000')![5]).toMatch(/^411/);
  });

  it('refuses an incomplete or inconsistent request with the field named, and a forged link', async () => {
    const backwards = await gql(
      'mutation($from: LocalDate!, $to: LocalDate!) { exportJournal(layout: EBP, from: $from, to: $to) { url } }',
      { from: monthEnd(-1), to: monthStart(-2) },
      admin,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'to', message: 'la fin précède le début' }],
    });
    const missing = await gql('query { accountingExportPreview(input: { kind: JOURNAL, layout: EBP }) { lineCount } }', {}, admin);
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'from' }), expect.objectContaining({ field: 'to' })],
    });
    expect(
      errorCodes(await gql('mutation { exportFec(fiscalYearId: "00000000-0000-4000-8000-000000000000") { url } }', {}, admin)),
    ).toEqual(['NOT_FOUND']);

    const link = must(await exportFec()).exportFec;
    const forged = await download({ ...link, url: link.url.replace(/token=([^&]+)/, (_, t: string) => `token=${t.slice(0, -3)}abc`) });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body.toString())).toMatchObject({ code: 'DOCUMENT_LINK_INVALID' });
  });

  it('does not let another tenant export this tenant’s fiscal year', async () => {
    const other = await createTestTenant('exports-api-other');
    const otherAdmin = await login(other.adminEmail);
    expect(errorCodes(await exportFec(otherAdmin))).toEqual(['NOT_FOUND']);
  });
});
