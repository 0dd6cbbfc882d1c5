import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, OptimisticLockError, type FilterQuery } from '@mikro-orm/core';
import { Invoice, InvoiceIntervention, InvoiceLine, InvoiceVatBreakdown, type BuyerSnapshot } from './invoice.entity';
import { contractYearStart, paymentDueDate, LIST_RATE_CATALOG_CODES, listRateCard, unitCode } from './invoice.rules';
import { Money } from './money';
import { nextInvoiceNumber } from './numbering';
import { priceIntervention, type PricedLine } from './pricing';
import { invoiceTotals, type InvoiceTotals, type VatRateDef } from './totals';
import { CatalogItem } from './catalog-item.entity';
import { VatRate } from './vat-rate.entity';
import { Contract } from '../maintenance/contract.entity';
import { Customer } from '../maintenance/customer.entity';
import { Equipment } from '../maintenance/equipment.entity';
import { Intervention, LabourEntry, PartUsed } from '../maintenance/intervention.entity';
import { assertTransition } from '../maintenance/intervention.rules';
import { Site } from '../maintenance/site.entity';
import { Technician } from '../maintenance/technician.entity';
import { DomainError, Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { localDate } from '../shared/time';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';

/**
 * Invoices from closed interventions, and their issue. Every function runs in the caller's one
 * transaction (`em` from a tenant scope) and checks everything before writing, so a typed error
 * leaves nothing behind.
 */

export const INVOICE_SERIES = 'F';

function frDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

async function vatRateDefs(em: EntityManager): Promise<VatRateDef[]> {
  return (await em.find(VatRate, {})).map((r) => ({
    code: r.code,
    rate: r.rate,
    categoryCode: r.categoryCode,
    exemptionReason: r.exemptionReason ?? null,
  }));
}

/** The invoice billing an intervention, if any (via the link table). */
export async function invoiceOfIntervention(em: EntityManager, interventionId: string): Promise<Invoice | null> {
  const link = await em.findOne(InvoiceIntervention, { interventionId });
  return link ? em.findOne(Invoice, { id: link.invoiceId }) : null;
}

/** The interventions an invoice bills. */
export async function interventionsOfInvoice(em: EntityManager, invoiceId: string): Promise<Intervention[]> {
  const links = await em.find(InvoiceIntervention, { invoiceId });
  if (!links.length) return [];
  return em.find(Intervention, { id: { $in: links.map((l) => l.interventionId) } }, { orderBy: { number: 'asc' } });
}

async function alreadyInvoiced(em: EntityManager, intervention: Intervention): Promise<DomainError | null> {
  const invoice = await invoiceOfIntervention(em, intervention.id);
  if (!invoice) return null;
  return Errors.conflict(
    'ALREADY_INVOICED',
    `L’intervention ${intervention.number} est déjà facturée (${invoice.number ?? 'facture brouillon'})`,
    { interventionId: intervention.id, invoiceId: invoice.id, invoiceNumber: invoice.number ?? null },
  );
}

function notClosed(intervention: Intervention): DomainError {
  return Errors.conflict(
    'INTERVENTION_NOT_CLOSED',
    `L’intervention ${intervention.number} n’est pas clôturée (${intervention.status}) : elle ne peut pas être facturée`,
    { interventionId: intervention.id, status: intervention.status },
  );
}

/** Hours of a contract's yearly allowance already given on invoices this contract year. */
async function includedHoursConsumed(em: EntityManager, contract: Contract, at: string): Promise<string> {
  const [row] = await em.execute<{ hours: string | null }[]>(
    `select sum(l.quantity)::text as hours
       from invoice_lines l
       join interventions i on i.tenant_id = l.tenant_id and i.id = l.intervention_id
      where i.contract_id = ? and l.kind = 'LABOUR' and l.covered_by_contract
        and (i.closed_at at time zone 'Europe/Paris')::date >= ?::date`,
    [contract.id, contractYearStart(contract.startsOn, at)],
  );
  return row?.hours ?? '0';
}

interface DraftLine extends PricedLine {
  interventionId: string | null;
}

/** Prices one closed intervention: its lines and the notes (references, observations, pricing notes). */
async function priceOne(
  em: EntityManager,
  intervention: Intervention,
  listRates: ReturnType<typeof listRateCard>,
  consumedInThisRun: Map<string, string>,
): Promise<{ lines: DraftLine[]; notes: string[] }> {
  const [labour, parts, site, equipment, contract] = await Promise.all([
    em.find(LabourEntry, { interventionId: intervention.id }, { orderBy: { position: 'asc' } }),
    em.find(PartUsed, { interventionId: intervention.id }, { orderBy: { position: 'asc' } }),
    em.findOne(Site, { id: intervention.siteId }),
    intervention.equipmentId ? em.findOne(Equipment, { id: intervention.equipmentId }) : Promise.resolve(null),
    intervention.contractId ? em.findOne(Contract, { id: intervention.contractId }) : Promise.resolve(null),
  ]);
  const technicianIds = [...new Set(labour.map((l) => l.technicianId))];
  const itemIds = [...new Set(parts.map((p) => p.catalogItemId))];
  const [technicians, items] = await Promise.all([
    technicianIds.length ? em.find(Technician, { id: { $in: technicianIds } }) : Promise.resolve([]),
    itemIds.length ? em.find(CatalogItem, { id: { $in: itemIds } }) : Promise.resolve([]),
  ]);
  const closedOn = localDate(intervention.closedAt ?? new Date());
  let consumed = '0';
  if (contract) {
    const before = await includedHoursConsumed(em, contract, closedOn);
    const inRun = consumedInThisRun.get(contract.id) ?? '0';
    consumed = addDecimals(before, inRun);
  }
  const priced = priceIntervention({
    report: {
      labour: labour.map((l) => ({
        hours: l.hours,
        labourType: l.labourType,
        technicianName: technicians.find((t) => t.id === l.technicianId)?.fullName ?? 'Technicien',
        workDate: l.workDate,
      })),
      travelCount: intervention.travelCount,
      travelZone: intervention.travelZone ?? null,
      parts: parts.map((p) => {
        const item = items.find((i) => i.id === p.catalogItemId)!;
        return {
          code: item.code,
          label: item.label,
          quantity: p.quantity,
          unitPrice: item.salePrice,
          vatRateCode: item.vatRateCode,
          unit: unitCode(item.unit),
        };
      }),
    },
    contract: contract ? { reference: contract.reference, rateCard: contract.rateCard } : null,
    listRates,
    includedHoursConsumed: consumed,
  });
  if (contract) consumedInThisRun.set(contract.id, addDecimals(consumedInThisRun.get(contract.id) ?? '0', priced.includedHoursUsed));
  const reference = [
    `Intervention ${intervention.number} du ${frDate(closedOn)} — ${intervention.title}`,
    site ? `Site : ${site.name}, ${site.addressLine1}, ${site.postalCode} ${site.city}` : null,
    equipment ? `Équipement : ${equipment.name}${equipment.serialNumber ? ` (n° ${equipment.serialNumber})` : ''}` : null,
    contract ? `Contrat : ${contract.reference}` : null,
    intervention.observations ? `Observations : ${intervention.observations}` : null,
  ].filter((n): n is string => Boolean(n));
  return {
    lines: priced.lines.map((l) => ({ ...l, interventionId: intervention.id })),
    notes: [...reference, ...priced.notes],
  };
}

function addDecimals(a: string, b: string): string {
  return new Money(a).plus(b).toFixed(2);
}

function totalsOf(lines: readonly DraftLine[], vatRates: VatRateDef[]): InvoiceTotals {
  return invoiceTotals(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, vatRateCode: l.vatRateCode })),
    { vatRates },
  );
}

