import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { setContractBilling, type ContractBillingInput, type FeeLineInput } from '../billing/contracts/billing-terms.service';
import { replayContractBillingRun } from '../billing/contracts/contract-billing-run';
import { createIndexSeries, importIndexValues } from '../billing/contracts/index-series.service';
import { sendRenewalNotice, contractsToNotify } from '../billing/contracts/contract-renewals';
import { terminateContract } from '../billing/contracts/contract-termination';
import { dayAfter } from '../billing/contracts/contract-billing.rules';
import { Contract, MaintenancePlan } from '../maintenance/contract.entity';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';
import { pick, seededRandom } from './french-data';

/**
 * The demo contracts bill their fees: monthly, quarterly or yearly, in advance or in arrears,
 * some by SEPA direct debit, about a third indexed on Syntec (values of 2024 to 2026, one on an
 * index whose latest value is missing, so the preview shows a blocked contract). Past months'
 * runs, since the start of last year, are replayed in date order with the other demo invoices
 * (`runsUntil`), the current month's is left for the clerk: a new user opens a realistic preview.
 */

/** Monthly Syntec-like values (fictional, in the range of the real index). */
const SYNTEC: [string, string][] = [
  ['2024-01', '287,2'],
  ['2024-04', '288,6'],
  ['2024-07', '289,9'],
  ['2024-10', '291,3'],
  ['2025-01', '292,5'],
  ['2025-04', '293,8'],
  ['2025-07', '295,0'],
  ['2025-10', '296,1'],
  ['2026-01', '297,4'],
  ['2026-04', '298,9'],
  ['2026-07', '300,2'],
  ['2026-10', '301,6'],
];
const ICHT: [string, string][] = [
  ['2024-09', '128,4'],
  ['2025-09', '131,2'],
];

const FEE_LABELS: Record<string, string> = {
  BOILER: 'Entretien chaudières',
  HEAT_PUMP: 'Maintenance pompes à chaleur',
  AIR_CONDITIONING: 'Maintenance climatisation',
  VENTILATION: 'Maintenance ventilation / CTA',
  FIRE_EXTINGUISHER: 'Vérification extincteurs',
  FIRE_ALARM_SYSTEM: 'Maintenance SSI',
  ELECTRICAL_PANEL: 'Contrôle TGBT',
  OTHER: 'Maintenance multitechnique',
};

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const monthsFrom = (date: string, months: number) => format(addMonths(parseISO(date), months), 'yyyy-MM-dd');

export interface ContractBillingDemo {
  /** Replays the monthly runs due up to `until` (each on the 1st at 06:00), in date order. */
  runsUntil(until: Date): Promise<void>;
  /** Renewal notices and a termination, once every invoice is issued. */
  finish(): Promise<void>;
}

