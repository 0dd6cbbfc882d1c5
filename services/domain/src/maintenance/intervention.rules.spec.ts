import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  INTERVENTION_STATUSES,
  assertReadyToComplete,
  assertTransition,
  canTransition,
  closeOutcome,
  closesOnCompletion,
  scheduleWarnings,
  slaDeadline,
  totalHours,
  validateReport,
  type InterventionStatus,
  type ReportInput,
  type TechnicianAvailability,
} from './intervention.rules';

/** The lifecycle of the issue, written out independently of the implementation's table. */
const ALLOWED: Record<InterventionStatus, InterventionStatus[]> = {
  REQUESTED: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['SCHEDULED', 'REQUESTED', 'IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: ['INVOICED'],
  INVOICED: ['CLOSED'],
  CANCELLED: [],
};

const pairs = INTERVENTION_STATUSES.flatMap((from) => INTERVENTION_STATUSES.map((to) => [from, to] as const));
const allowedPairs = pairs.filter(([from, to]) => ALLOWED[from].includes(to));
const refusedPairs = pairs.filter(([from, to]) => !ALLOWED[from].includes(to));

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const fieldsOf = (fn: () => void) => (thrown(fn).details.fields as { field: string }[]).map((f) => f.field);

describe('intervention lifecycle', () => {
  it('has 12 allowed moves and 37 refused ones among the 7 states', () => {
    expect(allowedPairs).toHaveLength(12);
    expect(refusedPairs).toHaveLength(37);
  });

  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(refusedPairs)('refuses %s → %s with INVALID_TRANSITION naming both states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = thrown(() => assertTransition(from, to));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.category).toBe('CONFLICT');
    expect(error.details).toMatchObject({ from, to, allowed: ALLOWED[from] });
  });

  it('says in French what cannot happen', () => {
    expect(thrown(() => assertTransition('CLOSED', 'IN_PROGRESS')).message).toBe(
      'Une intervention clôturée ne peut pas passer à l’état « en cours »',
    );
  });
});

describe('SLA deadlines', () => {
  const requestedAt = new Date('2026-11-23T10:00:00Z');

  it.each([
    ['URGENT', '2026-11-23T14:00:00.000Z'],
    ['HIGH', '2026-11-24T10:00:00.000Z'],
    ['NORMAL', '2026-11-26T10:00:00.000Z'],
    ['LOW', '2026-11-30T10:00:00.000Z'],
  ] as const)('defaults to the standard delay for %s', (priority, deadline) => {
    expect(slaDeadline(requestedAt, priority).toISOString()).toBe(deadline);
  });

  it('uses the contract’s targets and falls back to the default for priorities the contract does not name', () => {
    expect(slaDeadline(requestedAt, 'HIGH', { HIGH: 8 }).toISOString()).toBe('2026-11-23T18:00:00.000Z');
    expect(slaDeadline(requestedAt, 'NORMAL', { HIGH: 8 }).toISOString()).toBe('2026-11-26T10:00:00.000Z');
  });

  it('counts elapsed hours across the DST change, not wall-clock hours', () => {
    // 24 h after Saturday 24 October 2026, 12:00 Paris (CEST) is Sunday 11:00 Paris (CET).
    expect(slaDeadline(new Date('2026-10-24T10:00:00Z'), 'HIGH').toISOString()).toBe('2026-10-25T10:00:00.000Z');
  });
});

