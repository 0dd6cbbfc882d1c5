import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import type { RateCard } from '../maintenance/contract.rules';
import { priceIntervention, type PricedLine, type PricingInput, type ReportForPricing } from './pricing';
import { invoiceTotals, type VatRateDef } from './totals';

const LIST: RateCard = {
  labourRates: { NORMAL: '75.00', OVERTIME: '95.00', NIGHT: '115.00', WEEKEND_HOLIDAY: '150.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '55.00',
  travelZones: [],
  partsDiscountPercent: '0',
  includedLabourHoursPerYear: '0',
  travelIncluded: false,
  partsIncluded: false,
};

const CONTRACT_CARD: RateCard = {
  labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '45.00',
  travelZones: [],
  partsDiscountPercent: '10',
  includedLabourHoursPerYear: '10',
  travelIncluded: false,
  partsIncluded: false,
};

const ZONES: Partial<RateCard> = {
  travelPricing: 'ZONE',
  travelFlatFee: null,
  travelZones: [
    { code: 'Z1', label: 'zone 1 (0–20 km)', fee: '30.00' },
    { code: 'Z2', label: 'zone 2 (20–50 km)', fee: '60.00' },
  ],
};

const VAT_RATES: VatRateDef[] = [
  { code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', rate: '10.00', categoryCode: 'S', exemptionReason: null },
];

const report = (overrides: Partial<ReportForPricing> = {}): ReportForPricing => ({
  labour: [
    { hours: '1.5', labourType: 'NORMAL', technicianName: 'Julie Martin', workDate: '2026-03-12' },
    { hours: '1', labourType: 'NORMAL', technicianName: 'Karim Benali', workDate: '2026-03-12' },
    { hours: '1', labourType: 'OVERTIME', technicianName: 'Julie Martin', workDate: '2026-03-12' },
  ],
  travelCount: 1,
  travelZone: null,
  parts: [
    { code: 'FLT-01', label: 'Filtre à air', quantity: '2', unitPrice: '18.90', vatRateCode: 'TVA20' },
    { code: 'VAN-3V', label: 'Vanne 3 voies', quantity: '1', unitPrice: '120.00', vatRateCode: 'TVA10' },
  ],
  ...overrides,
});

const withContract = (card: Partial<RateCard> = {}, input: Partial<PricingInput> = {}): PricingInput => ({
  report: report(),
  contract: { reference: 'CT-2026-0012', rateCard: { ...CONTRACT_CARD, ...card } },
  listRates: LIST,
  includedHoursConsumed: '0',
  ...input,
});

const brief = (lines: PricedLine[]) => lines.map((l) => [l.description, l.quantity, l.unitPrice, l.discountPercent, l.lineNet]);

function validationFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return (error.details.fields as { field: string }[]).map((f) => f.field);
  }
  return [];
}

