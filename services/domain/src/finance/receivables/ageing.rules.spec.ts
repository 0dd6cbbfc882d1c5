import { describe, expect, it } from 'vitest';
import { ageingBucket, ageingCsv, ageingTotals, ageRows, daysPastDue, shiftDate, toCollectThisWeek, type AgeingItem } from './ageing.rules';

const item = (over: Partial<AgeingItem> & Pick<AgeingItem, 'invoiceNumber' | 'dueDate' | 'openBalance'>): AgeingItem => ({
  invoiceId: `id-${over.invoiceNumber}`,
  customerId: 'c-dupont',
  customerName: 'Dupont Chauffage',
  ...over,
});

describe('ageingBucket', () => {
  const asOf = '2026-06-30';
  it.each([
    ['2026-07-15', 'NOT_DUE'],
    ['2026-06-30', 'NOT_DUE'], // due today
    ['2026-06-29', 'D1_30'], // 1 day late
    ['2026-05-31', 'D1_30'], // 30 days
    ['2026-05-30', 'D31_60'], // 31 days
    ['2026-05-01', 'D31_60'], // 60 days
    ['2026-04-30', 'D61_90'], // 61 days
    ['2026-04-01', 'D61_90'], // 90 days
    ['2026-03-31', 'D90_PLUS'], // 91 days
    ['2024-01-01', 'D90_PLUS'],
  ])('due %s -> %s at 2026-06-30', (dueDate, bucket) => {
    expect(ageingBucket(dueDate, asOf)).toBe(bucket);
  });

  it('counts calendar days across February of a leap year and the spring DST change', () => {
    expect(daysPastDue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysPastDue('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysPastDue('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysPastDue('2026-10-24', '2026-10-26')).toBe(2);
    expect(shiftDate('2026-03-28', 30)).toBe('2026-04-27');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => ageingBucket('30/06/2026', '2026-06-30')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => ageingBucket('2026-02-30', '2026-06-30')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('ageRows', () => {
  const asOf = '2026-06-30';
  const items: AgeingItem[] = [
    item({ invoiceNumber: 'F-2026-00001', dueDate: '2026-07-10', openBalance: '1200.00' }),
    item({ invoiceNumber: 'F-2026-00002', dueDate: '2026-06-10', openBalance: '0.10' }),
    item({ invoiceNumber: 'F-2026-00003', dueDate: '2026-06-01', openBalance: '0.20' }),
    item({ invoiceNumber: 'F-2026-00004', dueDate: '2026-01-15', openBalance: '333.33' }),
    item({ invoiceNumber: 'F-2026-00005', dueDate: '2026-05-15', openBalance: '0.00' }),
    item({ invoiceNumber: 'F-2026-00006', dueDate: '2026-06-20', openBalance: '-50.00' }),
    item({
      invoiceNumber: 'F-2026-00010',
      customerId: 'c-andre',
      customerName: 'Établissements André',
      dueDate: '2026-04-15',
      openBalance: '99.99',
    }),
    item({ invoiceNumber: 'F-2026-00011', customerId: 'c-zola', customerName: 'Zola SA', dueDate: '2026-06-30', openBalance: '10.01' }),
  ];

  it('sums open balances per customer and bucket, with column totals and a grand total to the cent', () => {
    const { rows, totals } = ageRows(items, asOf);
    expect(rows.map((r) => r.customerName)).toEqual(['Dupont Chauffage', 'Établissements André', 'Zola SA']);
    expect(rows[0]).toEqual({
      customerId: 'c-dupont',
      customerName: 'Dupont Chauffage',
      buckets: { NOT_DUE: '1200.00', D1_30: '-49.70', D31_60: '0.00', D61_90: '0.00', D90_PLUS: '333.33' },
      total: '1483.63',
    });
    expect(rows[1]!.buckets).toEqual({ NOT_DUE: '0.00', D1_30: '0.00', D31_60: '0.00', D61_90: '99.99', D90_PLUS: '0.00' });
    expect(rows[2]!.buckets.NOT_DUE).toBe('10.01');
    expect(totals).toEqual({
      buckets: { NOT_DUE: '1210.01', D1_30: '-49.70', D31_60: '0.00', D61_90: '99.99', D90_PLUS: '333.33' },
      total: '1593.63',
    });
  });

  it('adds 0.10 and 0.20 exactly (no float drift)', () => {
    const { totals } = ageRows(
      [
        item({ invoiceNumber: 'A', dueDate: '2026-06-01', openBalance: '0.10' }),
        item({ invoiceNumber: 'B', dueDate: '2026-06-01', openBalance: '0.20' }),
      ],
      asOf,
    );
    expect(totals.buckets.D1_30).toBe('0.30');
  });

  it('gives the same totals without the rows, from amounts already summed by due date (the dashboard)', () => {
    expect(ageingTotals(items, asOf)).toEqual(ageRows(items, asOf).totals);
    const summed = [
      { dueDate: '2026-07-10', openBalance: '1210.01' },
      { dueDate: '2026-06-10', openBalance: '0.10' },
      { dueDate: '2026-06-20', openBalance: '-49.80' },
      { dueDate: '2026-04-15', openBalance: '99.99' },
      { dueDate: '2026-01-15', openBalance: '333.33' },
    ];
    expect(ageingTotals(summed, asOf)).toEqual({
      buckets: { NOT_DUE: '1210.01', D1_30: '-49.70', D31_60: '0.00', D61_90: '99.99', D90_PLUS: '333.33' },
      total: '1593.63',
    });
    expect(ageingTotals([], asOf).total).toBe('0.00');
  });

  it('leaves out customers with nothing open and gives zero totals for no items', () => {
    expect(ageRows([item({ invoiceNumber: 'X', dueDate: '2026-06-01', openBalance: '0.00' })], asOf).rows).toEqual([]);
    expect(ageRows([], asOf).totals.total).toBe('0.00');
  });

  it('exports a CSV French Excel opens: BOM, semicolons, decimal commas, French headers, CRLF, a total line', () => {
    const { rows, totals } = ageRows(items, asOf);
    const csv = ageingCsv(rows, totals);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Client;Non échu;1 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total',
      'Dupont Chauffage;1200,00;-49,70;0,00;0,00;333,33;1483,63',
      'Établissements André;0,00;0,00;0,00;99,99;0,00;99,99',
      'Zola SA;10,01;0,00;0,00;0,00;0,00;10,01',
      'Total;1210,01;-49,70;0,00;99,99;333,33;1593,63',
      '',
    ]);
  });

  it('quotes names with a semicolon or quotes, and never lets a name be read as a formula', () => {
    const { rows, totals } = ageRows(
      [
        item({ invoiceNumber: 'A', customerId: 'a', customerName: 'Martin; Fils "Frères"', dueDate: '2026-07-01', openBalance: '1.00' }),
        item({ invoiceNumber: 'B', customerId: 'b', customerName: '=HYPERLINK("x")', dueDate: '2026-07-01', openBalance: '2.00' }),
      ],
      asOf,
    );
    const lines = ageingCsv(rows, totals).slice(1).split('\r\n');
    expect(lines).toContain('"Martin; Fils ""Frères""";1,00;0,00;0,00;0,00;0,00;1,00');
    expect(lines).toContain(`"'=HYPERLINK(""x"")";2,00;0,00;0,00;0,00;0,00;2,00`);
  });
});

describe('toCollectThisWeek', () => {
  const today = '2026-06-30';
  it('lists overdue invoices and those falling due within 7 days, largest amount first', () => {
    const list = toCollectThisWeek(
      [
        item({ invoiceNumber: 'F-1', dueDate: '2026-07-07', openBalance: '500.00' }), // due in 7 days: in
        item({ invoiceNumber: 'F-2', dueDate: '2026-07-08', openBalance: '9000.00' }), // in 8 days: out
        item({ invoiceNumber: 'F-3', dueDate: '2026-03-01', openBalance: '1500.50' }), // long overdue: in
        item({ invoiceNumber: 'F-4', dueDate: '2026-06-30', openBalance: '1500.50' }), // due today: in, after F-3 (same amount, later due)
        item({ invoiceNumber: 'F-5', dueDate: '2026-06-01', openBalance: '0.00' }), // paid: out
        item({ invoiceNumber: 'F-6', dueDate: '2026-06-01', openBalance: '-20.00' }), // credit: out
        item({ invoiceNumber: 'F-7', dueDate: '2026-06-29', openBalance: '99.99' }),
      ],
      today,
    );
    expect(list.map((i) => [i.invoiceNumber, i.openBalance, i.daysPastDue, i.bucket])).toEqual([
      ['F-3', '1500.50', 121, 'D90_PLUS'],
      ['F-4', '1500.50', 0, 'NOT_DUE'],
      ['F-1', '500.00', -7, 'NOT_DUE'],
      ['F-7', '99.99', 1, 'D1_30'],
    ]);
  });

  it('sorts by amount as decimals, not as text ("1000.00" before "999.99")', () => {
    const list = toCollectThisWeek(
      [
        item({ invoiceNumber: 'A', dueDate: '2026-06-01', openBalance: '999.99' }),
        item({ invoiceNumber: 'B', dueDate: '2026-06-01', openBalance: '1000.00' }),
      ],
      today,
    );
    expect(list.map((i) => i.invoiceNumber)).toEqual(['B', 'A']);
  });
});
