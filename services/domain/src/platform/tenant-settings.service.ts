import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from './tenant.entity';
import { Validator } from '../shared/errors';

/** How contract billing and renewals behave for a tenant (stored on the tenant, changed here only). */
export interface ContractBillingSettings {
  /** ISSUE: a run issues its invoices; DRAFT: it leaves drafts to review. */
  contractBillingMode: 'ISSUE' | 'DRAFT';
  /** A run's issued invoices are then mailed. */
  contractBillingSend: boolean;
  /** AUTO: the daily job sends renewal notices; MANUAL: someone sends them. */
  renewalNoticeMode: 'AUTO' | 'MANUAL';
  /** Days before the notice deadline a business customer is told (consumers: 3 to 1 months, by law). */
  renewalNoticeLeadDays: number;
}

const settingsOf = (t: Tenant): ContractBillingSettings => ({
  contractBillingMode: t.contractBillingMode,
  contractBillingSend: t.contractBillingSend,
  renewalNoticeMode: t.renewalNoticeMode,
  renewalNoticeLeadDays: t.renewalNoticeLeadDays,
});

export async function contractBillingSettings(em: EntityManager, tenantId: string): Promise<ContractBillingSettings> {
  return settingsOf(await em.findOneOrFail(Tenant, { id: tenantId }));
}

export async function updateContractBillingSettings(
  em: EntityManager,
  tenantId: string,
  patch: Partial<ContractBillingSettings>,
): Promise<ContractBillingSettings> {
  new Validator()
    .check(
      patch.contractBillingMode === undefined || ['ISSUE', 'DRAFT'].includes(patch.contractBillingMode),
      'contractBillingMode',
      'ISSUE ou DRAFT',
    )
    .check(
      patch.renewalNoticeMode === undefined || ['AUTO', 'MANUAL'].includes(patch.renewalNoticeMode),
      'renewalNoticeMode',
      'AUTO ou MANUAL',
    )
    .check(
      patch.renewalNoticeLeadDays === undefined ||
        (Number.isInteger(patch.renewalNoticeLeadDays) && patch.renewalNoticeLeadDays >= 0 && patch.renewalNoticeLeadDays <= 180),
      'renewalNoticeLeadDays',
      'de 0 à 180 jours',
    )
    .throwIfInvalid();
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  em.assign(tenant, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
  await em.flush();
  return settingsOf(tenant);
}

export const INVOICE_GROUPINGS = ['CUSTOMER', 'SITE', 'CONTRACT'] as const;
export type InvoiceGrouping = (typeof INVOICE_GROUPINGS)[number];

/** How the tenant invoices in bulk and what its invoice mails say (stored on the tenant, changed here only). */
export interface InvoicingSettings {
  /** One invoice per customer, per site or per contract of the work invoiced in bulk. */
  invoiceGrouping: InvoiceGrouping;
  /** Null: the default subject and text. */
  invoiceMailSubject: string | null;
  invoiceMailBody: string | null;
  /** Where customers reach the public pages (quote links in mails); null: the deployment's PUBLIC_URL. */
  publicUrl: string | null;
  /** The tenant's billing address: customers' replies to its invoice, quote and dunning mails go there; null: none. */
  billingEmail: string | null;
  /** The customer portal's colour, #rrggbb. */
  portalPrimaryColor: string;
  /** The tenant's short name, in its customer portal's address; not changed here. */
  readonly slug: string;
}

const invoicingOf = (t: Tenant): InvoicingSettings => ({
  invoiceGrouping: t.invoiceGrouping,
  invoiceMailSubject: t.invoiceMailSubject ?? null,
  invoiceMailBody: t.invoiceMailBody ?? null,
  publicUrl: t.publicUrl ?? null,
  billingEmail: t.billingEmail ?? null,
  portalPrimaryColor: t.portalPrimaryColor,
  slug: t.slug,
});

export async function invoicingSettings(em: EntityManager, tenantId: string): Promise<InvoicingSettings> {
  return invoicingOf(await em.findOneOrFail(Tenant, { id: tenantId }));
}

/** Stores what billing checked (its templates); an empty text goes back to the default. */
export async function updateInvoicingSettings(
  em: EntityManager,
  tenantId: string,
  patch: Partial<Omit<InvoicingSettings, 'slug'>>,
): Promise<InvoicingSettings> {
  new Validator()
    .check(
      patch.invoiceGrouping === undefined || INVOICE_GROUPINGS.includes(patch.invoiceGrouping),
      'invoiceGrouping',
      'CUSTOMER, SITE ou CONTRACT',
    )
    .throwIfInvalid();
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  if (patch.invoiceGrouping !== undefined) tenant.invoiceGrouping = patch.invoiceGrouping;
  if (patch.invoiceMailSubject !== undefined) tenant.invoiceMailSubject = patch.invoiceMailSubject?.trim() || null;
  if (patch.invoiceMailBody !== undefined) tenant.invoiceMailBody = patch.invoiceMailBody?.trim() || null;
  if (patch.publicUrl !== undefined) tenant.publicUrl = patch.publicUrl?.trim().replace(/\/+$/, '') || null;
  if (patch.billingEmail !== undefined) tenant.billingEmail = patch.billingEmail?.trim() || null;
  if (patch.portalPrimaryColor !== undefined) tenant.portalPrimaryColor = patch.portalPrimaryColor.trim().toLowerCase();
  await em.flush();
  return invoicingOf(tenant);
}

/** How the office closes interventions (stored on the tenant, changed here only). */
export interface InterventionSettings {
  /** « Clôture automatique »: a job completed with the customer's signature and no reservation closes itself. */
  autoCloseInterventions: boolean;
}

export async function interventionSettings(em: EntityManager, tenantId: string): Promise<InterventionSettings> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  return { autoCloseInterventions: tenant.autoCloseInterventions };
}

export async function updateInterventionSettings(
  em: EntityManager,
  tenantId: string,
  patch: Partial<InterventionSettings>,
): Promise<InterventionSettings> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  if (patch.autoCloseInterventions !== undefined) tenant.autoCloseInterventions = patch.autoCloseInterventions;
  await em.flush();
  return { autoCloseInterventions: tenant.autoCloseInterventions };
}
