import { MONEY_ZERO, Money, parseDecimal, round2, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { daysPastDue } from '../receivables/ageing.rules';

/**
 * Late-payment charges between businesses (art. L441-10 du Code de commerce): interest at the rate
 * printed on the invoice (by default the ECB rate + 10 points, never below 3 x the legal rate),
 * counted from the day after the due date, and a fixed 40 € recovery indemnity per invoice paid
 * late. Consumers owe no indemnity. Interest is simple interest on a 365-day year, also in leap years.
 */

export const FIXED_RECOVERY_INDEMNITY = '40.00';
const DAYS_PER_YEAR = 365;

export interface LateInterestInput {
  amount: string;
  dueDate: string;
  asOf: string;
  /** Yearly rate in percent, as a decimal string ("12.15" for 12,15 %). */
  annualRatePercent: string;
}

export interface LateInterest {
  /** Days late: from the day after the due date to `asOf` included; 0 when not late. */
  days: number;
  amount: string;
}

function parseRate(annualRatePercent: string, field = 'annualRatePercent'): Money {
  const rate = parseDecimal(annualRatePercent, field, 4);
  new Validator().check(!rate.isNegative(), field, 'taux positif ou nul').throwIfInvalid();
  return rate;
}

/** amount x rate x days / 365, rounded half up to the cent; nothing on a zero or negative amount. */
export function lateInterest(input: LateInterestInput): LateInterest {
  const amount = parseDecimal(input.amount, 'amount');
  const rate = parseRate(input.annualRatePercent);
  const days = Math.max(0, daysPastDue(input.dueDate, input.asOf));
  if (days === 0 || !amount.greaterThan(0)) return { days, amount: '0.00' };
  return {
    days,
    amount: toAmount(
      amount
        .times(rate)
        .times(days)
        .dividedBy(100 * DAYS_PER_YEAR),
    ),
  };
}

/** The 40 € indemnity (art. D441-5) owed per late invoice by a professional customer; none by a consumer. */
export function fixedRecoveryIndemnity(customerIsConsumer: boolean): string {
  return customerIsConsumer ? '0.00' : FIXED_RECOVERY_INDEMNITY;
}

export interface OverdueInvoice {
  invoiceId: string;
  invoiceNumber: string;
  dueDate: string;
  openBalance: string;
}

export interface FormalNoticeLine {
  invoiceId: string;
  invoiceNumber: string;
  dueDate: string;
  openBalance: string;
  daysLate: number;
  interest: string;
  indemnity: string;
  /** Open balance + interest + indemnity. */
  total: string;
}

export interface FormalNoticeCharges {
  lines: FormalNoticeLine[];
  totals: { openBalance: string; interest: string; indemnity: string; charges: string; total: string };
}

export interface FormalNoticeOptions {
  /** Charge late interest (the dunning level's `chargeLateInterest`); default true. */
  lateInterest?: boolean;
  /** Claim the fixed indemnity (the dunning level's `chargeFixedIndemnity`); default true. */
  fixedIndemnity?: boolean;
}

/**
 * The table of a formal notice (mise en demeure): one line per invoice overdue at `asOf` with
 * something left to pay (others are left out), oldest due date first, with its interest on the open
 * balance, its indemnity, and the totals the letter claims.
 */
export function formalNoticeCharges(
  invoices: readonly OverdueInvoice[],
  asOf: string,
  annualRatePercent: string,
  customerIsConsumer: boolean,
  options: FormalNoticeOptions = {},
): FormalNoticeCharges {
  parseRate(annualRatePercent);
  const indemnity = options.fixedIndemnity === false ? '0.00' : fixedRecoveryIndemnity(customerIsConsumer);
  const lines = invoices
    .filter((inv, i) => parseDecimal(inv.openBalance, `invoices[${i}].openBalance`).greaterThan(0) && daysPastDue(inv.dueDate, asOf) > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceNumber.localeCompare(b.invoiceNumber))
    .map((inv): FormalNoticeLine => {
      const interest = lateInterest({ amount: inv.openBalance, dueDate: inv.dueDate, asOf, annualRatePercent });
      const lineInterest = options.lateInterest === false ? '0.00' : interest.amount;
      return {
        invoiceId: inv.invoiceId,
        invoiceNumber: inv.invoiceNumber,
        dueDate: inv.dueDate,
        openBalance: toAmount(inv.openBalance),
        daysLate: interest.days,
        interest: lineInterest,
        indemnity,
        total: toAmount(round2(inv.openBalance).plus(lineInterest).plus(indemnity)),
      };
    });
  const sum = (pick: (l: FormalNoticeLine) => string) => lines.reduce((s, l) => s.plus(pick(l)), MONEY_ZERO);
  const interest = sum((l) => l.interest);
  const indemnities = sum((l) => l.indemnity);
  return {
    lines,
    totals: {
      openBalance: toAmount(sum((l) => l.openBalance)),
      interest: toAmount(interest),
      indemnity: toAmount(indemnities),
      charges: toAmount(interest.plus(indemnities)),
      total: toAmount(sum((l) => l.total)),
    },
  };
}
