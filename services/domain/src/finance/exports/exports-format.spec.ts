import { describe, expect, it } from 'vitest';
import { CSV_LAYOUTS, csvHeader, customerAccountRecord, formatDate, journalRecord } from './csv-layouts';
import { decodeExport, encodeExport } from './export-encoding';
import { ExportTotals, type ExportLine } from './export-line';
import { FEC_FIELDS, fecFileName, fecHeader, fecRecord } from './fec-format';

const customerLine: ExportLine = {
  journal: 'VT',
  journalLabel: 'Ventes',
  entryNumber: 'VT000042',
  entryDate: '20261130',
  account: '411000',
  accountLabel: 'Clients',
  auxiliaryAccount: '411C0007',
  auxiliaryLabel: 'Syndic | Erdre\nNantes',
  pieceRef: 'F2026-000123',
  pieceDate: '20261130',
  label: 'Facture F2026-000123 – Syndic Erdre',
  debit: '1234.50',
  credit: '0.00',
  validDate: '20261205',
};
const revenueLine: ExportLine = {
  ...customerLine,
  account: '706000',
  accountLabel: 'Prestations de services',
  auxiliaryAccount: null,
  auxiliaryLabel: null,
  debit: '0.00',
  credit: '1028.75',
};

describe('FEC records', () => {
  it('writes the 18 fields in the regulatory order, pipe separated, CR LF ended', () => {
    expect(fecHeader()).toBe(`${FEC_FIELDS.join('|')}\r\n`);
    expect(FEC_FIELDS).toHaveLength(18);
    expect(fecRecord(customerLine)).toBe(
      'VT|Ventes|VT000042|20261130|411000|Clients|411C0007|Syndic Erdre Nantes|F2026-000123|20261130|Facture F2026-000123 – Syndic Erdre|1234,50|0,00|||20261205||\r\n',
    );
  });

  it('leaves the auxiliary pair empty on a general account line and writes amounts with a comma', () => {
    const fields = fecRecord(revenueLine).trimEnd().split('|');
    expect(fields).toHaveLength(18);
    expect(fields.slice(6, 8)).toEqual(['', '']);
    expect(fields.slice(11, 13)).toEqual(['0,00', '1028,75']);
  });

  it('names the file after the SIREN and the fiscal year’s closing date', () => {
    expect(fecFileName('732829320', '2026-12-31')).toBe('732829320FEC20261231.txt');
  });

  it('writes ISO 8859-15 with typographic characters made plain and the accents kept', () => {
    const bytes = encodeExport('Facture – l’entretien €', 'iso-8859-15');
    expect(decodeExport(bytes, 'iso-8859-15')).toBe("Facture - l'entretien €");
    expect(bytes).toHaveLength("Facture - l'entretien €".length);
  });
});

describe('CSV layouts', () => {
  it('Sage 100: semicolons, JJMMAA dates, decimal comma, general and tiers accounts apart, no header', () => {
    const layout = CSV_LAYOUTS.SAGE_100;
    expect(csvHeader(layout)).toBe('');
    expect(journalRecord(customerLine, layout)).toBe(
      'VT;301126;VT000042;F2026-000123;411000;411C0007;Facture F2026-000123 – Syndic Erdre;1234,50;0,00\r\n',
    );
  });

  it('EBP: commas, JJMMAAAA dates, the tiers account as account, amount with its direction, quoted texts', () => {
    const layout = CSV_LAYOUTS.EBP;
    expect(journalRecord(customerLine, layout)).toBe(
      'VT000042,30112026,VT,"411C0007","","Facture F2026-000123 – Syndic Erdre","F2026-000123",1234.50,D,"",EUR\r\n',
    );
    expect(journalRecord(revenueLine, layout)).toContain(',"706000",');
    expect(journalRecord(revenueLine, layout)).toContain(',1028.75,C,');
  });

  it('Cegid: a header and JJ/MM/AAAA dates; a separator inside a label is quoted', () => {
    const layout = CSV_LAYOUTS.CEGID;
    expect(csvHeader(layout)).toBe('Journal;Date;Général;Auxiliaire;Référence;Libellé;Débit;Crédit;Numéro\r\n');
    expect(journalRecord({ ...revenueLine, label: 'Contrat; entretien "annuel"' }, layout)).toBe(
      'VT;30/11/2026;706000;;F2026-000123;"Contrat; entretien ""annuel""";0,00;1028,75;VT000042\r\n',
    );
  });

  it('formats dates in every layout format', () => {
    expect(['DDMMYY', 'DDMMYYYY', 'DD/MM/YYYY', 'YYYY-MM-DD'].map((f) => formatDate('20260105', f as never))).toEqual([
      '050126',
      '05012026',
      '05/01/2026',
      '2026-01-05',
    ]);
  });

  it('writes a customer account with its auxiliary and collective accounts', () => {
    const record = customerAccountRecord(
      {
        auxiliaryAccount: '411C0007',
        collectiveAccount: '411000',
        name: 'Syndic Erdre',
        addressLine: '4 quai Ceineray',
        postcode: '44000',
        city: 'Nantes',
        country: 'FR',
        siren: '732829320',
        vatNumber: 'FR44732829320',
        email: null,
        phone: null,
        paymentTermDays: 30,
      },
      CSV_LAYOUTS.SAGE_100,
    );
    expect(record).toBe('411C0007;411000;Syndic Erdre;4 quai Ceineray;44000;Nantes;FR;732829320;FR44732829320;;;30\r\n');
  });
});

describe('export totals', () => {
  it('adds amounts as cents, without floating point error', () => {
    const totals = new ExportTotals();
    for (let i = 0; i < 10; i += 1) totals.add({ debit: '0.10', credit: '0.00' });
    totals.add({ debit: '0.00', credit: '1.00' });
    expect(totals.lines).toBe(11);
    expect(totals.debit).toBe('1.00');
    expect(totals.debit).toBe(totals.credit);
  });
});
