import { parseDecimal } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { frenchDate } from '../../shared/time';
import { daysPastDue, shiftDate } from '../receivables/ageing.rules';

/**
 * Reminders (relances): a tenant's ladder of dunning levels, and which one an unpaid invoice is owed
 * today. A dunning run asks `nextReminder` for every open invoice; it sends at most one reminder per
 * invoice and run, always at the highest level reached, so a run that did not happen for weeks catches
 * up with one letter at the right level instead of sending every missed level at once.
 */

export type DunningChannel = 'EMAIL' | 'LETTER';

export const DUNNING_CHANNELS: readonly DunningChannel[] = ['EMAIL', 'LETTER'];

export interface DunningLevel {
  /** 1..n, in the order the customer receives them. */
  rank: number;
  name: string;
  /** Sent from the due date plus this many days (0: on the due date). */
  daysAfterDue: number;
  channel: DunningChannel;
  attachInvoicePdf: boolean;
  /** Mise en demeure: the formal notice that makes late interest and the indemnity claimable. */
  formalNotice: boolean;
  chargeLateInterest: boolean;
  chargeFixedIndemnity: boolean;
}

export const MAX_DUNNING_LEVELS = 6;

export const DEFAULT_DUNNING_LEVELS: readonly DunningLevel[] = [
  {
    rank: 1,
    name: 'Relance amicale',
    daysAfterDue: 7,
    channel: 'EMAIL',
    attachInvoicePdf: false,
    formalNotice: false,
    chargeLateInterest: false,
    chargeFixedIndemnity: false,
  },
  {
    rank: 2,
    name: 'Deuxième relance',
    daysAfterDue: 15,
    channel: 'EMAIL',
    attachInvoicePdf: true,
    formalNotice: false,
    chargeLateInterest: false,
    chargeFixedIndemnity: false,
  },
  {
    rank: 3,
    name: 'Mise en demeure',
    daysAfterDue: 30,
    channel: 'LETTER',
    attachInvoicePdf: true,
    formalNotice: true,
    chargeLateInterest: true,
    chargeFixedIndemnity: true,
  },
];

/**
 * Refuses a ladder that cannot be followed: 1 to 6 levels, ranks 1..n in order, a name, a channel,
 * whole days after the due date, each level strictly later than the one before.
 */
export function validateDunningLevels(levels: readonly DunningLevel[]): void {
  const v = new Validator()
    .check(levels.length >= 1, 'levels', 'au moins un niveau de relance')
    .check(levels.length <= MAX_DUNNING_LEVELS, 'levels', `au plus ${MAX_DUNNING_LEVELS} niveaux de relance`);
  levels.forEach((level, i) => {
    const field = `levels[${i}]`;
    const previous = levels[i - 1];
    v.check(level.rank === i + 1, `${field}.rank`, `rang ${i + 1} attendu (rangs 1 à ${levels.length} sans trou, dans l’ordre)`)
      .check(level.name.trim().length > 0, `${field}.name`, 'nom obligatoire', 'REQUIRED')
      .check(level.name.trim().length <= 80, `${field}.name`, 'au plus 80 caractères', 'TOO_LONG')
      .check(DUNNING_CHANNELS.includes(level.channel), `${field}.channel`, 'canal EMAIL ou LETTER')
      .check(Number.isInteger(level.daysAfterDue) && level.daysAfterDue >= 0, `${field}.daysAfterDue`, 'nombre de jours entier, 0 ou plus')
      .check(
        !previous || level.daysAfterDue > previous.daysAfterDue,
        `${field}.daysAfterDue`,
        `doit être après le niveau précédent (plus de ${previous?.daysAfterDue ?? 0} jours)`,
      );
  });
  v.throwIfInvalid();
}

/** What the dunning run knows of one issued invoice. */
export interface DunningInvoiceState {
  dueDate: string;
  openBalance: string;
  /** Rank of the last reminder sent, null when none was. */
  lastLevelSent: number | null;
  lastReminderOn: string | null;
  disputed: boolean;
  /** The customer promised to pay by this date (included); no reminder until it has passed. */
  promiseUntil: string | null;
  /** A SEPA direct debit is on its way for this invoice. */
  directDebitPending: boolean;
}

export interface DunningOptions {
  /** Days to leave between two reminders of one invoice (default 5). */
  minimumDaysBetweenReminders?: number;
}

export const DEFAULT_MINIMUM_DAYS_BETWEEN_REMINDERS = 5;

export type NoReminderReason =
  'NOT_DUE' | 'PAID' | 'DISPUTED' | 'PROMISE' | 'DIRECT_DEBIT' | 'TOO_SOON' | 'ALL_LEVELS_SENT' | 'NEXT_LEVEL_NOT_REACHED';

export interface ReminderDue {
  level: DunningLevel;
  daysLate: number;
  /** Ranks that were due but not sent (the run was down): the reminder sent replaces them. */
  skippedRanks: number[];
  message: string;
}

