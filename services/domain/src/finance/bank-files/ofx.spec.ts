import { describe, expect, it } from 'vitest';
import { parseBankFile } from './index';
import { fixture, fixtureText, refusal, replaceLine } from './spec-support';

const SGML_1252 = 'ofx1-ca-2026-11-01-20-cp1252.ofx';
const SGML_UTF8 = 'ofx1-ca-2026-11-15-30-utf8.ofx';
const XML_OFX2 = 'ofx2-boursobank-2026-12.ofx';

/** A minimal OFX 1 file around the given STMTTRN bodies. */
function sgml(transactions: string[], account = '<BANKID>13306\n<BRANCHID>00030\n<ACCTID>12345678901'): string {
  const body = transactions.map((t) => `<STMTTRN>\n${t}\n</STMTTRN>`).join('\n');
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM>\n${account}\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>20261101\n<DTEND>20261130\n${body}\n</BANKTRANLIST>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n`;
}
const transaction = (amount: string, name = 'CB TEST', fitid = 'F1') =>
  `<TRNTYPE>POS\n<DTPOSTED>20261110\n<TRNAMT>${amount}\n<FITID>${fitid}\n<NAME>${name}`;
const amountOf = (amount: string) => parseBankFile(sgml([transaction(amount)]))[0]!.movements[0]!.amount;

describe('OFX statements', () => {
  it('reads an OFX 1 SGML file without closing tags, windows-1252, French decimal commas', () => {
    const bytes = fixture(SGML_1252);
    expect(bytes.includes(Buffer.from('DÉPÔT', 'utf8'))).toBe(false); // really windows-1252
    const [statement] = parseBankFile(bytes);
    expect({ ...statement!, movements: statement!.movements.length }).toEqual({
      format: 'OFX',
      accountIban: 'FR7613306000301234567890111', // BANKID + BRANCHID + ACCTID, key computed
      accountNumber: '12345678901',
      currency: 'EUR',
      statementId: null,
      fromDate: '2026-11-01',
      toDate: '2026-11-20',
      openingBalance: null,
      closingBalance: '8452.10',
      movements: 7,
    });
    expect(statement!.movements.map((m) => [m.line, m.bookingDate, m.amount, m.label, m.bankReference])).toEqual([
      [40, '2026-11-03', '1250.00', 'VIR SEPA SCI LES TILLEULS F-2026-00388 ENTRETIEN ANNUEL', '2026110300001'],
      [49, '2026-11-05', '-156.40', 'PRLV SEPA EDF ECH/051126 CONTRAT 004512', '2026110500002'], // MEMO repeats NAME
      [58, '2026-11-12', '-320.00', 'CHEQUE 8123456', '2026111200003'],
      [67, '2026-11-15', '-62.35', 'CB BRICO DÉPÔT 14/11', '2026111500004'],
      [76, '2026-11-18', '96.50', 'VIR SEPA MME HÉLÈNE MARTIN F-2026-00405', '2026111800005'],
      [85, '2026-11-20', '-8.00', 'FRAIS VIREMENT INSTANTANE', '2026112000006'],
      [93, '2026-11-20', '-8.00', 'FRAIS VIREMENT INSTANTANE', '2026112000007'],
    ]);
    expect(statement!.movements[3]).toEqual({
      bookingDate: '2026-11-15', // DTPOSTED 20261115120000[+1:CET]
      valueDate: '2026-11-14', // DTAVAIL
      amount: '-62.35',
      currency: 'EUR',
      label: 'CB BRICO DÉPÔT 14/11',
      remittanceInfo: '',
      counterpartyName: null,
      counterpartyIban: null,
      bankReference: '2026111500004',
      endToEndId: null,
      mandateId: null,
      batchReference: null,
      returnReasonCode: null,
      bankTransactionCode: 'POS',
      details: [],
      line: 67,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('reads UTF-8 content even when the header claims CHARSET:1252', () => {
    expect(fixtureText(SGML_UTF8)).toContain('CHARSET:1252');
    const [statement] = parseBankFile(fixture(SGML_UTF8));
    expect(statement!.movements[0]!.label).toBe('CB BRICO DÉPÔT 14/11');
    expect(statement!.movements.map((m) => m.amount)).toEqual(['-62.35', '96.50', '-8.00', '-8.00', '-2345.67', '1.25']);
    expect([statement!.fromDate, statement!.toDate, statement!.closingBalance]).toEqual(['2026-11-15', '2026-11-30', '6107.68']);
  });

  it('gives the movements two overlapping downloads share the same fingerprints', () => {
    const [first] = parseBankFile(fixture(SGML_1252));
    const [second] = parseBankFile(fixture(SGML_UTF8));
    const shared = first!.movements.slice(3);
    expect(second!.movements.slice(0, 4).map((m) => m.fingerprint)).toEqual(shared.map((m) => m.fingerprint));
    const all = [...first!.movements, ...second!.movements.slice(4)];
    expect(new Set(all.map((m) => m.fingerprint)).size).toBe(9);
  });

  it('reads an OFX 2 XML file with a bank and a credit card statement', () => {
    const [bank, card] = parseBankFile(fixture(XML_OFX2));
    expect([bank!.accountIban, bank!.accountNumber, bank!.fromDate, bank!.toDate, bank!.closingBalance]).toEqual([
      'FR7640618800000004012345617', // ACCTKEY 17 checked
      '00040123456',
      '2026-12-01',
      '2026-12-07',
      '5306.60',
    ]);
    expect(bank!.movements.map((m) => [m.line, m.bookingDate, m.valueDate, m.amount, m.label, m.counterpartyName])).toEqual([
      [33, '2026-12-02', '2026-12-02', '2400.00', 'VIR DUPONT & FILS SARL ACOMPTE DEVIS D-2026-0081', null],
      [42, '2026-12-04', null, '-74.90', 'PRLV FREE TELECOM', 'PRLV FREE TELECOM'], // PAYEE aggregate, empty MEMO
      [57, '2026-12-07', null, '-18.50', 'CB PARKING INDIGO LYON', null],
    ]);
    expect({ ...card!, movements: card!.movements.map((m) => [m.amount, m.label, m.bankReference]) }).toEqual({
      format: 'OFX',
      accountIban: null,
      accountNumber: '4974XXXXXXXX1234',
      currency: 'EUR',
      statementId: null,
      fromDate: '2026-12-01',
      toDate: '2026-12-07',
      openingBalance: null,
      closingBalance: '-129.99',
      movements: [['-129.99', 'RUBIX FRANCE OUTILLAGE', 'BB20261203CC0001']],
    });
  });

  it('reads amounts with a sign, a comma or a dot, and spaces between thousands', () => {
    expect(amountOf('-12,50')).toBe('-12.50');
    expect(amountOf('+1 234,56')).toBe('1234.56');
    expect(amountOf('1234.5')).toBe('1234.50');
    expect(amountOf(',75')).toBe('0.75');
    expect(amountOf('-.5')).toBe('-0.50');
    expect(amountOf('-0,00')).toBe('0.00');
    expect(amountOf('12,500')).toBe('12.50');
  });

  it('finds the French IBAN from ACCTID with its key, ACCTKEY, or an IBAN given as ACCTID', () => {
    const ibanOf = (account: string) => parseBankFile(sgml([transaction('1,00')], account))[0]!.accountIban;
    expect(ibanOf('<BANKID>13306\n<BRANCHID>00030\n<ACCTID>1234567890111')).toBe('FR7613306000301234567890111');
    expect(ibanOf('<BANKID>13306\n<BRANCHID>00030\n<ACCTID>12345678901\n<ACCTKEY>11')).toBe('FR7613306000301234567890111');
    expect(ibanOf('<BANKID>13306\n<BRANCHID>00030\n<ACCTID>12345678901\n<ACCTKEY>12')).toBeNull(); // wrong key: no guess
    expect(ibanOf('<BANKID>BNPAFRPP\n<ACCTID>FR76 3000 4008 2800 0107 4251 964')).toBe('FR7630004008280001074251964');
    expect(ibanOf('<BANKID>021000021\n<ACCTID>000123456789')).toBeNull(); // not French
  });

  it('accepts SGML leaves that are closed anyway, and an empty leaf', () => {
    const file = sgml([
      '<TRNTYPE>DEBIT\n<DTPOSTED>20261110</DTPOSTED>\n<TRNAMT>-12,50</TRNAMT>\n<FITID>A1\n<NAME>PRLV SEPA URSSAF\n<MEMO>',
      transaction('3,00', 'VIR RECU', 'A2'),
    ]);
    expect(parseBankFile(file)[0]!.movements.map((m) => [m.amount, m.label, m.bankReference])).toEqual([
      ['-12.50', 'PRLV SEPA URSSAF', 'A1'],
      ['3.00', 'VIR RECU', 'A2'],
    ]);
  });

  it('reads a file on a single line', () => {
    const oneLine = fixtureText(SGML_UTF8).replace(/\n(?=<)/g, '');
    const [statement] = parseBankFile(oneLine);
    expect(statement!.movements).toHaveLength(6);
    expect(statement!.movements.every((m) => m.line === 10)).toBe(true); // the header keeps its lines
  });

  describe('refuses the whole file, naming the line', () => {
    it('an unreadable amount', () => {
      const broken = replaceLine(fixtureText(SGML_UTF8), 53, () => '<TRNAMT>12,3X');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 53 : montant illisible « 12,3X »',
        format: 'OFX',
        line: 53,
        reason: 'BAD_AMOUNT',
      });
    });

    it('an amount with thousands separators that could be decimals', () => {
      expect(refusal(() => amountOf('1.234,56'))).toMatchObject({ message: 'Ligne 22 : montant illisible « 1.234,56 »' });
      expect(refusal(() => amountOf('12,345'))).toMatchObject({
        reason: 'BAD_AMOUNT',
        message: 'Ligne 22 : montant « 12,345 » à plus de 2 décimales',
      });
    });

    it('a movement without a booking date', () => {
      const broken = replaceLine(fixtureText(SGML_UTF8), 51, () => '');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 49 : champ obligatoire DTPOSTED (date de comptabilisation) absent dans <STMTTRN>',
        format: 'OFX',
        line: 49,
        reason: 'MISSING_FIELD',
      });
    });

    it('an impossible date', () => {
      const broken = replaceLine(fixtureText(SGML_UTF8), 51, () => '<DTPOSTED>20261131');
      expect(refusal(() => parseBankFile(broken))).toMatchObject({
        line: 51,
        reason: 'BAD_DATE',
        message: 'Ligne 51 : date illisible « 20261131 » (DTPOSTED)',
      });
    });

    it('a file cut short', () => {
      const cut = fixtureText(SGML_UTF8).split('\n').slice(0, 70).join('\n');
      expect(refusal(() => parseBankFile(cut))).toEqual({
        message: 'Ligne 70 : fichier OFX incomplet : <STMTTRN> ouvert ligne 66 jamais fermé',
        format: 'OFX',
        line: 70,
        reason: 'TRUNCATED',
      });
    });

    it('malformed OFX 2 XML, with the XML parser line', () => {
      const broken = replaceLine(fixtureText(XML_OFX2), 39, (l) => l.replace('</NAME>', '</NOM>'));
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: "Ligne 39 : XML mal formé (Expected closing tag 'NAME' (opened in line 39, col 13) instead of closing tag 'NOM'.)",
        format: 'OFX',
        line: 39,
        reason: 'SYNTAX',
      });
    });

    it('an OFX file without a statement', () => {
      const noStatement =
        'OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n</STATUS>\n</SONRS>\n</SIGNONMSGSRSV1>\n</OFX>\n';
      expect(refusal(() => parseBankFile(noStatement))).toMatchObject({ format: 'OFX', line: null, reason: 'NO_STATEMENT' });
    });
  });
});
