import type { Journal, LedgerSourceType, VatDueOn } from './ledger.entity';
import { revenueAccountFor, vatAccountFor, type LedgerAccounts } from './ledger-mapping';
import type { InvoiceLine, InvoiceTypeCode } from '../../billing/invoice.entity';
import { Money, MONEY_ZERO, formatFr, round2, sumAmounts, toAmount } from '../../billing/money';
import type { PaymentMethod } from '../payments/payment.entity';
import type { BookingKind } from '../bank/bank.entity';
import type { WriteOffKind } from '../write-offs/write-off.entity';
import { customerAuxiliaryAccount } from '../accounts';
import { frenchDate } from '../../shared/time';

/**
 * The posting rules: from one document (and the fact that booked it) to one balanced journal
 * entry, as plain functions. Amounts are summed per account (and VAT rate) as signed decimals,
 * debit positive, then written as debit or credit lines; an entry that does not balance to the
 * cent is a defect and is never returned.
 */

export interface EntryLineDraft {
  account: string;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  label: string;
  debit: string;
  credit: string;
  vatRate: string | null;
  vatDueOn: VatDueOn | null;
}

export interface EntryDraft {
  journal: Journal;
  entryDate: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  sourceType: LedgerSourceType;
  sourceId: string;
  customerId: string | null;
  lines: EntryLineDraft[];
}

export interface CustomerForPosting {
  id: string;
  code: string;
  name: string;
}

export interface InvoiceForPosting {
  id: string;
  number: string;
  typeCode: InvoiceTypeCode;
  issueDate: string;
  customer: CustomerForPosting;
  /** For a credit note, the type of the invoice it credits: crediting a deposit invoice reverses the deposit account. */
  creditedTypeCode: InvoiceTypeCode | null;
  amountDue: string;
  prepaidAmount: string;
  retentionAmount: string;
  lines: { kind: InvoiceLine['kind']; vatCategory: string; vatRate: string; lineNet: string; revenueAccount: string | null }[];
  allowanceCharges: { charge: boolean; amount: string; vatRate: string }[];
  vatBreakdown: { category: string; rate: string; tax: string }[];
  /**
   * The VAT per rate of the deposit invoices a final invoice deducts (BT-113), less their credit
   * notes: collected when the deposits were invoiced, so not again.
   */
  depositVat: { rate: string; tax: string }[];
}

export interface PaymentForPosting {
  id: string;
  customer: CustomerForPosting;
  receivedOn: string;
  amount: string;
  method: PaymentMethod;
  reference: string | null;
}

/** A bank movement booked as something other than a customer's payment, as the fact recorded it. */
export interface BankBookingForPosting {
  movementId: string;
  bookingDate: string;
  /** Signed: negative for a debit (money out). */
  amount: string;
  kind: BookingKind;
  note: string | null;
  label: string;
  bankReference: string | null;
}

const METHOD_LABELS: Record<PaymentMethod, string> = {
  TRANSFER: 'virement',
  CHECK: 'chèque',
  CARD: 'carte',
  CASH: 'espèces',
  DIRECT_DEBIT: 'prélèvement',
};

const BOOKING_LABELS: Record<BookingKind, string> = {
  BANK_FEES: 'Frais bancaires',
  INTERNAL_TRANSFER: 'Virement interne',
  SUPPLIER: 'Règlement fournisseur',
  OTHER: 'Opération à classer',
};

interface LineKey {
  account: string;
  auxiliaryAccount?: string | null;
  auxiliaryLabel?: string | null;
  label: string;
  vatRate?: string | null;
  vatDueOn?: VatDueOn | null;
}

/** Signed amounts (debit positive) summed per line key, in the order the keys first appear. */
class EntryLines {
  private readonly sums = new Map<string, { key: LineKey; amount: Money }>();

  add(key: LineKey, amount: Money): this {
    const id = [key.account, key.auxiliaryAccount, key.label, key.vatRate, key.vatDueOn].join('|');
    const current = this.sums.get(id);
    this.sums.set(id, { key, amount: (current?.amount ?? MONEY_ZERO).plus(amount) });
    return this;
  }

