import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  Invoice,
  Tenant,
  billingTermsByContractIds,
  contractsByIds,
  customersByIds,
  feeLinesByTermsIds,
  getIndexSeries,
  loadBillingBasis,
  dayAfter,
  localDate,
  pricedSchedule,
  renewalNoticesByContractIds,
  renewalView,
  sumAmounts,
  type Contract,
  type ContractBillingTerms,
  type ContractFeeLine,
  type ContractRenewalNotice,
  type Customer,
} from '@relais/domain';
import { LocalDateScalar, em, groupLoaderFor, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import {
  ContractBillingTermsType,
  ContractFeeLineType,
  ContractIndexationType,
  ContractRef,
  IndexSeriesType,
  RenewalType,
  SchedulePeriodType,
  toFeeLineType,
  toIndexSeriesType,
  toRenewalType,
  toTermsType,
} from './contract-billing.type';
import { InvoiceType, toInvoiceType } from '../invoices/invoice.type';
import { invoiceLoader } from '../invoices/invoice.resolver';

const contractLoader = (ctx: RequestContext) => loaderFor<Contract>(ctx, 'contractById', contractsByIds, (c) => c.id);
const termsLoader = (ctx: RequestContext) =>
  groupLoaderFor<ContractBillingTerms>(ctx, 'billingTermsByContract', billingTermsByContractIds, (t) => t.contractId);
const feeLinesLoader = (ctx: RequestContext) =>
  groupLoaderFor<ContractFeeLine>(ctx, 'feeLinesByTerms', feeLinesByTermsIds, (l) => l.termsId);
const noticesLoader = (ctx: RequestContext) =>
  groupLoaderFor<ContractRenewalNotice>(ctx, 'renewalNoticesByContract', renewalNoticesByContractIds, (n) => n.contractId);
const customerLoader = (ctx: RequestContext) => loaderFor<Customer>(ctx, 'billingCustomerById', customersByIds, (c) => c.id);

/** Billing's side of a contract: its billing terms, the schedule of its periods, its renewal and its fee invoices. */
@Resolver(() => ContractRef)
export class ContractBillingFieldsResolver {
  @FieldResolver(() => [ContractBillingTermsType], { description: 'Every version of the billing terms, oldest first.' })
  async billingTerms(@Ctx() ctx: RequestContext, @Root() contract: ContractRef) {
    return (await termsLoader(ctx).load(contract.id)).map(toTermsType);
  }

  @FieldResolver(() => ContractBillingTermsType, { nullable: true, description: 'The billing terms in force today.' })
  async currentBillingTerms(@Ctx() ctx: RequestContext, @Root() contract: ContractRef) {
    const today = localDate(new Date());
    const versions = await termsLoader(ctx).load(contract.id);
    const current = versions.filter((v) => v.effectiveOn <= today).at(-1) ?? versions[0];
    return current ? toTermsType(current) : null;
  }

  @FieldResolver(() => [SchedulePeriodType], {
    description:
      'The contract’s periods up to `until` (default: a year from today): billed (with the invoice), due, or to come, each priced.',
  })
  async billingSchedule(
    @Ctx() ctx: RequestContext,
    @Root() ref: ContractRef,
    @Arg('until', () => LocalDateScalar, { nullable: true }) until: string | null,
  ): Promise<SchedulePeriodType[]> {
    const today = localDate(new Date());
    const horizon = until ?? dayAfter(today, 366);
    const basis = await loadBillingBasis(em(ctx), [ref.id]);
    const contract = basis.contracts[0];
    if (!contract) return [];
    return pricedSchedule(basis, contract, horizon).map((p) => ({
      start: p.start,
      end: p.end,
      days: p.days,
      fullDays: p.fullDays,
      dueOn: p.dueOn,
      status: p.invoiceId ? 'BILLED' : p.dueOn <= today ? 'DUE' : 'UPCOMING',
      amount: p.blocked ? null : sumAmounts(p.lines.map((l) => l.amount)).toFixed(2),
      blocked: p.blocked,
      invoiceId: p.invoiceId,
    }));
  }

  @FieldResolver(() => RenewalType, { description: 'Where the contract stands with its renewal today.' })
  async renewal(@Ctx() ctx: RequestContext, @Root() ref: ContractRef) {
    const contract = await contractLoader(ctx).load(ref.id);
    if (!contract) return null;
    const [customer, notices, tenant] = await Promise.all([
      customerLoader(ctx).load(contract.customerId),
      noticesLoader(ctx).load(contract.id),
      em(ctx).findOneOrFail(Tenant, { id: contract.tenantId }),
    ]);
    return toRenewalType(
      renewalView(contract, customer?.isConsumer ?? false, notices, tenant.renewalNoticeLeadDays, localDate(new Date())),
    );
  }

  @FieldResolver(() => [InvoiceType], { description: 'Invoices of the contract’s fees, newest first.' })
  async feeInvoices(@Ctx() ctx: RequestContext, @Root() ref: ContractRef) {
    const invoices = await em(ctx).find(Invoice, { contractId: ref.id }, { orderBy: { createdAt: 'desc' }, limit: 100 });
    invoices.forEach((i) => invoiceLoader(ctx).prime(i.id, i));
    return invoices.map(toInvoiceType);
  }
}

@Resolver(() => SchedulePeriodType)
export class SchedulePeriodResolver {
  @FieldResolver(() => InvoiceType, { nullable: true, description: 'The invoice that billed the period (BILLED only).' })
  async invoice(@Ctx() ctx: RequestContext, @Root() period: SchedulePeriodType) {
    const invoice = period.invoiceId ? await invoiceLoader(ctx).load(period.invoiceId) : null;
    return invoice ? toInvoiceType(invoice) : null;
  }
}

@Resolver(() => ContractBillingTermsType)
export class ContractBillingTermsResolver {
  @FieldResolver(() => [ContractFeeLineType])
  async feeLines(@Ctx() ctx: RequestContext, @Root() terms: ContractBillingTermsType) {
    return (await feeLinesLoader(ctx).load(terms.id)).map(toFeeLineType);
  }
}

@Resolver(() => ContractIndexationType)
export class ContractIndexationResolver {
  @FieldResolver(() => IndexSeriesType)
  async series(@Ctx() ctx: RequestContext, @Root() indexation: ContractIndexationType) {
    return toIndexSeriesType(await getIndexSeries(em(ctx), indexation.seriesId));
  }
}
