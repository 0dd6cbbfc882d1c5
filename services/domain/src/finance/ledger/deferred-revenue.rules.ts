import { proposedDeferredRevenueEntry, type ProposedEntry } from './entry-building';
import { revenueAccountFor, type LedgerAccounts } from './ledger-mapping';
import type { InvoiceLine, InvoiceTypeCode } from '../../billing/invoice.entity';
import { Money, MONEY_ZERO, formatFr, round2, sumAmounts, toAmount } from '../../billing/money';
import { dayAfter, daysBetween } from '../../billing/contracts/contract-billing.rules';
import { Errors } from '../../shared/errors';
import { frenchDate } from '../../shared/time';

/**
 * Deferred revenue (produits constatés d’avance) at a closing date, as plain functions: of each
 * issued invoice or credit note line with a service period (a contract's fee), the share of its
 * net for the days after the closing date, rounded to the cent per line, summed per revenue account
 * and per document. Credit notes count negative. Deposit invoices (and their credit notes) are
 * booked to 4191, not to revenue: they are left out, as lines without a service period.
 */

/** A document line as the proposal reads it. */
export interface DeferrableLine {
  invoiceId: string;
  number: string;
  typeCode: InvoiceTypeCode;
  /** For a credit note, the type of the invoice it credits. */
  creditedTypeCode: InvoiceTypeCode | null;
  issueDate: string;
  customerId: string;
  customerName: string;
  kind: InvoiceLine['kind'];
  lineNet: string;
  revenueAccount: string | null;
  serviceStart: string | null;
  serviceEnd: string | null;
}

export interface DeferredRevenueLine {
  account: string;
  serviceStart: string;
  serviceEnd: string;
  /** Signed: negative on a credit note. */
  lineNet: string;
  /** Days of the service period after the closing date, and days of the whole period. */
  days: number;
  periodDays: number;
  deferred: string;
}

export interface DeferredRevenueDocument {
  invoiceId: string;
  number: string;
  creditNote: boolean;
  issueDate: string;
  customerId: string;
  customerName: string;
  /** From the first start to the last end of its deferred lines. */
  serviceStart: string;
  serviceEnd: string;
  lineNet: string;
  deferred: string;
  lines: DeferredRevenueLine[];
}

export interface DeferredRevenueAccountTotal {
  account: string;
  amount: string;
}

export interface DeferredRevenueProposal {
  closingDate: string;
  reversalDate: string;
  documents: DeferredRevenueDocument[];
  /** Per revenue account, in account order. */
  accounts: DeferredRevenueAccountTotal[];
  total: string;
  deferredAccount: string;
  /** The OD entry on the closing date and its reversal on the day after; null when nothing is deferred. */
  entry: ProposedEntry | null;
  reversal: ProposedEntry | null;
}

/** The share of a line's net for the days after the closing date, or null when none of it is. */
export function deferredPart(
  line: { lineNet: string; serviceStart: string; serviceEnd: string },
  closingDate: string,
): { days: number; periodDays: number; amount: Money } | null {
  if (line.serviceEnd <= closingDate) return null;
  const from = line.serviceStart > closingDate ? line.serviceStart : dayAfter(closingDate);
  const days = daysBetween(from, line.serviceEnd);
  const periodDays = daysBetween(line.serviceStart, line.serviceEnd);
  return { days, periodDays, amount: round2(new Money(line.lineNet).times(days).dividedBy(periodDays)) };
}

const isDeposit = (line: DeferrableLine) => line.typeCode === '386' || line.creditedTypeCode === '386';

