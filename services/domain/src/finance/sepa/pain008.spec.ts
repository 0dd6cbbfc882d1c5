import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { buildPain008, directDebitTotals, type DirectDebitInitiation, type DirectDebitTransaction } from './pain008';

const XSD = readFileSync(new URL('./xsd/pain.008.001.08.xsd', import.meta.url), 'utf8');

async function validate(xml: string) {
  return validateXML({
    xml: { fileName: 'collection.xml', contents: xml },
    schema: { fileName: 'pain.008.001.08.xsd', contents: XSD },
  });
}

const tx = (over: Partial<DirectDebitTransaction> = {}): DirectDebitTransaction => ({
  endToEndId: 'F-2026-00042',
  amount: '120.50',
  mandateId: 'CLIM-C0001-0001',
  mandateSignedOn: '2026-01-10',
  sequenceType: 'FRST',
  debtorName: 'Société Générale d’Hôtellerie et de Thalassothérapie de la Côte d’Émeraude — Établissement de Saint-Malo',
  debtorIban: 'FR76 3000 6000 0112 3456 7890 189',
  debtorBic: 'bnpafrpp',
  remittanceInfo: 'Facture F-2026-00042 du 24/11/2026 — contrat CT-2026-0003',
  ...over,
});

const collection = (transactions: DirectDebitTransaction[]): DirectDebitInitiation => ({
  messageId: 'PRLV-20261207-0001',
  createdAt: new Date('2026-12-07T09:15:30Z'),
  initiatingPartyName: 'Clim’Ouest Maintenance',
  creditor: { name: 'Clim’Ouest Maintenance SAS', iban: 'FR7630004008230001012345669', bic: 'BNPAFRPP', creditorId: 'FR72ZZZ123456' },
  collectionDate: '2026-12-15',
  transactions,
});

const MIXED = [
  tx(),
  tx({
    endToEndId: 'F-2026-00043',
    instructionId: 'PRLV-1-2',
    amount: '0.1',
    sequenceType: 'RCUR',
    mandateId: 'CLIM-C0002-0001',
    debtorName: 'Zoë Müller',
    debtorIban: 'FR1420041010050500013M02606',
    debtorBic: null,
  }),
  tx({ endToEndId: 'F-2026-00044', amount: '0.20', sequenceType: 'RCUR', debtorIban: 'DE89370400440532013000', debtorBic: 'COBADEFFXXX' }),
  tx({ endToEndId: 'F-2026-00045', amount: '999999999.99', sequenceType: 'FRST', debtorBic: undefined }),
];

