import { frenchVatNumber } from '../../maintenance/customer.rules';
import type { InvoiceTypeCode } from '../invoice.entity';
import { Money } from '../money';
import { invoiceTotals, netUnitPrice, type AllowanceCharge, type VatRateDef } from '../totals';
import {
  businessProcessCode,
  directDebitNotice,
  electronicAddressOf,
  withMentions,
  type DocumentPeriod,
  type InvoiceDocument,
} from './invoice-document';

/**
 * Invoice documents of every kind, built in memory with the real totals rules: the fixtures of the
 * document unit tests and of the rendering benchmark (no database needed).
 */

const RATES: VatRateDef[] = [
  { code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', rate: '10.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA5_5', rate: '5.50', categoryCode: 'S', exemptionReason: null },
  { code: 'AUTOLIQ', rate: '0.00', categoryCode: 'AE', exemptionReason: 'Autoliquidation, article 283-2 nonies du CGI' },
];

export interface SampleLine {
  name: string;
  quantity: string;
  unitCode?: string;
  unitPrice: string;
  discountPercent?: string;
  vatRateCode: string;
  note?: string;
  servicePeriod?: DocumentPeriod;
}

export interface SampleOptions {
  typeCode?: InvoiceTypeCode;
  number?: string | null;
  issueDate?: string;
  dueDate?: string | null;
  lines: SampleLine[];
  allowances?: AllowanceCharge[];
  charges?: AllowanceCharge[];
  prepaidAmount?: string;
  retentionPercent?: string;
  creditedInvoice?: { number: string; issueDate: string };
  depositInvoices?: { number: string; issueDate: string }[];
  vatOnDebits?: boolean;
  freeNotes?: string[];
  purchaseOrderRef?: string | null;
  contractReference?: string;
  billingPeriod?: DocumentPeriod;
  /** Defaults to the intervention's date; null for a contract fee invoice (no intervention). */
  serviceDate?: string | null;
  delivery?: InvoiceDocument['delivery'];
  /** Collected by SEPA direct debit. */
  directDebit?: boolean;
}

export const SAMPLE_SELLER_SIREN = '732829320';
/** The buyer's SEPA mandate on direct debit samples. */
export const SAMPLE_MANDATE = { reference: 'CLIMOUEST-C0001-0001', debtorIban: 'FR7630006000011234567890189' };
export const SAMPLE_BUYER_SIREN = '552100554';

export function sampleDocument(options: SampleOptions): InvoiceDocument {
  const typeCode = options.typeCode ?? '380';
  const rate = (code: string) => RATES.find((r) => r.code === code)!;
  const totals = invoiceTotals(options.lines, {
    vatRates: RATES,
    allowances: options.allowances,
    charges: options.charges,
    prepaidAmount: options.prepaidAmount,
  });
  const retentionAmount = options.retentionPercent
    ? new Money(totals.grandTotal).times(options.retentionPercent).dividedBy(100).toDecimalPlaces(2).toFixed(2)
    : null;
  const number = options.number === undefined ? 'F-2026-00042' : options.number;
  const dueDate = options.dueDate === undefined ? '2026-12-24' : options.dueDate;
  const directDebit = (options.directDebit ?? false) && typeCode !== '381';
  const directDebitMandate = directDebit ? SAMPLE_MANDATE : null;
  return withMentions({
    invoiceId: '0196a1b2-0000-7000-8000-000000000042',
    draft: number === null,
    typeCode,
    number,
    issueDate: options.issueDate ?? '2026-11-24',
    dueDate,
    currency: 'EUR',
    operationCategory: 'S',
    businessProcess: businessProcessCode('S', typeCode, Boolean(options.prepaidAmount && new Money(options.prepaidAmount).greaterThan(0))),
    seller: {
      legalName: 'Clim’Ouest Maintenance SAS',
      tradeName: 'Clim’Ouest Maintenance',
      siren: SAMPLE_SELLER_SIREN,
      siret: `${SAMPLE_SELLER_SIREN}00017`,
      vatNumber: frenchVatNumber(SAMPLE_SELLER_SIREN),
      legalForm: 'SAS',
      shareCapital: '50000.00',
      rcsCity: 'Nantes',
      address: { line1: '12 rue de la Galissonnière', line2: null, postalCode: '44000', city: 'Nantes', country: 'FR' },
      email: 'facturation@climouest.example',
      phone: '02 40 12 34 56',
      electronicAddress: { scheme: '0225', value: SAMPLE_SELLER_SIREN },
      iban: 'FR7630004008230001012345669',
      bic: 'BNPAFRPP',
      sepaCreditorId: 'FR72ZZZ123456',
      latePenaltyRate: null,
      earlyPaymentTerms: 'Pas d’escompte pour paiement anticipé',
      vatOnDebits: options.vatOnDebits ?? false,
      logo: null,
    },
    buyer: {
      name: 'Clinique du Parc',
      siren: SAMPLE_BUYER_SIREN,
      siret: `${SAMPLE_BUYER_SIREN}00013`,
      vatNumber: frenchVatNumber(SAMPLE_BUYER_SIREN),
      address: { line1: '3 avenue de la Libération', line2: 'Bâtiment B', postalCode: '35000', city: 'Rennes', country: 'FR' },
      electronicAddress: electronicAddressOf(SAMPLE_BUYER_SIREN, null),
    },
    purchaseOrderRef: options.purchaseOrderRef === undefined ? 'BC-7781' : options.purchaseOrderRef,
    contractReference: options.contractReference ?? null,
    billingPeriod: options.billingPeriod ?? null,
    lines: options.lines.map((l, i) => ({
      lineId: String(i + 1),
      name: l.name,
      note: l.note ?? null,
      quantity: l.quantity,
      unitCode: l.unitCode ?? 'C62',
      grossUnitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0.00',
      netUnitPrice: netUnitPrice(l.unitPrice, l.discountPercent ?? '0').toString(),
      vatCategory: rate(l.vatRateCode).categoryCode,
      vatRate: rate(l.vatRateCode).rate,
      lineNet: totals.lineNets[i]!,
      servicePeriod: l.servicePeriod ?? null,
    })),
    allowanceCharges: [
      ...totals.charges.map((c) => ({ charge: true, reason: c.reason, amount: c.amount, vatCategory: c.categoryCode, vatRate: c.rate })),
      ...totals.allowances.map((a) => ({
        charge: false,
        reason: a.reason,
        amount: a.amount,
        vatCategory: a.categoryCode,
        vatRate: a.rate,
      })),
    ],
    vatBreakdown: totals.vatBreakdown.map((r) => ({
      categoryCode: r.categoryCode,
      rate: r.rate,
      basis: r.basis,
      tax: r.tax,
      exemptionReason: r.exemptionReason,
      exemptionReasonCode: r.categoryCode === 'AE' ? 'VATEX-EU-AE' : null,
    })),
    totals: {
      lineTotal: totals.lineTotal,
      allowanceTotal: totals.allowanceTotal,
      chargeTotal: totals.chargeTotal,
      taxBasisTotal: totals.taxBasisTotal,
      taxTotal: totals.taxTotal,
      grandTotal: totals.grandTotal,
      prepaidAmount: totals.prepaidAmount,
      roundingAmount: totals.roundingAmount,
      duePayable: totals.duePayable,
    },
    retention: retentionAmount ? { percent: options.retentionPercent!, amount: retentionAmount } : null,
    amountToPay: new Money(totals.duePayable).minus(retentionAmount ?? '0').toFixed(2),
    paymentTerms:
      typeCode === '381'
        ? 'Avoir à déduire de vos prochains règlements'
        : directDebit
          ? directDebitNotice({ dueDate, directDebitMandate })
          : 'Paiement par virement à réception',
    paymentMeansCode: directDebit ? '59' : '58',
    directDebit,
    directDebitMandate,
    creditedInvoice: options.creditedInvoice ?? null,
    depositInvoices: options.depositInvoices ?? [],
    delivery:
      options.delivery === undefined
        ? {
            name: 'Clinique du Parc — bloc opératoire',
            address: { line1: '5 rue Pasteur', line2: null, postalCode: '35000', city: 'Rennes', country: 'FR' },
          }
        : options.delivery,
    serviceDate: options.serviceDate === undefined ? '2026-11-20' : options.serviceDate,
    freeNotes: options.freeNotes ?? ['Intervention INT-2026-00017 du 20/11/2026 — Entretien annuel CTA'],
  });
}

const MIXED_LINES: SampleLine[] = [
  { name: 'Main-d’œuvre technicien — heures normales', quantity: '3.5', unitCode: 'HUR', unitPrice: '62.00', vatRateCode: 'TVA20' },
  { name: 'Déplacement zone 2', quantity: '1', unitPrice: '45.00', vatRateCode: 'TVA20' },
  {
    name: 'Filtre G4 592×592',
    quantity: '4',
    unitPrice: '18.3333',
    discountPercent: '12.50',
    vatRateCode: 'TVA10',
    note: 'Remise contrat 12,5 %',
  },
  { name: 'Pompe à chaleur — remplacement circulateur', quantity: '1', unitPrice: '389.90', vatRateCode: 'TVA5_5' },
];

/** One document of each kind the product issues. */
export const SAMPLE_DOCUMENTS = {
  mixedRates: () =>
    sampleDocument({
      lines: MIXED_LINES,
      allowances: [{ amount: '20.00', vatRateCode: 'TVA20', reason: 'Geste commercial' }],
      charges: [{ amount: '15.00', vatRateCode: 'TVA20', reason: 'Frais de dossier' }],
      retentionPercent: '5.00',
    }),
  reverseCharge: () =>
    sampleDocument({
      lines: [
        { name: 'Sous-traitance : mise en service VRV', quantity: '8', unitCode: 'HUR', unitPrice: '58.00', vatRateCode: 'AUTOLIQ' },
        { name: 'Fluide R32 (kg)', quantity: '2.75', unitCode: 'KGM', unitPrice: '64.20', vatRateCode: 'AUTOLIQ' },
      ],
    }),
  creditNote: () =>
    sampleDocument({
      typeCode: '381',
      number: 'AV-2026-00003',
      lines: [{ name: 'Déplacement zone 2 facturé à tort', quantity: '1', unitPrice: '45.00', vatRateCode: 'TVA20' }],
      creditedInvoice: { number: 'F-2026-00042', issueDate: '2026-11-24' },
      dueDate: null,
    }),
  deposit: () =>
    sampleDocument({
      typeCode: '386',
      number: 'F-2026-00043',
      lines: [
        {
          name: 'Acompte de 30 % sur le devis D-2026-00012 (remplacement groupe froid)',
          quantity: '1',
          unitPrice: '3600.00',
          vatRateCode: 'TVA20',
        },
      ],
      vatOnDebits: true,
    }),
  final: () =>
    sampleDocument({
      number: 'F-2026-00051',
      issueDate: '2026-12-15',
      dueDate: '2027-01-14',
      lines: [
        { name: 'Remplacement groupe froid 40 kW — fourniture', quantity: '1', unitPrice: '9800.00', vatRateCode: 'TVA20' },
        { name: 'Pose et mise en service', quantity: '16', unitCode: 'HUR', unitPrice: '137.50', vatRateCode: 'TVA20' },
      ],
      prepaidAmount: '4320.00',
      depositInvoices: [{ number: 'F-2026-00043', issueDate: '2026-11-24' }],
    }),
  /** Contract fees billed by a billing run: periods per line (BG-26) and for the invoice (BG-14), the contract (BT-12). */
  contractFees: () =>
    sampleDocument({
      number: 'F-2026-00060',
      issueDate: '2026-12-01',
      dueDate: '2026-12-31',
      purchaseOrderRef: null,
      contractReference: 'CT-2026-0003',
      billingPeriod: { start: '2026-01-15', end: '2026-06-30' },
      serviceDate: null,
      delivery: null,
      lines: [
        {
          name: 'Maintenance préventive CVC — Période du 15/01/2026 au 31/03/2026 (prorata 76 j / 90 j)',
          quantity: '1',
          unitPrice: '253.33',
          vatRateCode: 'TVA20',
          servicePeriod: { start: '2026-01-15', end: '2026-03-31' },
        },
        {
          name: 'Maintenance préventive CVC — Période du 01/04/2026 au 30/06/2026',
          quantity: '1',
          unitPrice: '307.63',
          vatRateCode: 'TVA20',
          note: 'Révision SYNTEC au 01/04/2026 : coefficient 1,02543',
          servicePeriod: { start: '2026-04-01', end: '2026-06-30' },
        },
        {
          name: 'Astreinte',
          quantity: '1',
          unitPrice: '90.00',
          vatRateCode: 'TVA20',
          servicePeriod: { start: '2026-04-01', end: '2026-06-30' },
        },
      ],
      freeNotes: ['Contrat CT-2026-0003 — Maintenance CVC', 'Redevance du 15/01/2026 au 30/06/2026'],
    }),
  /** A long invoice: page breaks and repeated table headers. */
  long: (lineCount = 60) =>
    sampleDocument({
      lines: Array.from({ length: lineCount }, (_, i) => ({
        name: `Maintenance préventive — équipement n° ${i + 1} (contrôle, nettoyage des filtres, relevé des pressions)`,
        quantity: String(1 + (i % 3)),
        unitCode: i % 2 ? 'HUR' : 'C62',
        unitPrice: (48 + (i % 7) * 3.25).toFixed(2),
        vatRateCode: i % 5 === 0 ? 'TVA10' : 'TVA20',
      })),
    }),
  draft: () => sampleDocument({ number: null, lines: MIXED_LINES, dueDate: null }),
  /** A monthly contract fee collected by SEPA direct debit (BT-81 59, mandate BT-89, ICS BT-90, debited IBAN BT-91). */
  directDebit: () =>
    sampleDocument({
      number: 'F-2026-00061',
      issueDate: '2026-12-01',
      dueDate: '2026-12-10',
      purchaseOrderRef: null,
      contractReference: 'CT-2026-0004',
      billingPeriod: { start: '2026-12-01', end: '2026-12-31' },
      serviceDate: null,
      delivery: null,
      directDebit: true,
      lines: [
        {
          name: 'Maintenance climatisation — Décembre 2026',
          quantity: '1',
          unitPrice: '185.00',
          vatRateCode: 'TVA20',
          servicePeriod: { start: '2026-12-01', end: '2026-12-31' },
        },
      ],
      freeNotes: ['Contrat CT-2026-0004 — Maintenance climatisation', 'Règlement par prélèvement SEPA à l’échéance'],
    }),
};
