import { describe, expect, it } from 'vitest';
import { parseBankFile } from './index';
import { fixture, fixtureText, refusal, replaceLine, withoutLines } from './spec-support';

const FILE_A = 'cfonb120-lcl-2026-11-26-27.txt';
const FILE_A_NO_BREAKS = 'cfonb120-lcl-2026-11-26-27-sans-retour-ligne.txt';
const FILE_B_LATIN1 = 'cfonb120-lcl-2026-11-27-28-latin1.txt';

/** Builds CFONB 120 records for hand-made cases (account 30002 00550 0000157841Z, EUR). */
const head = (code: string, op = '    ', decimals = 2) => `${code}30002${op}00550EUR${decimals} 0000157841Z`;
const balance = (code: '01' | '07', date: string, amount: string, decimals = 2) =>
  `${head(code, '    ', decimals)}  ${date}${' '.repeat(50)}${amount}${' '.repeat(16)}`;
const movement = (date: string, amount: string, label = 'CB TOTAL STATION', ref = '', decimals = 2) =>
  `${head('04', '0620', decimals)}08${date}  ${date}${label.padEnd(31)}  0012401  ${amount}${ref.padEnd(16)}`;
const complement = (date: string, qualifier: string, info: string) => `${head('05', '0620')}08${date}     ${qualifier}${info.padEnd(70)}  `;
const file = (...records: string[]) => records.join('\r\n') + '\r\n';

