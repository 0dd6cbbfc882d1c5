import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { BillingExclusion, Invoice, InvoiceIntervention } from './invoice.entity';
import { draftTotals, newDraft } from './invoice-drafts';
import {
  contractYearKey,
  loadConversionInputs,
  type AmendmentInput,
  type ContractYear,
  type EquipmentInput,
  type LabourInput,
  type PartInput,
  type SiteInput,
} from './conversion-inputs.loader';
import { invoiceOfIntervention } from './invoice-queries';
import { contractYearStart, unitCode } from './invoice.rules';
import { customerListRates, listPrices, type AppliedPriceList, type CatalogPriceItem } from './list-prices';
import { appliedPriceLists } from './price-lists';
import { Money } from './money';
import { priceIntervention, type PricedLine } from './pricing';
import { Contract, type ContractAmendment } from '../maintenance/contract.entity';
import { rateCardInForceWithSource, type RateCard } from '../maintenance/contract.rules';
import { Intervention } from '../maintenance/intervention.entity';
import { lockInterventionsAndContracts, markInterventionsInvoiced } from '../maintenance/interventions-for-invoicing';
import { STANDARD_VAT_RATE_CODE, reducedVatNote, worksVatRateCode } from '../maintenance/site.rules';
import { flushInOneStatement } from '../db/session-begin.driver';
import { DomainError, Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { frenchDate, isLocalDate, localDate, localDayBounds } from '../shared/time';

/**
 * Billing closed interventions: what is still to bill (with an estimate), the draft invoices made
 * from them, and the ones the office decides not to bill. Every function runs in the caller's one
 * transaction (`em` from a tenant scope) and checks everything before writing, so a typed error
 * leaves nothing behind.
 */

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

interface DraftLine extends PricedLine {
  interventionId: string | null;
}

/** What list prices are made of: the catalog's list-rate items and the customers' price lists. */
interface ListPriceBasis {
  listRateItems: CatalogPriceItem[];
  priceLists: Map<string, AppliedPriceList>;
}

type AmendmentTerms = Pick<ContractAmendment, 'version' | 'effectiveOn' | 'previousTerms'>;

/**
 * The contract's rate card in force on the day the intervention was closed (amendments' effectiveOn
 * honoured), with a note when it is the card of before an amendment.
 */
function contractTermsOn(
  contract: Contract,
  amendments: readonly AmendmentTerms[],
  closedOn: string,
): { rateCard: RateCard; note: string | null } {
  const { rateCard, before } = rateCardInForceWithSource(
    contract.rateCard,
    amendments.map((a) => ({ version: a.version, effectiveOn: a.effectiveOn, previousTerms: a.previousTerms as { rateCard?: RateCard } })),
    closedOn,
  );
  return {
    rateCard,
    note: before
      ? `Tarifs du contrat ${contract.reference} en vigueur le ${frenchDate(closedOn)} (avant l’avenant du ${frenchDate(before.effectiveOn)})`
      : null,
  };
}

/** One closed intervention's report and surroundings, as pricing reads them. */
interface InterventionPricingInputs {
  labour: Pick<LabourInput, 'hours' | 'labourType' | 'technicianName' | 'workDate'>[];
  parts: Pick<PartInput, 'quantity' | 'item'>[];
  site: Omit<SiteInput, 'id'> | null;
  equipment: Pick<EquipmentInput, 'name' | 'serialNumber'> | null;
  contract: Contract | null;
  /** Included hours of the contract already given on invoices this contract year (before this run). */
  hoursConsumedBefore: string;
}

/** Prices one closed intervention from its loaded inputs (no query): its lines and notes. */
function pricePrepared(
  intervention: Intervention,
  inputs: InterventionPricingInputs,
  basis: ListPriceBasis,
  amendments: ReadonlyMap<string, readonly AmendmentTerms[]>,
  consumedInThisRun: Map<string, string>,
): { lines: DraftLine[]; notes: string[] } {
  const { labour, parts, site, equipment, contract } = inputs;
  const priceList = basis.priceLists.get(intervention.customerId) ?? null;
  const partPrices = listPrices(
    parts.map((p) => p.item),
    priceList,
  );
  const listRates = customerListRates(basis.listRateItems, priceList);
  const closedOn = localDate(intervention.closedAt ?? new Date());
  const terms = contract ? contractTermsOn(contract, amendments.get(contract.id) ?? [], closedOn) : null;
  const consumed = contract ? addDecimals(inputs.hoursConsumedBefore, consumedInThisRun.get(contract.id) ?? '0') : '0';
  const priced = priceIntervention({
    interventionType: intervention.type,
    report: {
      labour: labour.map((l) => ({
        hours: l.hours,
        labourType: l.labourType,
        technicianName: l.technicianName ?? 'Technicien',
        workDate: l.workDate,
      })),
      travelCount: intervention.travelCount,
      travelZone: intervention.travelZone ?? null,
      parts: parts.map((p) => {
        const item = p.item;
        const price = partPrices.get(item.id)!;
        return {
          code: item.code,
          label: item.label,
          quantity: p.quantity,
          unitPrice: price.unitPrice,
          vatRateCode: worksVatRateCode(item.vatRateCode, site),
          unit: unitCode(item.unit),
          ...(price.fromPriceList ? { priceReason: price.reason } : {}),
        };
      }),
    },
    contract: contract && terms ? { reference: contract.reference, rateCard: terms.rateCard } : null,
    listRates: listRates.rates,
    listRateReasons: listRates.reasons,
    includedHoursConsumed: consumed,
    serviceVatRateCode: worksVatRateCode(STANDARD_VAT_RATE_CODE, site),
  });
  if (contract) consumedInThisRun.set(contract.id, addDecimals(consumedInThisRun.get(contract.id) ?? '0', priced.includedHoursUsed));
  const reference = [
    `Intervention ${intervention.number} du ${frenchDate(closedOn)} — ${intervention.title}`,
    site ? `Site : ${site.name}, ${site.addressLine1}, ${site.postalCode} ${site.city}` : null,
    equipment ? `Équipement : ${equipment.name}${equipment.serialNumber ? ` (n° ${equipment.serialNumber})` : ''}` : null,
    contract ? `Contrat : ${contract.reference}` : null,
    terms?.note ?? null,
    reducedVatNote(site),
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

/**
 * Turns closed interventions of one customer into one draft invoice, links them and marks them
 * invoiced, in the caller's transaction. Refusals (nothing written): NOT_FOUND,
 * ALREADY_INVOICED (naming the invoice), INTERVENTION_NOT_CLOSED (with the status), MARKED_NOT_BILLABLE,
 * VALIDATION_FAILED when the interventions are of several customers.
 */
export async function convertInterventionsToInvoice(
  em: EntityManager,
  identity: Identity,
  interventionIds: readonly string[],
): Promise<Invoice> {
  const ids = [...new Set(interventionIds)];
  new Validator().check(ids.length > 0, 'interventionIds', 'au moins une intervention').throwIfInvalid();
  const { interventions, contracts } = await lockInterventionsAndContracts(em, ids);
  const missing = ids.find((id) => !interventions.some((i) => i.id === id));
  if (missing) throw Errors.notFound('Intervention', missing);
  const ordered = [...interventions].sort((a, b) => a.number.localeCompare(b.number));
  const contractIds = contracts.map((c) => c.id);
  const closedOn = (i: Intervention) => localDate(i.closedAt ?? new Date());
  const contractYears = new Map<string, ContractYear>();
  for (const intervention of ordered) {
    const contract = contracts.find((c) => c.id === intervention.contractId);
    if (!contract) continue;
    const year = { contractId: contract.id, yearStart: contractYearStart(contract.startsOn, closedOn(intervention)) };
    contractYears.set(contractYearKey(year), year);
  }
  // Everything else in one statement, once the locks are ours.
  const inputs = await loadConversionInputs(em, {
    tenantId: identity.tenantId,
    customerId: ordered[0]!.customerId,
    interventionIds: ids,
    siteIds: [...new Set(interventions.map((i) => i.siteId))],
    equipmentIds: [...new Set(interventions.map((i) => i.equipmentId).filter((id): id is string => Boolean(id)))],
    contractIds,
    contractYears: [...contractYears.values()],
  });
  for (const intervention of interventions) {
    const invoiced = inputs.invoiced.find((l) => l.interventionId === intervention.id);
    if (invoiced)
      throw Errors.conflict(
        'ALREADY_INVOICED',
        `L’intervention ${intervention.number} est déjà facturée (${invoiced.invoiceNumber ?? 'facture brouillon'})`,
        { interventionId: intervention.id, invoiceId: invoiced.invoiceId, invoiceNumber: invoiced.invoiceNumber ?? null },
      );
    if (intervention.status !== 'CLOSED') throw notClosed(intervention);
    const exclusion = inputs.exclusions.find((e) => e.interventionId === intervention.id);
    if (exclusion)
      throw Errors.conflict(
        'MARKED_NOT_BILLABLE',
        `L’intervention ${intervention.number} est marquée non facturable (${exclusion.reason})`,
        {
          interventionId: intervention.id,
          reason: exclusion.reason,
        },
      );
  }
  new Validator()
    .check(new Set(interventions.map((i) => i.customerId)).size === 1, 'interventionIds', 'les interventions doivent être d’un seul client')
    .throwIfInvalid();

  const basis: ListPriceBasis = {
    listRateItems: inputs.listRateItems,
    priceLists: new Map(inputs.priceList ? [[ordered[0]!.customerId, inputs.priceList]] : []),
  };
  const amendments = new Map<string, AmendmentInput[]>();
  for (const a of inputs.amendments) amendments.set(a.contractId, [...(amendments.get(a.contractId) ?? []), a]);
  const consumed = new Map<string, string>();
  const lines: DraftLine[] = [];
  const notes: string[] = [];
  for (const intervention of ordered) {
    const contract = contracts.find((c) => c.id === intervention.contractId) ?? null;
    const priced = pricePrepared(
      intervention,
      {
        labour: inputs.labour.filter((l) => l.interventionId === intervention.id),
        parts: inputs.parts.filter((p) => p.interventionId === intervention.id),
        site: inputs.sites.find((s) => s.id === intervention.siteId) ?? null,
        equipment: inputs.equipment.find((e) => e.id === intervention.equipmentId) ?? null,
        contract,
        hoursConsumedBefore: contract
          ? (inputs.hoursConsumed.get(
              contractYearKey({ contractId: contract.id, yearStart: contractYearStart(contract.startsOn, closedOn(intervention)) }),
            ) ?? '0')
          : '0',
      },
      basis,
      amendments,
      consumed,
    );
    const prefix = ordered.length > 1 ? `${intervention.number} — ` : '';
    lines.push(...priced.lines.map((l) => ({ ...l, description: `${prefix}${l.description}` })));
    notes.push(...priced.notes);
  }
  new Validator()
    .check(lines.length > 0, 'interventionIds', 'rien à facturer : ni main-d’œuvre, ni déplacement, ni pièce')
    .throwIfInvalid();
  // A new draft: its lines, VAT breakdown, links and the interventions' status go in one statement.
  const invoice = await newDraft(em, identity, { customerId: ordered[0]!.customerId, notes: notes.join('\n') }, lines, inputs.vatRates);
  for (const intervention of ordered)
    em.create(InvoiceIntervention, { tenantId: identity.tenantId, invoiceId: invoice.id, interventionId: intervention.id });
  await flushInOneStatement(em, [markInterventionsInvoiced(em, ordered)]);
  return invoice;
}

/** One closed intervention -> one draft invoice (see convertInterventionsToInvoice). */
export function convertInterventionToInvoice(em: EntityManager, identity: Identity, interventionId: string): Promise<Invoice> {
  return convertInterventionsToInvoice(em, identity, [interventionId]);
}

export interface BillableIntervention {
  intervention: Intervention;
  /** What converting it now would bill (HT / TVA / TTC), priced like the conversion does. */
  estimate: { net: string; vat: string; gross: string };
}

export interface BillableFilter {
  customerId?: string | null;
  /** Closed on or before this tenant-local day (YYYY-MM-DD). */
  closedUntil?: string | null;
  /** Only these (when given). */
  interventionIds?: readonly string[] | null;
}

/**
 * Closed interventions neither on an invoice nor marked not billable, matching the filter, oldest
 * first: the work the billing clerk still has to bill.
 */
export async function billableInterventions(em: EntityManager, filter: BillableFilter = {}): Promise<Intervention[]> {
  if (filter.closedUntil != null)
    new Validator().check(isLocalDate(filter.closedUntil), 'closedUntil', 'date AAAA-MM-JJ', 'DATE_EXPECTED').throwIfInvalid();
  const closed = await em.find(
    Intervention,
    {
      status: 'CLOSED',
      ...(filter.customerId ? { customerId: filter.customerId } : {}),
      ...(filter.closedUntil ? { closedAt: { $lt: localDayBounds(filter.closedUntil).to } } : {}),
      ...(filter.interventionIds ? { id: { $in: [...filter.interventionIds] } } : {}),
    },
    { orderBy: { closedAt: 'asc', id: 'asc' } },
  );
  if (!closed.length) return [];
  const ids = closed.map((i) => i.id);
  const [linked, excluded] = await Promise.all([
    em.find(InvoiceIntervention, { interventionId: { $in: ids } }),
    em.find(BillingExclusion, { interventionId: { $in: ids } }),
  ]);
  const done = new Set([...linked.map((l) => l.interventionId), ...excluded.map((e) => e.interventionId)]);
  return closed.filter((i) => !done.has(i.id));
}

/**
 * Each group of closed interventions priced as converting the groups one after the other (each
 * in intervention number order) would price it: the lines of its draft and their totals. What a
 * bulk invoicing preview shows is then what the drafts bill, contract allowances included.
 */
export async function priceInterventionGroups(
  em: EntityManager,
  groups: readonly (readonly Intervention[])[],
): Promise<{ lineCount: number; totals: { net: string; vat: string; gross: string } }[]> {
  const all = groups.flat();
  if (!all.length) return groups.map(() => ({ lineCount: 0, totals: { net: '0.00', vat: '0.00', gross: '0.00' } }));
  // A fixed number of statements whatever the number of interventions: the contracts, then every
  // other input at once (reports, sites, equipment, rates, amendments, hours already given) and
  // the customers' price lists; the pricing itself reads nothing more.
  const contractIds = [...new Set(all.map((i) => i.contractId).filter((id): id is string => Boolean(id)))];
  const contracts = contractIds.length ? await em.find(Contract, { id: { $in: contractIds } }) : [];
  const closedOn = (i: Intervention) => localDate(i.closedAt ?? new Date());
  const yearOf = (i: Intervention, contract: Contract): ContractYear => ({
    contractId: contract.id,
    yearStart: contractYearStart(contract.startsOn, closedOn(i)),
  });
  const contractYears = new Map<string, ContractYear>();
  for (const intervention of all) {
    const contract = contracts.find((c) => c.id === intervention.contractId);
    if (contract) contractYears.set(contractYearKey(yearOf(intervention, contract)), yearOf(intervention, contract));
  }
  const [inputs, priceLists] = await Promise.all([
    loadConversionInputs(em, {
      tenantId: all[0]!.tenantId,
      customerId: all[0]!.customerId,
      interventionIds: [...new Set(all.map((i) => i.id))],
      siteIds: [...new Set(all.map((i) => i.siteId))],
      equipmentIds: [...new Set(all.map((i) => i.equipmentId).filter((id): id is string => Boolean(id)))],
      contractIds,
      contractYears: [...contractYears.values()],
    }),
    appliedPriceLists(em, [...new Set(all.map((i) => i.customerId))]),
  ]);
  const basis: ListPriceBasis = { listRateItems: inputs.listRateItems, priceLists };
  const amendments = new Map<string, AmendmentInput[]>();
  for (const a of inputs.amendments) amendments.set(a.contractId, [...(amendments.get(a.contractId) ?? []), a]);
  const consumed = new Map<string, string>();
  const priced = [];
  for (const group of groups) {
    const lines: DraftLine[] = [];
    for (const intervention of [...group].sort((a, b) => a.number.localeCompare(b.number))) {
      const contract = contracts.find((c) => c.id === intervention.contractId) ?? null;
      const { lines: own } = pricePrepared(
        intervention,
        {
          labour: inputs.labour.filter((l) => l.interventionId === intervention.id),
          parts: inputs.parts.filter((p) => p.interventionId === intervention.id),
          site: inputs.sites.find((s) => s.id === intervention.siteId) ?? null,
          equipment: inputs.equipment.find((e) => e.id === intervention.equipmentId) ?? null,
          contract,
          hoursConsumedBefore: contract ? (inputs.hoursConsumed.get(contractYearKey(yearOf(intervention, contract))) ?? '0') : '0',
        },
        basis,
        amendments,
        consumed,
      );
      lines.push(...own);
    }
    const totals = draftTotals(lines, { vatRates: inputs.vatRates });
    priced.push({ lineCount: lines.length, totals: { net: totals.taxBasisTotal, vat: totals.taxTotal, gross: totals.grandTotal } });
  }
  return priced;
}

/** Billable interventions (see billableInterventions), each with its estimated amount. Nothing done is forgotten. */
export async function listBillable(
  em: EntityManager,
  options: Pick<BillableFilter, 'customerId' | 'closedUntil'> = {},
): Promise<BillableIntervention[]> {
  const waiting = await billableInterventions(em, options);
  if (!waiting.length) return [];
  const priced = await priceInterventionGroups(
    em,
    waiting.map((i) => [i]),
  );
  return waiting.map((intervention, i) => ({ intervention, estimate: priced[i]!.totals }));
}

async function lockClosedNotInvoiced(em: EntityManager, interventionId: string): Promise<Intervention> {
  const intervention = await em.findOne(Intervention, { id: interventionId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!intervention) throw Errors.notFound('Intervention', interventionId);
  const invoiced = await alreadyInvoiced(em, intervention);
  if (invoiced) throw invoiced;
  if (intervention.status !== 'CLOSED') throw notClosed(intervention);
  return intervention;
}

/** The office decides a closed intervention is not billed (warranty, goodwill…); the reason is kept. */
export async function markNotBillable(
  em: EntityManager,
  identity: Identity,
  interventionId: string,
  reason: string,
): Promise<BillingExclusion> {
  new Validator()
    .check(reason.trim().length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check(reason.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const intervention = await lockClosedNotInvoiced(em, interventionId);
  const existing = await em.findOne(BillingExclusion, { interventionId });
  if (existing)
    throw Errors.conflict('ALREADY_NOT_BILLABLE', `L’intervention ${intervention.number} est déjà marquée non facturable`, {
      interventionId,
      reason: existing.reason,
    });
  const exclusion = em.create(BillingExclusion, {
    tenantId: identity.tenantId,
    interventionId,
    reason: reason.trim(),
    decidedBy: identity.kind === 'user' ? identity.userId : null,
  });
  await em.flush();
  return exclusion;
}

/** Undoes markNotBillable: the intervention is back in "À facturer". */
export async function markBillable(em: EntityManager, interventionId: string): Promise<void> {
  await lockClosedNotInvoiced(em, interventionId);
  const exclusion = await em.findOne(BillingExclusion, { interventionId });
  if (!exclusion) throw Errors.notFound('BillingExclusion', interventionId);
  em.remove(exclusion);
  await em.flush();
}

export const exclusionsByInterventionIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(BillingExclusion, { interventionId: { $in: [...ids] } });
