import { INVOICE_LINE_KINDS } from '../invoice.entity';
import { Money, parseDecimal, sumAmounts, toAmount } from '../money';
import { invoiceTotals, type InvoiceTotals, type VatRateDef } from '../totals';
import { Errors, Validator } from '../../shared/errors';
import { isLocalDate, frenchDate } from '../../shared/time';
import type { QuoteStatus } from './quote.entity';

/**
 * Quote rules, decided here once:
 * - Lifecycle: DRAFT -> SENT -> ACCEPTED | REFUSED; a SENT or REFUSED quote that the office
 *   edits becomes a new revision (DRAFT again until re-sent); ACCEPTED and CANCELLED are final.
 * - Expiry is read at query time: a SENT quote whose validity date (Europe/Paris) has passed is
 *   EXPIRED and can no longer be accepted (QUOTE_EXPIRED); the office revises it with a new date.
 * - Optional lines count in the totals only once chosen (by the office, or by the customer when
 *   accepting).
 * - A global discount is one document-level allowance per VAT rate code, percent × that rate's
 *   line nets, rounded to the cent (EN 16931 BG-20), so invoices made from the quote carry it
 *   the same way.
 */

export type QuoteDisplayStatus = QuoteStatus | 'EXPIRED';

export const QUOTE_SERIES = 'D';
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;
export const MAX_QUOTE_LINES = 500;

export function quoteCounterName(year: string): string {
  return `quote:${QUOTE_SERIES}:${year}`;
}

export function formatQuoteNumber(year: string, value: number): string {
  return `${QUOTE_SERIES}-${year}-${String(value).padStart(5, '0')}`;
}

/** A SENT quote past its validity date (both local dates). */
export function isExpired(quote: { status: QuoteStatus; validUntil: string }, today: string): boolean {
  return quote.status === 'SENT' && quote.validUntil < today;
}

export function displayStatus(quote: { status: QuoteStatus; validUntil: string }, today: string): QuoteDisplayStatus {
  return isExpired(quote, today) ? 'EXPIRED' : quote.status;
}

const TRANSITIONS: Record<QuoteStatus, readonly QuoteStatus[]> = {
  DRAFT: ['SENT', 'CANCELLED'],
  SENT: ['ACCEPTED', 'REFUSED', 'DRAFT', 'CANCELLED'],
  REFUSED: ['DRAFT', 'CANCELLED'],
  ACCEPTED: [],
  CANCELLED: [],
};

const STATUS_FR: Record<QuoteStatus, string> = {
  DRAFT: 'brouillon',
  SENT: 'envoyé',
  ACCEPTED: 'accepté',
  REFUSED: 'refusé',
  CANCELLED: 'annulé',
};

function label(quote: { number?: string | null }): string {
  return quote.number ? `Le devis ${quote.number}` : 'Le devis';
}

export function assertQuoteTransition(quote: { id: string; number?: string | null; status: QuoteStatus }, to: QuoteStatus): void {
  if (!TRANSITIONS[quote.status].includes(to))
    throw Errors.conflict(
      'QUOTE_INVALID_TRANSITION',
      `${label(quote)} est ${STATUS_FR[quote.status]} : il ne peut pas passer à « ${STATUS_FR[to]} »`,
      {
        quoteId: quote.id,
        status: quote.status,
        to,
      },
    );
}

/** A decision (accept or refuse) needs a SENT quote still valid; an accepted one answers QUOTE_ALREADY_ACCEPTED. */
export function assertDecidable(
  quote: { id: string; number?: string | null; status: QuoteStatus; validUntil: string },
  to: 'ACCEPTED' | 'REFUSED',
  today: string,
): void {
  if (quote.status === 'ACCEPTED')
    throw Errors.conflict('QUOTE_ALREADY_ACCEPTED', `${label(quote)} est déjà accepté`, { quoteId: quote.id });
  assertQuoteTransition(quote, to);
  if (to === 'ACCEPTED' && isExpired(quote, today))
    throw Errors.conflict('QUOTE_EXPIRED', `${label(quote)} a expiré le ${frenchDate(quote.validUntil)} : il ne peut plus être accepté`, {
      quoteId: quote.id,
      validUntil: quote.validUntil,
    });
}

