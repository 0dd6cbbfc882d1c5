import { DomainError, Errors, type FieldProblem } from '../shared/errors';
import { Money, parseDecimal, round2, sumAmounts, toAmount, MONEY_ZERO, type Money as MoneyValue } from './money';

/**
 * Invoice totals per EN 16931 (the BR-CO rules): round each line net (BT-131) to 2 decimals,
 * sum them per VAT category and rate with the document-level allowances and charges of that
 * rate (BT-116), VAT per group = round(basis × rate / 100, 2) (BT-117), totals by addition.
 * Per-line VAT is never summed.
 */

export interface VatRateDef {
  code: string;
  /** Percent, e.g. "20.00", "5.50", "0.00". */
  rate: string;
  /** UNCL5305: S, Z, E, AE, K, G, O. */
  categoryCode: string;
  exemptionReason: string | null;
}

export interface TotalsLine {
  quantity: string;
  /** Unit price HT before discount (may have up to 4 decimals). */
  unitPrice: string;
  /** 0 to 100, default 0. */
  discountPercent?: string;
  vatRateCode: string;
}

/** A document-level allowance (BG-20) or charge (BG-21): an amount, or a percent of a base. */
export interface AllowanceCharge {
  amount?: string;
  baseAmount?: string;
  percent?: string;
  vatRateCode: string;
  reason: string;
}

export interface TotalsOptions {
  vatRates: readonly VatRateDef[];
  allowances?: readonly AllowanceCharge[];
  charges?: readonly AllowanceCharge[];
  /** BT-113, e.g. a deposit already paid (TTC). */
  prepaidAmount?: string;
  /** BT-114. */
  roundingAmount?: string;
}

export interface VatBreakdownRow {
  categoryCode: string;
  /** BT-119, 2 decimals. */
  rate: string;
  /** The rate codes grouped in this row. */
  vatRateCodes: string[];
  /** BT-116. */
  basis: string;
  /** BT-117. */
  tax: string;
  /** BT-120, for E / AE and other exempt categories. */
  exemptionReason: string | null;
}

export interface ResolvedAllowanceCharge {
  amount: string;
  baseAmount: string | null;
  percent: string | null;
  vatRateCode: string;
  categoryCode: string;
  rate: string;
  reason: string;
}

export interface InvoiceTotals {
  /** BT-131 per input line, in input order. */
  lineNets: string[];
  /** BT-106 */ lineTotal: string;
  /** BT-107 */ allowanceTotal: string;
  /** BT-108 */ chargeTotal: string;
  /** BT-109 */ taxBasisTotal: string;
  /** BT-110 */ taxTotal: string;
  /** BT-112 */ grandTotal: string;
  /** BT-113 */ prepaidAmount: string;
  /** BT-114 */ roundingAmount: string;
  /** BT-115 */ duePayable: string;
  /** BG-23, ordered by category (S, Z, E, AE, K, G, O, …) then rate descending. */
  vatBreakdown: VatBreakdownRow[];
  allowances: ResolvedAllowanceCharge[];
  charges: ResolvedAllowanceCharge[];
}

const CATEGORY_ORDER = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'];
const EXEMPT_CATEGORIES = new Set(['E', 'AE', 'K', 'G', 'O']);

/** Unit price less a percent discount, exact. */
export function netUnitPrice(unitPrice: string, discountPercent = '0'): MoneyValue {
  const price = parseDecimal(unitPrice, 'unitPrice');
  const discount = parseDecimal(discountPercent, 'discountPercent', 2);
  if (discount.lessThan(0) || discount.greaterThan(100))
    throw Errors.validation([{ field: 'discountPercent', message: 'de 0 à 100 %', reason: 'OUT_OF_RANGE' }]);
  return price.times(new Money(100).minus(discount)).dividedBy(100);
}

/** BT-131: quantity × net unit price, rounded to 2 decimals. */
export function lineNetAmount(quantity: string, unitPrice: string, discountPercent = '0'): string {
  return toAmount(parseDecimal(quantity, 'quantity').times(netUnitPrice(unitPrice, discountPercent)));
}

interface Group {
  categoryCode: string;
  rate: MoneyValue;
  codes: string[];
  basis: MoneyValue;
  exemptionReason: string | null;
}

function checkVatRate(def: VatRateDef, field: string): MoneyValue {
  const rate = parseDecimal(def.rate, `${field}.rate`, 2);
  const problems: { field: string; message: string }[] = [];
  if (!CATEGORY_ORDER.includes(def.categoryCode)) problems.push({ field: `${field}.categoryCode`, message: 'catégorie de TVA inconnue' });
  if (def.categoryCode === 'S' && !rate.greaterThan(0))
    problems.push({ field: `${field}.rate`, message: 'taux positif pour la catégorie S' });
  if (def.categoryCode !== 'S' && def.categoryCode !== 'L' && def.categoryCode !== 'M' && !rate.isZero())
    problems.push({ field: `${field}.rate`, message: `taux nul pour la catégorie ${def.categoryCode}` });
  if (EXEMPT_CATEGORIES.has(def.categoryCode) && !def.exemptionReason?.trim())
    problems.push({ field: `${field}.exemptionReason`, message: `motif d’exonération requis pour la catégorie ${def.categoryCode}` });
  if (problems.length > 0) throw Errors.validation(problems);
  return rate;
}

