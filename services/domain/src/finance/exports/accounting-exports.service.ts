import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountingExport, type AccountingExportKind } from './accounting-export.entity';
import {
  CSV_LAYOUTS,
  CSV_LAYOUT_CODES,
  csvHeader,
  customerAccountRecord,
  customerAccountsHeader,
  journalRecord,
  type CsvLayout,
  type CsvLayoutCode,
  type CustomerAccountRow,
} from './csv-layouts';
import { ExportTotals, type ExportLine } from './export-line';
import { byteOrderMark, encodeExport, type ExportEncoding } from './export-encoding';
import { fecFileName, fecHeader, fecRecord } from './fec-format';
import { streamFecRecords } from './fec-records';
import type { AccountingExportLinkSubject } from './export-link';
import {
  firstLedgerLines,
  hasProvisionalEntries,
  ledgerRangeSummary,
  streamLedgerLines,
  type LedgerLineOrder,
  type LedgerLineRange,
} from './ledger-export-lines';
import { customerAuxiliaryAccount } from '../accounts';
import { toAmount } from '../../billing/money';
import { JOURNALS, type Journal } from '../ledger/ledger.entity';
import { ledgerMapping } from '../ledger/ledger-mapping';
import { unpostedFactsThrough } from '../ledger/posting';
import { FiscalYear } from '../periods/period.entity';
import { actorName } from '../../platform/actor-name';
import { Tenant } from '../../platform/tenant.entity';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { isLocalDate, localDate } from '../../shared/time';

/**
 * The accountant's exports: the FEC of a fiscal year, the journal of a date range in a CSV
 * layout, the customer accounts (tiers). Each is previewed (first lines, counts, totals, what is
 * provisional or not yet posted), then downloaded through a signed link; the download streams the
 * lines from a cursor and, once the whole file is written, records who exported what.
 */

export type AccountingExportRequest =
  | { kind: 'FEC'; fiscalYearId: string }
  | { kind: 'JOURNAL'; layout: CsvLayoutCode; from: string; to: string; journal: Journal | null }
  | { kind: 'CUSTOMER_ACCOUNTS'; layout: CsvLayoutCode };

interface ResolvedExport {
  request: AccountingExportRequest;
  kind: AccountingExportKind;
  layout: string;
  fileName: string;
  encoding: ExportEncoding;
  /** The ledger range (none for the customer accounts). */
  range: LedgerLineRange | null;
  order: LedgerLineOrder;
  fiscalYearId: string | null;
  header: string;
  /** How a journal line is written (FEC or a CSV layout); the customer accounts use `csvLayout`. */
  record: (line: ExportLine) => string;
  csvLayout: CsvLayout | null;
}

const SIREN = /^\d{9}$/;

function validateLayout(v: Validator, layout: string): layout is CsvLayoutCode {
  v.check((CSV_LAYOUT_CODES as readonly string[]).includes(layout), 'layout', `format inconnu (attendu : ${CSV_LAYOUT_CODES.join(', ')})`);
  return (CSV_LAYOUT_CODES as readonly string[]).includes(layout);
}

/** Checks the request and settles what the file is; typed errors for anything wrong. */
async function resolveExport(em: EntityManager, tenantId: string, request: AccountingExportRequest): Promise<ResolvedExport> {
  if (request.kind === 'FEC') {
    const year = await em.findOne(FiscalYear, { id: request.fiscalYearId });
    if (!year) throw Errors.notFound('FiscalYear', request.fiscalYearId);
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
    if (!tenant.siren || !SIREN.test(tenant.siren))
      throw Errors.conflict('COMPANY_SIREN_MISSING', 'Renseignez le SIREN de l’entreprise : il nomme le FEC', {});
    return {
      request,
      kind: 'FEC',
      layout: 'FEC',
      fileName: fecFileName(tenant.siren, year.endsOn),
      encoding: 'iso-8859-15',
      range: { from: year.startsOn, to: year.endsOn, journal: null },
      order: 'VALIDATION',
      fiscalYearId: year.id,
      header: fecHeader(),
      record: fecRecord,
      csvLayout: null,
    };
  }
  const v = new Validator();
  const layoutKnown = validateLayout(v, request.layout);
  if (request.kind === 'JOURNAL') {
    v.check(isLocalDate(request.from), 'from', 'date invalide (AAAA-MM-JJ)');
    v.check(isLocalDate(request.to), 'to', 'date invalide (AAAA-MM-JJ)');
    v.check(!(isLocalDate(request.from) && isLocalDate(request.to)) || request.from <= request.to, 'to', 'la fin précède le début');
    v.check(
      request.journal === null || (JOURNALS as readonly string[]).includes(request.journal),
      'journal',
      'journal inconnu (VT, BQ ou OD)',
    );
  }
  v.throwIfInvalid();
  if (!layoutKnown) throw Errors.validation([{ field: 'layout', message: 'format inconnu' }]);
  const layout = CSV_LAYOUTS[request.layout];
  if (request.kind === 'CUSTOMER_ACCOUNTS')
    return {
      request,
      kind: 'CUSTOMER_ACCOUNTS',
      layout: layout.code,
      fileName: `comptes-clients-${layout.code.toLowerCase().replace('_', '-')}.${layout.extension}`,
      encoding: layout.encoding,
      range: null,
      order: 'DATE',
      fiscalYearId: null,
      header: customerAccountsHeader(layout),
      record: (line) => journalRecord(line, layout),
      csvLayout: layout,
    };
  const journalPart = request.journal ? `-${request.journal}` : '';
  return {
    request,
    kind: 'JOURNAL',
    layout: layout.code,
    fileName: `ecritures${journalPart}-${request.from}-${request.to}-${layout.code.toLowerCase().replace('_', '-')}.${layout.extension}`,
    encoding: layout.encoding,
    range: { from: request.from, to: request.to, journal: request.journal },
    order: 'DATE',
    fiscalYearId: null,
    header: csvHeader(layout),
    record: (line) => journalRecord(line, layout),
    csvLayout: layout,
  };
}

