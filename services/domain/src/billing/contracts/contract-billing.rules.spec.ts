import { describe, expect, it } from 'vitest';
import {
  contractSchedule,
  currentTermEnd,
  noticeDeadline,
  periodsBetween,
  prorate,
  renewalNoticeWindow,
  renewalState,
  revisedAmount,
  revisionCoefficient,
  revisionInForce,
  type Indexation,
} from './contract-billing.rules';

describe('billing periods', () => {
  it('aligns quarters on the anchor and clips the first and last', () => {
    const periods = periodsBetween('2026-01-01', 'QUARTERLY', '2026-02-15', '2026-08-10');
    expect(periods.map((p) => [p.start, p.end, p.days, p.fullDays])).toEqual([
      ['2026-02-15', '2026-03-31', 45, 90],
      ['2026-04-01', '2026-06-30', 91, 91],
      ['2026-07-01', '2026-08-10', 41, 92],
    ]);
  });

  it('keeps a start on the 31st on month ends, never drifting to the 28th', () => {
    const periods = periodsBetween('2026-01-31', 'MONTHLY', '2026-01-31', '2026-05-29');
    expect(periods.map((p) => [p.fullStart, p.fullEnd])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
  });

  it('counts 29 February in leap years', () => {
    const [feb] = periodsBetween('2028-01-01', 'MONTHLY', '2028-02-01', '2028-02-29');
    expect(feb).toMatchObject({ days: 29, fullDays: 29 });
    const [year] = periodsBetween('2028-01-01', 'YEARLY', '2028-01-01', '2028-12-31');
    expect(year!.fullDays).toBe(366);
    // A yearly fee from 1 March 2027 crosses 29 February 2028.
    const [crossing] = periodsBetween('2027-03-01', 'YEARLY', '2027-03-01', '2028-02-29');
    expect(crossing!.fullDays).toBe(366);
  });

  it('finds the period of a date before the anchor', () => {
    const [p] = periodsBetween('2026-07-01', 'HALF_YEARLY', '2026-03-10', '2026-03-10');
    expect([p!.fullStart, p!.fullEnd]).toEqual(['2026-01-01', '2026-06-30']);
  });
});

describe('proration', () => {
  it('bills days over the full period, half up to the cent', () => {
    expect(prorate('300.00', 45, 90)).toBe('150.00');
    expect(prorate('100.00', 1, 3)).toBe('33.33');
    expect(prorate('100.00', 2, 3)).toBe('66.67');
    expect(prorate('0.05', 1, 2)).toBe('0.03');
    expect(prorate('1200.00', 29, 29)).toBe('1200.00');
    expect(prorate('1000.00', 1, 366)).toBe('2.73');
  });
});

describe('contract schedule', () => {
  const span = { startsOn: '2026-01-15', endsOn: '2026-12-31', tacitRenewal: true, terminatedOn: null };

  it('bills from the start, each terms version under its own rhythm, up to the horizon', () => {
    const schedule = contractSchedule(
      span,
      [
        { effectiveOn: '2026-01-01', rhythm: 'QUARTERLY', timing: 'ADVANCE', anchorDate: '2026-01-01' },
        { effectiveOn: '2026-07-01', rhythm: 'MONTHLY', timing: 'ARREARS', anchorDate: '2026-07-01' },
      ],
      '2026-08-15',
    );
    expect(schedule.map((p) => [p.termsIndex, p.start, p.end, p.days, p.fullDays, p.dueOn])).toEqual([
      [0, '2026-01-15', '2026-03-31', 76, 90, '2026-01-15'],
      [0, '2026-04-01', '2026-06-30', 91, 91, '2026-04-01'],
      [1, '2026-07-01', '2026-07-31', 31, 31, '2026-07-31'],
      [1, '2026-08-01', '2026-08-31', 31, 31, '2026-08-31'],
    ]);
  });

  it('stops at the termination, prorating the last period', () => {
    const schedule = contractSchedule(
      { ...span, terminatedOn: '2026-05-20' },
      [{ effectiveOn: '2026-01-15', rhythm: 'QUARTERLY', timing: 'ADVANCE', anchorDate: '2026-01-01' }],
      '2027-01-01',
    );
    expect(schedule.map((p) => [p.start, p.end, p.days])).toEqual([
      ['2026-01-15', '2026-03-31', 76],
      ['2026-04-01', '2026-05-20', 50],
    ]);
  });

  it('stops at the end of a contract that does not renew', () => {
    const schedule = contractSchedule(
      { ...span, tacitRenewal: false },
      [{ effectiveOn: '2026-01-15', rhythm: 'HALF_YEARLY', timing: 'ARREARS', anchorDate: '2026-01-15' }],
      '2030-01-01',
    );
    expect(schedule.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-15', '2026-07-14'],
      ['2026-07-15', '2026-12-31'],
    ]);
  });
});