export interface NoReminder {
  none: NoReminderReason;
  message: string;
  /** The first date a reminder could go out if nothing else changes, when it can be told. */
  possibleFrom?: string;
}

export type ReminderDecision = ReminderDue | NoReminder;

export const isReminderDue = (decision: ReminderDecision): decision is ReminderDue => 'level' in decision;

const levelDay = (dueDate: string, level: DunningLevel) => shiftDate(dueDate, level.daysAfterDue);

/** The highest level not yet sent whose day is reached today, and the lower unsent ones it replaces. */
function levelToSend(levels: readonly DunningLevel[], lastLevelSent: number, daysLate: number) {
  const reached = levels.filter((l) => l.rank > lastLevelSent && l.daysAfterDue <= daysLate).sort((a, b) => a.rank - b.rank);
  const level = reached.at(-1);
  return level ? { level, skippedRanks: reached.slice(0, -1).map((l) => l.rank) } : null;
}

function nextUnsentLevel(levels: readonly DunningLevel[], lastLevelSent: number): DunningLevel | undefined {
  return levels.filter((l) => l.rank > lastLevelSent).sort((a, b) => a.rank - b.rank)[0];
}

function dueMessage(level: DunningLevel, daysLate: number, skippedRanks: number[]): string {
  const late = daysLate > 0 ? `échéance dépassée de ${daysLate} jour${daysLate > 1 ? 's' : ''}` : 'échéance ce jour';
  const caughtUp =
    skippedRanks.length > 0
      ? ` ; remplace ${skippedRanks.length > 1 ? 'les niveaux' : 'le niveau'} ${skippedRanks.join(', ')} non envoyé${skippedRanks.length > 1 ? 's' : ''}`
      : '';
  return `Relance niveau ${level.rank} (${level.name}) : ${late}${caughtUp}`;
}

/**
 * Which reminder, if any, an invoice is owed `today`. In order: nothing for a paid invoice, before the
 * first level's day, while disputed, while a payment promise runs, while a direct debit is pending;
 * then the highest level reached and not sent yet, unless the last reminder is too recent.
 */
export function nextReminder(
  levels: readonly DunningLevel[],
  invoice: DunningInvoiceState,
  today: string,
  options: DunningOptions = {},
): ReminderDecision {
  const minimumGap = options.minimumDaysBetweenReminders ?? DEFAULT_MINIMUM_DAYS_BETWEEN_REMINDERS;
  const lastLevelSent = invoice.lastLevelSent ?? 0;
  const daysLate = daysPastDue(invoice.dueDate, today);
  const target = levelToSend(levels, lastLevelSent, daysLate);
  const next = nextUnsentLevel(levels, lastLevelSent);

  if (!parseDecimal(invoice.openBalance, 'openBalance').greaterThan(0))
    return { none: 'PAID', message: 'Facture soldée : rien à relancer' };
  if (daysLate < 0 || (daysLate === 0 && !target))
    return {
      none: 'NOT_DUE',
      message: `Facture non échue (échéance le ${frenchDate(invoice.dueDate)})`,
      ...(next ? { possibleFrom: levelDay(invoice.dueDate, next) } : {}),
    };
  if (invoice.disputed) return { none: 'DISPUTED', message: 'Facture en litige : relances suspendues' };
  if (invoice.promiseUntil !== null && invoice.promiseUntil >= today)
    return {
      none: 'PROMISE',
      message: `Promesse de paiement jusqu’au ${frenchDate(invoice.promiseUntil)} : relances suspendues`,
      possibleFrom: shiftDate(invoice.promiseUntil, 1),
    };
  if (invoice.directDebitPending) return { none: 'DIRECT_DEBIT', message: 'Prélèvement SEPA en cours : pas de relance' };
  if (!next) return { none: 'ALL_LEVELS_SENT', message: `Tous les niveaux de relance ont été envoyés (dernier : niveau ${lastLevelSent})` };
  if (!target)
    return {
      none: 'NEXT_LEVEL_NOT_REACHED',
      message: `Prochaine relance (niveau ${next.rank}, ${next.name}) le ${frenchDate(levelDay(invoice.dueDate, next))}`,
      possibleFrom: levelDay(invoice.dueDate, next),
    };
  if (invoice.lastReminderOn !== null && daysPastDue(invoice.lastReminderOn, today) < minimumGap) {
    const possibleFrom = shiftDate(invoice.lastReminderOn, minimumGap);
    return {
      none: 'TOO_SOON',
      message: `Dernière relance le ${frenchDate(invoice.lastReminderOn)} : prochaine possible à partir du ${frenchDate(possibleFrom)}`,
      possibleFrom,
    };
  }
  return {
    level: target.level,
    daysLate,
    skippedRanks: target.skippedRanks,
    message: dueMessage(target.level, daysLate, target.skippedRanks),
  };
}