export function invoiceTotals(lines: readonly TotalsLine[], options: TotalsOptions): InvoiceTotals {
  const rates = new Map(options.vatRates.map((r) => [r.code, r]));
  const groups = new Map<string, Group>();

  const addToGroup = (vatRateCode: string, amount: MoneyValue, field: string): { categoryCode: string; rate: MoneyValue } => {
    const def = rates.get(vatRateCode);
    if (!def) throw Errors.validation([{ field, message: `taux de TVA inconnu : ${vatRateCode}` }]);
    const rate = checkVatRate(def, `vatRates.${vatRateCode}`);
    const key = `${def.categoryCode}|${rate.toFixed(2)}`;
    let group = groups.get(key);
    if (!group) {
      group = { categoryCode: def.categoryCode, rate, codes: [], basis: MONEY_ZERO, exemptionReason: def.exemptionReason };
      groups.set(key, group);
    }
    if (EXEMPT_CATEGORIES.has(def.categoryCode) && group.exemptionReason !== def.exemptionReason)
      throw Errors.validation([{ field, message: `motifs d’exonération différents pour la catégorie ${def.categoryCode}` }]);
    if (!group.codes.includes(vatRateCode)) group.codes.push(vatRateCode);
    group.basis = group.basis.plus(amount);
    return { categoryCode: def.categoryCode, rate };
  };

  const lineNets = lines.map((l, i) => {
    const net = new Money(lineNetAmountAt(l, i));
    addToGroup(l.vatRateCode, net, `lines[${i}].vatRateCode`);
    return net;
  });

  const resolve = (list: readonly AllowanceCharge[] | undefined, sign: 1 | -1, name: string): ResolvedAllowanceCharge[] =>
    (list ?? []).map((ac, i) => {
      const field = `${name}[${i}]`;
      let amount: MoneyValue;
      if (ac.amount !== undefined) amount = parseDecimal(ac.amount, `${field}.amount`, 2);
      else if (ac.percent !== undefined && ac.baseAmount !== undefined)
        amount = round2(
          parseDecimal(ac.baseAmount, `${field}.baseAmount`, 2)
            .times(parseDecimal(ac.percent, `${field}.percent`, 2))
            .dividedBy(100),
        );
      else throw Errors.validation([{ field: `${field}.amount`, message: 'montant ou pourcentage et base requis' }]);
      if (amount.isNegative()) throw Errors.validation([{ field: `${field}.amount`, message: 'montant positif attendu' }]);
      if (!ac.reason?.trim()) throw Errors.validation([{ field: `${field}.reason`, message: 'motif requis' }]);
      const { categoryCode, rate } = addToGroup(ac.vatRateCode, sign === 1 ? amount : amount.negated(), `${field}.vatRateCode`);
      return {
        amount: toAmount(amount),
        baseAmount: ac.baseAmount ?? null,
        percent: ac.percent ?? null,
        vatRateCode: ac.vatRateCode,
        categoryCode,
        rate: rate.toFixed(2),
        reason: ac.reason,
      };
    });
  const charges = resolve(options.charges, 1, 'charges');
  const allowances = resolve(options.allowances, -1, 'allowances');

  const breakdown = [...groups.values()].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.categoryCode) - CATEGORY_ORDER.indexOf(b.categoryCode) || b.rate.comparedTo(a.rate),
  );
  const vatBreakdown: VatBreakdownRow[] = breakdown.map((g) => ({
    categoryCode: g.categoryCode,
    rate: g.rate.toFixed(2),
    vatRateCodes: g.codes,
    basis: toAmount(g.basis),
    tax: toAmount(g.basis.times(g.rate).dividedBy(100)),
    exemptionReason: EXEMPT_CATEGORIES.has(g.categoryCode) ? g.exemptionReason : null,
  }));

  const lineTotal = sumAmounts(lineNets);
  const allowanceTotal = sumAmounts(allowances.map((a) => a.amount));
  const chargeTotal = sumAmounts(charges.map((c) => c.amount));
  const taxBasisTotal = lineTotal.minus(allowanceTotal).plus(chargeTotal);
  const taxTotal = sumAmounts(vatBreakdown.map((r) => r.tax));
  const grandTotal = taxBasisTotal.plus(taxTotal);
  const prepaid = parseDecimal(options.prepaidAmount ?? '0', 'prepaidAmount', 2);
  const rounding = parseDecimal(options.roundingAmount ?? '0', 'roundingAmount', 2);

  return {
    lineNets: lineNets.map(toAmount),
    lineTotal: toAmount(lineTotal),
    allowanceTotal: toAmount(allowanceTotal),
    chargeTotal: toAmount(chargeTotal),
    taxBasisTotal: toAmount(taxBasisTotal),
    taxTotal: toAmount(taxTotal),
    grandTotal: toAmount(grandTotal),
    prepaidAmount: toAmount(prepaid),
    roundingAmount: toAmount(rounding),
    duePayable: toAmount(grandTotal.minus(prepaid).plus(rounding)),
    vatBreakdown,
    allowances,
    charges,
  };
}

function lineNetAmountAt(l: TotalsLine, i: number): string {
  try {
    return lineNetAmount(l.quantity, l.unitPrice, l.discountPercent ?? '0');
  } catch (error) {
    // Name the line in the field of a validation error.
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
      const fields = (error.details.fields ?? []) as FieldProblem[];
      throw Errors.validation(fields.map((f) => ({ ...f, field: `lines[${i}].${f.field}` })));
    }
    throw error;
  }
}
