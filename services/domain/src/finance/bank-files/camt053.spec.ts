import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { parseBankFile } from './index';
import { fixture, fixtureText, refusal, replaceLine } from './spec-support';

const V02 = 'camt053-001.02-bnp-2026-11-30.xml';
const V08 = 'camt053-001.08-sg-2026-12-01.xml';
const DIRECT_DEBITS = 'camt053-001.08-sg-2026-12-16-prelevements.xml';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const vendor = path.resolve(repoRoot, '../shared/bankfiles/vendor');

async function xsdErrors(xml: string, xsd: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'statement.xml', contents: xml }],
    schema: [readFileSync(path.join(vendor, xsd), 'utf8')],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('CAMT.053 fixtures are real ISO 20022 statements', () => {
  it('validates the 001.02 fixture against camt.053.001.02.xsd', async () => {
    expect(await xsdErrors(fixtureText(V02), 'camt.053.001.02.xsd')).toEqual([]);
  });

  it('validates the 001.08 fixture against camt.053.001.08.xsd', async () => {
    expect(await xsdErrors(fixtureText(V08), 'camt.053.001.08.xsd')).toEqual([]);
  });

  it('validates the direct-debit fixture (a batch credit, two returns) against camt.053.001.08.xsd', async () => {
    expect(await xsdErrors(fixtureText(DIRECT_DEBITS), 'camt.053.001.08.xsd')).toEqual([]);
  });

  it('(the validator does check: a 001.08 party written the 001.02 way is refused)', async () => {
    const old = fixtureText(V08).replace(
      '<Pty>\n                  <Nm>SYNDIC GESTION IMMO LYON</Nm>\n                </Pty>',
      '<Nm>SYNDIC GESTION IMMO LYON</Nm>',
    );
    expect(await xsdErrors(old, 'camt.053.001.08.xsd')).toEqual([
      expect.stringContaining("Element '{urn:iso:std:iso:20022:tech:xsd:camt.053.001.08}Nm'"),
    ]);
  });
});

