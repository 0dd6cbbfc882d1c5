import type { DraftLineInput } from '../invoice-drafts';
import type { StoredAllowanceCharge } from '../invoice.entity';
import { Money, MONEY_ZERO, formatFr, parseDecimal, round2, sumAmounts, toAmount } from '../money';
import { invoiceTotals, type InvoiceTotals, type VatRateDef } from '../totals';
import { DomainError, Errors, Validator } from '../../shared/errors';
import { globalDiscountReason } from './quote.rules';
import { frenchDate } from '../../shared/time';

/**
 * Billing an accepted quote, decided here once:
 * - FULL: one invoice with the quote's lines, only while nothing has been invoiced from it.
 * - DEPOSIT (acompte, type 386): percent × the quote's net after discount, one line per VAT
 *   rate code, VAT on top; deducted (BT-113, TTC) by the invoice that completes the quote.
 * - PROGRESS (situation de travaux): per line, cumulative percent reached; the invoice bills
 *   round(line net × cumulative %) − what earlier situations billed, so the cumulated
 *   situations equal the line net exactly at 100 %. Optional retention (retenue de garantie)
 *   up to 5 % of the TTC. A situation that brings every line to 100 % is the final invoice.
 * - FINAL (solde): whatever is left of every line, less the deposits (issued ones only).
 * - The global discount follows the same rule: each invoice gets percent × its net per VAT rate
 *   code, and the invoice completing a rate code gets exactly what is left of the quote's.
 * - Never more than the quote: no line beyond 100 %, and the amounts asked of the customer
 *   (deposits + invoices' amounts due) never exceed the quote's TTC before the final
 *   invoice, which deducts the deposits. Otherwise QUOTE_OVERBILLED, nothing written.
 * Invoices fully cancelled by credit notes no longer count.
 */

export type ConversionMode =
  | { mode: 'FULL' }
  | { mode: 'DEPOSIT'; percent: string }
  | { mode: 'PROGRESS'; lines: { quoteLineId: string; cumulativePercent: string }[]; retentionPercent?: string }
  | { mode: 'FINAL'; retentionPercent?: string };

export const MAX_RETENTION_PERCENT = '5';

export interface QuoteForBilling {
  id: string;
  number: string;
  title: string;
  globalDiscountPercent: string;
  totalGross: string;
  /** The counted lines (optional lines not chosen are left out). */
  lines: {
    id: string;
    kind: NonNullable<DraftLineInput['kind']>;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    discountPercent: string;
    vatRateCode: string;
    lineNet: string;
  }[];
  /** Net of the counted lines per VAT rate code, and the global discount on it. */
  basisByCode: ReadonlyMap<string, string>;
  discountByCode: ReadonlyMap<string, string>;
  vatRates: readonly VatRateDef[];
}

export interface QuoteInvoiceSoFar {
  id: string;
  number: string | null;
  status: 'DRAFT' | 'ISSUED';
  typeCode: '380' | '381' | '386';
  issueDate: string | null;
  totalNet: string;
  totalGross: string;
  amountDue: string;
  creditedAmount: string;
  allowanceCharges: readonly StoredAllowanceCharge[];
  billing: readonly { quoteLineId: string; cumulativePercent: string; net: string }[];
}

export interface InvoicePlan {
  typeCode: '380' | '386';
  lines: DraftLineInput[];
  allowanceCharges: StoredAllowanceCharge[];
  prepaidAmount: string;
  retentionPercent: string;
  notes: string;
  billing: { quoteLineId: string; cumulativePercent: string; net: string }[];
  totals: InvoiceTotals;
}

/** Invoices still counting: not fully cancelled by credit notes. */
export function liveInvoices(invoices: readonly QuoteInvoiceSoFar[]): QuoteInvoiceSoFar[] {
  return invoices.filter(
    (i) => i.typeCode !== '381' && !(new Money(i.totalGross).greaterThan(0) && new Money(i.creditedAmount).gte(i.totalGross)),
  );
}

/** Per quote line: the cumulative percent reached and the net billed so far. */
export function billedByLine(invoices: readonly QuoteInvoiceSoFar[]): Map<string, { percent: Money; net: Money }> {
  const result = new Map<string, { percent: Money; net: Money }>();
  for (const invoice of liveInvoices(invoices))
    for (const b of invoice.billing) {
      const current = result.get(b.quoteLineId) ?? { percent: MONEY_ZERO, net: MONEY_ZERO };
      result.set(b.quoteLineId, { percent: Money.max(current.percent, b.cumulativePercent), net: current.net.plus(b.net) });
    }
  return result;
}

