import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type {
  BatchPreviewGroup,
  BatchProgress,
  BillingBatch,
  BillingBatchItem,
  BillingBatchPreview,
  BillingSelection,
  InvoicingSettings,
} from '@relais/domain';
import { CustomerRef } from '../invoices/invoice.type';

export enum InvoiceGroupingEnum {
  CUSTOMER = 'CUSTOMER',
  SITE = 'SITE',
  CONTRACT = 'CONTRACT',
}
registerEnumType(InvoiceGroupingEnum, {
  name: 'InvoiceGrouping',
  description: 'Bulk invoicing makes one invoice per customer, per site, or per contract (the work outside any contract together).',
});

export enum RecipientSourceEnum {
  SIGNATORY_CONTACTS = 'SIGNATORY_CONTACTS',
  BILLING_CONTACTS = 'BILLING_CONTACTS',
  CUSTOMER = 'CUSTOMER',
  NONE = 'NONE',
}
registerEnumType(RecipientSourceEnum, {
  name: 'RecipientSource',
  description:
    'Where the default recipients come from: the contacts who sign quotes (quotes only), the contacts marked for billing, the customer’s own address, or nowhere.',
});

export enum BillingBatchStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(BillingBatchStateEnum, { name: 'BillingBatchState' });

export enum BillingBatchKindEnum {
  INTERVENTIONS = 'INTERVENTIONS',
  DRAFTS = 'DRAFTS',
}
registerEnumType(BillingBatchKindEnum, {
  name: 'BillingBatchKind',
  description: 'INTERVENTIONS: waiting work invoiced, issued and sent; DRAFTS: existing drafts issued and sent.',
});

export enum BillingBatchResultStatusEnum {
  PENDING = 'PENDING',
  ISSUED = 'ISSUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SEND_FAILED = 'SEND_FAILED',
}
registerEnumType(BillingBatchResultStatusEnum, {
  name: 'BillingBatchResultStatus',
  description:
    'PENDING (not done yet), ISSUED (created and issued), SENT (mail handed to the outbox), FAILED (nothing invoiced: see the error), SEND_FAILED (issued but not sent).',
});

@InputType({ description: 'The filters of "À facturer".' })
export class BillableFilterInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Closed on or before this day.' }) closedUntil?: string | null;
}

@InputType({
  description: 'Waiting work picked on "À facturer": some interventions, or all those matching `filter` less the excluded ones.',
})
export class BillingSelectionInput {
  @Field(() => [ID], { nullable: true }) interventionIds?: string[] | null;
  @Field(() => BillableFilterInput, { nullable: true, description: 'Everything matching the filters (instead of interventionIds).' })
  filter?: BillableFilterInput | null;
  @Field(() => [ID], { nullable: true }) excludedInterventionIds?: string[] | null;
}

export const toSelection = (input: BillingSelectionInput): BillingSelection => ({
  interventionIds: input.interventionIds ?? null,
  filter: input.filter ? { customerId: input.filter.customerId ?? null, closedUntil: input.filter.closedUntil ?? null } : null,
  excludedInterventionIds: input.excludedInterventionIds ?? null,
});

@ObjectType('BillingBatchPreviewGroup', { description: 'One draft the batch will create: its work, its totals, who it will be sent to.' })
export class PreviewGroupType {
  @Field(() => String) key!: string;
  @Field(() => CustomerRef) customer!: CustomerRef;
  @Field(() => String, { description: 'The customer, and the site or contract when grouped so.' }) label!: string;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => ID, { nullable: true }) contractId!: string | null;
  @Field(() => [ID], { description: 'In number order, as the invoice bills them.' }) interventionIds!: string[];
  @Field(() => Int) interventionCount!: number;
  @Field(() => Int) lineCount!: number;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [String], { description: 'Empty: the invoice will be issued, not sent.' }) recipients!: string[];
  @Field(() => RecipientSourceEnum) recipientSource!: RecipientSourceEnum;
}