describe('revision formula', () => {
  const syntec: Indexation = {
    seriesCode: 'SYNTEC',
    fixedPart: '0.15',
    variablePart: '0.85',
    baseValue: '287.5',
    basePeriod: '2024-10-01',
    firstRevisionOn: '2026-01-01',
    floor: null,
    cap: null,
  };

  it('applies from each anniversary with I one more year after I0', () => {
    expect(revisionInForce(syntec, '2025-12-01')).toBeNull();
    expect(revisionInForce(syntec, '2026-01-01')).toEqual({ revisionOn: '2026-01-01', referencePeriod: '2025-10-01' });
    expect(revisionInForce(syntec, '2026-12-31')).toEqual({ revisionOn: '2026-01-01', referencePeriod: '2025-10-01' });
    expect(revisionInForce(syntec, '2027-01-01')).toEqual({ revisionOn: '2027-01-01', referencePeriod: '2026-10-01' });
    // I0 of June 2025 and a first revision six months later: the newest June before it is I0's own.
    const june = { basePeriod: '2025-06-01', firstRevisionOn: '2026-01-01' };
    expect(revisionInForce(june, '2026-01-01')).toEqual({ revisionOn: '2026-01-01', referencePeriod: '2025-06-01' });
    expect(revisionInForce({ ...june, firstRevisionOn: '2026-07-01' }, '2026-07-01')!.referencePeriod).toBe('2026-06-01');
  });

  it('rounds the coefficient to 5 decimals and the fee half up to the cent', () => {
    // 0.15 + 0.85 × 296.1 / 287.5 = 1.02542608… → 1.02543
    const c = revisionCoefficient(syntec, '296.1');
    expect(c).toBe('1.02543');
    expect(revisedAmount('1200.00', c)).toBe('1230.52'); // 1230.516
    expect(revisedAmount('100.10', '1.00005')).toBe('100.11'); // 100.105005 → half up
    expect(revisedAmount('100.00', '1.00005')).toBe('100.01'); // 100.005 exactly → half up
  });

  it('holds the coefficient between the floor and the cap', () => {
    expect(revisionCoefficient({ ...syntec, floor: '1.00000' }, '280')).toBe('1.00000');
    expect(revisionCoefficient({ ...syntec, cap: '1.02' }, '310')).toBe('1.02000');
    expect(revisionCoefficient({ ...syntec, floor: '1', cap: '1.03' }, '290')).toBe('1.00739');
  });
});

describe('renewal deadlines', () => {
  const contract = {
    startsOn: '2025-03-01',
    endsOn: '2026-02-28',
    tacitRenewal: true,
    terminatedOn: null,
    noticeDays: 90,
    renewalTermMonths: 12,
    isConsumer: false,
  };

  it('follows the terms renewal after renewal', () => {
    expect(currentTermEnd(contract, '2026-01-10')).toBe('2026-02-28');
    expect(currentTermEnd(contract, '2026-03-01')).toBe('2027-02-28');
    expect(currentTermEnd(contract, '2028-02-29')).toBe('2028-02-29');
    expect(currentTermEnd(contract, '2028-03-01')).toBe('2029-02-28');
    expect(currentTermEnd({ ...contract, tacitRenewal: false }, '2026-03-01')).toBeNull();
  });

  it('gives the notice deadline and when to tell the customer', () => {
    expect(noticeDeadline('2027-02-28', 90)).toBe('2026-11-30');
    expect(renewalNoticeWindow('2026-11-30', false, 30)).toEqual({ from: '2026-10-31', until: '2026-11-30' });
    // L215-1: a consumer is told between three months and one month before the deadline.
    expect(renewalNoticeWindow('2026-11-30', true, 30)).toEqual({ from: '2026-08-30', until: '2026-10-30' });
  });

  it('states where the contract stands', () => {
    expect(renewalState(contract, [], '2026-10-01', 30).state).toBe('RUNNING');
    expect(renewalState(contract, [], '2026-11-02', 30)).toEqual({ state: 'TO_RENEW', termEnd: '2027-02-28', deadline: '2026-11-30' });
    expect(renewalState(contract, ['2027-02-28'], '2026-11-02', 30).state).toBe('NOTICE_SENT');
    expect(renewalState({ ...contract, isConsumer: true }, [], '2026-09-01', 30).state).toBe('TO_RENEW');
    expect(renewalState({ ...contract, terminatedOn: '2027-02-28' }, [], '2026-11-02', 30).state).toBe('TERMINATED');
    expect(renewalState({ ...contract, tacitRenewal: false }, [], '2026-03-02', 30).state).toBe('EXPIRED');
    // Past the deadline the running term renews: the next decision is a term later.
    expect(renewalState(contract, [], '2026-12-01', 30)).toEqual({ state: 'RUNNING', termEnd: '2028-02-29', deadline: '2027-12-01' });
    expect(renewalState(contract, [], '2027-11-01', 30)).toEqual({ state: 'TO_RENEW', termEnd: '2028-02-29', deadline: '2027-12-01' });
  });
});
