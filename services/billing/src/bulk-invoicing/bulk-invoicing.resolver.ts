import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  BILLING_BATCH_QUEUE,
  INVOICE_MAIL_PLACEHOLDERS,
  batchProgress,
  billingBatchPreview,
  effectiveTemplates,
  getBillingBatch,
  invoicingSettings,
  invoiceMailPreview,
  itemsOfBatches,
  listBillingBatches,
  setInvoicingSettings,
  backOfficeUrl,
  portalHomeUrl,
  publicBaseUrl,
  SAMPLE_INVOICE_CUSTOMER,
  startBillingBatch,
  startDraftsBatch,
  type BillingBatch,
  type BillingBatchItem,
  type Identity,
  type InvoicingSettings,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { invoiceLoader } from '../invoices/invoice.resolver';
import { InvoiceType, toInvoiceType } from '../invoices/invoice.type';
import { billingBatchQueue } from './billing-batch.worker';
import {
  BatchPreviewType,
  BatchProgressType,
  BatchResultType,
  BatchType,
  BillingSelectionInput,
  InvoiceGroupingEnum,
  InvoiceMailPreviewType,
  InvoicingSettingsInput,
  InvoicingSettingsType,
  toBatchType,
  toPreviewType,
  toResultType,
  toSelection,
  toSettingsPatch,
} from './bulk-invoicing.type';

const itemsLoader = (ctx: RequestContext) => groupLoaderFor<BillingBatchItem>(ctx, 'billingBatchItems', itemsOfBatches, (i) => i.batchId);

function enqueueAfterCommit(ctx: RequestContext, batch: BillingBatch, identity: Identity) {
  ctx.afterCommit.push(() => billingBatchQueue().enqueue(BILLING_BATCH_QUEUE, { batchId: batch.id, identity }, { singletonKey: batch.id }));
}

const toSettingsType = (s: InvoicingSettings): InvoicingSettingsType => ({
  invoiceGrouping: s.invoiceGrouping as InvoiceGroupingEnum,
  invoiceMailSubject: effectiveTemplates(s).subject,
  invoiceMailBody: effectiveTemplates(s).body,
  customTemplate: s.invoiceMailSubject !== null || s.invoiceMailBody !== null,
  placeholders: INVOICE_MAIL_PLACEHOLDERS.map((p) => `{{${p}}}`),
  publicUrl: publicBaseUrl(s.publicUrl),
  billingEmail: s.billingEmail,
  portalPrimaryColor: s.portalPrimaryColor,
  portalUrl: portalHomeUrl(publicBaseUrl(s.publicUrl, backOfficeUrl()), s.slug),
});

@Resolver(() => BatchType)
export class BulkInvoicingResolver {
  @Authorized('billing:read')
  @Query(() => BatchPreviewType, {
    description:
      'One draft per customer (or site, or contract; default: the tenant’s setting) for the selected waiting work, priced as the conversion prices it, with its recipients. NOT_BILLABLE when some interventions are no longer waiting, VALIDATION_FAILED.',
  })
  async billingBatchPreview(
    @Ctx() ctx: RequestContext,
    @Arg('selection', () => BillingSelectionInput) selection: BillingSelectionInput,
    @Arg('grouping', () => InvoiceGroupingEnum, { nullable: true }) grouping: InvoiceGroupingEnum | null,
  ) {
    return toPreviewType(await billingBatchPreview(em(ctx), tenantIdOf(ctx), toSelection(selection), grouping));
  }

  @Authorized('billing:write')
  @Mutation(() => BatchType, {
    description:
      'Creates, issues and (unless send is false) mails, as a background job, the drafts the preview of the same selection shows; follow it with billingBatch. Each invoice in its own transaction: a refusal on one never stops the others, and running it again invoices nothing twice.',
  })
  async startBillingBatch(
    @Ctx() ctx: RequestContext,
    @Arg('selection', () => BillingSelectionInput) selection: BillingSelectionInput,
    @Arg('grouping', () => InvoiceGroupingEnum, { nullable: true, description: 'Default: the tenant’s setting.' })
    grouping: InvoiceGroupingEnum | null,
    @Arg('send', () => Boolean, { defaultValue: true }) send: boolean,
  ) {
    const identity = identityOf(ctx);
    const batch = await startBillingBatch(em(ctx), identity, { selection: toSelection(selection), grouping, send });
    enqueueAfterCommit(ctx, batch, identity);
    return toBatchType(batch);
  }

