import { describe, expect, it } from 'vitest';
import { Validator } from '../shared/errors';
import { DomainError } from '../shared/errors';
import {
  contractStatus,
  preventiveDueDates,
  rateCardInForce,
  rateCardInForceWithSource,
  validateRateCard,
  validateSla,
  type RateCard,
} from './contract.rules';

const card = (overrides: Partial<RateCard> = {}): RateCard => ({
  labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '45.00',
  travelZones: [],
  partsDiscountPercent: '10',
  includedLabourHoursPerYear: '8',
  travelIncluded: false,
  partsIncluded: false,
  ...overrides,
});

/** The fields a validator complains about ([] when it is happy). */
function problems(fill: (v: Validator) => Validator): string[] {
  try {
    fill(new Validator()).throwIfInvalid();
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return (error.details.fields as { field: string }[]).map((f) => f.field);
  }
}
const rateCardProblems = (c: RateCard) => problems((v) => validateRateCard(c, v));

/** The fields and reason codes a validator complains about. */
function reasons(fill: (v: Validator) => Validator): [string, string][] {
  try {
    fill(new Validator()).throwIfInvalid();
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return (error.details.fields as { field: string; reason: string }[]).map((f) => [f.field, f.reason]);
  }
}

describe('rate cards', () => {
  it('accepts a flat-fee card and a zone card', () => {
    expect(rateCardProblems(card())).toEqual([]);
    expect(
      rateCardProblems(
        card({
          travelPricing: 'ZONE',
          travelFlatFee: null,
          travelZones: [
            { code: 'Z1', label: 'Nantes', fee: '35' },
            { code: 'Z2', label: '15–40 km', fee: '49.50' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(rateCardProblems(card({ partsDiscountPercent: '0', includedLabourHoursPerYear: '0' }))).toEqual([]);
    expect(rateCardProblems(card({ partsDiscountPercent: '100' }))).toEqual([]);
  });

  it.each([
    ['a negative rate', { NORMAL: '-1.00' }],
    ['three decimals', { NORMAL: '68.125' }],
    ['not a number', { NORMAL: 'soixante' }],
  ])('refuses %s for a labour type, naming it', (_label, rates) => {
    expect(rateCardProblems(card({ labourRates: { ...card().labourRates, ...rates } }))).toEqual(['rateCard.labourRates.NORMAL']);
  });

  it('accepts a partial card: any subset of the labour rates, even none', () => {
    expect(rateCardProblems(card({ labourRates: { NORMAL: '62.00' } }))).toEqual([]);
    expect(rateCardProblems(card({ labourRates: {} }))).toEqual([]);
  });

  it.each([
    ['-1.00', 'MUST_BE_POSITIVE'],
    ['58.125', 'TOO_MANY_DECIMALS'],
    ['soixante', 'DECIMAL_EXPECTED'],
    ['1e3', 'DECIMAL_EXPECTED'],
    ['', 'DECIMAL_EXPECTED'],
  ])('refuses the night rate %j with the reason %s', (rate, reason) => {
    expect(reasons((v) => validateRateCard(card({ labourRates: { NORMAL: '62.00', NIGHT: rate } }), v))).toEqual([
      ['rateCard.labourRates.NIGHT', reason],
    ]);
  });

  it('refuses an unknown labour type', () => {
    expect(reasons((v) => validateRateCard(card({ labourRates: { SUNDAY: '90.00' } as unknown as RateCard['labourRates'] }), v))).toEqual([
      ['rateCard.labourRates.SUNDAY', 'UNKNOWN_VALUE'],
    ]);
  });

  it('accepts inclusions per intervention type and refuses bad hours, unknown or repeated types', () => {
    const inclusion = (interventionType: string, includedHours: string) =>
      ({ interventionType, includedHours, travelIncluded: true }) as NonNullable<RateCard['visitInclusions']>[number];
    expect(rateCardProblems(card({ visitInclusions: [inclusion('PREVENTIVE', '2'), inclusion('CORRECTIVE', '0')] }))).toEqual([]);
    expect(
      reasons((v) =>
        validateRateCard(
          card({
            visitInclusions: [inclusion('PREVENTIVE', '1.555'), inclusion('PREVENTIVE', '-2'), inclusion('REPAIR', 'deux')],
          }),
          v,
        ),
      ),
    ).toEqual([
      ['rateCard.visitInclusions[0].includedHours', 'TOO_MANY_DECIMALS'],
      ['rateCard.visitInclusions[1].interventionType', 'INVALID'],
      ['rateCard.visitInclusions[1].includedHours', 'MUST_BE_POSITIVE'],
      ['rateCard.visitInclusions[2].interventionType', 'UNKNOWN_VALUE'],
      ['rateCard.visitInclusions[2].includedHours', 'DECIMAL_EXPECTED'],
    ]);
  });

  it('requires the flat travel fee when travel is flat', () => {
    expect(rateCardProblems(card({ travelFlatFee: null }))).toEqual(['rateCard.travelFlatFee']);
    expect(rateCardProblems(card({ travelFlatFee: '-5' }))).toEqual(['rateCard.travelFlatFee']);
  });

  it('requires zones with a code and a fee, codes unique, when travel is by zone', () => {
    const zone = (code: string, fee: string) => ({ code, label: code, fee });
    expect(rateCardProblems(card({ travelPricing: 'ZONE', travelFlatFee: null, travelZones: [] }))).toEqual(['rateCard.travelZones']);
    expect(rateCardProblems(card({ travelPricing: 'ZONE', travelZones: [zone('Z1', '35'), zone(' ', '40')] }))).toEqual([
      'rateCard.travelZones[1].code',
    ]);
    expect(rateCardProblems(card({ travelPricing: 'ZONE', travelZones: [zone('Z1', '35,50')] }))).toEqual(['rateCard.travelZones[0].fee']);
    expect(rateCardProblems(card({ travelPricing: 'ZONE', travelZones: [zone('Z1', '35'), zone('Z1', '40')] }))).toEqual([
      'rateCard.travelZones',
    ]);
  });

  it('refuses a parts discount outside 0–100 % and a negative number of included hours', () => {
    expect(rateCardProblems(card({ partsDiscountPercent: '100.01' }))).toEqual(['rateCard.partsDiscountPercent']);
    expect(rateCardProblems(card({ partsDiscountPercent: '-5' }))).toEqual(['rateCard.partsDiscountPercent']);
    expect(rateCardProblems(card({ includedLabourHoursPerYear: '-1' }))).toEqual(['rateCard.includedLabourHoursPerYear']);
  });

  it('names every problem of a card at once', () => {
    expect(
      rateCardProblems(
        card({
          labourRates: { NORMAL: '-1', OVERTIME: 'x', NIGHT: '1', WEEKEND_HOLIDAY: '2' },
          travelFlatFee: null,
          partsDiscountPercent: '150',
        }),
      ),
    ).toEqual(['rateCard.labourRates.NORMAL', 'rateCard.labourRates.OVERTIME', 'rateCard.travelFlatFee', 'rateCard.partsDiscountPercent']);
  });
});

describe('SLA targets', () => {
  const slaProblems = (sla: Record<string, number>) => problems((v) => validateSla(sla, v));

  it('accepts whole hours from 1 to 1440 per known priority, and an empty SLA', () => {
    expect(slaProblems({ URGENT: 4, HIGH: 24, NORMAL: 72, LOW: 1440 })).toEqual([]);
    expect(slaProblems({ URGENT: 1 })).toEqual([]);
    expect(slaProblems({})).toEqual([]);
  });

  it.each([0, -4, 1.5, 1441])('refuses %j hours', (hours) => {
    expect(slaProblems({ URGENT: 4, HIGH: hours })).toEqual(['sla.HIGH']);
  });

  it('refuses an unknown priority', () => {
    expect(slaProblems({ CRITICAL: 2 })).toEqual(['sla.CRITICAL']);
  });
});

describe('contract status', () => {
  const contract = { startsOn: '2026-01-01', endsOn: '2026-12-31', tacitRenewal: false, terminatedOn: null };

  it('is a draft before it starts and active from its first to its last day', () => {
    expect(contractStatus(contract, '2025-12-31')).toBe('DRAFT');
    expect(contractStatus(contract, '2026-01-01')).toBe('ACTIVE');
    expect(contractStatus(contract, '2026-12-31')).toBe('ACTIVE');
  });

  it('expires the day after its end unless tacitly renewed', () => {
    expect(contractStatus(contract, '2027-01-01')).toBe('EXPIRED');
    expect(contractStatus({ ...contract, tacitRenewal: true }, '2027-01-01')).toBe('ACTIVE');
    expect(contractStatus({ ...contract, tacitRenewal: true }, '2031-06-30')).toBe('ACTIVE');
  });

  it('is terminated the day after its last day covered, renewal or not', () => {
    const terminated = { ...contract, tacitRenewal: true, terminatedOn: '2026-06-30' };
    expect(contractStatus(terminated, '2026-06-30')).toBe('ACTIVE');
    expect(contractStatus(terminated, '2026-07-01')).toBe('TERMINATED');
    expect(contractStatus(terminated, '2028-01-01')).toBe('TERMINATED');
  });
});

describe('preventive due dates', () => {
  const year = ['2026-01-01', '2026-12-31'] as const;

  it('spreads 1, 2, 4 and 12 visits a year evenly from the start date', () => {
    expect(preventiveDueDates('2025-03-15', 1, ...year)).toEqual(['2026-03-15']);
    expect(preventiveDueDates('2025-03-15', 2, ...year)).toEqual(['2026-03-15', '2026-09-15']);
    expect(preventiveDueDates('2025-03-15', 4, ...year)).toEqual(['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15']);
    expect(preventiveDueDates('2025-03-15', 12, ...year)).toHaveLength(12);
    expect(preventiveDueDates('2025-03-15', 12, '2026-01-01', '2026-03-31')).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
  });

  it('spaces more than 12 visits a year by days: 52 a year is weekly', () => {
    expect(preventiveDueDates('2026-01-05', 52, '2026-01-01', '2026-02-01')).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ]);
    expect(preventiveDueDates('2026-01-05', 52, '2026-01-01', '2026-12-31')).toHaveLength(52);
  });

  it('keeps month ends as month ends (31 January → 28 February → 31 March)', () => {
    expect(preventiveDueDates('2026-01-31', 12, '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('includes both ends of the window', () => {
    expect(preventiveDueDates('2025-03-15', 2, '2026-03-15', '2026-09-15')).toEqual(['2026-03-15', '2026-09-15']);
    expect(preventiveDueDates('2025-03-15', 2, '2026-03-16', '2026-09-14')).toEqual([]);
  });

  it('stops at the contract’s end date', () => {
    expect(preventiveDueDates('2025-03-15', 2, ...year, '2026-09-14')).toEqual(['2026-03-15']);
    expect(preventiveDueDates('2025-03-15', 2, ...year, '2026-09-15')).toEqual(['2026-03-15', '2026-09-15']);
    expect(preventiveDueDates('2025-03-15', 4, ...year, null)).toHaveLength(4);
  });

  it('plans nothing before the contract starts, and from its first day on', () => {
    expect(preventiveDueDates('2027-02-01', 4, ...year)).toEqual([]);
    expect(preventiveDueDates('2026-11-20', 4, '2026-11-01', '2027-03-01')).toEqual(['2026-11-20', '2027-02-20']);
  });
});

describe('rate card in force on a date', () => {
  const at = (normal: string) => card({ labourRates: { ...card().labourRates, NORMAL: normal } });
  const normalRate = (c: RateCard) => c.labourRates.NORMAL;
  // 60 €/h at signature; amendment n° 1 (version 1) raises to 70 from 1 March; n° 2 to 80 from 1 July.
  const amendments = [
    { version: 1, effectiveOn: '2026-03-01', previousTerms: { rateCard: at('60.00') } },
    { version: 2, effectiveOn: '2026-07-01', previousTerms: { rateCard: at('70.00') } },
  ];
  const current = at('80.00');

  it('is the current card without amendments', () => {
    expect(rateCardInForce(current, [], '2020-01-01')).toBe(current);
    expect(rateCardInForceWithSource(current, [], '2020-01-01')).toEqual({ rateCard: current, before: null });
  });

  it('follows several amendments: the new terms apply from their effective date on, included', () => {
    expect(normalRate(rateCardInForce(current, amendments, '2026-07-01'))).toBe('80.00');
    expect(normalRate(rateCardInForce(current, amendments, '2027-05-12'))).toBe('80.00');
    expect(normalRate(rateCardInForce(current, amendments, '2026-06-30'))).toBe('70.00');
    expect(normalRate(rateCardInForce(current, amendments, '2026-03-01'))).toBe('70.00');
    expect(normalRate(rateCardInForce(current, amendments, '2026-02-28'))).toBe('60.00');
  });

  it('gives the oldest terms before every amendment, whatever order the amendments come in', () => {
    expect(normalRate(rateCardInForce(current, amendments, '2025-01-01'))).toBe('60.00');
    expect(normalRate(rateCardInForce(current, [...amendments].reverse(), '2025-01-01'))).toBe('60.00');
    expect(normalRate(rateCardInForce(current, [...amendments].reverse(), '2026-04-15'))).toBe('70.00');
  });

  it('names the amendment the terms date from before', () => {
    expect(rateCardInForceWithSource(current, amendments, '2026-07-01').before).toBeNull();
    expect(rateCardInForceWithSource(current, amendments, '2026-04-15').before).toBe(amendments[1]);
    expect(rateCardInForceWithSource(current, amendments, '2026-02-01').before).toBe(amendments[0]);
  });

  it('lets a later amendment effective earlier than a previous one override it from its own date on', () => {
    // n° 1 (made first) raises to 70 from 1 July; n° 2 (made later) sets 80 from 1 March already.
    const backdated = [
      { version: 1, effectiveOn: '2026-07-01', previousTerms: { rateCard: at('60.00') } },
      { version: 2, effectiveOn: '2026-03-01', previousTerms: { rateCard: at('70.00') } },
    ];
    expect(normalRate(rateCardInForce(current, backdated, '2026-09-01'))).toBe('80.00');
    expect(normalRate(rateCardInForce(current, backdated, '2026-04-15'))).toBe('80.00');
    expect(normalRate(rateCardInForce(current, backdated, '2026-03-01'))).toBe('80.00');
    expect(normalRate(rateCardInForce(current, backdated, '2026-02-28'))).toBe('60.00');
    // 60 €/h stopped applying on 1 March, the date of n° 2.
    expect(rateCardInForceWithSource(current, backdated, '2026-02-28').before).toBe(backdated[1]);
  });

  it('keeps the newer card when an amendment did not record a rate card', () => {
    expect(normalRate(rateCardInForce(current, [{ version: 1, effectiveOn: '2026-03-01', previousTerms: {} }], '2026-01-01'))).toBe(
      '80.00',
    );
  });
});
