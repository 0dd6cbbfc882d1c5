import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUNNING_LEVELS,
  isReminderDue,
  nextReminder,
  validateDunningLevels,
  type DunningInvoiceState,
  type DunningLevel,
  type ReminderDecision,
} from './dunning.rules';

const levels = DEFAULT_DUNNING_LEVELS;
const DUE = '2026-03-01';

const invoice = (over: Partial<DunningInvoiceState> = {}): DunningInvoiceState => ({
  dueDate: DUE,
  openBalance: '1200.00',
  lastLevelSent: null,
  lastReminderOn: null,
  disputed: false,
  promiseUntil: null,
  directDebitPending: false,
  ...over,
});

const rankOf = (d: ReminderDecision) => (isReminderDue(d) ? d.level.rank : null);
const reasonOf = (d: ReminderDecision) => ('none' in d ? d.none : null);

function problems(fn: () => void): { field: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    return (e as { details: { fields: { field: string; message: string }[] } }).details.fields.map(({ field, message }) => ({
      field,
      message,
    }));
  }
  return [];
}

describe('DEFAULT_DUNNING_LEVELS', () => {
  it('is a friendly e-mail at +7, an e-mail with the PDF at +15, a formal notice letter with charges at +30', () => {
    expect(
      levels.map((l) => [
        l.rank,
        l.daysAfterDue,
        l.channel,
        l.attachInvoicePdf,
        l.formalNotice,
        l.chargeLateInterest,
        l.chargeFixedIndemnity,
      ]),
    ).toEqual([
      [1, 7, 'EMAIL', false, false, false, false],
      [2, 15, 'EMAIL', true, false, false, false],
      [3, 30, 'LETTER', true, true, true, true],
    ]);
    expect(() => validateDunningLevels(levels)).not.toThrow();
  });
});