  /** The lines, or a defect when they do not balance to the cent. */
  lines(what: string): EntryLineDraft[] {
    const rows = [...this.sums.values()];
    const total = sumAmounts(rows.map((r) => r.amount));
    if (!total.isZero() || rows.some((r) => r.amount.decimalPlaces() > 2))
      // A defect in the rules or the data, never something a user can cause.
      throw new Error(`unbalanced entry for ${what}: ${toAmount(total)}`);
    return rows
      .filter((r) => !r.amount.isZero())
      .map(({ key, amount }) => ({
        account: key.account,
        auxiliaryAccount: key.auxiliaryAccount ?? null,
        auxiliaryLabel: key.auxiliaryLabel ?? null,
        label: key.label,
        debit: amount.isPositive() ? toAmount(amount) : '0.00',
        credit: amount.isNegative() ? toAmount(amount.negated()) : '0.00',
        vatRate: key.vatRate ?? null,
        vatDueOn: key.vatDueOn ?? null,
      }));
  }
}

const rateKey = (rate: string) => new Money(rate).toFixed(2);

const receivable = (accounts: LedgerAccounts, customer: CustomerForPosting, label: string, account = accounts.receivableAccount) => ({
  account,
  auxiliaryAccount: customerAuxiliaryAccount(customer.code),
  auxiliaryLabel: customer.name,
  label,
});

/**
 * When each rate's VAT is due. Goods (parts) are taxed on delivery, so on the invoice; services
 * when paid, unless the tenant opted for debits; a deposit's VAT when the deposit is paid. A rate
 * billing both splits its tax by the nets of its goods and services lines (goods' share rounded,
 * services take the rest).
 */
function vatByDueDate(invoice: InvoiceForPosting, vatOnDebits: boolean): Map<string, Record<VatDueOn, Money>> {
  const deposit = invoice.typeCode === '386' || invoice.creditedTypeCode === '386';
  const result = new Map<string, Record<VatDueOn, Money>>();
  const bucket = (rate: string) => {
    const key = rateKey(rate);
    if (!result.has(key)) result.set(key, { ISSUE: MONEY_ZERO, PAYMENT: MONEY_ZERO });
    return result.get(key)!;
  };
  for (const row of invoice.vatBreakdown) {
    const tax = new Money(row.tax);
    if (tax.isZero()) continue;
    const due = bucket(row.rate);
    if (vatOnDebits) {
      due.ISSUE = due.ISSUE.plus(tax);
      continue;
    }
    const group = invoice.lines.filter((l) => l.vatCategory === row.category && new Money(l.vatRate).eq(row.rate));
    const goods = sumAmounts(group.filter((l) => l.kind === 'PART' && !deposit).map((l) => l.lineNet));
    const all = sumAmounts(group.map((l) => l.lineNet));
    const goodsTax = all.isZero() ? MONEY_ZERO : round2(tax.times(goods).dividedBy(all));
    due.ISSUE = due.ISSUE.plus(goodsTax);
    due.PAYMENT = due.PAYMENT.plus(tax.minus(goodsTax));
  }
  // The deposits' VAT was due when they were paid: it comes off the VAT due on payment first.
  for (const d of invoice.depositVat) {
    const due = bucket(d.rate);
    const tax = new Money(d.tax);
    const fromPayment = vatOnDebits ? MONEY_ZERO : Money.min(tax, Money.max(due.PAYMENT, MONEY_ZERO));
    due.PAYMENT = due.PAYMENT.minus(fromPayment);
    due.ISSUE = due.ISSUE.minus(tax.minus(fromPayment));
  }
  return result;
}

function invoiceLabel(invoice: InvoiceForPosting): string {
  const kind = invoice.typeCode === '381' ? 'Avoir' : invoice.typeCode === '386' ? 'Facture d’acompte' : 'Facture';
  return `${kind} ${invoice.number} ${invoice.customer.name}`;
}

/**
 * Sales journal (VT). An invoice: D 411 (customer) what the customer owes, D 4117 the retention,
 * D 4191 the net of the deposits it deducts; C revenue per account and VAT rate (line kind through
 * the mapping, or the line's own account), D allowances, C charges; C collected VAT per rate and
 * due date, less the deposits' VAT. A deposit invoice credits 4191 instead of revenue. A credit
 * note is the mirror of what it credits.
 */