describe('priceIntervention', () => {
  it('prices at list rates without a contract, and says so', () => {
    const { lines, notes, includedHoursUsed } = priceIntervention({ report: report(), contract: null, listRates: LIST });
    expect(brief(lines)).toEqual([
      ['Main-d’œuvre heures normales — 2,5 h', '2.5', '75.00', '0', '187.50'],
      ['Main-d’œuvre heures supplémentaires — 1 h', '1', '95.00', '0', '95.00'],
      ['Déplacement (forfait)', '1', '55.00', '0', '55.00'],
      ['Filtre à air (FLT-01)', '2', '18.90', '0', '37.80'],
      ['Vanne 3 voies (VAN-3V)', '1', '120.00', '0', '120.00'],
    ]);
    expect(lines.map((l) => l.reason)).toEqual([
      'Tarif catalogue (heures normales)',
      'Tarif catalogue (heures supplémentaires)',
      'Forfait déplacement catalogue',
      'Prix catalogue',
      'Prix catalogue',
    ]);
    expect(lines.map((l) => [l.unit, l.vatRateCode])).toEqual([
      ['HUR', 'TVA20'],
      ['HUR', 'TVA20'],
      ['C62', 'TVA20'],
      ['C62', 'TVA20'],
      ['C62', 'TVA10'],
    ]);
    expect(includedHoursUsed).toBe('0.00');
    expect(notes).toContain('Julie Martin, 12/03/2026 : 1,5 h (heures normales)');

    const totals = invoiceTotals(lines, { vatRates: VAT_RATES });
    expect(totals.lineNets).toEqual(lines.map((l) => l.lineNet));
    expect(totals.vatBreakdown.map((r) => [r.rate, r.basis, r.tax])).toEqual([
      ['20.00', '375.30', '75.06'],
      ['10.00', '120.00', '12.00'],
    ]);
    expect([totals.taxBasisTotal, totals.taxTotal, totals.grandTotal]).toEqual(['495.30', '87.06', '582.36']);
  });

  it('ignores list-card inclusions and discounts when there is no contract', () => {
    const { lines } = priceIntervention({
      report: report(),
      contract: null,
      listRates: { ...LIST, partsDiscountPercent: '50', includedLabourHoursPerYear: '100', travelIncluded: true, partsIncluded: true },
    });
    expect(lines.every((l) => !l.coveredByContract && l.discountPercent === '0')).toBe(true);
  });

  it('prices at the contract rates with its parts discount when the included hours are used up', () => {
    const { lines, includedHoursUsed, notes } = priceIntervention(withContract({}, { includedHoursConsumed: '10' }));
    expect(brief(lines)).toEqual([
      ['Main-d’œuvre heures normales — 2,5 h', '2.5', '68.00', '0', '170.00'],
      ['Main-d’œuvre heures supplémentaires — 1 h', '1', '85.00', '0', '85.00'],
      ['Déplacement (forfait)', '1', '45.00', '0', '45.00'],
      ['Filtre à air (FLT-01)', '2', '18.90', '10', '34.02'],
      ['Vanne 3 voies (VAN-3V)', '1', '120.00', '10', '108.00'],
    ]);
    expect(lines.map((l) => l.reason)).toEqual([
      'Taux contractuel CT-2026-0012 (heures normales)',
      'Taux contractuel CT-2026-0012 (heures supplémentaires)',
      'Forfait déplacement du contrat CT-2026-0012',
      'Prix catalogue, remise contrat 10 % sur pièces (CT-2026-0012)',
      'Prix catalogue, remise contrat 10 % sur pièces (CT-2026-0012)',
    ]);
    expect(lines[3]!.netUnitPrice).toBe('17.01');
    expect(includedHoursUsed).toBe('0.00');
    expect(notes).toContain('Heures incluses au contrat CT-2026-0012 : 0,00 h restantes sur 10,00 h/an');
  });

  it('covers labour with the included hours, NORMAL first, then the other types', () => {
    // 3 h left: 2.5 normal hours covered, then 0.5 of the overtime hour
    const { lines, includedHoursUsed } = priceIntervention(withContract({}, { includedHoursConsumed: '7' }));
    const labour = lines.filter((l) => l.kind === 'LABOUR');
    expect(brief(labour)).toEqual([
      ['Main-d’œuvre heures normales incluse au contrat — 2,5 h', '2.5', '68.00', '100', '0.00'],
      ['Main-d’œuvre heures supplémentaires incluse au contrat — 0,5 h', '0.5', '85.00', '100', '0.00'],
      ['Main-d’œuvre heures supplémentaires — 0,5 h', '0.5', '85.00', '0', '42.50'],
    ]);
    expect(labour.map((l) => l.reason)).toEqual([
      'Inclus au contrat CT-2026-0012 : 2,50 h sur 3,00 h restantes (10,00 h/an)',
      'Inclus au contrat CT-2026-0012 : 0,50 h sur 0,50 h restantes (10,00 h/an)',
      'Taux contractuel CT-2026-0012 (heures supplémentaires), au-delà des heures incluses',
    ]);
    expect(labour.map((l) => l.coveredByContract)).toEqual([true, true, false]);
    expect(includedHoursUsed).toBe('3.00');
  });

  it('splits normal hours when the allowance runs out within them', () => {
    const { lines, includedHoursUsed, notes } = priceIntervention(withContract({}, { includedHoursConsumed: '9.25' }));
    expect(brief(lines.filter((l) => l.kind === 'LABOUR'))).toEqual([
      ['Main-d’œuvre heures normales incluse au contrat — 0,75 h', '0.75', '68.00', '100', '0.00'],
      ['Main-d’œuvre heures normales — 1,75 h', '1.75', '68.00', '0', '119.00'],
      ['Main-d’œuvre heures supplémentaires — 1 h', '1', '85.00', '0', '85.00'],
    ]);
    expect(includedHoursUsed).toBe('0.75');
    expect(notes).toContain('Heures incluses au contrat CT-2026-0012 : 0,00 h restantes sur 10,00 h/an');
  });

  it('covers all labour when enough hours remain, and never goes below zero remaining', () => {
    const fresh = priceIntervention(withContract());
    expect(fresh.lines.filter((l) => l.kind === 'LABOUR').every((l) => l.lineNet === '0.00')).toBe(true);
    expect(fresh.includedHoursUsed).toBe('3.50');
    expect(fresh.notes).toContain('Heures incluses au contrat CT-2026-0012 : 6,50 h restantes sur 10,00 h/an');
    const over = priceIntervention(withContract({}, { includedHoursConsumed: '12' }));
    expect(over.includedHoursUsed).toBe('0.00');
    expect(over.lines.filter((l) => l.kind === 'LABOUR').map((l) => l.lineNet)).toEqual(['170.00', '85.00']);
  });

  it('prices travel by zone × trips, and refuses an unknown or missing zone', () => {
    const zoned = priceIntervention(withContract(ZONES, { report: report({ travelCount: 2, travelZone: 'Z2' }) }));
    const travel = zoned.lines.filter((l) => l.kind === 'TRAVEL');
    expect(brief(travel)).toEqual([['Déplacement zone 2 (20–50 km) × 2', '2', '60.00', '0', '120.00']]);
    expect(travel[0]!.reason).toBe('Tarif zone Z2 du contrat CT-2026-0012');
    expect(validationFields(() => priceIntervention(withContract(ZONES, { report: report({ travelZone: 'Z9' }) })))).toEqual([
      'travelZone',
    ]);
    expect(validationFields(() => priceIntervention(withContract(ZONES, { report: report({ travelZone: null }) })))).toEqual([
      'travelZone',
    ]);
    // no trip, no zone needed
    expect(priceIntervention(withContract(ZONES, { report: report({ travelCount: 0 }) })).lines.some((l) => l.kind === 'TRAVEL')).toBe(
      false,
    );
  });

  it('prices flat travel × trips, and at zero when the contract includes it', () => {
    const flat = priceIntervention(withContract({}, { report: report({ travelCount: 3 }) }));
    expect(brief(flat.lines.filter((l) => l.kind === 'TRAVEL'))).toEqual([['Déplacement (forfait) × 3', '3', '45.00', '0', '135.00']]);
    const included = priceIntervention(withContract({ travelIncluded: true })).lines.find((l) => l.kind === 'TRAVEL')!;
    expect([included.lineNet, included.coveredByContract, included.reason]).toEqual([
      '0.00',
      true,
      'Déplacement inclus au contrat CT-2026-0012',
    ]);
  });

  it('rounds discounted parts once, on the line net, half up', () => {
    const parts = [
      { code: 'A', label: 'A', quantity: '3', unitPrice: '18.95', vatRateCode: 'TVA20' }, // 3 × 17.055 = 51.165
      { code: 'B', label: 'B', quantity: '7', unitPrice: '0.99', vatRateCode: 'TVA20' }, // 7 × 0.891 = 6.237
      { code: 'C', label: 'C', quantity: '1', unitPrice: '0.05', vatRateCode: 'TVA20' }, // 0.045
      { code: 'D', label: 'D', quantity: '1.5', unitPrice: '9.99', vatRateCode: 'TVA20' }, // 1.5 × 8.74125 = 13.111875
    ];
    const ten = priceIntervention(withContract({}, { report: report({ parts: parts.slice(0, 3) }) }));
    expect(ten.lines.filter((l) => l.kind === 'PART').map((l) => [l.netUnitPrice, l.lineNet])).toEqual([
      ['17.055', '51.17'],
      ['0.891', '6.24'],
      ['0.045', '0.05'],
    ]);
    const odd = priceIntervention(withContract({ partsDiscountPercent: '12.5' }, { report: report({ parts: parts.slice(3) }) }));
    const part = odd.lines.find((l) => l.kind === 'PART')!;
    expect([part.netUnitPrice, part.lineNet, part.reason]).toEqual([
      '8.74125',
      '13.11',
      'Prix catalogue, remise contrat 12,5 % sur pièces (CT-2026-0012)',
    ]);
  });

  it('shows parts at zero when the contract includes them', () => {
    const { lines } = priceIntervention(withContract({ partsIncluded: true }));
    const parts = lines.filter((l) => l.kind === 'PART');
    expect(parts.map((l) => [l.unitPrice, l.discountPercent, l.lineNet, l.coveredByContract, l.reason])).toEqual([
      ['18.90', '100', '0.00', true, 'Pièces incluses au contrat CT-2026-0012'],
      ['120.00', '100', '0.00', true, 'Pièces incluses au contrat CT-2026-0012'],
    ]);
  });

  it('uses the given VAT rate for services and the parts’ own rate for parts', () => {
    const { lines } = priceIntervention(withContract({}, { serviceVatRateCode: 'TVA10' }));
    expect(lines.map((l) => [l.kind, l.vatRateCode])).toEqual([
      ['LABOUR', 'TVA10'],
      ['LABOUR', 'TVA10'],
      ['TRAVEL', 'TVA10'],
      ['PART', 'TVA20'],
      ['PART', 'TVA10'],
    ]);
  });

  it('prices a labour type the partial card leaves out at the list rate, and says so', () => {
    const { lines } = priceIntervention(
      withContract(
        { labourRates: { NORMAL: '62.00' }, includedLabourHoursPerYear: '0' },
        { listRateReasons: { OVERTIME: 'Tarif « Grands comptes » : 90,00 €/h au lieu de 95,00 €' } },
      ),
    );
    expect(brief(lines.filter((l) => l.kind === 'LABOUR'))).toEqual([
      ['Main-d’œuvre heures normales — 2,5 h', '2.5', '62.00', '0', '155.00'],
      ['Main-d’œuvre heures supplémentaires — 1 h', '1', '95.00', '0', '95.00'],
    ]);
    expect(lines.filter((l) => l.kind === 'LABOUR').map((l) => l.reason)).toEqual([
      'Taux contractuel CT-2026-0012 (heures normales)',
      'Tarif « Grands comptes » : 90,00 €/h au lieu de 95,00 €, le contrat CT-2026-0012 n’ayant pas de taux pour ces heures',
    ]);
    const night = priceIntervention(
      withContract(
        { labourRates: { NORMAL: '62.00' }, includedLabourHoursPerYear: '0' },
        { report: report({ labour: [{ hours: '0.75', labourType: 'NIGHT', technicianName: 'X', workDate: '2026-03-12' }] }) },
      ),
    );
    expect(brief(night.lines.slice(0, 1))).toEqual([['Main-d’œuvre heures de nuit — 0,75 h', '0.75', '115.00', '0', '86.25']]);
    expect(night.lines[0]!.reason).toBe('Tarif catalogue (heures de nuit), le contrat CT-2026-0012 n’ayant pas de taux pour ces heures');
  });

  it('gives the hours and travel included per preventive intervention before the yearly allowance', () => {
    const card: Partial<RateCard> = {
      includedLabourHoursPerYear: '1',
      visitInclusions: [
        { interventionType: 'PREVENTIVE', includedHours: '2', travelIncluded: true },
        { interventionType: 'CORRECTIVE', includedHours: '0', travelIncluded: true },
      ],
    };
    const { lines, notes, includedHoursUsed } = priceIntervention(withContract(card, { interventionType: 'PREVENTIVE' }));
    expect(brief(lines)).toEqual([
      ['Main-d’œuvre heures normales incluse (intervention préventive) — 2 h', '2', '68.00', '100', '0.00'],
      ['Main-d’œuvre heures normales incluse au contrat — 0,5 h', '0.5', '68.00', '100', '0.00'],
      ['Main-d’œuvre heures supplémentaires incluse au contrat — 0,5 h', '0.5', '85.00', '100', '0.00'],
      ['Main-d’œuvre heures supplémentaires — 0,5 h', '0.5', '85.00', '0', '42.50'],
      ['Déplacement (forfait)', '1', '45.00', '100', '0.00'],
      ['Filtre à air (FLT-01)', '2', '18.90', '10', '34.02'],
      ['Vanne 3 voies (VAN-3V)', '1', '120.00', '10', '108.00'],
    ]);
    expect(lines[0]!.reason).toBe('Inclus par intervention préventive au contrat CT-2026-0012 : 2,00 h par intervention');
    expect(lines[4]!.reason).toBe('Inclus par intervention préventive au contrat CT-2026-0012 : déplacement inclus');
    expect(lines.slice(0, 3).every((l) => l.coveredByContract)).toBe(true);
    expect(includedHoursUsed).toBe('1.00');
    expect(notes).toContain('Inclus par intervention préventive au contrat CT-2026-0012 : 2,00 h de main-d’œuvre et le déplacement');
    const totals = invoiceTotals(lines, { vatRates: VAT_RATES });
    expect([totals.taxBasisTotal, totals.taxTotal, totals.grandTotal]).toEqual(['184.52', '26.10', '210.62']);
  });

  it('gives only the travel to a corrective intervention, and nothing to a type without inclusions', () => {
    const card: Partial<RateCard> = {
      includedLabourHoursPerYear: '0',
      visitInclusions: [{ interventionType: 'CORRECTIVE', includedHours: '0', travelIncluded: true }],
    };
    const corrective = priceIntervention(withContract(card, { interventionType: 'CORRECTIVE' }));
    expect(brief(corrective.lines.slice(0, 3))).toEqual([
      ['Main-d’œuvre heures normales — 2,5 h', '2.5', '68.00', '0', '170.00'],
      ['Main-d’œuvre heures supplémentaires — 1 h', '1', '85.00', '0', '85.00'],
      ['Déplacement (forfait)', '1', '45.00', '100', '0.00'],
    ]);
    const installation = priceIntervention(withContract(card, { interventionType: 'INSTALLATION' }));
    expect(installation.lines.some((l) => l.coveredByContract)).toBe(false);
  });

  it('keeps per-intervention inclusions exact to the cent on odd rates and hours', () => {
    const { lines } = priceIntervention(
      withContract(
        {
          labourRates: { NORMAL: '67.33' },
          includedLabourHoursPerYear: '0',
          visitInclusions: [{ interventionType: 'PREVENTIVE', includedHours: '1.25', travelIncluded: false }],
        },
        {
          interventionType: 'PREVENTIVE',
          report: report({ labour: [{ hours: '3.17', labourType: 'NORMAL', technicianName: 'X', workDate: '2026-03-12' }], parts: [] }),
        },
      ),
    );
    expect(brief(lines)).toEqual([
      ['Main-d’œuvre heures normales incluse (intervention préventive) — 1,25 h', '1.25', '67.33', '100', '0.00'],
      ['Main-d’œuvre heures normales — 1,92 h', '1.92', '67.33', '0', '129.27'],
      ['Déplacement (forfait)', '1', '45.00', '0', '45.00'],
    ]);
  });

  it('is pure and deterministic', () => {
    const input = withContract({}, { includedHoursConsumed: '7' });
    const frozen = structuredClone(input);
    expect(priceIntervention(input)).toEqual(priceIntervention(input));
    expect(input).toEqual(frozen);
  });

  it('refuses bad report values with the field named', () => {
    const bad = (r: Partial<ReportForPricing>) => validationFields(() => priceIntervention(withContract({}, { report: report(r) })));
    expect(bad({ labour: [{ hours: '1,5', labourType: 'NORMAL', technicianName: 'X', workDate: '2026-03-12' }] })).toEqual([
      'labour[0].hours',
    ]);
    expect(bad({ labour: [{ hours: '0', labourType: 'NORMAL', technicianName: 'X', workDate: '2026-03-12' }] })).toEqual([
      'labour[0].hours',
    ]);
    expect(bad({ labour: [{ hours: '1', labourType: 'SUNDAY' as 'NIGHT', technicianName: 'X', workDate: '2026-03-12' }] })).toEqual([
      'labour[0].labourType',
    ]);
    expect(bad({ travelCount: 1.5 })).toEqual(['travelCount']);
    expect(bad({ parts: [{ code: 'A', label: 'A', quantity: '1', unitPrice: '-3.00', vatRateCode: 'TVA20' }] })).toEqual([
      'parts[0].unitPrice',
    ]);
    expect(bad({ parts: [{ code: 'A', label: 'A', quantity: 'abc', unitPrice: '3.00', vatRateCode: 'TVA20' }] })).toEqual([
      'parts[0].quantity',
    ]);
  });
});
