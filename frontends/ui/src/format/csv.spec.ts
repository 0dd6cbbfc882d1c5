import { describe, expect, it } from 'vitest';
import { csvAmount, csvCount, csvText, toCsv } from './csv';

describe('toCsv', () => {
  it('writes what French Excel opens as is: BOM, semicolons, decimal commas, CRLF', () => {
    const csv = toCsv(
      ['Client', 'Montant', 'Factures'],
      [
        [csvText('Hôtel des Ducs'), csvAmount('1234.50'), csvCount(3)],
        [csvText('SCI "Les Tilleuls"; bât. B'), csvAmount('-0.40'), csvCount(0)],
        [csvText(null), csvAmount(null), csvCount(null)],
      ],
    );
    expect(csv).toBe('\uFEFFClient;Montant;Factures\r\nHôtel des Ducs;1234,50;3\r\n"SCI ""Les Tilleuls""; bât. B";-0,40;0\r\n;;\r\n');
  });

  it('never lets a text be read as a formula', () => {
    expect(toCsv(['Libellé'], [[csvText('=HYPERLINK("x")')], [csvText('-12')], [csvText('@SUM')]])).toBe(
      '\uFEFFLibellé\r\n"\'=HYPERLINK(""x"")"\r\n\'-12\r\n\'@SUM\r\n',
    );
  });
});