/** Net billed by invoices (not deposits) and what is left of the quote's net. */
export function billingProgress(quote: Pick<QuoteForBilling, 'lines'>, invoices: readonly QuoteInvoiceSoFar[]) {
  const billed = billedByLine(invoices);
  const linesNet = sumAmounts(quote.lines.map((l) => l.lineNet));
  const billedNet = sumAmounts([...billed.values()].map((b) => b.net));
  return {
    complete: quote.lines.every((l) => billed.get(l.id)?.percent.eq(100)),
    billedNet: toAmount(billedNet),
    remainingNet: toAmount(linesNet.minus(billedNet)),
  };
}

function overbilled(quote: QuoteForBilling, message: string, details: Record<string, unknown> = {}): DomainError {
  return Errors.conflict('QUOTE_OVERBILLED', message, {
    quoteId: quote.id,
    quoteNumber: quote.number,
    quoteTotalGross: quote.totalGross,
    ...details,
  });
}

function pct(value: Money | string): string {
  return formatFr(new Money(value).toDecimalPlaces(2));
}

/** "3 414,80 €", grouped like fr-FR (narrow no-break spaces). */
export function euros(value: string): string {
  const [units, cents] = formatFr(value, 2).split(',');
  return `${units!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${cents} €`;
}

/** What the customer has been asked so far: deposits TTC + amounts due of the other invoices. */
function askedSoFar(invoices: readonly QuoteInvoiceSoFar[]): Money {
  return sumAmounts(liveInvoices(invoices).map((i) => (i.typeCode === '386' ? i.totalGross : i.amountDue)));
}

function planTotals(
  quote: QuoteForBilling,
  lines: readonly DraftLineInput[],
  allowances: readonly StoredAllowanceCharge[],
  prepaid: string,
): InvoiceTotals {
  return invoiceTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
    })),
    {
      vatRates: quote.vatRates,
      allowances: allowances.map((a) => ({ amount: a.amount, vatRateCode: a.vatRateCode, reason: a.reason })),
      prepaidAmount: prepaid,
    },
  );
}

/**
 * The global discount on an invoice billing `invoiceNets` (per VAT rate code): percent of each,
 * except for a rate code this invoice completes, which gets what is left of the quote's discount.
 */
function discountAllowances(
  quote: QuoteForBilling,
  invoiceNets: ReadonlyMap<string, Money>,
  invoices: readonly QuoteInvoiceSoFar[],
): StoredAllowanceCharge[] {
  const percent = new Money(quote.globalDiscountPercent);
  if (percent.isZero()) return [];
  const billed = billedByLine(invoices);
  const lineCode = new Map(quote.lines.map((l) => [l.id, l.vatRateCode]));
  const billedNetByCode = new Map<string, Money>();
  for (const [lineId, b] of billed) {
    const code = lineCode.get(lineId);
    if (code) billedNetByCode.set(code, (billedNetByCode.get(code) ?? MONEY_ZERO).plus(b.net));
  }
  const previousDiscount = new Map<string, Money>();
  for (const invoice of liveInvoices(invoices))
    if (invoice.typeCode === '380')
      for (const a of invoice.allowanceCharges)
        if (!a.charge) previousDiscount.set(a.vatRateCode, (previousDiscount.get(a.vatRateCode) ?? MONEY_ZERO).plus(a.amount));
  const result: StoredAllowanceCharge[] = [];
  for (const [code, net] of invoiceNets) {
    const after = (billedNetByCode.get(code) ?? MONEY_ZERO).plus(net);
    const completes = after.eq(quote.basisByCode.get(code) ?? '0');
    const amount = completes
      ? new Money(quote.discountByCode.get(code) ?? '0').minus(previousDiscount.get(code) ?? MONEY_ZERO)
      : round2(net.times(percent).dividedBy(100));
    if (amount.greaterThan(0))
      result.push({
        charge: false,
        reason: globalDiscountReason(quote.globalDiscountPercent),
        amount: toAmount(amount),
        vatRateCode: code,
      });
  }
  return result;
}

function checkRetention(retentionPercent: string | undefined): string {
  if (retentionPercent === undefined) return '0';
  const r = parseDecimal(retentionPercent, 'retentionPercent', 2);
  new Validator()
    .check(!r.isNegative() && r.lte(MAX_RETENTION_PERCENT), 'retentionPercent', 'retenue de garantie de 0 à 5 %')
    .throwIfInvalid();
  return r.toFixed(2);
}

