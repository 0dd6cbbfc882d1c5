import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  bankMovementsByIds,
  entriesBySourceIds,
  entryLinesByEntryIds,
  ledgerAccountsByNumbers,
  ledgerBalance,
  listJournalEntries,
  paymentsByIds,
  vatReport,
  writeOffsByIds,
  type BankMovement,
  type InvoiceWriteOff,
  type LedgerAccount,
  type LedgerEntry,
  type LedgerEntryLine,
  type Payment,
} from '@relais/domain';
import { LocalDateScalar, em, groupLoaderFor, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import {
  JournalEntryConnection,
  JournalEntryLineType,
  JournalEntryType,
  JournalEnum,
  LedgerBalanceType,
  LedgerSourceTypeEnum,
  VatReportType,
  toJournalEntryLineType,
  toJournalEntryType,
} from './journal.type';
import { InvoiceRef, PaymentType, toPaymentType } from '../payments/payment.type';
import { BankMovementType, toMovementType } from '../bank/bank.type';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';

const entriesOf = (ctx: RequestContext, documentId: string) =>
  groupLoaderFor<LedgerEntry>(ctx, 'entriesBySource', entriesBySourceIds, (e) => e.sourceId).load(documentId);

@Resolver(() => JournalEntryType)
export class JournalEntryResolver {
  @Authorized('finance:read')
  @Query(() => JournalEntryConnection, {
    description: 'Journal entries in date order. `account` keeps the entries with a line on an account starting with it (e.g. 411, 44571).',
  })
  async journalEntries(
    @Ctx() ctx: RequestContext,
    @Arg('journal', () => JournalEnum, { nullable: true }) journal: JournalEnum | null,
    @Arg('from', () => LocalDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true }) to: string | null,
    @Arg('account', () => String, { nullable: true }) account: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('documentId', () => ID, { nullable: true, description: 'Invoice, credit note, payment or bank movement.' })
    documentId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await listJournalEntries(em(ctx), { journal, from, to, account, customerId, documentId, first, after });
    return toConnection(page, toJournalEntryType);
  }

  @Authorized('finance:read')
  @Query(() => LedgerBalanceType, {
    description: 'Trial balance of the entries dated in the period (open ends: all of them); totals equal when no prefix is given.',
  })
  async ledgerBalance(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true }) to: string | null,
    @Arg('accountPrefix', () => String, { nullable: true }) accountPrefix: string | null,
  ): Promise<LedgerBalanceType> {
    return ledgerBalance(em(ctx), { from, to, accountPrefix });
  }

  @Authorized('finance:read')
  @Query(() => VatReportType, {
    description: 'VAT of a period: due on issue, invoiced on receipts, and due on receipts as invoices were paid.',
  })
  async vatReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
  ): Promise<VatReportType> {
    return vatReport(em(ctx), { from, to });
  }

  @FieldResolver(() => [JournalEntryLineType])
  async lines(@Ctx() ctx: RequestContext, @Root() entry: JournalEntryType) {
    const rows = await groupLoaderFor<LedgerEntryLine>(ctx, 'entryLines', entryLinesByEntryIds, (l) => l.entryId).load(entry.id);
    return rows.map(toJournalEntryLineType);
  }

  @FieldResolver(() => InvoiceRef, { nullable: true, description: 'The invoice or credit note booked, or the invoice written off.' })
  async invoice(@Ctx() ctx: RequestContext, @Root() entry: JournalEntryType): Promise<InvoiceRef | null> {
    const booksInvoice = entry.sourceType === LedgerSourceTypeEnum.INVOICE || entry.sourceType === LedgerSourceTypeEnum.CREDIT_NOTE;
    if (booksInvoice) return { id: entry.sourceId };
    if (entry.sourceType !== LedgerSourceTypeEnum.WRITE_OFF) return null;
    const writeOff = await loaderFor<InvoiceWriteOff>(ctx, 'writeOffById', writeOffsByIds, (w) => w.id).load(entry.sourceId);
    return writeOff ? { id: writeOff.invoiceId } : null;
  }

  @FieldResolver(() => PaymentType, { nullable: true, description: 'The payment received, reversed or refunded.' })
  async payment(@Ctx() ctx: RequestContext, @Root() entry: JournalEntryType) {
    if (entry.sourceType !== LedgerSourceTypeEnum.PAYMENT) return null;
    const payment = await loaderFor<Payment>(ctx, 'paymentById', paymentsByIds, (p) => p.id).load(entry.sourceId);
    return payment ? toPaymentType(payment) : null;
  }

  @FieldResolver(() => BankMovementType, { nullable: true, description: 'The bank movement booked (fees, transfer…).' })
  async bankMovement(@Ctx() ctx: RequestContext, @Root() entry: JournalEntryType) {
    if (entry.sourceType !== LedgerSourceTypeEnum.BANK_MOVEMENT) return null;
    const movement = await loaderFor<BankMovement>(ctx, 'bankMovementById', bankMovementsByIds, (m) => m.id).load(entry.sourceId);
    return movement ? toMovementType(movement) : null;
  }

  @FieldResolver(() => CustomerAccounting, { nullable: true })
  customer(@Root() entry: JournalEntryType): CustomerAccounting | null {
    return entry.customerId ? ({ id: entry.customerId } as CustomerAccounting) : null;
  }
}

@Resolver(() => JournalEntryLineType)
export class JournalEntryLineResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The account’s label in the chart of accounts.' })
  async accountLabel(@Ctx() ctx: RequestContext, @Root() line: JournalEntryLineType) {
    const account = await loaderFor<LedgerAccount>(ctx, 'ledgerAccountByNumber', ledgerAccountsByNumbers, (a) => a.number).load(
      line.account,
    );
    return account?.label ?? null;
  }
}

/** The entries booking an invoice or credit note, from finance's side of it. */
@Resolver(() => InvoiceRef)
export class InvoiceJournalResolver {
  @Authorized('finance:read')
  @FieldResolver(() => [JournalEntryType], { description: 'Journal entries booking this invoice or credit note.' })
  async journalEntries(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    return (await entriesOf(ctx, invoice.id)).map(toJournalEntryType);
  }
}

@Resolver(() => PaymentType)
export class PaymentJournalResolver {
  @Authorized('finance:read')
  @FieldResolver(() => [JournalEntryType], { description: 'Receipt, reversal and refunds of this payment in the bank journal.' })
  async journalEntries(@Ctx() ctx: RequestContext, @Root() payment: PaymentType) {
    return (await entriesOf(ctx, payment.id)).map(toJournalEntryType);
  }
}