function writeBreakdown(em: EntityManager, invoice: Invoice, totals: InvoiceTotals): void {
  for (const row of totals.vatBreakdown)
    em.create(InvoiceVatBreakdown, {
      id: newId(),
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      category: row.categoryCode,
      rate: row.rate,
      basis: row.basis,
      tax: row.tax,
      exemptionReason: row.exemptionReason,
    });
}

function applyTotals(invoice: Invoice, totals: InvoiceTotals): void {
  invoice.totalNet = totals.taxBasisTotal;
  invoice.totalVat = totals.taxTotal;
  invoice.totalGross = totals.grandTotal;
  invoice.amountDue = totals.duePayable;
}

/**
 * Turns closed interventions of one customer into one draft invoice, links them and marks them
 * invoiced, in the caller's transaction. Refusals (nothing written): NOT_FOUND,
 * ALREADY_INVOICED (naming the invoice), INTERVENTION_NOT_CLOSED (with the status),
 * VALIDATION_FAILED when the interventions are of several customers.
 */
export async function convertInterventionsToInvoice(
  em: EntityManager,
  identity: Identity,
  interventionIds: readonly string[],
): Promise<Invoice> {
  const ids = [...new Set(interventionIds)];
  new Validator().check(ids.length > 0, 'interventionIds', 'au moins une intervention').throwIfInvalid();
  // Lock the interventions (in id order, so concurrent conversions queue rather than deadlock).
  const interventions = await em.find(
    Intervention,
    { id: { $in: ids } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
  );
  const missing = ids.find((id) => !interventions.some((i) => i.id === id));
  if (missing) throw Errors.notFound('Intervention', missing);
  for (const intervention of interventions) {
    const invoiced = await alreadyInvoiced(em, intervention);
    if (invoiced) throw invoiced;
    if (intervention.status !== 'CLOSED') throw notClosed(intervention);
  }
  new Validator()
    .check(new Set(interventions.map((i) => i.customerId)).size === 1, 'interventionIds', 'les interventions doivent être d’un seul client')
    .throwIfInvalid();
  const ordered = [...interventions].sort((a, b) => a.number.localeCompare(b.number));

  const catalogCodes = [...Object.values(LIST_RATE_CATALOG_CODES.labour), LIST_RATE_CATALOG_CODES.travel];
  const [vatRates, listItems] = await Promise.all([
    vatRateDefs(em),
    em.find(CatalogItem, { code: { $in: catalogCodes }, kind: 'SERVICE', active: true }),
  ]);
  const listRates = listRateCard(new Map(listItems.map((i) => [i.code, i.salePrice])));
  const consumed = new Map<string, string>();
  const lines: DraftLine[] = [];
  const notes: string[] = [];
  for (const intervention of ordered) {
    const priced = await priceOne(em, intervention, listRates, consumed);
    const prefix = ordered.length > 1 ? `${intervention.number} — ` : '';
    lines.push(...priced.lines.map((l) => ({ ...l, description: `${prefix}${l.description}` })));
    notes.push(...priced.notes);
  }
  new Validator()
    .check(lines.length > 0, 'interventionIds', 'rien à facturer : ni main-d’œuvre, ni déplacement, ni pièce')
    .throwIfInvalid();
  const totals = totalsOf(lines, vatRates);
  const rateByCode = new Map(vatRates.map((r) => [r.code, r]));

  const invoice = em.create(Invoice, {
    id: newId(),
    tenantId: identity.tenantId,
    number: null,
    series: INVOICE_SERIES,
    status: 'DRAFT',
    customerId: ordered[0]!.customerId,
    currency: 'EUR',
    buyer: null,
    totalNet: '0.00',
    totalVat: '0.00',
    totalGross: '0.00',
    amountDue: '0.00',
    notes: notes.join('\n'),
  });
  applyTotals(invoice, totals);
  lines.forEach((l, position) => {
    const rate = rateByCode.get(l.vatRateCode)!;
    em.create(InvoiceLine, {
      id: newId(),
      tenantId: identity.tenantId,
      invoiceId: invoice.id,
      position,
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      vatRateCode: l.vatRateCode,
      vatCategory: rate.categoryCode,
      vatRate: rate.rate,
      lineNet: totals.lineNets[position]!,
      coveredByContract: l.coveredByContract,
      labourType: l.labourType ?? null,
      reason: l.reason,
      interventionId: l.interventionId,
    });
  });
  writeBreakdown(em, invoice, totals);
  for (const intervention of ordered) {
    em.create(InvoiceIntervention, { tenantId: identity.tenantId, invoiceId: invoice.id, interventionId: intervention.id });
    assertTransition(intervention.status, 'INVOICED');
    intervention.status = 'INVOICED';
  }
  await em.flush();
  return invoice;
}

/** One closed intervention -> one draft invoice (see convertInterventionsToInvoice). */
export function convertInterventionToInvoice(em: EntityManager, identity: Identity, interventionId: string): Promise<Invoice> {
  return convertInterventionsToInvoice(em, identity, [interventionId]);
}

export async function getInvoice(em: EntityManager, id: string): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id });
  if (!invoice) throw Errors.notFound('Invoice', id);
  return invoice;
}