/** Issued deposits (TTC, less what credit notes cancelled), deducted by the invoice completing the quote. */
function depositsToDeduct(quote: QuoteForBilling, invoices: readonly QuoteInvoiceSoFar[]): { amount: string; note: string | null } {
  const deposits = liveInvoices(invoices).filter((i) => i.typeCode === '386');
  const draft = deposits.find((d) => d.status === 'DRAFT');
  if (draft)
    throw Errors.conflict(
      'QUOTE_DEPOSIT_NOT_ISSUED',
      `Une facture d’acompte du devis ${quote.number} est encore en brouillon : émettez-la ou supprimez-la avant la facture de solde`,
      { quoteId: quote.id, invoiceId: draft.id },
    );
  if (!deposits.length) return { amount: '0.00', note: null };
  const amounts = deposits.map((d) => new Money(d.totalGross).minus(d.creditedAmount));
  const amount = toAmount(sumAmounts(amounts));
  const list = deposits.map(
    (d, i) => `${d.number}${d.issueDate ? ` du ${frenchDate(d.issueDate)}` : ''} (${euros(toAmount(amounts[i]!))} TTC)`,
  );
  return { amount, note: `Acomptes déduits : ${list.join(', ')}, soit ${euros(amount)} TTC.` };
}

function depositPlan(quote: QuoteForBilling, invoices: readonly QuoteInvoiceSoFar[], percentText: string): InvoicePlan {
  const percent = parseDecimal(percentText, 'percent', 2);
  new Validator().check(percent.greaterThan(0) && percent.lte(100), 'percent', 'pourcentage d’acompte de 0 à 100 %').throwIfInvalid();
  const codes = [...quote.basisByCode.keys()];
  const rateOf = new Map(quote.vatRates.map((r) => [r.code, r.rate]));
  const lines: DraftLineInput[] = [];
  for (const code of codes) {
    const base = new Money(quote.basisByCode.get(code)!).minus(quote.discountByCode.get(code) ?? '0');
    const net = round2(base.times(percent).dividedBy(100));
    if (net.isZero()) continue;
    lines.push({
      kind: 'OTHER',
      description: `Acompte de ${pct(percent)} % sur le devis ${quote.number}${codes.length > 1 ? ` (TVA ${pct(rateOf.get(code) ?? '0')} %)` : ''}`,
      quantity: '1',
      unit: 'C62',
      unitPrice: toAmount(net),
      vatRateCode: code,
      reason: null,
    });
  }
  new Validator().check(lines.length > 0, 'percent', 'acompte nul').throwIfInvalid();
  const totals = planTotals(quote, lines, [], '0');
  const asked = askedSoFar(invoices);
  if (asked.plus(totals.grandTotal).greaterThan(quote.totalGross))
    throw overbilled(
      quote,
      `Un acompte de ${euros(totals.grandTotal)} porterait le total demandé au-delà du devis ${quote.number} (${euros(quote.totalGross)} TTC)`,
      {
        alreadyAsked: toAmount(asked),
        requested: totals.grandTotal,
      },
    );
  return {
    typeCode: '386',
    lines,
    allowanceCharges: [],
    prepaidAmount: '0',
    retentionPercent: '0',
    notes: `Facture d’acompte de ${pct(percent)} % sur le devis ${quote.number} — ${quote.title}.`,
    billing: [],
    totals,
  };
}

/** Cumulative percent per line after this invoice, from the requested percents (others keep theirs). */
function progressTargets(
  quote: QuoteForBilling,
  billed: Map<string, { percent: Money; net: Money }>,
  mode: ConversionMode,
): Map<string, Money> {
  const targets = new Map(quote.lines.map((l) => [l.id, billed.get(l.id)?.percent ?? MONEY_ZERO]));
  if (mode.mode !== 'PROGRESS') {
    for (const l of quote.lines) targets.set(l.id, new Money(100));
    return targets;
  }
  const v = new Validator().check(mode.lines.length > 0, 'lines', 'au moins une ligne');
  const seen = new Set<string>();
  const over: { quoteLineId: string; description: string; previousPercent: string; requestedPercent: string }[] = [];
  mode.lines.forEach((r, i) => {
    const line = quote.lines.find((l) => l.id === r.quoteLineId);
    v.check(Boolean(line), `lines[${i}].quoteLineId`, 'ligne inconnue sur ce devis (ou option non retenue)').check(
      !seen.has(r.quoteLineId),
      `lines[${i}].quoteLineId`,
      'ligne en double',
    );
    seen.add(r.quoteLineId);
    if (!line) return;
    const percent = parseDecimal(r.cumulativePercent, `lines[${i}].cumulativePercent`, 2);
    const previous = targets.get(line.id)!;
    v.check(!percent.isNegative(), `lines[${i}].cumulativePercent`, 'pourcentage positif').check(
      percent.gte(previous),
      `lines[${i}].cumulativePercent`,
      `inférieur à l’avancement déjà facturé (${pct(previous)} %) : faites un avoir`,
    );
    if (percent.greaterThan(100))
      over.push({
        quoteLineId: line.id,
        description: line.description,
        previousPercent: previous.toFixed(2),
        requestedPercent: percent.toFixed(2),
      });
    targets.set(line.id, percent);
  });
  if (over.length)
    throw overbilled(
      quote,
      `Avancement au-delà de 100 % sur le devis ${quote.number} : ${over.map((o) => `« ${o.description} » ${pct(o.requestedPercent)} %`).join(', ')}`,
      {
        lines: over,
      },
    );
  v.throwIfInvalid();
  return targets;
}

