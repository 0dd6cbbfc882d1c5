import { describe, expect, it } from 'vitest';
import { actionFor, commandsToResend, commandVariables, localDraft, localStatus } from './queue-rules';
import { draftProblems, type ReportDraft } from './report-draft';
import { nextDays } from './paris-days';
import type { FieldJob } from '../store/db';

const job = {
  id: 'int_1',
  version: 4,
  status: 'SCHEDULED',
  report: {
    travelCount: 0,
    travelZone: null,
    observations: null,
    customerReservations: null,
    signerName: null,
    signatureDataUrl: null,
    labour: [],
    parts: [],
    photos: [],
  },
} as unknown as FieldJob;

const draft: ReportDraft = {
  labour: [{ technicianId: 'tech_1', workDate: '2026-12-07', hours: '2,5', labourType: 'NORMAL' }],
  travelCount: '1',
  travelZone: '',
  parts: [
    {
      catalogItemId: 'cat_1',
      code: 'DET-TES2',
      label: 'Détendeur',
      unit: 'u',
      trackedBySerial: true,
      quantity: '1',
      serialNumber: ' SN-42 ',
    },
  ],
  observations: ' Détendeur remplacé ',
  photos: [{ caption: 'avant', dataUrl: 'data:image/jpeg;base64,AAAA' }],
  photosChanged: true,
  signerName: 'Mme Le Gall',
  customerReservations: '',
  signatureDataUrl: 'data:image/png;base64,BBBB',
};

describe('the local view of a job', () => {
  it('moves the status on with the queued commands', () => {
    expect(localStatus('SCHEDULED', [])).toBe('SCHEDULED');
    expect(localStatus('SCHEDULED', [{ kind: 'start' }, { kind: 'report' }])).toBe('IN_PROGRESS');
    expect(localStatus('SCHEDULED', [{ kind: 'start' }, { kind: 'report' }, { kind: 'complete' }])).toBe('COMPLETED');
    // A start queued on a job the office already cancelled does not revive it on the phone.
    expect(localStatus('CANCELLED', [{ kind: 'start' }])).toBe('CANCELLED');
  });

  it('shows the last report saved on the device, else the server’s', () => {
    expect(localDraft(job, []).labour).toEqual([]);
    const later = { ...draft, observations: 'second' };
    expect(localDraft(job, [{ kind: 'report', draft }, { kind: 'start' }, { kind: 'report', draft: later }]).observations).toBe('second');
  });
});

describe('commands sent to the API', () => {
  it('carries the version the technician worked from and the report as the API reads it', () => {
    expect(commandVariables({ kind: 'start', jobId: 'int_1' }, 4)).toEqual({ id: 'int_1', expectedVersion: 4 });
    expect(commandVariables({ kind: 'report', jobId: 'int_1', draft }, 5)).toEqual({
      id: 'int_1',
      expectedVersion: 5,
      report: {
        labour: [{ technicianId: 'tech_1', workDate: '2026-12-07', hours: '2.5', labourType: 'NORMAL' }],
        travelCount: 1,
        travelZone: null,
        parts: [{ catalogItemId: 'cat_1', quantity: '1', serialNumber: 'SN-42' }],
        observations: 'Détendeur remplacé',
        photos: [{ caption: 'avant', dataUrl: 'data:image/jpeg;base64,AAAA' }],
        signerName: 'Mme Le Gall',
        customerReservations: null,
        signatureDataUrl: 'data:image/png;base64,BBBB',
      },
    });
  });

  it('leaves the photos out of a report whose photos the technician did not touch (the API keeps them)', () => {
    expect(commandVariables({ kind: 'report', jobId: 'int_1', draft: { ...draft, photosChanged: false } }, 5)['report']).not.toHaveProperty(
      'photos',
    );
  });

  it('waits for the network on a lost answer or a busy key, and holds the job on a refusal', () => {
    expect(actionFor({ kind: 'ok', data: {} })).toBe('applied');
    expect(actionFor({ kind: 'offline' })).toBe('retryLater');
    expect(actionFor({ kind: 'unauthenticated' })).toBe('signIn');
    expect(actionFor({ kind: 'refused', code: 'STALE_VERSION', message: '' })).toBe('problem');
  });
});

describe('after a conflict', () => {
  const queued = [{ kind: 'start' as const }, { kind: 'report' as const }, { kind: 'complete' as const }];
  it('resends everything on a job the office only moved', () => {
    expect(commandsToResend('SCHEDULED', queued)).toEqual(queued);
  });
  it('drops the start on a job already started', () => {
    expect(commandsToResend('IN_PROGRESS', queued)).toEqual([{ kind: 'report' }, { kind: 'complete' }]);
  });
  it('resends nothing on a cancelled or finished job', () => {
    expect(commandsToResend('CANCELLED', queued)).toBeNull();
    expect(commandsToResend('COMPLETED', queued)).toBeNull();
  });
});

describe('checks made on the phone before queueing', () => {
  it('accepts a complete report', () => {
    expect(draftProblems(draft, true)).toEqual([]);
  });
  it('asks for hours, the serial number of a tracked part and the signature before completing', () => {
    const empty = { ...draft, labour: [], signatureDataUrl: null, parts: [{ ...draft.parts[0]!, serialNumber: '' }] };
    expect(draftProblems(empty, false)).toEqual([]);
    expect(draftProblems(empty, true)).toEqual(['missingLabour', 'missingSerial', 'missingSignature']);
  });
  it('refuses hours and quantities the API would refuse', () => {
    expect(draftProblems({ ...draft, labour: [{ ...draft.labour[0]!, hours: '2,555' }] }, false)).toEqual(['invalidHours']);
    expect(draftProblems({ ...draft, parts: [{ ...draft.parts[0]!, quantity: '0' }] }, false)).toEqual(['invalidQuantity']);
  });
});

describe('days kept on the phone', () => {
  it('counts from today in Paris, whatever the phone’s zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(nextDays(new Date('2026-12-31T23:30:00Z'), 3)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