const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('pain.008.001.08 SEPA direct debit file', () => {
  it('validates against the ISO 20022 XSD: FRST and RCUR, accents, with and without BIC', async () => {
    const xml = buildPain008(collection(MIXED));
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"');
  });

  it('the validator does refuse a broken file', async () => {
    const xml = buildPain008(collection(MIXED)).replace(/<MsgId>[^<]*<\/MsgId>/, '');
    expect((await validate(xml)).valid).toBe(false);
  });

  it('writes one payment block per sequence type with counts and control sums to the cent', () => {
    const xml = buildPain008(collection(MIXED));
    expect(values(xml, 'SeqTp')).toEqual(['FRST', 'RCUR']);
    expect(values(xml, 'NbOfTxs')).toEqual(['4', '2', '2']);
    // 120.50 + 0.10 + 0.20 + 999 999 999.99, with no float error.
    expect(values(xml, 'CtrlSum')).toEqual(['1000000120.79', '1000000120.49', '0.30']);
    expect(values(xml, 'InstdAmt')).toEqual(['120.50', '999999999.99', '0.10', '0.20']);
    expect(values(xml, 'PmtInfId')).toEqual(['PRLV-20261207-0001-FRST', 'PRLV-20261207-0001-RCUR']);
    expect(values(xml, 'Cd')).toEqual(['SEPA', 'CORE', 'SEPA', 'CORE']);
    expect(values(xml, 'BtchBookg')).toEqual(['true', 'true']);
    expect(values(xml, 'ReqdColltnDt')).toEqual(['2026-12-15', '2026-12-15']);
    expect(values(xml, 'CreDtTm')).toEqual(['2026-12-07T10:15:30']);
  });

  it('totals per sequence type with decimals', () => {
    expect(directDebitTotals(MIXED)).toEqual({
      count: 4,
      sum: '1000000120.79',
      bySequenceType: [
        { sequenceType: 'FRST', count: 2, sum: '1000000120.49' },
        { sequenceType: 'RCUR', count: 2, sum: '0.30' },
      ],
    });
    const tenths = Array.from({ length: 10 }, (_, i) => tx({ endToEndId: `E${i}`, amount: '0.10', sequenceType: 'OOFF' }));
    expect(directDebitTotals(tenths)).toEqual({
      count: 10,
      sum: '1.00',
      bySequenceType: [{ sequenceType: 'OOFF', count: 10, sum: '1.00' }],
    });
  });

  it('transliterates names to the SEPA set and cuts them to 70, remittance to 140', () => {
    const xml = buildPain008(collection(MIXED));
    const names = values(xml, 'Nm');
    expect(names[0]).toBe("Clim'Ouest Maintenance");
    expect(names).toContain('Zoe Muller');
    const long = names.find((n) => n!.startsWith('Societe Generale'))!;
    expect(long).toBe("Societe Generale d'Hotellerie et de Thalassotherapie de la Cote d'Emer");
    expect(long).toHaveLength(70);
    expect(values(xml, 'Ustrd')[0]).toBe('Facture F-2026-00042 du 24/11/2026 - contrat CT-2026-0003');
    const remittance = buildPain008(collection([tx({ remittanceInfo: 'é'.repeat(300) })]));
    expect(values(remittance, 'Ustrd')[0]).toBe('e'.repeat(140));
  });

  it('identifies banks by BIC, or NOTPROVIDED without one', () => {
    const xml = buildPain008(collection(MIXED));
    // Creditor agent, debtor agent per transaction (FRST block, then RCUR block).
    expect(values(xml, 'BICFI')).toEqual(['BNPAFRPP', 'BNPAFRPP', 'BNPAFRPP', 'COBADEFFXXX']);
    expect(xml.match(/<Othr>\s*<Id>NOTPROVIDED<\/Id>\s*<\/Othr>/g)).toHaveLength(2);
    expect(values(xml, 'IBAN')).toContain('FR7630006000011234567890189');
    expect(values(xml, 'MndtId')).toEqual(['CLIM-C0001-0001', 'CLIM-C0001-0001', 'CLIM-C0002-0001', 'CLIM-C0001-0001']);
    expect(xml).toMatch(/<Id>FR72ZZZ123456<\/Id>\s*<SchmeNm>\s*<Prtry>SEPA<\/Prtry>/);
  });

  it('refuses a broken input whole, naming each field', () => {
    const input = collection([
      tx(),
      tx({ debtorIban: 'FR7630006000011234567890180', amount: '12.345', mandateId: 'RUM//1', sequenceType: 'XXXX' as never }),
    ]);
    input.creditor.creditorId = 'FR73ZZZ123456';
    let error: unknown;
    try {
      buildPain008(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect(((error as DomainError).details.fields as { field: string }[]).map((p) => p.field)).toEqual([
      'creditor.creditorId',
      'transactions[1].amount',
      'transactions[1].mandateId',
      'transactions[1].sequenceType',
      'transactions[1].debtorIban',
    ]);
    expect((error as DomainError).message).toContain('transactions[1].debtorIban: IBAN invalide');
  });

  it('refuses amounts out of range, an empty file, a bad date, a mandate signed after the collection', () => {
    const fields = (input: DirectDebitInitiation) => {
      try {
        buildPain008(input);
        return [];
      } catch (e) {
        return ((e as DomainError).details.fields as { field: string }[]).map((p) => p.field);
      }
    };
    expect(fields(collection([tx({ amount: '0.00' }), tx({ amount: '1000000000.00' }), tx({ amount: '-1' })]))).toEqual([
      'transactions[0].amount',
      'transactions[1].amount',
      'transactions[2].amount',
    ]);
    expect(fields(collection([]))).toEqual(['transactions']);
    expect(fields({ ...collection([tx({ mandateSignedOn: '2026-12-16' })]), collectionDate: '2026-12-15' })).toEqual([
      'transactions[0].mandateSignedOn',
    ]);
    expect(fields({ ...collection([tx()]), collectionDate: '15/12/2026', messageId: 'a//b' })).toEqual(['messageId', 'collectionDate']);
  });
});