describe('validateDunningLevels', () => {
  const level = (rank: number, daysAfterDue: number, over: Partial<DunningLevel> = {}): DunningLevel => ({
    ...DEFAULT_DUNNING_LEVELS[0]!,
    rank,
    name: `Niveau ${rank}`,
    daysAfterDue,
    ...over,
  });

  it('accepts up to 6 levels, the first one on the due date', () => {
    expect(() => validateDunningLevels([0, 5, 10, 20, 30, 45].map((d, i) => level(i + 1, d)))).not.toThrow();
  });

  it('refuses 7 levels and an empty ladder', () => {
    expect(problems(() => validateDunningLevels([0, 5, 10, 20, 30, 45, 60].map((d, i) => level(i + 1, d))))).toContainEqual({
      field: 'levels',
      message: 'au plus 6 niveaux de relance',
    });
    expect(problems(() => validateDunningLevels([]))).toEqual([{ field: 'levels', message: 'au moins un niveau de relance' }]);
  });

  it('refuses ranks with a gap, out of order or not starting at 1', () => {
    expect(problems(() => validateDunningLevels([level(1, 7), level(3, 15)]))).toEqual([
      { field: 'levels[1].rank', message: 'rang 2 attendu (rangs 1 à 2 sans trou, dans l’ordre)' },
    ]);
    expect(problems(() => validateDunningLevels([level(2, 7), level(1, 15)])).map((p) => p.field)).toEqual([
      'levels[0].rank',
      'levels[1].rank',
    ]);
  });

  it('refuses days that do not strictly increase, negative or fractional days', () => {
    expect(problems(() => validateDunningLevels([level(1, 7), level(2, 7)]))).toEqual([
      { field: 'levels[1].daysAfterDue', message: 'doit être après le niveau précédent (plus de 7 jours)' },
    ]);
    expect(problems(() => validateDunningLevels([level(1, -1)])).map((p) => p.field)).toEqual(['levels[0].daysAfterDue']);
    expect(problems(() => validateDunningLevels([level(1, 2.5)])).map((p) => p.field)).toEqual(['levels[0].daysAfterDue']);
  });

  it('names every wrong field at once: blank name, unknown channel', () => {
    const wrong = [level(1, 7, { name: '  ' }), level(2, 15, { channel: 'SMS' as never })];
    expect(() => validateDunningLevels(wrong)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(problems(() => validateDunningLevels(wrong))).toEqual([
      { field: 'levels[0].name', message: 'nom obligatoire' },
      { field: 'levels[1].channel', message: 'canal EMAIL ou LETTER' },
    ]);
  });
});

describe('nextReminder: which level, on which day', () => {
  it('sends nothing before the first level, level 1 exactly on due + 7, not the day before', () => {
    expect(reasonOf(nextReminder(levels, invoice(), '2026-02-20'))).toBe('NOT_DUE');
    expect(reasonOf(nextReminder(levels, invoice(), DUE))).toBe('NOT_DUE');
    const dayBefore = nextReminder(levels, invoice(), '2026-03-07');
    expect(dayBefore).toEqual({
      none: 'NEXT_LEVEL_NOT_REACHED',
      message: 'Prochaine relance (niveau 1, Relance amicale) le 08/03/2026',
      possibleFrom: '2026-03-08',
    });
    expect(nextReminder(levels, invoice(), '2026-03-08')).toEqual({
      level: levels[0],
      daysLate: 7,
      skippedRanks: [],
      message: 'Relance niveau 1 (Relance amicale) : échéance dépassée de 7 jours',
    });
  });

  it('tells when an invoice not yet due will get its first reminder', () => {
    expect(nextReminder(levels, invoice(), '2026-02-20')).toEqual({
      none: 'NOT_DUE',
      message: 'Facture non échue (échéance le 01/03/2026)',
      possibleFrom: '2026-03-08',
    });
  });

  it('walks the ladder: level 2 on due + 15, level 3 on due + 30, then nothing more', () => {
    const afterLevel1 = invoice({ lastLevelSent: 1, lastReminderOn: '2026-03-08' });
    expect(reasonOf(nextReminder(levels, afterLevel1, '2026-03-15'))).toBe('NEXT_LEVEL_NOT_REACHED');
    expect(rankOf(nextReminder(levels, afterLevel1, '2026-03-16'))).toBe(2);
    const afterLevel2 = invoice({ lastLevelSent: 2, lastReminderOn: '2026-03-16' });
    expect(rankOf(nextReminder(levels, afterLevel2, '2026-03-30'))).toBeNull();
    const formal = nextReminder(levels, afterLevel2, '2026-03-31');
    expect(rankOf(formal)).toBe(3);
    expect(isReminderDue(formal) && formal.level.formalNotice).toBe(true);
    const afterLevel3 = invoice({ lastLevelSent: 3, lastReminderOn: '2026-03-31' });
    expect(nextReminder(levels, afterLevel3, '2026-06-01')).toEqual({
      none: 'ALL_LEVELS_SENT',
      message: 'Tous les niveaux de relance ont été envoyés (dernier : niveau 3)',
    });
  });

  it('after the job was down 25 days, sends ONE reminder at level 2, not levels 1 and 2', () => {
    // Due 1 March; the job ran last on 28 February and comes back on 26 March (due + 25).
    const decision = nextReminder(levels, invoice(), '2026-03-26');
    expect(decision).toEqual({
      level: levels[1],
      daysLate: 25,
      skippedRanks: [1],
      message: 'Relance niveau 2 (Deuxième relance) : échéance dépassée de 25 jours ; remplace le niveau 1 non envoyé',
    });
    // The next day's run, with level 2 recorded, sends nothing (level 3 is at due + 30).
    const next = nextReminder(levels, invoice({ lastLevelSent: 2, lastReminderOn: '2026-03-26' }), '2026-03-27');
    expect(reasonOf(next)).toBe('NEXT_LEVEL_NOT_REACHED');
  });

  it('catches up straight to the formal notice after a long outage', () => {
    const decision = nextReminder(levels, invoice(), '2026-05-01');
    expect(rankOf(decision)).toBe(3);
    expect(isReminderDue(decision) && decision.skippedRanks).toEqual([1, 2]);
  });

  it('sends level 3 after level 1 when level 2 was missed, and only if the gap allows', () => {
    const afterLevel1 = invoice({ lastLevelSent: 1, lastReminderOn: '2026-03-28' });
    expect(reasonOf(nextReminder(levels, afterLevel1, '2026-03-31'))).toBe('TOO_SOON');
    expect(rankOf(nextReminder(levels, afterLevel1, '2026-04-02'))).toBe(3);
  });

  it('fires a level set at 0 days on the due date itself', () => {
    const onDueDate: DunningLevel[] = [
      { ...levels[0]!, daysAfterDue: 0, name: 'Rappel d’échéance' },
      { ...levels[1]!, daysAfterDue: 10 },
    ];
    const decision = nextReminder(onDueDate, invoice(), DUE);
    expect(rankOf(decision)).toBe(1);
    expect(isReminderDue(decision) && decision.message).toBe('Relance niveau 1 (Rappel d’échéance) : échéance ce jour');
    expect(reasonOf(nextReminder(onDueDate, invoice(), '2026-02-28'))).toBe('NOT_DUE');
  });

  it('does not need the levels sorted', () => {
    expect(rankOf(nextReminder([...levels].reverse(), invoice(), '2026-03-26'))).toBe(2);
  });
});

describe('nextReminder: what holds a reminder back', () => {
  const late = '2026-03-26'; // level 2 reached

  it('PAID: nothing once the open balance is zero or negative', () => {
    expect(nextReminder(levels, invoice({ openBalance: '0.00' }), late)).toEqual({
      none: 'PAID',
      message: 'Facture soldée : rien à relancer',
    });
    expect(reasonOf(nextReminder(levels, invoice({ openBalance: '-10.00' }), late))).toBe('PAID');
    expect(rankOf(nextReminder(levels, invoice({ openBalance: '0.01' }), late))).toBe(2);
  });

  it('DISPUTED: nothing while the invoice is disputed', () => {
    expect(nextReminder(levels, invoice({ disputed: true }), late)).toEqual({
      none: 'DISPUTED',
      message: 'Facture en litige : relances suspendues',
    });
  });

  it('PROMISE: nothing until the promised date included, the right level the day after', () => {
    const promised = invoice({ promiseUntil: '2026-03-31' });
    expect(nextReminder(levels, promised, late)).toEqual({
      none: 'PROMISE',
      message: 'Promesse de paiement jusqu’au 31/03/2026 : relances suspendues',
      possibleFrom: '2026-04-01',
    });
    expect(reasonOf(nextReminder(levels, promised, '2026-03-31'))).toBe('PROMISE');
    expect(rankOf(nextReminder(levels, promised, '2026-04-01'))).toBe(3);
    expect(rankOf(nextReminder(levels, invoice({ promiseUntil: '2026-03-25' }), late))).toBe(2);
  });

  it('DIRECT_DEBIT: nothing while a direct debit is being collected', () => {
    expect(nextReminder(levels, invoice({ directDebitPending: true }), late)).toEqual({
      none: 'DIRECT_DEBIT',
      message: 'Prélèvement SEPA en cours : pas de relance',
    });
  });

  it('TOO_SOON: not within 5 days of the last reminder; allowed again exactly 5 days after', () => {
    const recent = invoice({ lastLevelSent: 1, lastReminderOn: '2026-03-14' });
    expect(nextReminder(levels, recent, '2026-03-16')).toEqual({
      none: 'TOO_SOON',
      message: 'Dernière relance le 14/03/2026 : prochaine possible à partir du 19/03/2026',
      possibleFrom: '2026-03-19',
    });
    expect(reasonOf(nextReminder(levels, recent, '2026-03-18'))).toBe('TOO_SOON');
    expect(rankOf(nextReminder(levels, recent, '2026-03-19'))).toBe(2);
  });

  it('uses the tenant’s minimum gap when given (0: no gap)', () => {
    const recent = invoice({ lastLevelSent: 1, lastReminderOn: '2026-03-14' });
    expect(reasonOf(nextReminder(levels, recent, '2026-03-20', { minimumDaysBetweenReminders: 10 }))).toBe('TOO_SOON');
    expect(rankOf(nextReminder(levels, recent, '2026-03-24', { minimumDaysBetweenReminders: 10 }))).toBe(2);
    expect(rankOf(nextReminder(levels, recent, '2026-03-16', { minimumDaysBetweenReminders: 0 }))).toBe(2);
  });

  it('says PAID before anything else, then NOT_DUE, then the suspensions', () => {
    const everything = invoice({ openBalance: '0.00', disputed: true, directDebitPending: true, promiseUntil: '2026-12-31' });
    expect(reasonOf(nextReminder(levels, everything, late))).toBe('PAID');
    expect(reasonOf(nextReminder(levels, { ...everything, openBalance: '5.00' }, '2026-02-01'))).toBe('NOT_DUE');
    expect(reasonOf(nextReminder(levels, { ...everything, openBalance: '5.00' }, late))).toBe('DISPUTED');
  });
});
