import { describe, expect, it } from 'vitest';
import type { RateCard } from '../maintenance/contract.rules';
import { customerListRates, listPrices, type AppliedPriceList, type CatalogPriceItem } from './list-prices';
import { priceIntervention, type ReportForPricing } from './pricing';
import { invoiceTotals } from './totals';

const CATALOG: CatalogPriceItem[] = [
  { id: 'mo-n', code: 'MO-NORMAL', unit: 'h', salePrice: '65.00' },
  { id: 'mo-hs', code: 'MO-HS', unit: 'h', salePrice: '81.25' },
  { id: 'dep', code: 'DEP-FORFAIT', unit: 'forfait', salePrice: '45.00' },
  { id: 'fil', code: 'FIL-G4-592', unit: 'u', salePrice: '18.50' },
  { id: 'det', code: 'SSI-DET-OPT', unit: 'u', salePrice: '58.00' },
  { id: 'flu', code: 'FLU-R32', unit: 'kg', salePrice: '90.00' },
];
const LIST_RATE_ITEMS = CATALOG.slice(0, 3);
const PARTS = CATALOG.slice(3);

const GRANDS_COMPTES: AppliedPriceList = {
  name: 'Grands comptes',
  prices: new Map([
    ['mo-n', '58.0000'],
    ['dep', '39.5000'],
    ['fil', '15.1234'],
    ['flu', '90.0000'],
  ]),
};

describe('listPrices', () => {
  it('takes the price list’s price where it has one, saying what it replaces, and the catalog’s elsewhere', () => {
    const prices = listPrices(CATALOG, GRANDS_COMPTES);
    expect(Object.fromEntries(prices)).toEqual({
      'mo-n': { unitPrice: '58.0000', reason: 'Tarif « Grands comptes » : 58,00 €/h au lieu de 65,00 €', fromPriceList: true },
      'mo-hs': { unitPrice: '81.25', reason: 'Prix catalogue', fromPriceList: false },
      dep: { unitPrice: '39.5000', reason: 'Tarif « Grands comptes » : 39,50 € au lieu de 45,00 €', fromPriceList: true },
      fil: { unitPrice: '15.1234', reason: 'Tarif « Grands comptes » : 15,1234 € au lieu de 18,50 €', fromPriceList: true },
      det: { unitPrice: '58.00', reason: 'Prix catalogue', fromPriceList: false },
      flu: { unitPrice: '90.0000', reason: 'Tarif « Grands comptes » : 90,00 €/kg, identique au prix catalogue', fromPriceList: true },
    });
  });

  it('gives the catalog prices to a customer without a price list', () => {
    const prices = listPrices(CATALOG, null);
    expect([...prices.values()].map((p) => [p.unitPrice, p.reason, p.fromPriceList])).toEqual(
      CATALOG.map((c) => [c.salePrice, 'Prix catalogue', false]),
    );
  });
});

describe('customerListRates', () => {
  it('overrides the labour and travel list rates the price list sets, with their reasons; defaults where the catalog has no item', () => {
    const { rates, reasons } = customerListRates(LIST_RATE_ITEMS, GRANDS_COMPTES);
    expect(rates.labourRates).toEqual({ NORMAL: '58.0000', OVERTIME: '81.25', NIGHT: '97.50', WEEKEND_HOLIDAY: '130.00' });
    expect(rates.travelFlatFee).toBe('39.5000');
    expect(reasons).toEqual({
      NORMAL: 'Tarif « Grands comptes » : 58,00 €/h au lieu de 65,00 €',
      TRAVEL: 'Tarif « Grands comptes » : 39,50 € au lieu de 45,00 €',
    });
    expect(customerListRates(LIST_RATE_ITEMS, null)).toMatchObject({
      rates: { labourRates: { NORMAL: '65.00', OVERTIME: '81.25' }, travelFlatFee: '45.00' },
      reasons: {},
    });
  });
});

