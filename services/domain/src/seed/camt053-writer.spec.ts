import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { camt053Statement } from './camt053-writer';
import { parseBankFile } from '../finance/bank-files';

const XSD = path.resolve(import.meta.dirname, '../../../../../shared/bankfiles/vendor/camt.053.001.02.xsd');

describe('sample CAMT.053 statements', () => {
  const xml = camt053Statement({
    id: 'DEMO-2026-11-30',
    iban: 'FR7630004008280001074251964',
    ownerName: 'THERMOCLIM SERVICES',
    from: '2026-11-30',
    to: '2026-11-30',
    openingBalance: '1000.00',
    entries: [
      {
        amount: '1440.00',
        bookingDate: '2026-11-30',
        reference: 'R1',
        remittance: 'FACTURE F-2026-00412',
        counterpartyName: 'SCI LES TILLEULS',
        counterpartyIban: 'FR7630076020011234560020045',
      },
      { amount: '-12.50', bookingDate: '2026-11-30', reference: 'R2', remittance: 'FRAIS TENUE DE COMPTE' },
    ],
  });

  it('are valid camt.053.001.02 that our parser reads back to the cent', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'statement.xml', contents: xml }],
      schema: [{ fileName: 'camt.053.001.02.xsd', contents: readFileSync(XSD, 'utf8') }],
    });
    expect(result.errors).toEqual([]);
    const [statement] = parseBankFile(xml);
    expect(statement).toMatchObject({ accountIban: 'FR7630004008280001074251964', openingBalance: '1000.00', closingBalance: '2427.50' });
    expect(statement!.movements.map((m) => [m.amount, m.counterpartyIban])).toEqual([
      ['1440.00', 'FR7630076020011234560020045'],
      ['-12.50', null],
    ]);
  });
});
