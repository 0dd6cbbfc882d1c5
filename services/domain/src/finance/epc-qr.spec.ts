import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { EPC_QR_MAX_BYTES, epcQrPayload, epcQrPng, epcQrSvg, isValidCreditorReference, normalizeCreditorReference } from './epc-qr';

const base = {
  beneficiaryName: 'Clim’Ouest Maintenance SAS',
  iban: 'FR76 3000 4008 2300 0101 2345 669',
  bic: 'bnpafrpp',
  amount: '1234.5',
  remittanceText: 'F-2026-00042',
};

function refused(input: Parameters<typeof epcQrPayload>[0]): string[] {
  try {
    epcQrPayload(input);
  } catch (error) {
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).details.fields as { field: string }[]).map((p) => p.field);
  }
  return [];
}

describe('EPC QR code (EPC069-12)', () => {
  it('writes the payload line by line: BCD 002, UTF-8, SCT, BIC, name, IBAN, amount, no purpose, the invoice number', () => {
    expect(epcQrPayload(base)).toBe(
      [
        'BCD',
        '002',
        '1',
        'SCT',
        'BNPAFRPP',
        'Clim’Ouest Maintenance SAS',
        'FR7630004008230001012345669',
        'EUR1234.50',
        '',
        '',
        'F-2026-00042',
      ].join('\n'),
    );
  });

  it('leaves the BIC line empty when there is none', () => {
    expect(
      epcQrPayload({ ...base, bic: null })
        .split('\n')
        .slice(3, 6),
    ).toEqual(['SCT', '', 'Clim’Ouest Maintenance SAS']);
  });

  it('sends an RF creditor reference as structured remittance instead of the text, ending the payload', () => {
    const lines = epcQrPayload({ ...base, creditorReference: 'rf18 5390 0754 7034' }).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.slice(7)).toEqual(['EUR1234.50', '', 'RF18539007547034']);
    expect(refused({ ...base, creditorReference: 'RF19 5390 0754 7034' })).toEqual(['creditorReference']);
  });

  it('cuts the name to 70 and the text to 140 characters, on one line each, and stays within 331 bytes', () => {
    const name = epcQrPayload({ ...base, beneficiaryName: `Société\n${'é'.repeat(100)}` }).split('\n')[5];
    expect(name).toBe(`Société ${'é'.repeat(62)}`);
    expect(name).toHaveLength(70);
    const payload = epcQrPayload({ ...base, beneficiaryName: 'S'.repeat(100), remittanceText: 'x'.repeat(200) });
    expect(payload.split('\n')[10]).toHaveLength(140);
    expect(Buffer.byteLength(payload, 'utf8')).toBeLessThanOrEqual(EPC_QR_MAX_BYTES);
    // 70 two-byte characters and a 140-character text would not fit.
    expect(refused({ ...base, beneficiaryName: 'é'.repeat(70), remittanceText: 'x'.repeat(140) })).toEqual(['remittanceText']);
  });

  it('refuses what a bank could not pay, naming the field', () => {
    expect(refused({ ...base, iban: 'FR7630004008230001012345660' })).toEqual(['iban']);
    expect(refused({ ...base, iban: 'BR1800360305000010009795493C1' })).toEqual(['iban']);
    expect(refused({ ...base, bic: 'BNPA' })).toEqual(['bic']);
    expect(refused({ ...base, beneficiaryName: ' ' })).toEqual(['beneficiaryName']);
    expect(refused({ ...base, amount: '0.00' })).toEqual(['amount']);
    expect(refused({ ...base, amount: '1000000000' })).toEqual(['amount']);
    expect(refused({ ...base, amount: '12.345' })).toEqual(['amount']);
    expect(refused({ ...base, amount: '999999999.99' })).toEqual([]);
    expect(refused({ ...base, amount: '0.01' })).toEqual([]);
  });

  it('checks ISO 11649 creditor references', () => {
    expect(normalizeCreditorReference(' rf18 5390 0754 7034 ')).toBe('RF18539007547034');
    expect(isValidCreditorReference('RF18539007547034')).toBe(true);
    expect(isValidCreditorReference('RF712348231')).toBe(true);
    expect(isValidCreditorReference('RF18539007547035')).toBe(false);
    expect(isValidCreditorReference('RF18')).toBe(false);
  });

  it('renders a grayscale PNG without alpha (fit for PDF/A)', async () => {
    const png = await epcQrPng(epcQrPayload(base));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.readUInt32BE(16)).toBe(png.readUInt32BE(20));
    expect(png[25]).toBe(0);
  });

  it('renders the same code as an SVG document a page can scale', async () => {
    const svg = await epcQrSvg(epcQrPayload(base));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox');
    expect(svg).toContain('<path');
  });
});
