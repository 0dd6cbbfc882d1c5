import { describe, expect, it } from 'vitest';
import { decodeBankFile, detectBankFileFormat, parseBankFile } from './index';
import { fixture, fixtureText, refusal } from './spec-support';

describe('bank file format detection', () => {
  it.each([
    ['camt053-001.02-bnp-2026-11-30.xml', 'CAMT053'],
    ['camt053-001.08-sg-2026-12-01.xml', 'CAMT053'],
    ['ofx1-ca-2026-11-01-20-cp1252.ofx', 'OFX'],
    ['ofx1-ca-2026-11-15-30-utf8.ofx', 'OFX'],
    ['ofx2-boursobank-2026-12.ofx', 'OFX'],
    ['cfonb120-lcl-2026-11-26-27.txt', 'CFONB120'],
    ['cfonb120-lcl-2026-11-26-27-sans-retour-ligne.txt', 'CFONB120'],
    ['cfonb120-lcl-2026-11-27-28-latin1.txt', 'CFONB120'],
  ])('%s is %s', (name, format) => {
    expect(detectBankFileFormat(decodeBankFile(fixture(name)))).toBe(format);
  });

  it('recognises OFX without its header, and leading blank lines or a BOM', () => {
    expect(detectBankFileFormat('<OFX>\n<BANKMSGSRSV1>')).toBe('OFX');
    expect(detectBankFileFormat('\uFEFF\r\n' + fixtureText('camt053-001.08-sg-2026-12-01.xml'))).toBe('CAMT053');
  });

  it('recognises nothing else', () => {
    expect(detectBankFileFormat('Date;Libellé;Débit;Crédit\n01/12/2026;VIR SEPA;;120,00\n')).toBeNull();
    expect(detectBankFileFormat('<?xml version="1.0"?><Document><BkToCstmrDbtCdtNtfctn/></Document>')).toBeNull();
    expect(detectBankFileFormat('<html><body>Session expirée</body></html>')).toBeNull();
    expect(detectBankFileFormat('0123456789')).toBeNull();
  });
});

describe('parseBankFile', () => {
  it('decodes UTF-8 when valid, windows-1252 otherwise, and drops a BOM', () => {
    expect(decodeBankFile(Buffer.from([0xef, 0xbb, 0xbf, 0x43, 0xc3, 0x89]))).toBe('CÉ');
    expect(decodeBankFile(Buffer.from([0x43, 0xc9, 0x20, 0x80]))).toBe('CÉ €');
    expect(decodeBankFile(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe('Aé');
  });

  it('uses the format it is told', () => {
    expect(parseBankFile(fixture('cfonb120-lcl-2026-11-26-27.txt'), 'CFONB120')).toHaveLength(2);
    expect(refusal(() => parseBankFile(fixture('cfonb120-lcl-2026-11-26-27.txt'), 'CAMT053'))).toMatchObject({ format: 'CAMT053' });
  });

  it('refuses an empty file', () => {
    expect(refusal(() => parseBankFile(Buffer.from('  \r\n')))).toEqual({
      message: 'fichier vide',
      format: null,
      line: null,
      reason: 'EMPTY',
    });
  });

  it('refuses an unknown format, and says what a CAMT.054 is', () => {
    expect(refusal(() => parseBankFile('Date;Libellé;Montant\n'))).toEqual({
      message: 'format de relevé non reconnu (CAMT.053, OFX ou CFONB 120 attendu)',
      format: null,
      line: null,
      reason: 'UNKNOWN_FORMAT',
    });
    const camt054 =
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>';
    expect(refusal(() => parseBankFile(camt054)).message).toBe("fichier CAMT.054 (avis d'opérations) : importez un relevé CAMT.053");
  });

  it('refuses a CAMT document without statement', () => {
    const empty =
      '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt>\n<GrpHdr><MsgId>X</MsgId></GrpHdr>\n</BkToCstmrStmt>\n</Document>\n';
    expect(refusal(() => parseBankFile(empty))).toMatchObject({ reason: 'NO_STATEMENT', format: 'CAMT053' });
  });
});