async function customerAccountRows(em: EntityManager, tenantId: string): Promise<CustomerAccountRow[]> {
  const collective = (await ledgerMapping(em, tenantId)).receivableAccount;
  const rows = await em.execute<(Omit<CustomerAccountRow, 'auxiliaryAccount' | 'collectiveAccount'> & { code: string })[]>(
    `select code, name, concat_ws(' ', billing_address_line1, billing_address_line2) as "addressLine", billing_postal_code as postcode,
            billing_city as city, billing_country as country, siren, vat_number as "vatNumber", email, phone,
            payment_terms_days as "paymentTermDays"
       from customers where tenant_id = ? order by code`,
    [tenantId],
  );
  return rows.map(({ code, ...row }) => ({ ...row, auxiliaryAccount: customerAuxiliaryAccount(code), collectiveAccount: collective }));
}

/** The request as its download link carries it, and back (checked again when the link is used). */
export function exportLinkSubject(request: AccountingExportRequest): AccountingExportLinkSubject {
  return {
    kind: request.kind,
    layout: request.kind === 'FEC' ? 'FEC' : request.layout,
    fiscalYearId: request.kind === 'FEC' ? request.fiscalYearId : '',
    from: request.kind === 'JOURNAL' ? request.from : '',
    to: request.kind === 'JOURNAL' ? request.to : '',
    journal: request.kind === 'JOURNAL' ? (request.journal ?? '') : '',
  };
}

/** The fields of a request as the API or a link gives them: those that apply to its kind are required. */
export interface AccountingExportFields {
  kind: string;
  fiscalYearId?: string | null;
  layout?: string | null;
  from?: string | null;
  to?: string | null;
  journal?: string | null;
}

export function accountingExportRequest(fields: AccountingExportFields): AccountingExportRequest {
  const v = new Validator();
  const required = (name: keyof AccountingExportFields) => v.check(!!fields[name], name, 'obligatoire pour cet export');
  if (fields.kind === 'FEC') {
    required('fiscalYearId');
    v.throwIfInvalid();
    return { kind: 'FEC', fiscalYearId: fields.fiscalYearId! };
  }
  if (fields.kind === 'JOURNAL') {
    for (const name of ['layout', 'from', 'to'] as const) required(name);
    v.throwIfInvalid();
    return {
      kind: 'JOURNAL',
      layout: fields.layout as CsvLayoutCode,
      from: fields.from!,
      to: fields.to!,
      journal: (fields.journal || null) as Journal | null,
    };
  }
  if (fields.kind === 'CUSTOMER_ACCOUNTS') {
    required('layout');
    v.throwIfInvalid();
    return { kind: 'CUSTOMER_ACCOUNTS', layout: fields.layout as CsvLayoutCode };
  }
  throw Errors.validation([{ field: 'kind', message: 'export inconnu (FEC, JOURNAL ou CUSTOMER_ACCOUNTS)' }]);
}

/** The file name an export will have (for the link), after checking the request. */
export async function accountingExportFileName(em: EntityManager, tenantId: string, request: AccountingExportRequest): Promise<string> {
  return (await resolveExport(em, tenantId, request)).fileName;
}

export interface AccountingExportPreview {
  fileName: string;
  encoding: ExportEncoding;
  /** The header and the first records, as they will read in the file. */
  lines: string[];
  lineCount: number;
  entryCount: number;
  /** Entries of open months: numbered provisionally, their numbers may change before the closing. */
  provisionalEntries: number;
  /** Facts of the range not yet posted (the ledger catches up within seconds). */
  unpostedFacts: number;
  totalDebit: string;
  totalCredit: string;
}

