import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../invoice.entity';
import { billableInterventions, priceInterventionGroups } from '../intervention-invoicing';
import { invoiceRecipients, type InvoiceRecipients } from '../invoice-mail.rules';
import { sumAmounts } from '../money';
import { Customer } from '../../maintenance/customer.entity';
import { contactsByCustomerIds, customersByIds } from '../../maintenance/customer.service';
import { contractsByIds } from '../../maintenance/contract.service';
import { Intervention } from '../../maintenance/intervention.entity';
import { Site } from '../../maintenance/site.entity';
import { Tenant } from '../../platform/tenant.entity';
import type { InvoiceGrouping } from '../../platform/tenant-settings.service';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { BillingBatch, BillingBatchItem } from './billing-batch.entity';
import {
  MAX_BATCH_DRAFTS,
  MAX_BATCH_INTERVENTIONS,
  groupBillableWork,
  validateSelection,
  type BillableWork,
  type BillingSelection,
  type WorkGroup,
} from './bulk-invoicing.rules';

/**
 * Bulk invoicing: the preview of a selection of waiting work (one draft per customer, site or
 * contract, priced as the conversion prices it, with who the mail will go to), and the batch that
 * then invoices, issues and sends exactly that as a background job (see bulk-invoicing.job.ts).
 * The same batch issues and sends existing drafts picked on the invoice list.
 */

export const BILLING_BATCH_QUEUE = 'billing-batch';

export interface BillingBatchJobData {
  batchId: string;
  identity: Identity;
}

export interface BatchPreviewGroup extends WorkGroup {
  lineCount: number;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  recipients: string[];
  recipientSource: InvoiceRecipients['source'];
}

export interface BillingBatchPreview {
  grouping: InvoiceGrouping;
  groups: BatchPreviewGroup[];
  interventionCount: number;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  /** Invoices that will be issued but not sent: nobody to send them to. */
  withoutRecipient: number;
}

/** Who each customer's invoice mails go to (see invoiceRecipients), in three statements. */
async function recipientsByCustomer(
  em: EntityManager,
  tenantId: string,
  customerIds: readonly string[],
): Promise<Map<string, InvoiceRecipients>> {
  const ids = [...new Set(customerIds)];
  const [customers, contacts, tenant] = await Promise.all([
    customersByIds(em, ids),
    contactsByCustomerIds(em, ids),
    em.findOneOrFail(Tenant, { id: tenantId }),
  ]);
  const contactsOf = Map.groupBy(contacts, (c) => c.customerId);
  return new Map(
    customers.map((c) => [
      c.id,
      invoiceRecipients({
        customerEmail: c.email ?? null,
        contacts: (contactsOf.get(c.id) ?? []).map((k) => ({ email: k.email ?? null, isBillingContact: k.isBillingContact })),
        tenantBillingEmail: tenant.billingEmail ?? null,
      }),
    ]),
  );
}