export function planQuoteInvoice(quote: QuoteForBilling, invoices: readonly QuoteInvoiceSoFar[], mode: ConversionMode): InvoicePlan {
  const live = liveInvoices(invoices);
  const progress = billingProgress(quote, live);
  if (progress.complete)
    throw overbilled(quote, `Le devis ${quote.number} est entièrement facturé : rien ne reste à facturer`, {
      invoices: live.map((i) => ({ id: i.id, number: i.number, typeCode: i.typeCode })),
      remainingNet: progress.remainingNet,
    });
  if (mode.mode === 'DEPOSIT') return depositPlan(quote, live, mode.percent);
  if (mode.mode === 'FULL' && live.length > 0)
    throw Errors.conflict(
      'ALREADY_INVOICED',
      `Le devis ${quote.number} est déjà en partie facturé (${live.map((i) => i.number ?? 'brouillon').join(', ')}) : faites une situation ou la facture de solde`,
      { quoteId: quote.id, invoices: live.map((i) => ({ id: i.id, number: i.number, typeCode: i.typeCode })) },
    );
  const retentionPercent = mode.mode === 'FULL' ? '0' : checkRetention(mode.retentionPercent);

  const billed = billedByLine(live);
  const targets = progressTargets(quote, billed, mode);
  const completes = quote.lines.every((l) => targets.get(l.id)!.eq(100));
  const situation = live.filter((i) => i.typeCode === '380').length + 1;
  const lines: DraftLineInput[] = [];
  const billing: InvoicePlan['billing'] = [];
  const netByCode = new Map<string, Money>();
  for (const line of quote.lines) {
    const previous = billed.get(line.id) ?? { percent: MONEY_ZERO, net: MONEY_ZERO };
    const target = targets.get(line.id)!;
    if (target.eq(previous.percent)) continue;
    const cumulative = target.eq(100) ? new Money(line.lineNet) : round2(new Money(line.lineNet).times(target).dividedBy(100));
    const net = cumulative.minus(previous.net);
    billing.push({ quoteLineId: line.id, cumulativePercent: target.toFixed(2), net: toAmount(net) });
    netByCode.set(line.vatRateCode, (netByCode.get(line.vatRateCode) ?? MONEY_ZERO).plus(net));
    const base = { kind: line.kind, vatRateCode: line.vatRateCode, reason: null };
    if (mode.mode === 'PROGRESS')
      lines.push({
        ...base,
        description: `Situation n°${situation} — ${line.description} : ${pct(target)} % cumulés${previous.percent.isZero() ? '' : ` (${pct(previous.percent)} % précédemment)`}`,
        quantity: '1',
        unit: 'C62',
        unitPrice: toAmount(net),
      });
    else if (previous.net.isZero() && previous.percent.isZero())
      lines.push({
        ...base,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: line.unitPrice,
        discountPercent: line.discountPercent,
      });
    else
      lines.push({
        ...base,
        description: `${line.description} — solde (${pct(new Money(100).minus(previous.percent))} % restant)`,
        quantity: '1',
        unit: 'C62',
        unitPrice: toAmount(net),
      });
  }
  new Validator().check(lines.length > 0, 'lines', 'aucun avancement à facturer').throwIfInvalid();
  const allowanceCharges = discountAllowances(quote, netByCode, live);
  const deposits = completes ? depositsToDeduct(quote, live) : { amount: '0.00', note: null };
  const totals = planTotals(quote, lines, allowanceCharges, deposits.amount);
  if (!completes) {
    const asked = askedSoFar(live);
    if (asked.plus(totals.duePayable).greaterThan(quote.totalGross))
      throw overbilled(
        quote,
        `Cette situation porterait le total demandé à ${euros(toAmount(asked.plus(totals.duePayable)))}, au-delà du devis ${quote.number} (${euros(quote.totalGross)} TTC, acomptes compris)`,
        { alreadyAsked: toAmount(asked), requested: totals.duePayable },
      );
  }
  const heading =
    mode.mode === 'PROGRESS'
      ? `Situation de travaux n°${situation}${completes ? ' (solde)' : ''} — devis ${quote.number} — ${quote.title}.`
      : `${live.length ? 'Facture de solde' : 'Facture'} du devis ${quote.number} — ${quote.title}.`;
  return {
    typeCode: '380',
    lines,
    allowanceCharges,
    prepaidAmount: deposits.amount,
    retentionPercent,
    notes: [heading, deposits.note].filter(Boolean).join('\n'),
    billing,
    totals,
  };
}