@ObjectType('BillingBatchPreview', { description: 'What invoicing the selection would do; the batch does exactly that.' })
export class BatchPreviewType {
  @Field(() => InvoiceGroupingEnum) grouping!: InvoiceGroupingEnum;
  @Field(() => Int) invoiceCount!: number;
  @Field(() => Int) interventionCount!: number;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => Int, { description: 'Invoices that will be issued but not sent: nobody to send them to.' }) withoutRecipient!: number;
  @Field(() => [PreviewGroupType], { description: 'In customer order, the order of their numbers.' }) groups!: PreviewGroupType[];
}

export const toPreviewGroupType = (g: BatchPreviewGroup): PreviewGroupType => ({
  key: g.key,
  customer: { id: g.customerId },
  label: g.label,
  siteId: g.siteId,
  contractId: g.contractId,
  interventionIds: g.interventionIds,
  interventionCount: g.interventionIds.length,
  lineCount: g.lineCount,
  totalNet: g.totalNet,
  totalVat: g.totalVat,
  totalGross: g.totalGross,
  recipients: g.recipients,
  recipientSource: g.recipientSource as RecipientSourceEnum,
});

export const toPreviewType = (p: BillingBatchPreview): BatchPreviewType => ({
  grouping: p.grouping as InvoiceGroupingEnum,
  invoiceCount: p.groups.length,
  interventionCount: p.interventionCount,
  totalNet: p.totalNet,
  totalVat: p.totalVat,
  totalGross: p.totalGross,
  withoutRecipient: p.withoutRecipient,
  groups: p.groups.map(toPreviewGroupType),
});

@ObjectType('BillingBatchProgress')
export class BatchProgressType {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Sent, refused, or issued when the batch does not send.' }) done!: number;
  @Field(() => Int) issued!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int, { description: 'Nothing invoiced.' }) failed!: number;
  @Field(() => Int, { description: 'Issued but not sent.' }) notSent!: number;
}

export const toProgressType = (p: BatchProgress): BatchProgressType => ({ ...p });

@ObjectType('BillingBatchResult', { description: 'One invoice of a batch and what became of it.' })
export class BatchResultType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => CustomerRef) customer!: CustomerRef;
  @Field(() => String) label!: string;
  @Field(() => Int) interventionCount!: number;
  @Field(() => BillingBatchResultStatusEnum) status!: BillingBatchResultStatusEnum;
  @Field(() => String, { nullable: true, description: 'Legal number, once issued.' }) invoiceNumber!: string | null;
  @Field(() => DecimalScalar, { description: 'As previewed, then as invoiced.' }) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [String], { description: 'Who the mail goes (or went) to.' }) recipients!: string[];
  @Field(() => String, { nullable: true, description: 'A stable code (NO_RECIPIENT, ALREADY_INVOICED, PERIOD_CLOSED...).' })
  errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  invoiceId!: string | null;
}

export const toResultType = (item: BillingBatchItem): BatchResultType => ({
  id: item.id,
  position: item.position,
  customer: { id: item.customerId },
  label: item.label,
  interventionCount: item.interventionIds.length,
  status: item.status as BillingBatchResultStatusEnum,
  invoiceNumber: null,
  totalNet: item.totalNet,
  totalVat: item.totalVat,
  totalGross: item.totalGross,
  recipients: item.recipients,
  errorCode: item.errorCode ?? null,
  errorMessage: item.errorMessage ?? null,
  invoiceId: item.invoiceId ?? null,
});

@ObjectType('BillingBatch', { description: 'A bulk invoicing job: its progress while it runs, then each invoice’s result.' })
export class BatchType {
  @Field(() => ID) id!: string;
  @Field(() => BillingBatchKindEnum) kind!: BillingBatchKindEnum;
  @Field(() => InvoiceGroupingEnum, { nullable: true }) grouping!: InvoiceGroupingEnum | null;
  @Field(() => Boolean, { description: 'The invoices are mailed once issued.' }) send!: boolean;
  @Field(() => BillingBatchStateEnum) state!: BillingBatchStateEnum;
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) finishedAt!: Date | null;
}