/** The interventions a selection names (refused when some are no longer waiting), with what grouping needs. */
async function selectedWork(
  em: EntityManager,
  selection: BillingSelection,
): Promise<{ interventions: Intervention[]; work: BillableWork[] }> {
  validateSelection(selection);
  let interventions: Intervention[];
  if (selection.interventionIds) {
    const ids = [...new Set(selection.interventionIds)];
    interventions = await billableInterventions(em, { interventionIds: ids });
    const missing = ids.filter((id) => !interventions.some((i) => i.id === id));
    if (missing.length) {
      const known = await em.find(Intervention, { id: { $in: missing } });
      const unknown = missing.find((id) => !known.some((k) => k.id === id));
      if (unknown) throw Errors.notFound('Intervention', unknown);
      const numbers = known.map((k) => k.number).sort();
      throw Errors.conflict(
        'NOT_BILLABLE',
        `Ces interventions ne sont plus à facturer (déjà facturées, non clôturées ou marquées non facturables) : ${numbers.join(', ')} ; actualisez la liste`,
        { interventionIds: missing, numbers },
      );
    }
  } else {
    interventions = await billableInterventions(em, {
      customerId: selection.filter?.customerId ?? null,
      closedUntil: selection.filter?.closedUntil ?? null,
    });
  }
  const excluded = new Set(selection.excludedInterventionIds ?? []);
  interventions = interventions.filter((i) => !excluded.has(i.id));
  new Validator()
    .check(interventions.length > 0, 'selection', 'aucune intervention à facturer dans la sélection')
    .check(interventions.length <= MAX_BATCH_INTERVENTIONS, 'selection', `au plus ${MAX_BATCH_INTERVENTIONS} interventions à la fois`)
    .throwIfInvalid();
  const contractIds = [...new Set(interventions.flatMap((i) => (i.contractId ? [i.contractId] : [])))];
  const [customers, sites, contracts] = await Promise.all([
    customersByIds(em, [...new Set(interventions.map((i) => i.customerId))]),
    em.find(Site, { id: { $in: [...new Set(interventions.map((i) => i.siteId))] } }),
    contractIds.length ? contractsByIds(em, contractIds) : Promise.resolve([]),
  ]);
  const name = new Map<string, string>([...customers.map((c) => [c.id, c.name] as const), ...sites.map((s) => [s.id, s.name] as const)]);
  const reference = new Map(contracts.map((c) => [c.id, c.reference]));
  return {
    interventions,
    work: interventions.map((i) => ({
      interventionId: i.id,
      number: i.number,
      customerId: i.customerId,
      customerName: name.get(i.customerId) ?? '',
      siteId: i.siteId,
      siteName: name.get(i.siteId) ?? '',
      contractId: i.contractId ?? null,
      contractReference: i.contractId ? (reference.get(i.contractId) ?? null) : null,
    })),
  };
}

/**
 * What invoicing the selection would do: one draft per customer (or site, or contract; by
 * default the tenant's setting), each priced as its conversion will price it, with its
 * recipients. VALIDATION_FAILED (an empty or malformed selection), NOT_BILLABLE (some of the
 * interventions named are no longer waiting), NOT_FOUND.
 */
export async function billingBatchPreview(
  em: EntityManager,
  tenantId: string,
  selection: BillingSelection,
  grouping?: InvoiceGrouping | null,
): Promise<BillingBatchPreview> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  const groupBy = grouping ?? tenant.invoiceGrouping;
  const { interventions, work } = await selectedWork(em, selection);
  const groups = groupBillableWork(work, groupBy);
  const byId = new Map(interventions.map((i) => [i.id, i]));
  const [priced, recipients] = await Promise.all([
    priceInterventionGroups(
      em,
      groups.map((g) => g.interventionIds.map((id) => byId.get(id)!)),
    ),
    recipientsByCustomer(
      em,
      tenantId,
      groups.map((g) => g.customerId),
    ),
  ]);
  const previewGroups = groups.map((group, i): BatchPreviewGroup => {
    const to = recipients.get(group.customerId) ?? { to: [], replyTo: null, source: 'NONE' as const };
    return {
      ...group,
      lineCount: priced[i]!.lineCount,
      totalNet: priced[i]!.totals.net,
      totalVat: priced[i]!.totals.vat,
      totalGross: priced[i]!.totals.gross,
      recipients: to.to,
      recipientSource: to.source,
    };
  });
  return {
    grouping: groupBy,
    groups: previewGroups,
    interventionCount: interventions.length,
    totalNet: sumAmounts(previewGroups.map((g) => g.totalNet)).toFixed(2),
    totalVat: sumAmounts(previewGroups.map((g) => g.totalVat)).toFixed(2),
    totalGross: sumAmounts(previewGroups.map((g) => g.totalGross)).toFixed(2),
    withoutRecipient: previewGroups.filter((g) => g.recipients.length === 0).length,
  };
}

/**
 * Records the batch of what the preview of the same selection shows (QUEUED), one item per
 * invoice; the caller enqueues its job once the transaction commits.
 */