export function invoiceEntry(invoice: InvoiceForPosting, accounts: LedgerAccounts, options: { vatOnDebits: boolean }): EntryDraft {
  const sign = invoice.typeCode === '381' ? -1 : 1;
  const label = invoiceLabel(invoice);
  const deposit = invoice.typeCode === '386' || invoice.creditedTypeCode === '386';
  const lines = new EntryLines();
  const signed = (value: string | Money) => new Money(value).times(sign);

  const retention = new Money(invoice.retentionAmount);
  lines.add(receivable(accounts, invoice.customer, label), signed(new Money(invoice.amountDue).minus(retention)));
  lines.add(receivable(accounts, invoice.customer, label, accounts.retentionAccount), signed(retention));
  const depositVat = sumAmounts(invoice.depositVat.map((d) => d.tax));
  lines.add({ account: accounts.depositAccount, label }, signed(new Money(invoice.prepaidAmount).minus(depositVat)));

  for (const line of invoice.lines) {
    const account = deposit ? accounts.depositAccount : revenueAccountFor(accounts, line);
    lines.add({ account, label, vatRate: rateKey(line.vatRate) }, signed(line.lineNet).negated());
  }
  for (const ac of invoice.allowanceCharges) {
    const account = deposit ? accounts.depositAccount : ac.charge ? accounts.chargeAccount : accounts.allowanceAccount;
    lines.add({ account, label, vatRate: rateKey(ac.vatRate) }, ac.charge ? signed(ac.amount).negated() : signed(ac.amount));
  }
  for (const [rate, due] of vatByDueDate(invoice, options.vatOnDebits)) {
    const account = vatAccountFor(accounts, rate);
    const vatLabel = `${label} — TVA ${formatFr(new Money(rate))} %`;
    lines.add({ account, label: vatLabel, vatRate: rate, vatDueOn: 'ISSUE' }, signed(due.ISSUE).negated());
    lines.add({ account, label: `${vatLabel} sur encaissements`, vatRate: rate, vatDueOn: 'PAYMENT' }, signed(due.PAYMENT).negated());
  }
  return {
    journal: 'VT',
    entryDate: invoice.issueDate,
    pieceRef: invoice.number,
    pieceDate: invoice.issueDate,
    label,
    sourceType: invoice.typeCode === '381' ? 'CREDIT_NOTE' : 'INVOICE',
    sourceId: invoice.id,
    customerId: invoice.customer.id,
    lines: lines.lines(`invoice ${invoice.number}`),
  };
}

/** A write-off as its fact recorded it, with the invoice it passes to losses. */
export interface WriteOffForPosting {
  id: string;
  kind: WriteOffKind;
  amount: string;
  writtenOffOn: string;
  invoice: InvoiceForPosting;
}

/**
 * The VAT inside an irrecoverable amount, recovered (CGI 272): per rate and due date, the invoice's
 * VAT still owed by the customer (less the deposits' VAT) pro rata of the amount over what the
 * customer owed, rounded per line.
 */
export function writeOffVat(
  invoice: InvoiceForPosting,
  amount: string,
  options: { vatOnDebits: boolean },
): { rate: string; dueOn: VatDueOn; tax: Money }[] {
  const owed = new Money(invoice.amountDue);
  if (!owed.greaterThan(0)) return [];
  const share = new Money(amount).dividedBy(owed);
  return [...vatByDueDate(invoice, options.vatOnDebits)].flatMap(([rate, due]) =>
    (['ISSUE', 'PAYMENT'] as const).map((dueOn) => ({ rate, dueOn, tax: round2(due[dueOn].times(share)) })).filter((v) => !v.tax.isZero()),
  );
}

/**
 * A write-off (OD) on its date: IRRECOVERABLE, D 654 the net part and D 44571x the VAT part per rate
 * (recovered); SMALL_BALANCE, D 658 the whole amount; C 411 (customer) the amount. `cancel` is
 * the mirror, on the day the write-off was cancelled.
 */