const PREVIEW_RECORDS = 20;

export async function previewAccountingExport(
  em: EntityManager,
  tenantId: string,
  request: AccountingExportRequest,
  now = new Date(),
): Promise<AccountingExportPreview> {
  const resolved = await resolveExport(em, tenantId, request);
  const header = resolved.header ? [resolved.header.trimEnd()] : [];
  if (!resolved.range) {
    const rows = await customerAccountRows(em, tenantId);
    const layout = resolved.csvLayout!;
    return {
      fileName: resolved.fileName,
      encoding: resolved.encoding,
      lines: [...header, ...rows.slice(0, PREVIEW_RECORDS).map((row) => customerAccountRecord(row, layout).trimEnd())],
      lineCount: rows.length,
      entryCount: 0,
      provisionalEntries: 0,
      unpostedFacts: 0,
      totalDebit: '0.00',
      totalCredit: '0.00',
    };
  }
  const today = localDate(now);
  const [first, summary, unposted] = await Promise.all([
    firstLedgerLines(em, tenantId, resolved.range, resolved.order, today, PREVIEW_RECORDS),
    ledgerRangeSummary(em, tenantId, resolved.range),
    unpostedFactsThrough(em, tenantId, resolved.range.to),
  ]);
  return {
    fileName: resolved.fileName,
    encoding: resolved.encoding,
    lines: [...header, ...first.map((line) => resolved.record(line).trimEnd())],
    lineCount: summary.lines,
    entryCount: summary.entries,
    provisionalEntries: summary.provisionalEntries,
    unpostedFacts: unposted,
    totalDebit: toAmount(summary.totalDebit),
    totalCredit: toAmount(summary.totalCredit),
  };
}

/** Receives the file's bytes as they are produced; resolves once the consumer wants more. */
export type ExportSink = (chunk: Buffer) => Promise<void>;

const CHUNK_CHARS = 256 * 1024;

/** A customer-account record moves no money. */
const NO_AMOUNTS = { debit: '0', credit: '0' };

/**
 * Writes the whole file to `sink`, then records the export (who, what, how many lines, totals).
 * Runs in the caller's tenant scope: if the transfer fails half-way, the scope rolls back and no
 * export is recorded.
 */
export async function writeAccountingExport(
  em: EntityManager,
  identity: Identity,
  request: AccountingExportRequest,
  sink: ExportSink,
  now = new Date(),
): Promise<AccountingExport> {
  const tenantId = identity.tenantId;
  const resolved = await resolveExport(em, tenantId, request);
  const totals = new ExportTotals();
  let buffer = resolved.header;
  const flush = async () => {
    if (buffer.length === 0) return;
    const text = buffer;
    buffer = '';
    await sink(encodeExport(text, resolved.encoding));
  };
  const bom = byteOrderMark(resolved.encoding);
  if (bom.length > 0) await sink(bom);
  /** Adds records to the chunk; true once the chunk is full (flushing stays off the per-line path). */
  const append = (text: string, amounts: Pick<ExportLine, 'debit' | 'credit'>, lines = 1) => {
    buffer += text;
    totals.add(amounts, lines);
    return buffer.length >= CHUNK_CHARS;
  };
  const provisional = resolved.range ? await hasProvisionalEntries(em, tenantId, resolved.range) : false;
  if (resolved.range && resolved.kind === 'FEC') {
    for await (const entry of streamFecRecords(em, tenantId, resolved.range, localDate(now)))
      if (append(entry.text, entry, entry.lines)) await flush();
  } else if (resolved.range) {
    for await (const line of streamLedgerLines(em, tenantId, resolved.range, resolved.order, localDate(now)))
      if (append(resolved.record(line), line)) await flush();
  } else {
    const layout = resolved.csvLayout!;
    for (const row of await customerAccountRows(em, tenantId)) if (append(customerAccountRecord(row, layout), NO_AMOUNTS)) await flush();
  }
  await flush();
  const record = em.create(AccountingExport, {
    id: newId(),
    tenantId,
    kind: resolved.kind,
    layout: resolved.layout,
    fileName: resolved.fileName,
    fromDate: resolved.range?.from ?? null,
    toDate: resolved.range?.to ?? null,
    fiscalYearId: resolved.fiscalYearId,
    lineCount: totals.lines,
    totalDebit: totals.debit,
    totalCredit: totals.credit,
    provisional,
    exportedBy: actorId(identity),
    exportedByName: await actorName(em, identity),
    exportedAt: now,
  });
  await em.flush();
  return record;
}

/** The exports taken, latest first. */
export const listAccountingExports = (em: EntityManager, limit = 50) =>
  em.find(AccountingExport, {}, { orderBy: { exportedAt: 'desc', id: 'desc' }, limit });