export async function startBillingBatch(
  em: EntityManager,
  identity: Identity,
  input: { selection: BillingSelection; grouping?: InvoiceGrouping | null; send?: boolean | null },
): Promise<BillingBatch> {
  const preview = await billingBatchPreview(em, identity.tenantId, input.selection, input.grouping);
  const batch = em.create(BillingBatch, {
    id: newId(),
    tenantId: identity.tenantId,
    kind: 'INTERVENTIONS',
    grouping: preview.grouping,
    send: input.send ?? true,
    state: 'QUEUED',
    itemsTotal: preview.groups.length,
    createdBy: actorId(identity),
  });
  preview.groups.forEach((group, position) =>
    em.create(BillingBatchItem, {
      id: newId(),
      tenantId: identity.tenantId,
      batchId: batch.id,
      position,
      customerId: group.customerId,
      label: group.label,
      siteId: group.siteId,
      contractId: group.contractId,
      interventionIds: group.interventionIds,
      lineCount: group.lineCount,
      totalNet: group.totalNet,
      totalVat: group.totalVat,
      totalGross: group.totalGross,
      recipients: group.recipients,
    }),
  );
  await em.flush();
  return batch;
}

/**
 * A batch that issues (drafts) and sends (unless `send` is false) invoices picked on the invoice
 * list, in customer order. VALIDATION_FAILED, NOT_FOUND, INVOICE_ALREADY_SENT (only drafts and
 * issued invoices never sent can be picked).
 */
export async function startDraftsBatch(
  em: EntityManager,
  identity: Identity,
  input: { invoiceIds: readonly string[]; send?: boolean | null },
): Promise<BillingBatch> {
  const ids = [...new Set(input.invoiceIds)];
  new Validator()
    .check(ids.length > 0, 'invoiceIds', 'au moins une facture')
    .check(ids.length <= MAX_BATCH_DRAFTS, 'invoiceIds', `au plus ${MAX_BATCH_DRAFTS} factures à la fois`)
    .throwIfInvalid();
  const invoices = await em.find(Invoice, { id: { $in: ids } });
  const missing = ids.find((id) => !invoices.some((i) => i.id === id));
  if (missing) throw Errors.notFound('Invoice', missing);
  const done = invoices.filter((i) => i.status !== 'DRAFT' && i.sentAt);
  if (done.length)
    throw Errors.conflict(
      'INVOICE_ALREADY_SENT',
      `Déjà émises et envoyées : ${done.map((i) => i.number).join(', ')} ; renvoyez-les une par une depuis leur page`,
      { invoiceIds: done.map((i) => i.id) },
    );
  const customers = await em.find(Customer, { id: { $in: [...new Set(invoices.map((i) => i.customerId))] } });
  const nameOf = new Map(customers.map((c) => [c.id, c.name]));
  const recipients = await recipientsByCustomer(
    em,
    identity.tenantId,
    invoices.map((i) => i.customerId),
  );
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const ordered = invoices
    .map((invoice) => ({ invoice, name: invoice.buyer?.name ?? nameOf.get(invoice.customerId) ?? '' }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.invoice.createdAt.getTime() - b.invoice.createdAt.getTime());
  const batch = em.create(BillingBatch, {
    id: newId(),
    tenantId: identity.tenantId,
    kind: 'DRAFTS',
    grouping: null,
    send: input.send ?? true,
    state: 'QUEUED',
    itemsTotal: ordered.length,
    createdBy: actorId(identity),
  });
  ordered.forEach(({ invoice, name }, position) =>
    em.create(BillingBatchItem, {
      id: newId(),
      tenantId: identity.tenantId,
      batchId: batch.id,
      position,
      customerId: invoice.customerId,
      label: name,
      invoiceId: invoice.id,
      status: 'PENDING',
      totalNet: invoice.totalNet,
      totalVat: invoice.totalVat,
      totalGross: invoice.totalGross,
      recipients: recipients.get(invoice.customerId)?.to ?? [],
    }),
  );
  await em.flush();
  return batch;
}

export async function getBillingBatch(em: EntityManager, id: string): Promise<BillingBatch> {
  const batch = await em.findOne(BillingBatch, { id });
  if (!batch) throw Errors.notFound('BillingBatch', id);
  return batch;
}

export const listBillingBatches = (em: EntityManager, first: number) =>
  em.find(BillingBatch, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });

/** The items of some batches, in their order (for loaders). */
export const itemsOfBatches = (em: EntityManager, batchIds: readonly string[]) =>
  em.find(BillingBatchItem, { batchId: { $in: [...batchIds] } }, { orderBy: { batchId: 'asc', position: 'asc' } });