export const toBatchType = (b: BillingBatch): BatchType => ({
  id: b.id,
  kind: b.kind as BillingBatchKindEnum,
  grouping: (b.grouping ?? null) as InvoiceGroupingEnum | null,
  send: b.send,
  state: b.state as BillingBatchStateEnum,
  attempts: b.attempts,
  createdAt: b.createdAt,
  startedAt: b.startedAt ?? null,
  finishedAt: b.finishedAt ?? null,
});

@ObjectType('InvoicingSettings', { description: 'How the tenant invoices in bulk and what its invoice mails say.' })
export class InvoicingSettingsType {
  @Field(() => InvoiceGroupingEnum) invoiceGrouping!: InvoiceGroupingEnum;
  @Field(() => String, { description: 'The subject template in force (the default one unless the tenant wrote its own).' })
  invoiceMailSubject!: string;
  @Field(() => String, { description: 'The text template in force.' }) invoiceMailBody!: string;
  @Field(() => Boolean) customTemplate!: boolean;
  @Field(() => [String], { description: 'The placeholders the templates may use, e.g. {{numero}}.' }) placeholders!: string[];
  @Field(() => String, {
    description: 'Where customers open the public pages (quote links in mails): the tenant’s address, else the deployment’s PUBLIC_URL.',
  })
  publicUrl!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The tenant’s billing address: the reply-to of its invoice, quote and dunning mails (null: none).',
  })
  billingEmail!: string | null;
  @Field(() => String, { description: 'The customer portal’s colour (#rrggbb), on its pages beside the tenant’s logo (docs/portal.md).' })
  portalPrimaryColor!: string;
  @Field(() => String, { description: 'The tenant’s customer portal, where customers’ contacts sign in (docs/portal.md).' })
  portalUrl!: string;
}

@ObjectType('InvoiceMailPreview', { description: 'The invoice mail templates rendered for a sample invoice, as a customer reads them.' })
export class InvoiceMailPreviewType {
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { description: 'The sample invoice’s (fictitious) customer.' }) customerName!: string;
  @Field(() => [String], { description: 'Placeholders that do not exist, e.g. {{numéro}} (the settings refuse them).' })
  unknownPlaceholders!: string[];
}

@InputType()
export class InvoicingSettingsInput {
  @Field(() => InvoiceGroupingEnum, { nullable: true }) invoiceGrouping?: InvoiceGroupingEnum | null;
  @Field(() => String, { nullable: true, description: 'An empty text goes back to the default.' }) invoiceMailSubject?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty text goes back to the default.' }) invoiceMailBody?: string | null;
  @Field(() => String, { nullable: true, description: 'An absolute http(s) address; empty goes back to the deployment’s.' })
  publicUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'An e-mail address; empty: no reply-to.' })
  billingEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'The customer portal’s colour, #rrggbb (VALIDATION_FAILED otherwise).' })
  portalPrimaryColor?: string | null;
}

export const toSettingsPatch = (input: InvoicingSettingsInput): Partial<InvoicingSettings> => ({
  ...(input.invoiceGrouping ? { invoiceGrouping: input.invoiceGrouping } : {}),
  ...(input.invoiceMailSubject != null ? { invoiceMailSubject: input.invoiceMailSubject } : {}),
  ...(input.invoiceMailBody != null ? { invoiceMailBody: input.invoiceMailBody } : {}),
  ...(input.publicUrl != null ? { publicUrl: input.publicUrl } : {}),
  ...(input.billingEmail != null ? { billingEmail: input.billingEmail } : {}),
  ...(input.portalPrimaryColor != null ? { portalPrimaryColor: input.portalPrimaryColor } : {}),
});