  @Authorized('billing:write')
  @Mutation(() => BatchType, {
    description:
      'Issues the drafts and (unless send is false) mails them with the issued invoices never sent, as a background job, in customer order. INVOICE_ALREADY_SENT, NOT_FOUND, VALIDATION_FAILED.',
  })
  async issueAndSendInvoices(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('send', () => Boolean, { defaultValue: true }) send: boolean,
  ) {
    const identity = identityOf(ctx);
    const batch = await startDraftsBatch(em(ctx), identity, { invoiceIds: ids, send });
    enqueueAfterCommit(ctx, batch, identity);
    return toBatchType(batch);
  }

  @Authorized('billing:read')
  @Query(() => BatchType)
  async billingBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toBatchType(await getBillingBatch(em(ctx), id));
  }

  @Authorized('billing:read')
  @Query(() => [BatchType], { description: 'The latest batches, newest first.' })
  async billingBatches(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return (await listBillingBatches(em(ctx), Math.min(Math.max(first, 1), 100))).map(toBatchType);
  }

  @FieldResolver(() => BatchProgressType)
  async progress(@Ctx() ctx: RequestContext, @Root() batch: BatchType): Promise<BatchProgressType> {
    return batchProgress(await itemsLoader(ctx).load(batch.id), batch.send);
  }

  @FieldResolver(() => [BatchResultType], { description: 'One per invoice, in the order they are issued.' })
  async results(@Ctx() ctx: RequestContext, @Root() batch: BatchType) {
    return (await itemsLoader(ctx).load(batch.id)).map(toResultType);
  }
}

@Resolver(() => BatchResultType)
export class BatchResultResolver {
  @FieldResolver(() => InvoiceType, { nullable: true })
  async invoice(@Ctx() ctx: RequestContext, @Root() result: BatchResultType) {
    const invoice = result.invoiceId ? await invoiceLoader(ctx).load(result.invoiceId) : null;
    return invoice ? toInvoiceType(invoice) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Legal number, once issued.' })
  async invoiceNumber(@Ctx() ctx: RequestContext, @Root() result: BatchResultType) {
    const invoice = result.invoiceId ? await invoiceLoader(ctx).load(result.invoiceId) : null;
    return invoice?.number ?? null;
  }
}

@Resolver(() => InvoicingSettingsType)
export class InvoicingSettingsResolver {
  @Authorized('billing:read')
  @Query(() => InvoicingSettingsType)
  async invoicingSettings(@Ctx() ctx: RequestContext) {
    return toSettingsType(await invoicingSettings(em(ctx), tenantIdOf(ctx)));
  }

  @Authorized('billing:read')
  @Query(() => InvoiceMailPreviewType, {
    description: 'The invoice mail as a customer would read it with these templates (empty: the defaults), for a sample invoice.',
  })
  async invoiceMailPreview(
    @Ctx() ctx: RequestContext,
    @Arg('subject', () => String, { nullable: true }) subject: string | null,
    @Arg('body', () => String, { nullable: true }) body: string | null,
  ): Promise<InvoiceMailPreviewType> {
    const preview = await invoiceMailPreview(em(ctx), tenantIdOf(ctx), { subject, body });
    return { subject: preview.subject, body: preview.body, customerName: SAMPLE_INVOICE_CUSTOMER, unknownPlaceholders: preview.unknown };
  }

  @Authorized('platform:admin')
  @Mutation(() => InvoicingSettingsType, {
    description: 'Admins only. VALIDATION_FAILED naming the field (an unknown placeholder, a text too long).',
  })
  async updateInvoicingSettings(@Ctx() ctx: RequestContext, @Arg('input', () => InvoicingSettingsInput) input: InvoicingSettingsInput) {
    return toSettingsType(await setInvoicingSettings(em(ctx), tenantIdOf(ctx), toSettingsPatch(input)));
  }
}
