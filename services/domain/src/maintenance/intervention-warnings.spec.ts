import { describe, expect, it } from 'vitest';
import { computeWarnings, type WarnedJob } from './intervention.service';

// Plain rows, as the dispatch board reads them: the warnings need no entity.
const job = (id: string, start: string, end: string, extra: Partial<WarnedJob> = {}): WarnedJob => ({
  id,
  status: 'SCHEDULED',
  scheduledStart: new Date(start),
  scheduledEnd: new Date(end),
  requiredSkills: [],
  dueBy: null,
  ...extra,
});
const technician = {
  id: 't1',
  fullName: 'Théo Le Floch',
  skills: ['CVC'],
  workDayStart: '08:00',
  workDayEnd: '17:00',
  workDays: [1, 2, 3, 4, 5],
};

describe('warnings of the board’s jobs, from what the board read', () => {
  it('warns each job of the overlap with the other, of the absence and of the missing skill, and leaves requests alone', () => {
    // Monday 23 November 2026, Paris (UTC+1): 09:00–11:00 and 10:00–12:00.
    const first = job('a', '2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z', { requiredSkills: ['GAZ'] });
    const second = job('b', '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z');
    const request = job('c', '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z', { status: 'REQUESTED' });
    const warnings = computeWarnings([first, second, request], {
      technicianIdsOf: (id) => (id === 'c' ? [] : ['t1']),
      technicians: [technician],
      jobs: [first, second].map((j) => ({
        technicianId: 't1',
        id: j.id,
        number: `I-${j.id}`,
        start: j.scheduledStart!,
        end: j.scheduledEnd!,
      })),
      absences: [
        { technicianId: 't1', startsAt: new Date('2026-11-23T10:30:00Z'), endsAt: new Date('2026-11-23T12:00:00Z'), reason: 'Médecin' },
      ],
    });
    expect(warnings.get('a')!.map((w) => [w.kind, w.message])).toEqual([
      ['OVERLAP', 'Théo Le Floch est déjà sur I-b à ce moment'],
      ['MISSING_SKILL', 'Théo Le Floch n’a pas : GAZ'],
    ]);
    expect(warnings.get('b')!.map((w) => [w.kind, w.message])).toEqual([
      ['OVERLAP', 'Théo Le Floch est déjà sur I-a à ce moment'],
      ['ABSENCE', 'Théo Le Floch est absent (Médecin)'],
    ]);
    expect(warnings.get('c')).toEqual([]);
  });

  it('warns of a job outside the technician’s hours in Paris time and of a start past the deadline', () => {
    // Saturday 28 November 2026, 18:00–19:00 in Paris.
    const late = job('d', '2026-11-28T17:00:00Z', '2026-11-28T18:00:00Z', { dueBy: new Date('2026-11-27T12:00:00Z') });
    const warnings = computeWarnings([late], { technicianIdsOf: () => ['t1'], technicians: [technician], jobs: [], absences: [] });
    expect(warnings.get('d')!.map((w) => w.kind)).toEqual(['OUTSIDE_WORKING_HOURS', 'SLA_BREACH']);
  });
});