describe('priceIntervention with a customer price list', () => {
  const report = (): ReportForPricing => {
    const prices = listPrices(PARTS, GRANDS_COMPTES);
    const part = (id: string, code: string, quantity: string) => {
      const price = prices.get(id)!;
      return {
        code,
        label: code,
        quantity,
        unitPrice: price.unitPrice,
        vatRateCode: 'TVA20',
        ...(price.fromPriceList ? { priceReason: price.reason } : {}),
      };
    };
    return {
      labour: [
        { hours: '2.5', labourType: 'NORMAL', technicianName: 'Théo', workDate: '2026-11-20' },
        { hours: '1', labourType: 'OVERTIME', technicianName: 'Théo', workDate: '2026-11-20' },
      ],
      travelCount: 1,
      parts: [part('fil', 'FIL-G4-592', '3'), part('det', 'SSI-DET-OPT', '1')],
    };
  };
  const vatRates = [{ code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null }];
  const list = customerListRates(LIST_RATE_ITEMS, GRANDS_COMPTES);

  it('without a contract, bills the price list’s prices and says why, to the cent', () => {
    const { lines } = priceIntervention({ report: report(), contract: null, listRates: list.rates, listRateReasons: list.reasons });
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.discountPercent, l.lineNet, l.reason])).toEqual([
      ['LABOUR', '2.5', '58.00', '0', '145.00', 'Tarif « Grands comptes » : 58,00 €/h au lieu de 65,00 €'],
      ['LABOUR', '1', '81.25', '0', '81.25', 'Tarif catalogue (heures supplémentaires)'],
      ['TRAVEL', '1', '39.50', '0', '39.50', 'Tarif « Grands comptes » : 39,50 € au lieu de 45,00 €'],
      ['PART', '3', '15.1234', '0', '45.37', 'Tarif « Grands comptes » : 15,1234 € au lieu de 18,50 €'],
      ['PART', '1', '58.00', '0', '58.00', 'Prix catalogue'],
    ]);
    const totals = invoiceTotals(lines, { vatRates });
    expect([totals.taxBasisTotal, totals.taxTotal, totals.grandTotal]).toEqual(['369.12', '73.82', '442.94']);
  });

  it('with a contract, keeps the contract’s labour and travel rates and takes its parts discount off the price list’s price', () => {
    const card: RateCard = {
      labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
      travelPricing: 'FLAT',
      travelFlatFee: '45.00',
      travelZones: [],
      partsDiscountPercent: '10.00',
      includedLabourHoursPerYear: '0',
      travelIncluded: false,
      partsIncluded: false,
    };
    const { lines } = priceIntervention({
      report: report(),
      contract: { reference: 'CT-2026-0012', rateCard: card },
      listRates: list.rates,
      listRateReasons: list.reasons,
    });
    expect(lines.map((l) => [l.kind, l.unitPrice, l.discountPercent, l.netUnitPrice, l.lineNet, l.reason])).toEqual([
      ['LABOUR', '68.00', '0', '68', '170.00', 'Taux contractuel CT-2026-0012 (heures normales)'],
      ['LABOUR', '85.00', '0', '85', '85.00', 'Taux contractuel CT-2026-0012 (heures supplémentaires)'],
      ['TRAVEL', '45.00', '0', '45', '45.00', 'Forfait déplacement du contrat CT-2026-0012'],
      [
        'PART',
        '15.1234',
        '10',
        '13.61106',
        '40.83',
        'Tarif « Grands comptes » : 15,1234 € au lieu de 18,50 €, remise contrat 10 % sur pièces (CT-2026-0012)',
      ],
      ['PART', '58.00', '10', '52.2', '52.20', 'Prix catalogue, remise contrat 10 % sur pièces (CT-2026-0012)'],
    ]);
    const totals = invoiceTotals(lines, { vatRates });
    expect([totals.taxBasisTotal, totals.taxTotal, totals.grandTotal]).toEqual(['393.03', '78.61', '471.64']);
  });
});
