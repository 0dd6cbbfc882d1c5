import { describe, expect, it } from 'vitest';
import { isPositiveDecimal, reportInput, toDecimal, type ReportFormValues } from './report-input';

const values: ReportFormValues = {
  labour: [
    { technicianId: 'tech_1', workDate: '2026-12-07', hours: '2,5', labourType: 'NORMAL' },
    { technicianId: 'tech_1', workDate: '2026-12-07', hours: '  ', labourType: 'NIGHT' },
  ],
  travelCount: '1',
  travelZone: '',
  parts: [{ catalogItemId: 'cat_1', quantity: '1 250,5', serialNumber: ' SN-42 ' }],
  observations: ' Détendeur remplacé ',
  photos: [{ caption: '', dataUrl: 'data:image/jpeg;base64,AAAA' }],
  signerName: 'Mme Le Gall',
  customerReservations: '',
};

describe('a report form as the API reads it', () => {
  it('sends decimals with a dot, drops blank hour lines and turns blank texts into null', () => {
    expect(reportInput(values, { signatureDataUrl: 'data:image/png;base64,BBBB', photosChanged: true })).toEqual({
      labour: [{ technicianId: 'tech_1', workDate: '2026-12-07', hours: '2.5', labourType: 'NORMAL' }],
      travelCount: 1,
      travelZone: null,
      parts: [{ catalogItemId: 'cat_1', quantity: '1250.5', serialNumber: 'SN-42' }],
      observations: 'Détendeur remplacé',
      photos: [{ caption: null, dataUrl: 'data:image/jpeg;base64,AAAA' }],
      signerName: 'Mme Le Gall',
      customerReservations: null,
      signatureDataUrl: 'data:image/png;base64,BBBB',
    });
  });

  it('leaves the photos out when the technician did not touch them (the API keeps them)', () => {
    expect(reportInput(values, { signatureDataUrl: null, photosChanged: false })).not.toHaveProperty('photos');
  });

  it('counts an unreadable number of trips as none', () => {
    expect(reportInput({ ...values, travelCount: 'deux' }, { signatureDataUrl: null, photosChanged: false }).travelCount).toBe(0);
  });
});

describe('decimals typed on a French keyboard', () => {
  it('reads a comma or a dot, with spaces', () => {
    expect(toDecimal(' 2,5 ')).toBe('2.5');
    expect(toDecimal('1 250,25')).toBe('1250.25');
    expect(toDecimal('0.75')).toBe('0.75');
  });

  it('accepts positive amounts with two decimals at most, as the API does', () => {
    expect(['2,5', '0,01', '12', '1,25'].map(isPositiveDecimal)).toEqual([true, true, true, true]);
    expect(['0', '0,00', '2,555', '-1', 'abc', ''].map(isPositiveDecimal)).toEqual([false, false, false, false, false, false]);
  });
});