export function writeOffEntry(
  writeOff: WriteOffForPosting,
  accounts: LedgerAccounts,
  options: { vatOnDebits: boolean },
  cancel?: { on: string },
): EntryDraft {
  const { invoice } = writeOff;
  const label = `${cancel ? 'Annulation passage en perte' : 'Passage en perte'} facture ${invoice.number} ${invoice.customer.name}`;
  const sign = cancel ? -1 : 1;
  const amount = new Money(writeOff.amount).times(sign);
  const lines = new EntryLines();
  if (writeOff.kind === 'SMALL_BALANCE') lines.add({ account: accounts.smallBalanceAccount, label }, amount);
  else {
    const vat = writeOffVat(invoice, writeOff.amount, options);
    lines.add({ account: accounts.writeOffAccount, label }, amount.minus(sumAmounts(vat.map((v) => v.tax)).times(sign)));
    for (const v of vat) {
      const vatLabel = `${label} — TVA ${formatFr(new Money(v.rate))} %${v.dueOn === 'PAYMENT' ? ' sur encaissements' : ''}`;
      lines.add({ account: vatAccountFor(accounts, v.rate), label: vatLabel, vatRate: v.rate, vatDueOn: v.dueOn }, v.tax.times(sign));
    }
  }
  lines.add(receivable(accounts, invoice.customer, label), amount.negated());
  const date = cancel?.on ?? writeOff.writtenOffOn;
  return {
    journal: 'OD',
    entryDate: date,
    pieceRef: invoice.number,
    pieceDate: date,
    label,
    sourceType: 'WRITE_OFF',
    sourceId: writeOff.id,
    customerId: invoice.customer.id,
    lines: lines.lines(`write-off ${writeOff.id}`),
  };
}

/** A payment's piece reference: its bank reference or cheque number, else one derived from its id. */
export const paymentPieceRef = (payment: PaymentForPosting) => payment.reference ?? `REG-${payment.id.slice(0, 8).toUpperCase()}`;

/** Money between the bank and the customer's account (BQ): `direction` 1 for money in, −1 for money out. */
function bankAndCustomer(
  payment: PaymentForPosting,
  accounts: LedgerAccounts,
  input: { date: string; amount: string; label: string; direction: 1 | -1 },
): EntryDraft {
  const amount = new Money(input.amount).times(input.direction);
  const lines = new EntryLines()
    .add({ account: accounts.bankAccount, label: input.label }, amount)
    .add(receivable(accounts, payment.customer, input.label), amount.negated());
  return {
    journal: 'BQ',
    entryDate: input.date,
    pieceRef: paymentPieceRef(payment),
    pieceDate: input.date,
    label: input.label,
    sourceType: 'PAYMENT',
    sourceId: payment.id,
    customerId: payment.customer.id,
    lines: lines.lines(`payment ${payment.id}`),
  };
}

/** Money received (BQ): D 512 / C 411 (customer), on the day it was received. */
export function paymentReceivedEntry(payment: PaymentForPosting, accounts: LedgerAccounts): EntryDraft {
  const label = `Règlement ${METHOD_LABELS[payment.method]} ${payment.customer.name}`;
  return bankAndCustomer(payment, accounts, { date: payment.receivedOn, amount: payment.amount, label, direction: 1 });
}

/** The money did not arrive (rejected cheque, returned debit): the mirror of the receipt, on the reversal's date. */
export function paymentReversedEntry(
  payment: PaymentForPosting,
  accounts: LedgerAccounts,
  reversal: { reversedOn: string; reason: string },
): EntryDraft {
  const label = `Annulation règlement ${payment.customer.name} : ${reversal.reason}`;
  return bankAndCustomer(payment, accounts, { date: reversal.reversedOn, amount: payment.amount, label, direction: -1 });
}

/** Part of the customer's credit paid back: D 411 (customer) / C 512. */
export function paymentRefundedEntry(
  payment: PaymentForPosting,
  accounts: LedgerAccounts,
  refund: { refundedOn: string; amount: string; method: PaymentMethod },
): EntryDraft {
  const label = `Remboursement ${METHOD_LABELS[refund.method]} ${payment.customer.name}`;
  return bankAndCustomer(payment, accounts, { date: refund.refundedOn, amount: refund.amount, label, direction: -1 });
}