export function invoiceLines(em: EntityManager, invoiceId: string): Promise<InvoiceLine[]> {
  return em.find(InvoiceLine, { invoiceId }, { orderBy: { position: 'asc' } });
}

export function invoiceVatBreakdown(em: EntityManager, invoiceId: string): Promise<InvoiceVatBreakdown[]> {
  return em.find(InvoiceVatBreakdown, { invoiceId }, { orderBy: { category: 'asc', rate: 'desc' } });
}

function buyerSnapshot(customer: Customer): BuyerSnapshot {
  return {
    name: customer.name,
    siren: customer.siren ?? null,
    siret: customer.siret ?? null,
    vatNumber: customer.vatNumber ?? null,
    address: {
      line1: customer.billingAddressLine1,
      line2: customer.billingAddressLine2 ?? null,
      postalCode: customer.billingPostalCode,
      city: customer.billingCity,
      country: customer.billingCountry,
    },
  };
}

function staleVersion(invoice: Invoice, expectedVersion?: number): DomainError {
  return Errors.staleVersion('La facture a été modifiée entre-temps ; rechargez-la', invoice.version, expectedVersion);
}

/**
 * Issues a draft: legal number F-YYYY-NNNNN (tenant counter, gapless, chronological), issue date
 * today in Paris, due date from the customer's payment terms, buyer snapshot, totals recomputed
 * from the lines. From then on the invoice and its lines never change (the database refuses too).
 */