/** How an edit applies: in place on a draft, as a new revision on a sent or refused quote. */
export function editMode(quote: { id: string; number?: string | null; status: QuoteStatus }): 'IN_PLACE' | 'NEW_REVISION' {
  if (quote.status === 'DRAFT') return 'IN_PLACE';
  if (quote.status === 'SENT' || quote.status === 'REFUSED') return 'NEW_REVISION';
  throw Errors.conflict('QUOTE_NOT_EDITABLE', `${label(quote)} est ${STATUS_FR[quote.status]} : il ne change plus`, {
    quoteId: quote.id,
    status: quote.status,
  });
}

/** YYYY-MM-DD + n days. */
export function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface QuoteLineInput {
  section?: string | null;
  optional?: boolean;
  /** For an optional line: chosen already (by the office). */
  selected?: boolean;
  kind?: (typeof INVOICE_LINE_KINDS)[number];
  description: string;
  quantity: string;
  /** UN/ECE code: HUR, C62, MTR... */
  unit: string;
  unitPrice: string;
  discountPercent?: string;
  vatRateCode: string;
}

const UNIT_PATTERN = /^[A-Z0-9]{1,3}$/;

export function validateQuoteHeader(input: {
  title?: string;
  validUntil?: string;
  globalDiscountPercent?: string;
  notes?: string | null;
}): void {
  const v = new Validator();
  if (input.title !== undefined)
    v.check(input.title.trim().length > 0, 'title', 'objet obligatoire', 'REQUIRED').check(
      input.title.length <= 200,
      'title',
      'au plus 200 caractères',
    );
  if (input.validUntil !== undefined) v.check(isLocalDate(input.validUntil), 'validUntil', 'date AAAA-MM-JJ attendue', 'DATE_EXPECTED');
  if (input.notes) v.check(input.notes.length <= 10_000, 'notes', 'au plus 10 000 caractères', 'TOO_LONG');
  v.throwIfInvalid();
  if (input.globalDiscountPercent !== undefined) {
    const d = parseDecimal(input.globalDiscountPercent, 'globalDiscountPercent', 2);
    new Validator().check(!d.isNegative() && d.lessThanOrEqualTo(100), 'globalDiscountPercent', 'de 0 à 100 %').throwIfInvalid();
  }
}

/** Field checks on the lines a user typed (amounts and VAT codes are checked by the totals). */
export function validateQuoteLines(lines: readonly QuoteLineInput[], vatRates: readonly VatRateDef[]): void {
  const codes = new Set(vatRates.map((r) => r.code));
  const v = new Validator()
    .check(lines.length > 0, 'lines', 'au moins une ligne')
    .check(lines.length <= MAX_QUOTE_LINES, 'lines', `au plus ${MAX_QUOTE_LINES} lignes`)
    .check(
      lines.some((l) => !l.optional),
      'lines',
      'au moins une ligne non optionnelle',
    );
  lines.forEach((l, i) => {
    v.check(l.description.trim().length > 0, `lines[${i}].description`, 'désignation obligatoire', 'REQUIRED')
      .check(l.description.length <= 2000, `lines[${i}].description`, 'au plus 2 000 caractères', 'TOO_LONG')
      .check((l.section ?? '').length <= 200, `lines[${i}].section`, 'au plus 200 caractères', 'TOO_LONG')
      .check(UNIT_PATTERN.test(l.unit), `lines[${i}].unit`, 'unité UN/ECE (ex. HUR, C62, KGM)', 'UNKNOWN_VALUE')
      .check(codes.has(l.vatRateCode), `lines[${i}].vatRateCode`, `taux de TVA inconnu : ${l.vatRateCode}`, 'UNKNOWN_VALUE')
      .check(!l.kind || INVOICE_LINE_KINDS.includes(l.kind), `lines[${i}].kind`, 'type de ligne inconnu', 'UNKNOWN_VALUE');
    if (/^-?\d+(\.\d+)?$/.test(l.unitPrice))
      v.check(!new Money(l.unitPrice).isNegative(), `lines[${i}].unitPrice`, 'prix unitaire positif', 'MUST_BE_POSITIVE');
    if (/^-?\d+(\.\d+)?$/.test(l.quantity))
      v.check(new Money(l.quantity).greaterThan(0), `lines[${i}].quantity`, 'quantité positive', 'MUST_BE_POSITIVE');
  });
  v.throwIfInvalid();
}

