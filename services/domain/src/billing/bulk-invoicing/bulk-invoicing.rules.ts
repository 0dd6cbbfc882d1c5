import { Validator } from '../../shared/errors';
import { isLocalDate } from '../../shared/time';
import type { InvoiceGrouping } from '../../platform/tenant-settings.service';
import type { BillingBatchItemStatus } from './billing-batch.entity';

/**
 * Bulk invoicing as plain rules: what a selection may be, how the selected work is cut into
 * invoices (per customer, site or contract), and when an item of a batch is done.
 */

export const MAX_BATCH_INTERVENTIONS = 2000;
export const MAX_BATCH_DRAFTS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Work picked on "À facturer": some interventions, or everything matching the filters (less some). */
export interface BillingSelection {
  interventionIds?: readonly string[] | null;
  filter?: { customerId?: string | null; closedUntil?: string | null } | null;
  excludedInterventionIds?: readonly string[] | null;
}

export function validateSelection(selection: BillingSelection): void {
  const ids = selection.interventionIds ?? null;
  const excluded = selection.excludedInterventionIds ?? [];
  const closedUntil = selection.filter?.closedUntil ?? null;
  const customerId = selection.filter?.customerId ?? null;
  new Validator()
    .check((ids !== null) !== Boolean(selection.filter), 'selection', 'des interventions, ou bien les filtres : l’un des deux')
    .check(ids === null || ids.length > 0, 'interventionIds', 'au moins une intervention')
    .check(ids === null || ids.length <= MAX_BATCH_INTERVENTIONS, 'interventionIds', `au plus ${MAX_BATCH_INTERVENTIONS} interventions`)
    .check(
      [...(ids ?? []), ...excluded].every((id) => UUID.test(id)),
      'interventionIds',
      'identifiants d’interventions attendus',
    )
    .check(excluded.length <= MAX_BATCH_INTERVENTIONS, 'excludedInterventionIds', `au plus ${MAX_BATCH_INTERVENTIONS} interventions`)
    .check(customerId === null || UUID.test(customerId), 'filter.customerId', 'identifiant de client attendu')
    .check(closedUntil === null || isLocalDate(closedUntil), 'filter.closedUntil', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .throwIfInvalid();
}

/** A closed intervention waiting to be billed, with what grouping needs to know of it. */
export interface BillableWork {
  interventionId: string;
  number: string;
  customerId: string;
  customerName: string;
  siteId: string;
  siteName: string;
  contractId: string | null;
  contractReference: string | null;
}

/** The work one invoice will bill. */
export interface WorkGroup {
  key: string;
  customerId: string;
  customerName: string;
  siteId: string | null;
  contractId: string | null;
  /** As shown in the preview and the results: the customer, and the site or contract. */
  label: string;
  /** In intervention number order (the order of the invoice's lines). */
  interventionIds: string[];
}

function groupOf(work: BillableWork, grouping: InvoiceGrouping): Omit<WorkGroup, 'interventionIds'> {
  const customer = { customerId: work.customerId, customerName: work.customerName };
  if (grouping === 'SITE')
    return {
      ...customer,
      key: `site:${work.siteId}`,
      siteId: work.siteId,
      contractId: null,
      label: `${work.customerName} — ${work.siteName}`,
    };
  if (grouping === 'CONTRACT' && work.contractId)
    return {
      ...customer,
      key: `contract:${work.contractId}`,
      siteId: null,
      contractId: work.contractId,
      label: `${work.customerName} — contrat ${work.contractReference ?? ''}`.trim(),
    };
  if (grouping === 'CONTRACT')
    return {
      ...customer,
      key: `customer:${work.customerId}:hors-contrat`,
      siteId: null,
      contractId: null,
      label: `${work.customerName} — hors contrat`,
    };
  return { ...customer, key: `customer:${work.customerId}`, siteId: null, contractId: null, label: work.customerName };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * One invoice per customer (or per site, or per contract with the work outside any contract
 * together), in customer then label order, so the numbers follow the customers' names.
 */
export function groupBillableWork(work: readonly BillableWork[], grouping: InvoiceGrouping): WorkGroup[] {
  const groups = new Map<string, WorkGroup & { numbers: string[] }>();
  for (const w of work) {
    const head = groupOf(w, grouping);
    const group = groups.get(head.key) ?? { ...head, interventionIds: [], numbers: [] };
    group.interventionIds.push(w.interventionId);
    group.numbers.push(w.number);
    groups.set(head.key, group);
  }
  return [...groups.values()]
    .map(({ numbers, interventionIds, ...group }) => ({
      ...group,
      interventionIds: interventionIds
        .map((id, i) => ({ id, number: numbers[i]! }))
        .sort((a, b) => a.number.localeCompare(b.number))
        .map((x) => x.id),
    }))
    .sort(
      (a, b) =>
        collator.compare(a.customerName, b.customerName) ||
        a.customerId.localeCompare(b.customerId) ||
        collator.compare(a.label, b.label) ||
        a.key.localeCompare(b.key),
    );
}

/** An item is done once sent, refused, or issued when the batch does not send. */
export function itemDone(status: BillingBatchItemStatus, send: boolean): boolean {
  return status === 'SENT' || status === 'FAILED' || status === 'SEND_FAILED' || (status === 'ISSUED' && !send);
}

export interface BatchProgress {
  total: number;
  done: number;
  /** Invoices issued by the batch (sent or not). */
  issued: number;
  sent: number;
  /** Nothing invoiced. */
  failed: number;
  /** Issued but not sent. */
  notSent: number;
}

export function batchProgress(items: readonly { status: BillingBatchItemStatus }[], send: boolean): BatchProgress {
  const count = (...statuses: BillingBatchItemStatus[]) => items.filter((i) => statuses.includes(i.status)).length;
  return {
    total: items.length,
    done: items.filter((i) => itemDone(i.status, send)).length,
    issued: count('ISSUED', 'SENT', 'SEND_FAILED'),
    sent: count('SENT'),
    failed: count('FAILED'),
    notSent: count('SEND_FAILED'),
  };
}