export async function seedContractBillingDemo(
  em: EntityManager,
  identity: Identity,
  options: { seed: number; now?: Date },
): Promise<ContractBillingDemo> {
  const random = seededRandom(options.seed * 7_919 + 17);
  const today = localDate(options.now ?? new Date());
  const syntec = await createIndexSeries(em, identity.tenantId, {
    code: 'SYNTEC',
    name: 'Indice Syntec',
    description: 'Prestations intellectuelles et ingénierie (valeurs de démonstration)',
  });
  await importIndexValues(em, identity, syntec.id, SYNTEC.map(([m, v]) => `${m};${v}`).join('\n'));
  const icht = await createIndexSeries(em, identity.tenantId, {
    code: 'ICHT-REV-TS',
    name: 'Indice du coût horaire du travail révisé – tous salariés',
    description: 'Industries mécaniques et électriques (valeurs de démonstration)',
  });
  await importIndexValues(em, identity, icht.id, ICHT.map(([m, v]) => `${m};${v}`).join('\n'));

  // Billing starts with the terms at the start of last year (or at the contract's start if later):
  // the dashboards compare this year's revenue and cash with last year's, month by month.
  const billingStart = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const contracts = await em.find(Contract, {}, { orderBy: { reference: 'asc' } });
  const plans = await em.find(MaintenancePlan, {}, { orderBy: { equipmentCategory: 'asc' } });
  let ichtContractId: string | null = null;
  for (const contract of contracts) {
    const rhythm = pick(random, ['MONTHLY', 'MONTHLY', 'QUARTERLY', 'QUARTERLY', 'YEARLY'] as const);
    const categories = plans.filter((p) => p.contractId === contract.id);
    const base = 60 + Math.round(random() * 24) * 5 + categories.reduce((sum, p) => sum + p.visitsPerYear * 12, 0);
    const perPeriod = (monthly: number) =>
      (rhythm === 'MONTHLY' ? monthly : rhythm === 'QUARTERLY' ? monthly * 3 : monthly * 12).toFixed(2);
    const feeLines: FeeLineInput[] = [
      {
        label: FEE_LABELS[categories[0]?.equipmentCategory ?? 'OTHER']!,
        amount: perPeriod(base),
        vatRateCode: 'TVA20',
        revenueAccount: '706100',
      },
    ];
    if (random() < 0.35)
      feeLines.push({ label: 'Astreinte 24 h/24, 7 j/7', amount: perPeriod(45), vatRateCode: 'TVA20', revenueAccount: '706200' });
    if (random() < 0.2)
      feeLines.push({
        label: 'Télésurveillance des installations',
        amount: perPeriod(25),
        vatRateCode: 'TVA20',
        indexed: false,
        revenueAccount: '706300',
      });
    const effectiveOn = contract.startsOn > billingStart ? contract.startsOn : billingStart;
    const indexed = random() < 0.32;
    // The first monthly indexed contract is on ICHT-rev-TS, whose value for its revision is missing.
    const onIcht: boolean = indexed && !ichtContractId && rhythm === 'MONTHLY';
    if (onIcht) ichtContractId = contract.id;
    const terms: ContractBillingInput = {
      effectiveOn,
      rhythm,
      timing: random() < 0.7 || onIcht ? 'ADVANCE' : 'ARREARS',
      // Quarters and years follow the calendar; months start on the 1st.
      anchorDate: rhythm === 'MONTHLY' ? firstOfMonth(effectiveOn) : `${effectiveOn.slice(0, 4)}-01-01`,
      paymentMethod: random() < 0.4 ? 'DIRECT_DEBIT' : 'TRANSFER',
      paymentTermsDays: null,
      feeLines,
      indexation: indexed
        ? onIcht
          ? // Revised each 1st of the month after September's index: September 2026 is not entered yet.
            {
              seriesId: icht.id,
              fixedPart: '0.125',
              variablePart: '0.875',
              baseIndexValue: '128.4',
              baseIndexPeriod: '2024-09-01',
              firstRevisionOn: firstOfMonth(monthsFrom(today, 0)),
            }
          : {
              seriesId: syntec.id,
              fixedPart: '0.15',
              variablePart: '0.85',
              baseIndexValue: '291.3',
              baseIndexPeriod: '2024-10-01',
              firstRevisionOn: `${Number(today.slice(0, 4))}-01-01`,
              coefficientFloor: '1',
            }
        : null,
      reason: 'Conditions de facturation à la signature',
    };
    await setContractBilling(em, identity, contract.id, terms);
  }

  const months = [3, 2, 1].map((back) => firstOfMonth(monthsFrom(today, -back)));
  const pending: string[] = [];
  for (let month = billingStart; month <= months.at(-1)!; month = monthsFrom(month, 1)) pending.push(month);
  return {
    async runsUntil(until) {
      while (pending.length && new Date(`${pending[0]}T06:00:00+01:00`) <= until) {
        const date = pending.shift()!;
        await replayContractBillingRun(em, identity, { billingDate: date, at: new Date(`${date}T06:00:00+01:00`) });
      }
    },
    async finish() {
      // One contract the customer ended at the end of last month (nothing billed beyond it).
      const terminated = contracts.find((c) => c.tacitRenewal && c.startsOn < months[0]! && c.id !== ichtContractId);
      if (terminated)
        await terminateContract(em, identity, terminated.id, {
          noticeReceivedOn: monthsFrom(today, -3),
          effectiveOn: dayAfter(firstOfMonth(today), -1),
          reason: 'Regroupement des sites du client chez un autre prestataire',
        });
      // The first contract reaching its notice window got its renewal notice.
      const [toNotify] = await contractsToNotify(em, today);
      if (toNotify) await sendRenewalNotice(em, identity, toNotify.id, today);
    },
  };
}