function bookingAccount(accounts: LedgerAccounts, kind: BookingKind): string {
  switch (kind) {
    case 'BANK_FEES':
      return accounts.bankFeesAccount;
    case 'INTERNAL_TRANSFER':
      return accounts.internalTransferAccount;
    case 'SUPPLIER':
      return accounts.supplierAccount;
    default:
      return accounts.suspenseAccount;
  }
}

/**
 * A bank movement booked by the accountant (BQ): fees to 627, an internal transfer to 580, a
 * supplier to 401, anything else to the suspense account; 512 the other way. `undo` is the mirror,
 * on the day the booking was undone.
 */
export function bankBookingEntry(booking: BankBookingForPosting, accounts: LedgerAccounts, undo?: { on: string }): EntryDraft {
  const what = booking.kind === 'OTHER' && booking.note ? booking.note : BOOKING_LABELS[booking.kind];
  const label = `${undo ? 'Annulation : ' : ''}${what} — ${booking.label}`;
  const amount = new Money(booking.amount).times(undo ? -1 : 1);
  const date = undo?.on ?? booking.bookingDate;
  const lines = new EntryLines()
    .add({ account: accounts.bankAccount, label }, amount)
    .add({ account: bookingAccount(accounts, booking.kind), label }, amount.negated());
  return {
    journal: 'BQ',
    entryDate: date,
    pieceRef: booking.bankReference ?? `BQ-${booking.bookingDate}`,
    pieceDate: date,
    label,
    sourceType: 'BANK_MOVEMENT',
    sourceId: booking.movementId,
    customerId: null,
    lines: lines.lines(`bank movement ${booking.movementId}`),
  };
}

/** A deferred revenue posting as its facts recorded it: the amounts per revenue account at the closing date. */
export interface DeferredRevenueForPosting {
  /** The posting: the subject of its two facts, the source of its two entries. */
  id: string;
  closingDate: string;
  /** The day after the closing date, when the reversal is dated. */
  reversalDate: string;
  /** Produits constatés d’avance (487). */
  deferredAccount: string;
  /** Per revenue account, the revenue billed for days after the closing date (signed: a credit note's is negative). */
  accounts: { account: string; amount: string }[];
}

/** An entry as proposed before it is posted: no source yet. */
export type ProposedEntry = Omit<EntryDraft, 'sourceType' | 'sourceId' | 'customerId'>;

/**
 * Deferred revenue (OD) on the closing date: D each revenue account / C 487 the total; the
 * reversal, on the day after, the mirror. A negative amount (credit notes exceeding invoices on an
 * account) writes its line on the other side. No lines when every amount is zero.
 */
export function proposedDeferredRevenueEntry(
  posting: Omit<DeferredRevenueForPosting, 'id'>,
  options: { reversal: boolean },
): ProposedEntry {
  const closing = frenchDate(posting.closingDate);
  const label = options.reversal ? `Extourne des produits constatés d’avance au ${closing}` : `Produits constatés d’avance au ${closing}`;
  const sign = options.reversal ? -1 : 1;
  const lines = new EntryLines();
  for (const { account, amount } of posting.accounts) lines.add({ account, label }, new Money(amount).times(sign));
  lines.add({ account: posting.deferredAccount, label }, sumAmounts(posting.accounts.map((a) => a.amount)).times(-sign));
  const date = options.reversal ? posting.reversalDate : posting.closingDate;
  return {
    journal: 'OD',
    entryDate: date,
    pieceRef: `PCA-${posting.closingDate}`,
    pieceDate: date,
    label,
    lines: lines.lines(`deferred revenue at ${posting.closingDate}`),
  };
}

/** The entry a deferred revenue fact gives: the recognition on the closing date, or its reversal on the day after. */
export function deferredRevenueEntry(posting: DeferredRevenueForPosting, options: { reversal: boolean }): EntryDraft {
  return { ...proposedDeferredRevenueEntry(posting, options), sourceType: 'DEFERRED_REVENUE', sourceId: posting.id, customerId: null };
}