describe('CFONB 120 statements', () => {
  it('reads one statement per 01…07 block, with the IBAN computed from the RIB (letters in the account number)', () => {
    const statements = parseBankFile(fixture(FILE_A));
    expect(statements).toHaveLength(2);
    const [day26, day27] = statements;
    expect({ ...day26!, movements: undefined }).toEqual({
      format: 'CFONB120',
      accountIban: 'FR3330002005500000157841Z25',
      accountNumber: '0000157841Z',
      currency: 'EUR',
      statementId: null,
      fromDate: '2026-11-25',
      toDate: '2026-11-26',
      openingBalance: '8452.10',
      closingBalance: '9802.20',
      movements: undefined,
    });
    expect(day26!.movements.map((m) => [m.line, m.bookingDate, m.amount])).toEqual([
      [2, '2026-11-26', '1440.00'],
      [8, '2026-11-26', '-89.90'],
    ]);
    expect(day27!.movements.map((m) => [m.line, m.amount, m.label])).toEqual([
      [15, '-45.00', 'CB TOTAL STATION 26/11'],
      [16, '-45.00', 'CB TOTAL STATION 26/11'],
      [17, '1230.00', 'REMISE CHEQUES 3 CHQ BORDEREAU 0001234'],
      [19, '-8.00', 'F COMMISSION D INTERVENTION'],
    ]);
    expect([day27!.openingBalance, day27!.closingBalance, day27!.fromDate, day27!.toDate]).toEqual([
      '9802.20',
      '10934.20',
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('attaches the 05 complements to the 04 before them: LIB, NPY, RCN, LCC + LC2', () => {
    const [credit, debit] = parseBankFile(fixture(FILE_A))[0]!.movements;
    expect(credit).toEqual({
      bookingDate: '2026-11-26',
      valueDate: '2026-11-26',
      amount: '1440.00',
      currency: 'EUR',
      label: 'VIR SEPA RECU /DE SCI LES TILLE /MOTIF FACTURE F-2026-00412',
      // LCC and LC2 are one 140-character text cut at 70.
      remittanceInfo: 'FACTURE F-2026-00412 CONTRAT ENTRETIEN CHAUDIERE GAZ 12 RUE DES LILAS 69003 LYON',
      counterpartyName: 'SCI LES TILLEULS',
      counterpartyIban: null,
      bankReference: 'VR26330123456789',
      endToEndId: 'F-2026-00412',
      mandateId: null,
      batchReference: null,
      returnReasonCode: null,
      bankTransactionCode: '05',
      details: [],
      line: 2,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // A debit names the beneficiary (NBE); IBE holds the creditor identifier (ICS), not an IBAN.
    expect(debit).toMatchObject({
      label: 'PRLV SEPA ORANGE SA',
      remittanceInfo: 'PRLV ORANGE PRO FACTURE NOVEMBRE 2026',
      counterpartyName: 'ORANGE SA',
      counterpartyIban: null,
      bankReference: null,
      endToEndId: 'ORA2611260098213',
      bankTransactionCode: 'B1',
    });
  });

  it('splits a file without line breaks every 120 characters, lines being record numbers', () => {
    expect(fixture(FILE_A_NO_BREAKS).includes(0x0a)).toBe(false);
    expect(parseBankFile(fixture(FILE_A_NO_BREAKS))).toEqual(parseBankFile(fixture(FILE_A)));
  });

  it('ignores blank lines and a DOS end-of-file mark', () => {
    const text = fixtureText(FILE_A).replace('\r\n01', '\r\n\r\n01') + '\u001a';
    expect(withoutLines(parseBankFile(text).flatMap((s) => s.movements))).toEqual(
      withoutLines(parseBankFile(fixture(FILE_A)).flatMap((s) => s.movements)),
    );
  });

  it('reads a windows-1252 file whose trailing spaces were stripped, LF line breaks', () => {
    const text = fixture(FILE_B_LATIN1).toString('latin1');
    expect(text.split('\n')[0]!.length).toBe(104); // 01 record cut after its amount
    const [, day28] = parseBankFile(fixture(FILE_B_LATIN1));
    expect(day28!.movements).toEqual([
      expect.objectContaining({
        label: 'VIR SEPA RECU /DE MME HÉLÈNE MA',
        counterpartyName: 'MME HÉLÈNE MARTIN',
        amount: '96.50',
        endToEndId: 'F-2026-00405',
        line: 9,
      }),
    ]);
    expect(day28!.closingBalance).toBe('11030.70');
  });

  it('gives the same fingerprints to the day two overlapping files both hold, and distinct ones to identical card payments', () => {
    const fromA = parseBankFile(fixture(FILE_A))[1]!;
    const fromB = parseBankFile(fixture(FILE_B_LATIN1))[0]!;
    expect(fromB.toDate).toBe('2026-11-27');
    expect(withoutLines(fromB.movements)).toEqual(withoutLines(fromA.movements));
    const [card1, card2] = fromA.movements;
    expect([card1!.label, card1!.amount, card1!.bookingDate, card1!.bankReference]).toEqual([
      card2!.label,
      card2!.amount,
      card2!.bookingDate,
      null,
    ]);
    expect(card1!.fingerprint).not.toBe(card2!.fingerprint);
    const all = parseBankFile(fixture(FILE_A)).flatMap((s) => s.movements);
    expect(new Set(all.map((m) => m.fingerprint)).size).toBe(all.length);
  });

  it('decodes the signed last character of amounts with the number of decimals of the record', () => {
    const amountOf = (amount: string, decimals = 2) => {
      const zero = '0000000000000{';
      const records = [
        balance('01', '301126', zero, decimals),
        movement('011226', amount, 'X', '', decimals),
        balance('07', '011226', amount, decimals),
      ];
      const [statement] = parseBankFile(file(...records));
      expect(statement!.closingBalance).toBe(statement!.movements[0]!.amount);
      return statement!.movements[0]!.amount;
    };
    expect(amountOf('0000000001234{')).toBe('123.40');
    expect(amountOf('0000000001234A')).toBe('123.41');
    expect(amountOf('0000000001234I')).toBe('123.49');
    expect(amountOf('0000000001234}')).toBe('-123.40');
    expect(amountOf('0000000001234J')).toBe('-123.41');
    expect(amountOf('0000000001234R')).toBe('-123.49');
    expect(amountOf('0000000000000}')).toBe('0.00');
    expect(amountOf('0000000001234E', 0)).toBe('12345.00');
    expect(amountOf('0000000001234{', 3)).toBe('12.34');
    expect(refusal(() => amountOf('0000000001234A', 3))).toMatchObject({ line: 2, reason: 'BAD_AMOUNT' });
  });

  it('reads a file whose balances add up, balances signed', () => {
    const [statement] = parseBankFile(
      file(
        balance('01', '301126', '0000000001000}'), // -100.00
        movement('011226', '0000000000250{'), // +25.00
        complement('011226', 'NPY', 'GARAGE DES ALPES'),
        movement('011226', '0000000000010J', 'FRAIS'), // -1.01
        balance('07', '011226', '0000000000760J'), // -76.01
      ),
    );
    expect([statement!.openingBalance, statement!.closingBalance]).toEqual(['-100.00', '-76.01']);
    expect(statement!.movements.map((m) => [m.amount, m.counterpartyName])).toEqual([
      ['25.00', 'GARAGE DES ALPES'],
      ['-1.01', null],
    ]);
  });

  describe('refuses the whole file on one bad record, naming its line', () => {
    const text = fixtureText(FILE_A);

    it('an unreadable amount', () => {
      const broken = replaceLine(text, 17, (l) => `${l.slice(0, 90)}00000000123O0{${l.slice(104)}`);
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 17 : montant illisible « 00000000123O0{ »',
        format: 'CFONB120',
        line: 17,
        reason: 'BAD_AMOUNT',
      });
    });

    it('an amount whose last character is not a sign code', () => {
      const broken = replaceLine(text, 8, (l) => `${l.slice(0, 103)}5${l.slice(104)}`);
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 8, reason: 'BAD_AMOUNT' });
    });

    it('a record longer than 120 characters', () => {
      const broken = replaceLine(text, 2, (l) => `${l.slice(0, 60)}X${l.slice(60)}`);
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 2 : enregistrement de 121 caractères au lieu de 120',
        format: 'CFONB120',
        line: 2,
        reason: 'RECORD_LENGTH',
      });
    });

    it('a record cut before its amount', () => {
      const broken = replaceLine(text, 16, (l) => l.slice(0, 80));
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 16, reason: 'RECORD_LENGTH' });
    });

    it('a character missing inside a record (the amount shifts and no longer reads)', () => {
      const broken = replaceLine(text, 17, (l) => `${l.slice(0, 50)}${l.slice(51)}`);
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 17, reason: 'BAD_AMOUNT' });
    });

    it('a 05 complement without a 04 before it', () => {
      const broken = file(
        balance('01', '301126', '0000000000000{'),
        complement('011226', 'LIB', 'ORPHELIN'),
        balance('07', '011226', '0000000000000{'),
      );
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 2 : complément (05) sans mouvement (04) qui le précède',
        format: 'CFONB120',
        line: 2,
        reason: 'UNEXPECTED_RECORD',
      });
    });

    it('a 05 complement after the 07 of its block', () => {
      const lines = text.split('\r\n');
      const broken = [...lines.slice(0, 13), lines[11]!, ...lines.slice(13)].join('\r\n');
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: "Ligne 14 : enregistrement 05 hors d'un relevé (01 attendu avant)",
        format: 'CFONB120',
        line: 14,
        reason: 'UNEXPECTED_RECORD',
      });
    });

    it('an unknown record type', () => {
      const broken = replaceLine(text, 3, (l) => `03${l.slice(2)}`);
      expect(refusal(() => parseBankFile(broken))).toMatchObject({
        message: "Ligne 3 : type d'enregistrement « 03 » inconnu (01, 04, 05 ou 07 attendu)",
        reason: 'UNEXPECTED_RECORD',
      });
    });

    it('an impossible date', () => {
      const broken = replaceLine(text, 15, (l) => `${l.slice(0, 34)}310226${l.slice(40)}`);
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: 'Ligne 15 : date de comptabilisation illisible « 310226 »',
        format: 'CFONB120',
        line: 15,
        reason: 'BAD_DATE',
      });
    });

    it('a statement without its closing 07 (file cut short)', () => {
      const broken = text.split('\r\n').slice(0, 18).join('\r\n');
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 14, reason: 'TRUNCATED' });
    });

    it('a new balance that does not add up', () => {
      const broken = replaceLine(text, 20, (l) => `${l.slice(0, 90)}0000000109343{${l.slice(104)}`);
      expect(refusal(() => parseBankFile(broken))).toEqual({
        message: "Ligne 20 : le nouveau solde 10934.30 ne correspond pas à l'ancien solde (ligne 14) plus les mouvements (10934.20)",
        format: 'CFONB120',
        line: 20,
        reason: 'BALANCE_MISMATCH',
      });
    });

    it('a movement of another account inside a statement', () => {
      const broken = replaceLine(text, 15, (l) => `${l.slice(0, 21)}00001578410${l.slice(32)}`);
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ line: 15, reason: 'UNEXPECTED_RECORD' });
    });

    it('a file without line breaks that lost a character', () => {
      const flat = fixture(FILE_A_NO_BREAKS).toString('latin1');
      const broken = `${flat.slice(0, 500)}${flat.slice(501)}`; // inside record 5, a 05 whose free text absorbs the shift
      expect(refusal(() => parseBankFile(broken))).toMatchObject({ format: 'CFONB120', line: 6, reason: 'UNEXPECTED_RECORD' });
    });
  });
});
