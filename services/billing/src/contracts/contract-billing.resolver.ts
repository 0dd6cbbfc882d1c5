import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  CONTRACT_BILLING_QUEUE,
  contractBillingSettings,
  updateContractBillingSettings,
  contractBillingPreview,
  getContractBillingRun,
  listContractBillingRuns,
  runInvoiceIds,
  sendRenewalNotice,
  setContractBilling,
  startContractBillingRun,
  sumAmounts,
  terminateContract,
  type ContractBill,
} from '@relais/domain';
import { LocalDateScalar, em, identityOf, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import {
  BillingModeEnum,
  BillingRunType,
  ContractBillingTermsInput,
  ContractRef,
  PreviewType,
  RenewalNoticeType,
  SettingsInput,
  SettingsType,
  TerminationType,
  toBillingInput,
  toNoticeType,
  toPreviewContractType,
  toRunType,
} from './contract-billing.type';
import { contractBillingQueue } from './contract-billing.worker';
import { InvoiceType, toInvoiceType } from '../invoices/invoice.type';
import { invoiceLoader } from '../invoices/invoice.resolver';

function groupByCustomer(bills: ContractBill[]) {
  const byCustomer = new Map<string, ContractBill[]>();
  for (const bill of bills) byCustomer.set(bill.customerId, [...(byCustomer.get(bill.customerId) ?? []), bill]);
  return [...byCustomer.entries()]
    .map(([customerId, list]) => {
      const billable = list.filter((b) => !b.blocked);
      return {
        customer: { id: customerId },
        customerName: list[0]!.customerName,
        totalNet: sumAmounts(billable.map((b) => b.totalNet)).toFixed(2),
        totalGross: sumAmounts(billable.map((b) => b.totalGross)).toFixed(2),
        contracts: list.map(toPreviewContractType),
      };
    })
    .sort((a, b) => a.customerName.localeCompare(b.customerName, 'fr'));
}

async function invoicesOf(ctx: RequestContext, ids: readonly string[]): Promise<InvoiceType[]> {
  const invoices = await invoiceLoader(ctx).loadMany([...ids]);
  return invoices.flatMap((i) => (i && !(i instanceof Error) ? [toInvoiceType(i)] : []));
}

@Resolver(() => BillingRunType)
export class ContractBillingResolver {
  @Authorized('billing:read')
  @Query(() => PreviewType, {
    description:
      'Every contract period due on the date (in advance from its first day, in arrears from its last) and not billed yet, priced.',
  })
  async contractBillingPreview(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('excludedLineIds', () => [String], { defaultValue: [] }) excludedLineIds: string[],
  ): Promise<PreviewType> {
    const preview = await contractBillingPreview(em(ctx), date, excludedLineIds);
    return { ...preview, customers: groupByCustomer(preview.bills) };
  }

  @Authorized('billing:write')
  @Mutation(() => BillingRunType, {
    description:
      'Bills, as a background job, what the preview shows for the date (less the excluded lines); follow it with contractBillingRun. Running it again bills nothing twice.',
  })
  async runContractBilling(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('excludedLineIds', () => [String], { defaultValue: [] }) excludedLineIds: string[],
    @Arg('mode', () => BillingModeEnum, { nullable: true, description: 'Default: the tenant’s setting.' }) mode: BillingModeEnum | null,
    @Arg('send', () => Boolean, { nullable: true, description: 'Mail the issued invoices; default: the tenant’s setting.' })
    send: boolean | null,
  ) {
    const identity = identityOf(ctx);
    const run = await startContractBillingRun(em(ctx), identity, { billingDate: date, excludedLineIds, mode, send });
    ctx.afterCommit.push(() => contractBillingQueue().enqueue(CONTRACT_BILLING_QUEUE, { runId: run.id, identity }));
    return toRunType(run);
  }

  @Authorized('billing:read')
  @Query(() => BillingRunType, { nullable: true })
  async contractBillingRun(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toRunType(await getContractBillingRun(em(ctx), id));
  }

  @Authorized('billing:read')
  @Query(() => [BillingRunType], { description: 'The latest runs, newest first.' })
  async contractBillingRuns(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return (await listContractBillingRuns(em(ctx), Math.min(Math.max(first, 1), 100))).map(toRunType);
  }

  @FieldResolver(() => [InvoiceType], { description: 'The invoices the run created, in number order.' })
  async invoices(@Ctx() ctx: RequestContext, @Root() run: BillingRunType) {
    return invoicesOf(ctx, await runInvoiceIds(em(ctx), run.id));
  }
}

@Resolver(() => ContractRef)
export class ContractBillingMutationResolver {
  @Authorized('billing:write')
  @Mutation(() => ContractRef, {
    description:
      'A new version of the contract’s billing terms from `effectiveOn` (the same date replaces that version). PERIOD_ALREADY_BILLED inside a billed period, CONTRACT_TERMINATED, VALIDATION_FAILED naming the fields.',
  })
  async setContractBilling(
    @Ctx() ctx: RequestContext,
    @Arg('contractId', () => ID) contractId: string,
    @Arg('terms', () => ContractBillingTermsInput) terms: ContractBillingTermsInput,
  ) {
    await setContractBilling(em(ctx), identityOf(ctx), contractId, toBillingInput(terms));
    return { id: contractId };
  }

  @Authorized('billing:write')
  @Mutation(() => TerminationType, {
    description:
      'Terminates the contract on its last day (the last period is prorated); fees already billed beyond it get a draft credit note to check and issue.',
  })
  async terminateContract(
    @Ctx() ctx: RequestContext,
    @Arg('contractId', () => ID) contractId: string,
    @Arg('noticeReceivedOn', () => LocalDateScalar) noticeReceivedOn: string,
    @Arg('effectiveOn', () => LocalDateScalar, { description: 'Last day the contract runs.' }) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<TerminationType> {
    const outcome = await terminateContract(em(ctx), identityOf(ctx), contractId, { noticeReceivedOn, effectiveOn, reason });
    return {
      contract: { id: contractId },
      noticeRespected: outcome.noticeRespected,
      creditNoteIds: outcome.creditNoteProposals.map((i) => i.id),
      draftIds: outcome.draftsToReview.map((i) => i.id),
    };
  }

  @Authorized('billing:write')
  @Mutation(() => RenewalNoticeType, {
    description:
      'Mails the customer the renewal notice (PDF letter) for the running term. RENEWAL_NOTICE_ALREADY_SENT, CONTRACT_TERMINATED.',
  })
  async sendRenewalNotice(@Ctx() ctx: RequestContext, @Arg('contractId', () => ID) contractId: string) {
    return toNoticeType(await sendRenewalNotice(em(ctx), identityOf(ctx), contractId));
  }
}

@Resolver(() => SettingsType)
export class ContractBillingSettingsResolver {
  @Authorized('billing:read')
  @Query(() => SettingsType)
  async contractBillingSettings(@Ctx() ctx: RequestContext) {
    return contractBillingSettings(em(ctx), tenantIdOf(ctx));
  }

  @Authorized('platform:admin')
  @Mutation(() => SettingsType, { description: 'Admins only. VALIDATION_FAILED naming the fields.' })
  async updateContractBillingSettings(@Ctx() ctx: RequestContext, @Arg('input', () => SettingsInput) input: SettingsInput) {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as Parameters<
      typeof updateContractBillingSettings
    >[2];
    return updateContractBillingSettings(em(ctx), tenantIdOf(ctx), patch);
  }
}

@Resolver(() => TerminationType)
export class TerminationResolver {
  @FieldResolver(() => [InvoiceType], { description: 'Draft credit notes proposed for the fees billed beyond the last day.' })
  async creditNoteProposals(@Ctx() ctx: RequestContext, @Root() t: TerminationType) {
    return invoicesOf(ctx, t.creditNoteIds);
  }

  @FieldResolver(() => [InvoiceType], { description: 'Draft invoices covering days beyond the last day, to edit or delete.' })
  async draftsToReview(@Ctx() ctx: RequestContext, @Root() t: TerminationType) {
    return invoicesOf(ctx, t.draftIds);
  }
}