describe('CAMT.053 statements', () => {
  it('reads a 001.02 statement: account, period, balances, entries with their lines', () => {
    const statements = parseBankFile(fixture(V02));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect({ ...statement!, movements: undefined }).toEqual({
      format: 'CAMT053',
      accountIban: 'FR7630004008280001074251964',
      accountNumber: 'FR7630004008280001074251964',
      currency: 'EUR',
      statementId: '3000400828000107425192026113000330',
      fromDate: '2026-11-30',
      toDate: '2026-11-30',
      openingBalance: '15230.45',
      closingBalance: '17334.55',
      movements: undefined,
    });
    expect(statement!.movements.map((m) => [m.line, m.amount, m.bankReference, m.bankTransactionCode])).toEqual([
      [63, '1440.00', '2026113000012345', 'PMNT/RCDT/ESCT'],
      [118, '-89.90', '2026113000012346', 'PMNT/IDDT/ESDD'],
      [167, '516.50', '2026113000012347', 'PMNT/RDDT/ESDD'],
      [270, '250.00', '2026113000012348', 'PMNT/RCDT/ESCT'],
      [323, '-12.50', '2026113000012349', 'ACMT/MDOP/CHRG'],
    ]);
  });

  it('takes the payer of a credit and the payee of a debit, the Ustrd lines and the mandate', () => {
    const [credit, debit] = parseBankFile(fixture(V02))[0]!.movements;
    expect(credit).toEqual({
      bookingDate: '2026-11-30',
      valueDate: '2026-11-30',
      amount: '1440.00',
      currency: 'EUR',
      label: 'VIR SEPA RECU /DE SCI LES TILLEULS /MOTIF FACTURE F-2026-00412',
      remittanceInfo: 'FACTURE F-2026-00412 CONTRAT ENTRETIEN CHAUDIERE GAZ 12 RUE DES LILAS',
      counterpartyName: 'SCI LES TILLEULS',
      counterpartyIban: 'FR7630076020011234560020045',
      bankReference: '2026113000012345',
      endToEndId: 'F-2026-00412',
      mandateId: null,
      batchReference: null,
      returnReasonCode: null,
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      details: [],
      line: 63,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(debit).toMatchObject({
      label: 'PRLV SEPA ORANGE SA',
      remittanceInfo: 'PRLV ORANGE PRO FACTURE NOVEMBRE 2026',
      counterpartyName: 'ORANGE SA',
      counterpartyIban: 'FR7617515900000800123456711',
      endToEndId: 'ORA2611300098213',
      mandateId: 'FR-ORANGE-000123456',
    });
  });

  it('splits a batch booking into its transactions, which add up to the entry', () => {
    const batch = parseBankFile(fixture(V02))[0]!.movements[2]!;
    expect(batch).toMatchObject({
      amount: '516.50',
      valueDate: '2026-12-01',
      label: 'REMISE PRLV SEPA CORE 3 OPERATIONS',
      remittanceInfo: '',
      counterpartyName: null,
      counterpartyIban: null,
      endToEndId: null,
      mandateId: null,
      batchReference: 'REMISE-PRLV-2026-11',
    });
    expect(batch.details).toEqual([
      {
        amount: '240.00',
        endToEndId: 'F-2026-00398',
        mandateId: 'RELAIS-MDT-000017',
        returnReasonCode: null,
        remittanceInfo: 'CONTRAT MAINTENANCE FROID F-2026-00398',
        counterpartyName: 'BOULANGERIE DU MARCHE',
        counterpartyIban: 'FR7630004017250002011458717',
      },
      {
        amount: '180.00',
        endToEndId: 'F-2026-00401',
        mandateId: 'RELAIS-MDT-000021',
        returnReasonCode: null,
        remittanceInfo: 'ENTRETIEN CLIMATISATION F-2026-00401',
        counterpartyName: 'CABINET MÉDICAL DES ÉCOLES',
        counterpartyIban: 'FR7610278060410002034560110',
      },
      {
        amount: '96.50',
        endToEndId: 'F-2026-00405',
        mandateId: 'RELAIS-MDT-000032',
        returnReasonCode: null,
        remittanceInfo: 'VISITE ANNUELLE POMPE A CHALEUR F-2026-00405',
        counterpartyName: 'Mme Hélène Martin',
        counterpartyIban: 'FR2720041000010123456X02054',
      },
    ]);
  });

  it('reads a structured creditor reference and drops NOTPROVIDED', () => {
    const entry = parseBankFile(fixture(V02))[0]!.movements[3]!;
    expect([entry.remittanceInfo, entry.endToEndId, entry.counterpartyName]).toEqual(['RF18539007547034', null, 'M. JEAN DUPONT']);
  });

  it('reads a 001.08 file with two statements: DtTm dates, Pty names, pending entries left out', () => {
    const [current, second] = parseBankFile(fixture(V08));
    expect([current!.statementId, current!.openingBalance, current!.closingBalance, current!.fromDate, current!.toDate]).toEqual([
      'SG-053-20261201-00050123456',
      '4820.00',
      '3269.33',
      '2026-12-01',
      '2026-12-01',
    ]);
    expect(current!.movements.map((m) => [m.line, m.bookingDate, m.valueDate, m.amount, m.label])).toEqual([
      [51, '2026-12-01', '2026-12-01', '1020.00', 'VIREMENTS SEPA RECUS (2)'],
      [120, '2026-12-01', '2026-12-01', '-2345.67', 'VIR SEPA EMIS VERS FRIGODIS DISTRIBUTION'], // AddtlTxInf when no AddtlNtryInf
      [174, '2026-12-01', '2026-11-30', '-45.00', 'CARTE X4821 30/11 LEROY MERLIN LYON 7'],
      // line 199: PDNG, not booked, not on the balance
      [217, '2026-12-01', '2026-12-01', '-180.00', 'IMPAYE PRLV SEPA CABINET MEDICAL DES ECOLES MOTIF AM04'],
    ]);
    const [batch, transfer] = current!.movements;
    expect(batch!.details.map((d) => [d.amount, d.counterpartyName, d.endToEndId])).toEqual([
      ['600.00', 'SYNDIC GESTION IMMO LYON', 'F-2026-00415'],
      ['420.00', 'GARAGE DES ALPES SARL', null],
    ]);
    expect(transfer).toMatchObject({
      counterpartyName: 'FRIGODIS DISTRIBUTION',
      remittanceInfo: 'FA-88213',
      endToEndId: 'RELAIS-PAY-000045',
    });
    expect({ ...second!, movements: undefined }).toEqual({
      format: 'CAMT053',
      accountIban: 'FR7630003012340005098765487',
      accountNumber: 'FR7630003012340005098765487',
      currency: 'EUR',
      statementId: 'SG-053-20261201-00050987654',
      fromDate: '2026-11-30', // no FrToDt: the balances' dates
      toDate: '2026-12-01',
      openingBalance: '-1250.40', // PRCD, debit
      closingBalance: '249.60',
      movements: undefined,
    });
    expect(second!.movements[0]).toMatchObject({
      amount: '1500.00',
      label: 'VIR SEPA RECU RESIDENCE LES CEDRES',
      counterpartyName: 'RÉSIDENCE LES CÈDRES',
      bankReference: 'SG7C1201B0001', // from TxDtls/Refs when the entry has none
      bankTransactionCode: '05', // proprietary (CFONB) code
    });
  });

  it('names the customer, not us, on a returned direct debit (reversal)', () => {
    const returned = parseBankFile(fixture(V08))[0]!.movements[3]!;
    expect([returned.amount, returned.counterpartyName, returned.counterpartyIban, returned.mandateId]).toEqual([
      '-180.00',
      'CABINET MEDICAL DES ECOLES',
      'FR7610278060410002034560110',
      'RELAIS-MDT-000021',
    ]);
  });

  it('reads the credit of our direct-debit batch: the payment block echoed, each collection with its end-to-end id and mandate', () => {
    const [credit] = parseBankFile(fixture(DIRECT_DEBITS))[0]!.movements;
    expect(credit).toMatchObject({
      amount: '516.50',
      label: 'REMISE PRLV SEPA CORE 3 OPERATIONS',
      batchReference: 'PRLV-20261216-0004-RCUR',
      endToEndId: null,
      returnReasonCode: null,
      bankTransactionCode: 'PMNT/RDDT/ESDD',
    });
    expect(credit!.details.map((d) => [d.endToEndId, d.mandateId, d.amount, d.counterpartyName])).toEqual([
      ['F-2026-00431', 'RELAIS-MDT-000017', '240.00', 'BOULANGERIE DU MARCHE'],
      ['F-2026-00433', 'RELAIS-MDT-000021', '180.00', 'CABINET MEDICAL DES ECOLES'],
      ['F-2026-00436', 'RELAIS-MDT-000032', '96.50', 'Helene Martin'],
    ]);
  });

  it('reads a returned direct debit: the reason code (RtrInf/Rsn/Cd), the end-to-end id, the mandate and the customer', () => {
    const [, unpaid, refund, fees] = parseBankFile(fixture(DIRECT_DEBITS))[0]!.movements;
    expect(unpaid).toMatchObject({
      amount: '-210.00',
      label: 'IMPAYE PRLV SEPA SCI LES ACACIAS',
      endToEndId: 'F-2026-00420',
      mandateId: 'RELAIS-MDT-000045',
      returnReasonCode: 'AM04',
      batchReference: 'PRLV-20261210-0003-RCUR',
      counterpartyName: 'SCI LES ACACIAS',
      counterpartyIban: 'FR7630006000011234567890189',
      bankTransactionCode: 'PMNT/RDDT/UPDD',
    });
    expect([refund!.amount, refund!.endToEndId, refund!.returnReasonCode]).toEqual(['-144.00', 'F-2026-00377', 'MD06']);
    expect([fees!.amount, fees!.returnReasonCode, fees!.batchReference]).toEqual(['-15.00', null, null]);
  });

  it('ignores namespace prefixes', () => {
    const prefixed = fixtureText(V02)
      .replace(/<(\/?)(\w+)([ >])/g, '<$1c:$2$3')
      .replace('xmlns="urn:iso', 'xmlns:c="urn:iso');
    expect(prefixed).toContain('<c:Ntry>');
    expect(parseBankFile(prefixed)).toEqual(parseBankFile(fixture(V02)));
  });

  it('decodes XML entities', () => {
    const escaped = fixtureText(V02).replace(
      '<Nm>SCI LES TILLEULS</Nm>',
      '<Nm>DUPONT &amp; FILS &#8211; R&#xC9;SIDENCE &lt;A&gt; &quot;B&quot; &apos;C&apos;</Nm>',
    );
    expect(parseBankFile(escaped)[0]!.movements[0]!.counterpartyName).toBe('DUPONT & FILS – RÉSIDENCE <A> "B" \'C\'');
  });

  it('falls back on ITBD for the closing balance', () => {
    const interim = fixtureText(V02).replace('<Cd>CLBD</Cd>', '<Cd>ITBD</Cd>');
    expect(parseBankFile(interim)[0]!.closingBalance).toBe('17334.55');
  });

  describe('refuses the whole file, naming the line of the entry', () => {
    const text = fixtureText(V02);

    it('an unreadable amount', () => {
      const broken = text.replace('<Amt Ccy="EUR">89.90</Amt>', '<Amt Ccy="EUR">89,90</Amt>');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 118 : montant illisible « 89,90 »',
        format: 'CAMT053',
        line: 118,
        reason: 'BAD_AMOUNT',
      });
    });

    it('an entry without a booking date', () => {
      const broken = [328, 329, 330].reduce((t, line) => replaceLine(t, line, () => ''), text);
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 323 : écriture sans date de comptabilisation (BookgDt)',
        format: 'CAMT053',
        line: 323,
        reason: 'MISSING_FIELD',
      });
    });

    it('an unknown credit/debit indicator', () => {
      const broken = replaceLine(text, 273, (l) => l.replace('CRDT', 'CRED'));
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 270, reason: 'BAD_VALUE' });
    });

    it('a batch transaction without an amount', () => {
      const broken = text.replace('<Amt Ccy="EUR">180.00</Amt>', '');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: "Ligne 167 : transaction n° 2 de l'écriture groupée sans montant (Amt)",
        format: 'CAMT053',
        line: 167,
        reason: 'MISSING_FIELD',
      });
    });

    it('balances that do not add up', () => {
      const broken = text.replace('<Amt Ccy="EUR">17334.55</Amt>', '<Amt Ccy="EUR">17334.56</Amt>');
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 12, reason: 'BALANCE_MISMATCH' });
    });

    it('a file cut short', () => {
      const cut = text.split('\n').slice(0, 200).join('\n');
      expect(refusal(() => parseBankFile(cut))).toEqual({
        message:
          'Ligne 200 : fichier XML incomplet, éléments non fermés : Document > BkToCstmrStmt > Stmt > Ntry > NtryDtls > TxDtls > AmtDtls',
        format: 'CAMT053',
        line: 200,
        reason: 'TRUNCATED',
      });
    });

    it('malformed XML, with the XML parser line', () => {
      const broken = replaceLine(text, 153, (l) => l.replace('</Cdtr>', '</Dbtr>'));
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: "Ligne 153 : XML mal formé (Expected closing tag 'Cdtr' (opened in line 151, col 15) instead of closing tag 'Dbtr'.)",
        format: 'CAMT053',
        line: 153,
        reason: 'SYNTAX',
      });
    });

    it('an unreadable statement period', () => {
      const broken = text.replace('<FrDtTm>2026-11-30T00:00:00+01:00</FrDtTm>', '<FrDtTm>30/11/2026</FrDtTm>');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 12 : date illisible « 30/11/2026 » (FrToDt/FrDtTm)',
        format: 'CAMT053',
        line: 12,
        reason: 'BAD_DATE',
      });
    });

    it('XML the parser will not read (nested too deep)', () => {
      const deep = text.replace('<AddtlNtryInf>PRLV SEPA ORANGE SA</AddtlNtryInf>', `${'<X>'.repeat(150)}${'</X>'.repeat(150)}`);
      expect(refusal(() => parseBankFile(deep))).toEqual({
        message: 'XML refusé (Maximum nested tags exceeded)',
        format: 'CAMT053',
        line: null,
        reason: 'SYNTAX',
      });
    });

    it('a statement without an account', () => {
      const broken = text.replace('<IBAN>FR7630004008280001074251964</IBAN>', '');
      expect(refusal(() => parseBankFile(broken))).toMatchObject({
        line: 12,
        reason: 'MISSING_FIELD',
        message: 'Ligne 12 : relevé sans compte (Acct/Id)',
      });
    });
  });
});