/** The proposal at a closing date from the documents' lines (any: those not deferred are left out here). */
export function deferredRevenueProposal(
  lines: readonly DeferrableLine[],
  accounts: LedgerAccounts,
  closingDate: string,
): DeferredRevenueProposal {
  const byDocument = new Map<string, DeferredRevenueDocument & { deferredLines: { line: DeferredRevenueLine; amount: Money }[] }>();
  const byAccount = new Map<string, Money>();
  for (const line of lines) {
    if (!line.serviceStart || !line.serviceEnd || line.issueDate > closingDate || isDeposit(line)) continue;
    const sign = line.typeCode === '381' ? -1 : 1;
    const net = new Money(line.lineNet).times(sign);
    const part = deferredPart({ lineNet: net.toString(), serviceStart: line.serviceStart, serviceEnd: line.serviceEnd }, closingDate);
    if (!part || part.amount.isZero()) continue;
    const account = revenueAccountFor(accounts, line);
    byAccount.set(account, (byAccount.get(account) ?? MONEY_ZERO).plus(part.amount));
    const document = byDocument.get(line.invoiceId) ?? {
      invoiceId: line.invoiceId,
      number: line.number,
      creditNote: line.typeCode === '381',
      issueDate: line.issueDate,
      customerId: line.customerId,
      customerName: line.customerName,
      serviceStart: line.serviceStart,
      serviceEnd: line.serviceEnd,
      lineNet: '0.00',
      deferred: '0.00',
      lines: [],
      deferredLines: [],
    };
    document.deferredLines.push({
      line: {
        account,
        serviceStart: line.serviceStart,
        serviceEnd: line.serviceEnd,
        lineNet: toAmount(net),
        days: part.days,
        periodDays: part.periodDays,
        deferred: toAmount(part.amount),
      },
      amount: part.amount,
    });
    byDocument.set(line.invoiceId, document);
  }
  const documents = [...byDocument.values()]
    .map(({ deferredLines, ...document }): DeferredRevenueDocument => {
      const docLines = deferredLines.map((d) => d.line);
      return {
        ...document,
        serviceStart: docLines.map((l) => l.serviceStart).reduce((a, b) => (a < b ? a : b)),
        serviceEnd: docLines.map((l) => l.serviceEnd).reduce((a, b) => (a > b ? a : b)),
        lineNet: toAmount(sumAmounts(docLines.map((l) => l.lineNet))),
        deferred: toAmount(sumAmounts(deferredLines.map((d) => d.amount))),
        lines: docLines,
      };
    })
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
  const accountTotals = [...byAccount.entries()]
    .filter(([, amount]) => !amount.isZero())
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([account, amount]) => ({ account, amount: toAmount(amount) }));
  const posting = {
    closingDate,
    reversalDate: dayAfter(closingDate),
    deferredAccount: accounts.deferredRevenueAccount,
    accounts: accountTotals,
  };
  const nothing = accountTotals.length === 0;
  return {
    ...posting,
    documents,
    total: toAmount(sumAmounts(accountTotals.map((a) => a.amount))),
    entry: nothing ? null : proposedDeferredRevenueEntry(posting, { reversal: false }),
    reversal: nothing ? null : proposedDeferredRevenueEntry(posting, { reversal: true }),
  };
}

export const nothingToDeferError = (closingDate: string) =>
  Errors.conflict(
    'NOTHING_TO_DEFER',
    `Aucun produit constaté d’avance au ${frenchDate(closingDate)} : aucune ligne émise avec une période de service au-delà de cette date`,
    { closingDate },
  );

export const alreadyPostedError = (closingDate: string, postedAt: Date) =>
  Errors.conflict(
    'DEFERRED_REVENUE_ALREADY_POSTED',
    `Les produits constatés d’avance au ${frenchDate(closingDate)} sont déjà comptabilisés`,
    {
      closingDate,
      postedAt: postedAt.toISOString(),
    },
  );

export const staleProposalError = (closingDate: string, expectedTotal: string, total: string) =>
  Errors.conflict(
    'STALE_PROPOSAL',
    `Les produits constatés d’avance au ${frenchDate(closingDate)} ont changé depuis l’aperçu (${formatFr(total, 2)} € au lieu de ${formatFr(expectedTotal, 2)} €) : vérifiez-les de nouveau`,
    { closingDate, expectedTotal, total },
  );

/** The closing date or its reversal's day outside every fiscal year (after the last one, or none opened). */
export const noFiscalYearForError = (date: string) =>
  Errors.conflict(
    'NO_FISCAL_YEAR',
    `Aucun exercice ne couvre le ${frenchDate(date)} : ouvrez-le avant de comptabiliser les produits constatés d’avance et leur extourne`,
    { date },
  );