describe('scheduling warnings', () => {
  const tech = (overrides: Partial<TechnicianAvailability> = {}): TechnicianAvailability => ({
    id: 't1',
    fullName: 'Théo Le Floch',
    skills: ['CVC', 'FLUIDES_CAT1'],
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
    absences: [],
    jobs: [],
    ...overrides,
  });
  // Tuesday 24 November 2026 (CET, UTC+1): 09:00–11:00 in Paris.
  const slot = (
    start = '2026-11-24T08:00:00Z',
    end = '2026-11-24T10:00:00Z',
    extra: { requiredSkills?: string[]; dueBy?: Date | null } = {},
  ) => ({
    start: new Date(start),
    end: new Date(end),
    requiredSkills: extra.requiredSkills ?? ['CVC'],
    dueBy: extra.dueBy ?? null,
  });
  const kinds = (warnings: { kind: string }[]) => warnings.map((w) => w.kind);

  it('has nothing to say about a slot inside the working day of a free, qualified technician', () => {
    expect(scheduleWarnings(slot(), [tech()])).toEqual([]);
  });

  it('warns of an overlap with another job of the technician, naming it', () => {
    const warnings = scheduleWarnings(slot(), [
      tech({ jobs: [{ number: 'I-2026-00042', start: new Date('2026-11-24T09:30:00Z'), end: new Date('2026-11-24T11:00:00Z') }] }),
    ]);
    expect(warnings).toEqual([{ kind: 'OVERLAP', technicianId: 't1', message: 'Théo Le Floch est déjà sur I-2026-00042 à ce moment' }]);
  });

  it('does not count back-to-back jobs as overlapping', () => {
    const jobs = [
      { number: 'I-2026-00001', start: new Date('2026-11-24T07:00:00Z'), end: new Date('2026-11-24T08:00:00Z') },
      { number: 'I-2026-00002', start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T11:00:00Z') },
    ];
    expect(scheduleWarnings(slot(), [tech({ jobs })])).toEqual([]);
  });

  it('warns when the technician is absent, with the reason', () => {
    const absences = [{ startsAt: new Date('2026-11-23T23:00:00Z'), endsAt: new Date('2026-11-24T23:00:00Z'), reason: 'Congés payés' }];
    expect(scheduleWarnings(slot(), [tech({ absences })])).toEqual([
      { kind: 'ABSENCE', technicianId: 't1', message: 'Théo Le Floch est absent (Congés payés)' },
    ]);
  });

  it('ignores an absence that ended before the slot', () => {
    const absences = [{ startsAt: new Date('2026-11-23T07:00:00Z'), endsAt: new Date('2026-11-24T08:00:00Z'), reason: 'RTT' }];
    expect(scheduleWarnings(slot(), [tech({ absences })])).toEqual([]);
  });

  it.each([
    ['starts before the working day (07:30)', '2026-11-24T06:30:00Z', '2026-11-24T08:00:00Z'],
    ['ends after the working day (17:30)', '2026-11-24T14:00:00Z', '2026-11-24T16:30:00Z'],
    ['falls on a Saturday', '2026-11-28T08:00:00Z', '2026-11-28T10:00:00Z'],
    ['runs over two days', '2026-11-24T15:00:00Z', '2026-11-25T09:00:00Z'],
  ])('warns when the slot %s', (_label, start, end) => {
    expect(scheduleWarnings(slot(start, end), [tech()])).toEqual([
      { kind: 'OUTSIDE_WORKING_HOURS', technicianId: 't1', message: 'Hors des horaires de Théo Le Floch (08:00–17:00)' },
    ]);
  });

  it('accepts a slot filling the working day exactly, 08:00 to 17:00', () => {
    expect(scheduleWarnings(slot('2026-11-24T07:00:00Z', '2026-11-24T16:00:00Z'), [tech()])).toEqual([]);
  });

  it('reads working hours in Paris time on both sides of the spring DST change', () => {
    // Friday 27 March 2026 is CET (UTC+1): 06:00Z is 07:00 in Paris, too early.
    expect(kinds(scheduleWarnings(slot('2026-03-27T06:00:00Z', '2026-03-27T08:00:00Z'), [tech()]))).toEqual(['OUTSIDE_WORKING_HOURS']);
    // Monday 30 March 2026 is CEST (UTC+2): 06:00Z is 08:00 in Paris, on time.
    expect(scheduleWarnings(slot('2026-03-30T06:00:00Z', '2026-03-30T08:00:00Z'), [tech()])).toEqual([]);
    // …and 15:00Z is 17:00: a job ending then is inside the day.
    expect(scheduleWarnings(slot('2026-03-30T13:00:00Z', '2026-03-30T15:00:00Z'), [tech()])).toEqual([]);
  });

  it('reads working hours in Paris time on both sides of the autumn DST change', () => {
    // Friday 23 October 2026, CEST: 06:00Z is 08:00.
    expect(scheduleWarnings(slot('2026-10-23T06:00:00Z', '2026-10-23T08:00:00Z'), [tech()])).toEqual([]);
    // Monday 26 October 2026, CET: 06:00Z is 07:00, too early; 16:00Z is 17:00, fine.
    expect(kinds(scheduleWarnings(slot('2026-10-26T06:00:00Z', '2026-10-26T08:00:00Z'), [tech()]))).toEqual(['OUTSIDE_WORKING_HOURS']);
    expect(scheduleWarnings(slot('2026-10-26T14:00:00Z', '2026-10-26T16:00:00Z'), [tech()])).toEqual([]);
  });

  it('uses the time zone it is given', () => {
    // 08:00Z on Tuesday is 03:00 in New York.
    expect(kinds(scheduleWarnings(slot(), [tech()], 'America/New_York'))).toEqual(['OUTSIDE_WORKING_HOURS']);
  });

  it('lists the skills the technician lacks', () => {
    expect(scheduleWarnings(slot(undefined, undefined, { requiredSkills: ['FLUIDES_CAT1', 'GAZ', 'SSI'] }), [tech()])).toEqual([
      { kind: 'MISSING_SKILL', technicianId: 't1', message: 'Théo Le Floch n’a pas : GAZ, SSI' },
    ]);
  });

  it('warns when the planned start is after the SLA deadline, not when it is on it', () => {
    const late = scheduleWarnings(slot(undefined, undefined, { dueBy: new Date('2026-11-24T07:59:59Z') }), [tech()]);
    expect(late).toEqual([{ kind: 'SLA_BREACH', message: 'Le début prévu dépasse le délai contractuel d’intervention' }]);
    expect(scheduleWarnings(slot(undefined, undefined, { dueBy: new Date('2026-11-24T08:00:00Z') }), [tech()])).toEqual([]);
  });

  it('checks every assigned technician separately and collects everything', () => {
    const other = tech({
      id: 't2',
      fullName: 'Maëlle Quéré',
      skills: ['SSI'],
      workDayStart: '09:30',
      absences: [{ startsAt: new Date('2026-11-24T00:00:00Z'), endsAt: new Date('2026-11-24T12:00:00Z'), reason: 'Formation' }],
    });
    const warnings = scheduleWarnings(slot(undefined, undefined, { dueBy: new Date('2026-11-24T07:00:00Z') }), [tech(), other]);
    expect(warnings.map((w) => [w.kind, w.technicianId ?? null])).toEqual([
      ['ABSENCE', 't2'],
      ['OUTSIDE_WORKING_HOURS', 't2'],
      ['MISSING_SKILL', 't2'],
      ['SLA_BREACH', null],
    ]);
  });
});

describe('the technician’s report', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const valid = (): ReportInput => ({
    labour: [{ technicianId: 't1', workDate: '2026-11-24', hours: '2.50', labourType: 'NORMAL' }],
    travelCount: 1,
    parts: [
      { catalogItemId: 'filter', quantity: '2' },
      { catalogItemId: 'detector', quantity: '1', serialNumber: 'DET-001' },
    ],
    photos: [{ caption: 'Avant', dataUrl: PNG }],
    signerName: 'Mme Durand',
    signatureDataUrl: PNG,
  });
  const tracked = new Set(['detector']);

  it('accepts a complete report, and one without signature yet', () => {
    expect(() => validateReport(valid(), tracked)).not.toThrow();
    expect(() => validateReport({ ...valid(), signerName: null, signatureDataUrl: null }, tracked)).not.toThrow();
    expect(() => validateReport({ ...valid(), labour: [{ ...valid().labour[0]!, hours: '24' }], travelCount: 20 }, tracked)).not.toThrow();
    expect(() => validateReport({ ...valid(), labour: [{ ...valid().labour[0]!, hours: '0.01' }], travelCount: 0 }, tracked)).not.toThrow();
  });

  const withLabour = (change: Partial<ReportInput['labour'][number]>) => ({
    ...valid(),
    labour: [valid().labour[0]!, { ...valid().labour[0]!, ...change }],
  });

  it.each(['0', '-1', '24.01', '1.234', 'deux', ''])('refuses %j hours, naming the line', (hours) => {
    expect(fieldsOf(() => validateReport(withLabour({ hours }), tracked))).toEqual(['labour[1].hours']);
  });

  it.each(['2026-02-30', '24/11/2026', '2026-11-24T08:00'])('refuses the work date %j', (workDate) => {
    expect(fieldsOf(() => validateReport(withLabour({ workDate }), tracked))).toEqual(['labour[1].workDate']);
  });

  it('refuses an unknown labour type', () => {
    expect(fieldsOf(() => validateReport(withLabour({ labourType: 'SUNDAY' }), tracked))).toEqual(['labour[1].labourType']);
  });

  it.each([-1, 1.5, 21])('refuses %j travels', (travelCount) => {
    expect(fieldsOf(() => validateReport({ ...valid(), travelCount }, tracked))).toEqual(['travelCount']);
  });

  it.each(['0', '-2', '1.005', 'beaucoup'])('refuses a part quantity of %j', (quantity) => {
    expect(fieldsOf(() => validateReport({ ...valid(), parts: [{ catalogItemId: 'filter', quantity }] }, tracked))).toEqual([
      'parts[0].quantity',
    ]);
  });

  it.each([undefined, null, '   '])('requires a serial number for a tracked part (given %j)', (serialNumber) => {
    expect(
      fieldsOf(() => validateReport({ ...valid(), parts: [{ catalogItemId: 'detector', quantity: '1', serialNumber }] }, tracked)),
    ).toEqual(['parts[0].serialNumber']);
  });

  it('does not require a serial number for an untracked part', () => {
    expect(() =>
      validateReport({ ...valid(), parts: [{ catalogItemId: 'filter', quantity: '1', serialNumber: null }] }, tracked),
    ).not.toThrow();
  });

  it('refuses a photo that is not a PNG, JPEG or WebP image, and one over 2.8 million characters', () => {
    expect(fieldsOf(() => validateReport({ ...valid(), photos: [{ dataUrl: 'data:image/gif;base64,R0lGODlh' }] }, tracked))).toEqual([
      'photos[0].dataUrl',
    ]);
    expect(fieldsOf(() => validateReport({ ...valid(), photos: [{ dataUrl: 'https://example.com/photo.png' }] }, tracked))).toEqual([
      'photos[0].dataUrl',
    ]);
    const heavy = `data:image/jpeg;base64,${'A'.repeat(2_800_001)}`;
    expect(fieldsOf(() => validateReport({ ...valid(), photos: [{ dataUrl: PNG }, { dataUrl: heavy }] }, tracked))).toEqual([
      'photos[1].dataUrl',
    ]);
  });

  it('refuses a signature that is not a PNG or SVG image, and a signature without the signer’s name', () => {
    expect(fieldsOf(() => validateReport({ ...valid(), signatureDataUrl: 'data:image/jpeg;base64,AAAA' }, tracked))).toEqual([
      'signatureDataUrl',
    ]);
    expect(fieldsOf(() => validateReport({ ...valid(), signerName: '  ' }, tracked))).toEqual(['signerName']);
    expect(() => validateReport({ ...valid(), signatureDataUrl: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }, tracked)).not.toThrow();
  });

  it('names every problem at once in one VALIDATION_FAILED error', () => {
    const error = thrown(() =>
      validateReport(
        {
          ...valid(),
          labour: [{ technicianId: 't1', workDate: 'hier', hours: '0', labourType: 'NORMAL' }],
          travelCount: -1,
          parts: [{ catalogItemId: 'detector', quantity: '0' }],
        },
        tracked,
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.category).toBe('BAD_USER_INPUT');
    expect((error.details.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'labour[0].hours',
      'labour[0].workDate',
      'travelCount',
      'parts[0].quantity',
      'parts[0].serialNumber',
    ]);
  });
});

describe('completing a job', () => {
  it('needs at least one labour line and the customer’s signature', () => {
    expect(() =>
      assertReadyToComplete({ labourCount: 1, signerName: 'M. Martin', signatureDataUrl: 'data:image/png;base64,AA==' }),
    ).not.toThrow();
    expect(
      fieldsOf(() => assertReadyToComplete({ labourCount: 0, signerName: 'M. Martin', signatureDataUrl: 'data:image/png;base64,AA==' })),
    ).toEqual(['labour']);
    expect(
      fieldsOf(() => assertReadyToComplete({ labourCount: 2, signerName: null, signatureDataUrl: 'data:image/png;base64,AA==' })),
    ).toEqual(['signature']);
    expect(fieldsOf(() => assertReadyToComplete({ labourCount: 2, signerName: 'M. Martin', signatureDataUrl: null }))).toEqual([
      'signature',
    ]);
    expect(fieldsOf(() => assertReadyToComplete({ labourCount: 0, signerName: null, signatureDataUrl: null }))).toEqual([
      'labour',
      'signature',
    ]);
  });
});

describe('total hours', () => {
  it('adds decimal hours exactly, to the cent', () => {
    expect(totalHours([{ hours: '0.1' }, { hours: '0.2' }])).toBe('0.30');
    expect(totalHours([{ hours: '1.25' }, { hours: '2.5' }, { hours: '0.33' }])).toBe('4.08');
    expect(totalHours([{ hours: '7.99' }, { hours: '0.01' }])).toBe('8.00');
    expect(totalHours([])).toBe('0.00');
  });
});

describe('closing in bulk and by itself', () => {
  const finished = { number: 'I-2026-00042', status: 'COMPLETED' as InterventionStatus, signed: true, customerReservations: null };

  it('closes a finished job signed without reservations', () => {
    expect(closeOutcome(finished)).toEqual({ kind: 'CLOSE' });
  });

  it('leaves closed and invoiced jobs as they are: closing again changes nothing', () => {
    expect(closeOutcome({ ...finished, status: 'CLOSED' })).toEqual({ kind: 'ALREADY_CLOSED' });
    expect(closeOutcome({ ...finished, status: 'INVOICED' })).toEqual({ kind: 'ALREADY_CLOSED' });
  });

  it('refuses every job not finished, naming its state', () => {
    for (const status of ['REQUESTED', 'SCHEDULED', 'IN_PROGRESS', 'CANCELLED'] as const) {
      expect(closeOutcome({ ...finished, status })).toMatchObject({ kind: 'REFUSED', refusal: 'NOT_COMPLETED' });
    }
    expect(closeOutcome({ ...finished, status: 'IN_PROGRESS' })).toMatchObject({ message: 'I-2026-00042 n’est pas terminée (en cours)' });
  });

  it('refuses a finished job whose signature was taken off the report', () => {
    expect(closeOutcome({ ...finished, signed: false })).toMatchObject({ kind: 'REFUSED', refusal: 'SIGNATURE_MISSING' });
  });

  it('leaves a job with the customer’s reservations to be closed one by one; blank reservations are none', () => {
    expect(closeOutcome({ ...finished, customerReservations: 'Bruit au redémarrage' })).toMatchObject({
      kind: 'REFUSED',
      refusal: 'CUSTOMER_RESERVATIONS',
    });
    expect(closeOutcome({ ...finished, customerReservations: '   ' })).toEqual({ kind: 'CLOSE' });
  });

  it('closes itself at completion only with « Clôture automatique » on, signed and without reservations', () => {
    expect(closesOnCompletion(true, finished)).toBe(true);
    expect(closesOnCompletion(false, finished)).toBe(false);
    expect(closesOnCompletion(true, { ...finished, signed: false })).toBe(false);
    expect(closesOnCompletion(true, { ...finished, customerReservations: 'Fuite à surveiller' })).toBe(false);
  });
});
