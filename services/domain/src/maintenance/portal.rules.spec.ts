import { describe, expect, it } from 'vitest';
import { INTERVENTION_STATUSES } from './intervention.rules';
import {
  breakdownTitle,
  firstName,
  hasVisitReport,
  isPortalVisit,
  portalRequestStatus,
  portalVisitDate,
  portalVisitKind,
  portalVisitStatus,
  validateBreakdown,
} from './portal.rules';
import type { DomainError } from '../shared/errors';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const fieldsOf = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return ((error as DomainError).details.fields as { field: string; reason: string }[]).map((f) => `${f.field}:${f.reason}`);
  }
  return [];
};

describe('what the portal shows of a job', () => {
  it('names a request’s state in the customer’s words', () => {
    expect(Object.fromEntries(INTERVENTION_STATUSES.map((s) => [s, portalRequestStatus(s)]))).toEqual({
      REQUESTED: 'RECEIVED',
      SCHEDULED: 'SCHEDULED',
      IN_PROGRESS: 'IN_PROGRESS',
      COMPLETED: 'DONE',
      CLOSED: 'DONE',
      INVOICED: 'DONE',
      CANCELLED: 'CANCELLED',
    });
  });

  it('names a visit’s state without the office’s closing and invoicing', () => {
    expect(Object.fromEntries(INTERVENTION_STATUSES.map((s) => [s, portalVisitStatus(s)]))).toEqual({
      REQUESTED: 'PLANNED',
      SCHEDULED: 'PLANNED',
      IN_PROGRESS: 'IN_PROGRESS',
      COMPLETED: 'DONE',
      CLOSED: 'DONE',
      INVOICED: 'DONE',
      CANCELLED: 'CANCELLED',
    });
    expect(isPortalVisit('REQUESTED')).toBe(false);
    expect(isPortalVisit('SCHEDULED')).toBe(true);
  });

  it('calls inspections preventive and installations corrective', () => {
    expect(['PREVENTIVE', 'INSPECTION', 'CORRECTIVE', 'INSTALLATION'].map((t) => portalVisitKind(t as 'PREVENTIVE'))).toEqual([
      'PREVENTIVE',
      'PREVENTIVE',
      'CORRECTIVE',
      'CORRECTIVE',
    ]);
  });

  it('gives technicians by first name only', () => {
    expect(firstName('Théo Le Floch')).toBe('Théo');
    expect(firstName('  Jean-Marc   Durand ')).toBe('Jean-Marc');
    expect(firstName('Maëlle')).toBe('Maëlle');
  });

  it('dates a visit on the day it was done in Paris, else the day planned, else the day asked', () => {
    const requestedAt = new Date('2026-03-01T10:00:00Z');
    const scheduledStart = new Date('2026-03-04T23:30:00Z'); // 5 March, 00:30 in Paris
    const completedAt = new Date('2026-03-05T22:30:00Z'); // 5 March, 23:30 in Paris
    expect(portalVisitDate({ status: 'CLOSED', requestedAt, scheduledStart, completedAt })).toBe('2026-03-05');
    expect(portalVisitDate({ status: 'SCHEDULED', requestedAt, scheduledStart, completedAt: null })).toBe('2026-03-05');
    expect(portalVisitDate({ status: 'CANCELLED', requestedAt, scheduledStart: null, completedAt: null })).toBe('2026-03-01');
  });

  it('offers the signed report once finished on site with the customer’s signature', () => {
    expect(hasVisitReport({ status: 'COMPLETED', signerName: 'M. Roy' })).toBe(true);
    expect(hasVisitReport({ status: 'INVOICED', signerName: 'M. Roy' })).toBe(true);
    expect(hasVisitReport({ status: 'IN_PROGRESS', signerName: 'M. Roy' })).toBe(false);
    expect(hasVisitReport({ status: 'CLOSED', signerName: null })).toBe(false);
  });
});

describe('a breakdown reported on the portal', () => {
  it('needs one place, a description, at most 3 JPEG or PNG photos of 2 MB', () => {
    expect(fieldsOf(() => validateBreakdown({ equipmentId: 'e', description: 'Fuite', photos: [{ dataUrl: PNG }] }))).toEqual([]);
    expect(fieldsOf(() => validateBreakdown({ description: ' ' }))).toEqual(['equipmentId:REQUIRED', 'description:REQUIRED']);
    expect(fieldsOf(() => validateBreakdown({ equipmentId: 'e', siteId: 's', description: 'Fuite' }))).toEqual(['siteId:INVALID']);
    expect(
      fieldsOf(() =>
        validateBreakdown({
          siteId: 's',
          description: 'Fuite',
          photos: [{ dataUrl: 'data:image/gif;base64,R0lGOD==' }, { dataUrl: 'data:image/webp;base64,UklGR==' }],
        }),
      ),
    ).toEqual(['photos[0].dataUrl:UNKNOWN_VALUE', 'photos[1].dataUrl:UNKNOWN_VALUE']);
    expect(
      fieldsOf(() => validateBreakdown({ siteId: 's', description: 'Fuite', photos: [{ dataUrl: PNG + 'A'.repeat(2_800_000) }] })),
    ).toEqual(['photos[0].dataUrl:TOO_LONG']);
    expect(fieldsOf(() => validateBreakdown({ siteId: 's', description: 'Fuite', photos: Array(4).fill({ dataUrl: PNG }) }))).toEqual([
      'photos:OUT_OF_RANGE',
    ]);
  });

  it('titles the request with the description’s first line, cut at a word', () => {
    expect(breakdownTitle('  Plus de chauffage\nLa chaudière affiche F28 ')).toBe('Plus de chauffage');
    const long = 'La climatisation de la salle serveur souffle de l’air chaud depuis ce matin et une alarme sonne en continu';
    const title = breakdownTitle(long);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/^La climatisation de la salle serveur .*[^ ]…$/);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });
});
