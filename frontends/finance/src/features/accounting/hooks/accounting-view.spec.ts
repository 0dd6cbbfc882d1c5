import { describe, expect, it } from 'vitest';
import {
  accountPrefix,
  balanceCsv,
  balancePeriod,
  changedParams,
  documentPath,
  entriesCsv,
  entriesFilter,
  entriesOfAccount,
  entryTotals,
  fiscalYearStart,
  isAccountPrefix,
  monthBounds,
  monthOf,
  recentMonths,
  vatCsv,
  vatMonth,
} from './accounting-view';

const line = (account: string, debit: string, credit: string, auxiliaryAccount: string | null = null) => ({
  account,
  accountLabel: null,
  auxiliaryAccount,
  auxiliaryLabel: null,
  label: 'Facture F2026-00012',
  debit,
  credit,
});

describe('the accounting page', () => {
  it('shows the entries of the current month in every journal unless the address says otherwise', () => {
    expect(entriesFilter(new URLSearchParams(), '2026-02-14')).toEqual({
      journal: null,
      from: '2026-02-01',
      to: '2026-02-28',
      account: '',
      customerId: null,
    });
    expect(entriesFilter(new URLSearchParams('journal=BQ&from=2026-01-01&to=2026-01-31&account=512&customer=c1'), '2026-02-14')).toEqual({
      journal: 'BQ',
      from: '2026-01-01',
      to: '2026-01-31',
      account: '512',
      customerId: 'c1',
    });
    expect(entriesFilter(new URLSearchParams('journal=XX'), '2026-02-14').journal).toBeNull();
  });

  it('counts months across years, leap Februaries included', () => {
    expect(monthOf('2026-01-15', -1)).toBe('2025-12');
    expect(monthOf('2026-12-31', 1)).toBe('2027-01');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(recentMonths('2026-02-14', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  it('declares last month’s VAT unless another month is asked for', () => {
    expect(vatMonth(new URLSearchParams(), '2026-01-05')).toBe('2025-12');
    expect(vatMonth(new URLSearchParams('month=2025-06'), '2026-01-05')).toBe('2025-06');
    expect(vatMonth(new URLSearchParams('month=2025-13'), '2026-01-05')).toBe('2025-12');
  });

  it('balances the fiscal year to date by default, 1 January without a fiscal year', () => {
    const years = [
      { startsOn: '2026-07-01', endsOn: '2027-06-30' },
      { startsOn: '2025-07-01', endsOn: '2026-06-30' },
    ];
    expect(fiscalYearStart(years, '2026-02-14')).toBe('2025-07-01');
    expect(fiscalYearStart([], '2026-02-14')).toBe('2026-01-01');
    expect(balancePeriod(new URLSearchParams(), '2026-02-14', '2025-07-01')).toEqual({ from: '2025-07-01', to: '2026-02-14' });
    expect(balancePeriod(new URLSearchParams('from=2026-01-01&to=2026-01-31'), '2026-02-14', '2025-07-01')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('opens the entries of a balance account over the balance’s period, and keeps the tab when a filter changes', () => {
    expect(entriesOfAccount('411000', { from: '2025-07-01', to: '2026-02-14' }).toString()).toBe(
      'tab=entries&account=411000&from=2025-07-01&to=2026-02-14',
    );
    expect(changedParams(new URLSearchParams('tab=entries&account=411'), { account: null, journal: 'VT' }).toString()).toBe(
      'tab=entries&journal=VT',
    );
  });

  it('reads an account prefix as the API does, refusing what no account number holds', () => {
    expect(accountPrefix(' 44571 ')).toBe('44571');
    expect(accountPrefix('c00042')).toBe('C00042');
    expect(isAccountPrefix('')).toBe(true);
    expect(isAccountPrefix('411')).toBe(true);
    expect(isAccountPrefix('41%')).toBe(false);
  });

  it('links an entry to the document it books', () => {
    expect(documentPath({ sourceType: 'INVOICE', sourceId: 'i1' })).toBe('/facturation/factures/i1');
    expect(documentPath({ sourceType: 'CREDIT_NOTE', sourceId: 'c1' })).toBe('/facturation/avoirs/c1');
    expect(documentPath({ sourceType: 'PAYMENT', sourceId: 'p1' })).toBe('/finance/payments/p1');
    expect(documentPath({ sourceType: 'BANK_MOVEMENT', sourceId: 'm1' })).toBe('/finance/bank');
    expect(documentPath({ sourceType: 'WRITE_OFF', sourceId: 'w1', invoice: { id: 'i2' } })).toBe('/facturation/factures/i2');
  });

  it('adds an entry’s debits and credits in exact cents', () => {
    const lines = [line('411000', '1234.56', '0.00', 'C00042'), line('706000', '0.00', '1028.80'), line('445711', '0.00', '205.76')];
    expect(entryTotals({ lines })).toEqual({ debit: '1234.56', credit: '1234.56' });
  });

  it('exports one line per entry line, with decimal commas', () => {
    const entry = {
      journal: 'VT' as const,
      entryDate: '2026-02-14',
      number: null,
      pieceRef: 'F2026-00012',
      label: 'Résidence Les Tilleuls',
      lines: [line('411000', '156.00', '0.00', 'C00042'), line('706000', '0.00', '156.00')],
    };
    expect(
      entriesCsv([entry], ['Date', 'Journal', 'N°', 'Pièce', 'Écriture', 'Compte', 'Intitulé', 'Auxiliaire', 'Libellé', 'Débit', 'Crédit']),
    ).toBe(
      '\uFEFFDate;Journal;N°;Pièce;Écriture;Compte;Intitulé;Auxiliaire;Libellé;Débit;Crédit\r\n' +
        '2026-02-14;VT;;F2026-00012;Résidence Les Tilleuls;411000;;C00042;Facture F2026-00012;156,00;0,00\r\n' +
        '2026-02-14;VT;;F2026-00012;Résidence Les Tilleuls;706000;;;Facture F2026-00012;0,00;156,00\r\n',
    );
  });

  it('exports the balance and the VAT with their totals', () => {
    const balance = {
      rows: [
        { account: '411000', label: 'Clients', debit: '156.00', credit: '0.00', balance: '156.00' },
        { account: '706000', label: null, debit: '0.00', credit: '156.00', balance: '-156.00' },
      ],
      totalDebit: '156.00',
      totalCredit: '156.00',
    };
    expect(balanceCsv(balance, ['Compte', 'Intitulé', 'Débit', 'Crédit', 'Solde'], 'Total')).toBe(
      '\uFEFFCompte;Intitulé;Débit;Crédit;Solde\r\n411000;Clients;156,00;0,00;156,00\r\n706000;;0,00;156,00;-156,00\r\nTotal;;156,00;156,00;\r\n',
    );
    const figures = { dueOnIssue: '20.00', invoicedOnPayment: '26.00', dueOnPayment: '10.00', due: '30.00' };
    expect(vatCsv({ rows: [{ rate: '20.00', ...figures }], totals: figures }, ['Taux', 'a', 'b', 'c', 'd'], 'Total')).toBe(
      '\uFEFFTaux;a;b;c;d\r\n20,00;20,00;26,00;10,00;30,00\r\nTotal;20,00;26,00;10,00;30,00\r\n',
    );
  });
});