/** A line counts in the totals unless it is an optional line nobody chose. */
export function isCounted(line: { optional: boolean; selected: boolean }): boolean {
  return !line.optional || line.selected;
}

export interface PricedQuoteLine {
  quantity: string;
  unitPrice: string;
  discountPercent?: string;
  vatRateCode: string;
  optional: boolean;
  selected: boolean;
}

export interface QuoteTotals {
  /** BT-131 of every line (optional ones too), in input order. */
  lineNets: string[];
  linesTotal: string;
  discountTotal: string;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  /** Counted line nets per VAT rate code, and the global discount on each. */
  basisByCode: Map<string, string>;
  discountByCode: Map<string, string>;
  invoiceTotals: InvoiceTotals;
}

export function globalDiscountReason(percent: string): string {
  return `Remise globale de ${new Money(percent).toString().replace('.', ',')} %`;
}

/** Totals of a quote: counted lines, the global discount per VAT rate code, VAT per EN 16931. */
export function quoteTotals(
  lines: readonly PricedQuoteLine[],
  globalDiscountPercent: string,
  vatRates: readonly VatRateDef[],
): QuoteTotals {
  const all = invoiceTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
    })),
    { vatRates },
  );
  const basisByCode = new Map<string, Money>();
  lines.forEach((l, i) => {
    if (!isCounted(l)) return;
    basisByCode.set(l.vatRateCode, (basisByCode.get(l.vatRateCode) ?? new Money(0)).plus(all.lineNets[i]!));
  });
  const discount = parseDecimal(globalDiscountPercent, 'globalDiscountPercent', 2);
  const counted = lines.filter(isCounted);
  const totals = invoiceTotals(
    counted.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
    })),
    {
      vatRates,
      allowances: discount.isZero()
        ? []
        : [...basisByCode].map(([code, basis]) => ({
            baseAmount: toAmount(basis),
            percent: discount.toFixed(2),
            vatRateCode: code,
            reason: globalDiscountReason(globalDiscountPercent),
          })),
    },
  );
  return {
    lineNets: all.lineNets,
    linesTotal: totals.lineTotal,
    discountTotal: totals.allowanceTotal,
    totalNet: totals.taxBasisTotal,
    totalVat: totals.taxTotal,
    totalGross: totals.grandTotal,
    basisByCode: new Map([...basisByCode].map(([code, basis]) => [code, toAmount(basis)])),
    discountByCode: new Map(totals.allowances.map((a) => [a.vatRateCode, a.amount])),
    invoiceTotals: totals,
  };
}

/**
 * The optional lines chosen at acceptance: every id must be an optional line of the quote;
 * returns the selected flag of each line (non-optional lines stay selected).
 */
export function chooseOptions<L extends { id: string; optional: boolean }>(
  lines: readonly L[],
  chosenIds: readonly string[],
): Map<string, boolean> {
  const optional = new Set(lines.filter((l) => l.optional).map((l) => l.id));
  const v = new Validator();
  chosenIds.forEach((id, i) => v.check(optional.has(id), `chosenOptionalLineIds[${i}]`, 'ligne optionnelle inconnue sur ce devis'));
  v.throwIfInvalid();
  const chosen = new Set(chosenIds);
  return new Map(lines.map((l) => [l.id, !l.optional || chosen.has(l.id)]));
}

export function sumOf(values: Iterable<string>): string {
  return toAmount(sumAmounts(values));
}