export async function issueInvoice(em: EntityManager, id: string, expectedVersion: number): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', id);
  if (invoice.status !== 'DRAFT')
    throw Errors.conflict('INVOICE_ALREADY_ISSUED', `La facture ${invoice.number} est déjà émise`, {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
    });
  if (invoice.version !== expectedVersion) throw staleVersion(invoice, expectedVersion);
  const [lines, customer, vatRates] = await Promise.all([
    invoiceLines(em, id),
    em.findOne(Customer, { id: invoice.customerId }),
    vatRateDefs(em),
  ]);
  if (!customer) throw Errors.notFound('Customer', invoice.customerId);
  new Validator().check(lines.length > 0, 'lines', 'une facture sans ligne ne peut pas être émise').throwIfInvalid();
  // The lines keep the rate they were priced with; the exemption reason comes from the tenant's table.
  const reasons = new Map(vatRates.map((r) => [r.code, r.exemptionReason]));
  const defs = new Map<string, VatRateDef>();
  for (const l of lines)
    defs.set(l.vatRateCode, {
      code: l.vatRateCode,
      rate: l.vatRate,
      categoryCode: l.vatCategory,
      exemptionReason: reasons.get(l.vatRateCode) ?? null,
    });
  const totals = invoiceTotals(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, vatRateCode: l.vatRateCode })),
    { vatRates: [...defs.values()] },
  );
  // Issuers of a series queue here first, so the date is read in number order (also at midnight
  // and on New Year's Eve): a later number never carries an earlier date.
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`invoice-issue:${invoice.tenantId}:${invoice.series}`]);
  const issueDate = localDate(new Date());
  const due = paymentDueDate(issueDate, { kind: customer.paymentTermsKind, days: customer.paymentTermsDays });

  // Writes from here: the breakdown first (the invoice is still a draft), then the issue itself.
  await em.nativeDelete(InvoiceVatBreakdown, { invoiceId: id });
  writeBreakdown(em, invoice, totals);
  lines.forEach((l, i) => {
    l.lineNet = totals.lineNets[i]!;
  });
  await em.flush();
  invoice.number = await nextInvoiceNumber(em, invoice.tenantId, invoice.series, issueDate);
  invoice.issuedAt = new Date();
  invoice.status = 'ISSUED';
  invoice.issueDate = issueDate;
  invoice.dueDate = due;
  invoice.buyer = buyerSnapshot(customer);
  applyTotals(invoice, totals);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw staleVersion(invoice);
    throw error;
  }
  return invoice;
}

/** Closed interventions not yet on an invoice: what the billing clerk still has to bill. */
export async function listBillable(em: EntityManager): Promise<Intervention[]> {
  const closed = await em.find(Intervention, { status: 'CLOSED' }, { orderBy: { closedAt: 'asc', id: 'asc' } });
  if (!closed.length) return [];
  const linked = await em.find(InvoiceIntervention, { interventionId: { $in: closed.map((i) => i.id) } });
  const invoiced = new Set(linked.map((l) => l.interventionId));
  return closed.filter((i) => !invoiced.has(i.id));
}

export function listInvoices(em: EntityManager, args: PageArgs & { status?: Invoice['status'] | null; customerId?: string | null }) {
  const where: FilterQuery<Invoice>[] = [];
  if (args.status) where.push({ status: args.status });
  if (args.customerId) where.push({ customerId: args.customerId });
  return keysetPage(em, Invoice, where.length ? { $and: where } : {}, 'createdAt', args, 'desc');
}

export const invoicesByIds = (em: EntityManager, ids: readonly string[]) => em.find(Invoice, { id: { $in: [...ids] } });
export const linesByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceLine, { invoiceId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
export const breakdownByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceVatBreakdown, { invoiceId: { $in: [...ids] } });
export const invoiceLinksByInterventionIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceIntervention, { interventionId: { $in: [...ids] } });
export const invoiceLinksByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(InvoiceIntervention, { invoiceId: { $in: [...ids] } });
