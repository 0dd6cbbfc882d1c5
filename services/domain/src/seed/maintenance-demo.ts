import type { EntityManager } from '@mikro-orm/postgresql';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import Decimal from 'decimal.js';
import { CatalogItem } from '../billing/catalog-item.entity';
import { Customer } from '../maintenance/customer.entity';
import { Site } from '../maintenance/site.entity';
import { User } from '../platform/user.entity';
import { Intervention } from '../maintenance/intervention.entity';
import type { EquipmentCategory } from '../maintenance/equipment.entity';
import { createEquipment } from '../maintenance/equipment.service';
import { addTechnicianAbsence, createTechnician } from '../maintenance/technician.service';
import { amendContract, createContract, type ContractTermsInput, type PlanInput } from '../maintenance/contract.service';
import { preventiveDueDates, type RateCard, type SlaTargets } from '../maintenance/contract.rules';
import type { InterventionPriority, LabourType, ReportInput } from '../maintenance/intervention.rules';
import {
  cancelIntervention,
  closeIntervention,
  completeIntervention,
  createInterventionRequest,
  recordInterventionReport,
  scheduleIntervention,
  startIntervention,
} from '../maintenance/intervention.service';
import type { Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { DEFAULT_TIMEZONE, localDate, localDayBounds } from '../shared/time';
import { personName, pick, seededRandom } from './french-data';

/**
 * The demo park of Clim’Ouest: catalog, technicians (with absences), equipment on every site,
 * contracts with rate cards and preventive plans, and interventions in every state from six weeks
 * ago to three weeks ahead. Everything goes through the domain services, as a planner and the
 * technicians would have done it; only the timestamps the services set to "now" (start,
 * completion, signature, closing) are moved back to when the work happened.
 */

/** A 1×1 transparent PNG: the customer's "signature" and photo placeholder in demo data. */
export const TINY_PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Skill = 'FLUIDES_CAT1' | 'ELEC_BR' | 'SSI' | 'CVC' | 'GAZ';

export interface CatalogSeedItem {
  code: string;
  label: string;
  kind: 'PART' | 'SERVICE';
  unit?: string;
  purchaseCost: string;
  salePrice: string;
  trackedBySerial?: boolean;
  categories: EquipmentCategory[];
}

export const DEMO_CATALOG: CatalogSeedItem[] = [
  {
    code: 'FIL-G4-592',
    label: 'Filtre plissé G4 592×592×48',
    kind: 'PART',
    purchaseCost: '7.20',
    salePrice: '18.50',
    categories: ['VENTILATION', 'AIR_CONDITIONING'],
  },
  {
    code: 'FIL-F7-592',
    label: 'Filtre à poches F7 592×592',
    kind: 'PART',
    purchaseCost: '19.80',
    salePrice: '46.00',
    categories: ['VENTILATION'],
  },
  {
    code: 'FIL-SPLIT',
    label: 'Filtre anti-poussière unité murale',
    kind: 'PART',
    purchaseCost: '4.10',
    salePrice: '12.90',
    categories: ['AIR_CONDITIONING'],
  },
  {
    code: 'CRR-SPA1250',
    label: 'Courroie trapézoïdale SPA 1250',
    kind: 'PART',
    purchaseCost: '9.60',
    salePrice: '24.80',
    categories: ['VENTILATION'],
  },
  {
    code: 'CRR-XPZ900',
    label: 'Courroie crantée XPZ 900',
    kind: 'PART',
    purchaseCost: '7.90',
    salePrice: '19.60',
    categories: ['VENTILATION'],
  },
  {
    code: 'FLU-R32',
    label: 'Fluide frigorigène R32',
    kind: 'PART',
    unit: 'kg',
    purchaseCost: '31.00',
    salePrice: '68.00',
    categories: ['AIR_CONDITIONING', 'HEAT_PUMP'],
  },
  {
    code: 'FLU-R410A',
    label: 'Fluide frigorigène R410A',
    kind: 'PART',
    unit: 'kg',
    purchaseCost: '44.00',
    salePrice: '92.00',
    categories: ['AIR_CONDITIONING'],
  },
  {
    code: 'FLU-R407C',
    label: 'Fluide frigorigène R407C',
    kind: 'PART',
    unit: 'kg',
    purchaseCost: '39.50',
    salePrice: '85.00',
    categories: ['AIR_CONDITIONING'],
  },
  {
    code: 'DET-TES2',
    label: 'Détendeur thermostatique TES2',
    kind: 'PART',
    purchaseCost: '78.00',
    salePrice: '164.00',
    trackedBySerial: true,
    categories: ['AIR_CONDITIONING', 'HEAT_PUMP'],
  },
  {
    code: 'DET-EEV',
    label: 'Détendeur électronique EEV',
    kind: 'PART',
    purchaseCost: '132.00',
    salePrice: '286.00',
    trackedBySerial: true,
    categories: ['HEAT_PUMP'],
  },
  {
    code: 'THC-900',
    label: 'Thermocouple universel 900 mm',
    kind: 'PART',
    purchaseCost: '8.30',
    salePrice: '21.40',
    categories: ['BOILER'],
  },
  {
    code: 'ELC-ALLUM',
    label: 'Électrode d’allumage et d’ionisation',
    kind: 'PART',
    purchaseCost: '13.90',
    salePrice: '34.90',
    categories: ['BOILER'],
  },
  {
    code: 'VAN-GAZ',
    label: 'Bloc vanne gaz',
    kind: 'PART',
    purchaseCost: '119.00',
    salePrice: '248.00',
    trackedBySerial: true,
    categories: ['BOILER'],
  },
  {
    code: 'CIR-UPM3',
    label: 'Circulateur chauffage UPM3 25-70',
    kind: 'PART',
    purchaseCost: '92.00',
    salePrice: '189.00',
    trackedBySerial: true,
    categories: ['BOILER', 'HEAT_PUMP'],
  },
  {
    code: 'VAS-EXP18',
    label: 'Vase d’expansion 18 L',
    kind: 'PART',
    purchaseCost: '24.50',
    salePrice: '58.00',
    categories: ['BOILER', 'HEAT_PUMP'],
  },
  {
    code: 'SON-NTC',
    label: 'Sonde de température NTC 10 kΩ',
    kind: 'PART',
    purchaseCost: '9.80',
    salePrice: '27.50',
    categories: ['BOILER', 'HEAT_PUMP', 'AIR_CONDITIONING'],
  },
  {
    code: 'CAR-REG',
    label: 'Carte électronique de régulation',
    kind: 'PART',
    purchaseCost: '198.00',
    salePrice: '412.00',
    trackedBySerial: true,
    categories: ['BOILER', 'HEAT_PUMP'],
  },
  {
    code: 'CND-35UF',
    label: 'Condensateur de démarrage 35 µF',
    kind: 'PART',
    purchaseCost: '5.90',
    salePrice: '16.80',
    categories: ['AIR_CONDITIONING', 'VENTILATION'],
  },
  {
    code: 'MOT-VENT-UE',
    label: 'Moteur de ventilateur unité extérieure',
    kind: 'PART',
    purchaseCost: '151.00',
    salePrice: '326.00',
    trackedBySerial: true,
    categories: ['AIR_CONDITIONING', 'HEAT_PUMP'],
  },
  {
    code: 'CMP-ROT25',
    label: 'Compresseur rotatif 2,5 kW',
    kind: 'PART',
    purchaseCost: '412.00',
    salePrice: '890.00',
    trackedBySerial: true,
    categories: ['AIR_CONDITIONING'],
  },
  {
    code: 'EXT-EAU6',
    label: 'Extincteur 6 L eau + additif',
    kind: 'PART',
    purchaseCost: '34.00',
    salePrice: '79.00',
    trackedBySerial: true,
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'EXT-CO2-2',
    label: 'Extincteur CO2 2 kg',
    kind: 'PART',
    purchaseCost: '52.00',
    salePrice: '118.00',
    trackedBySerial: true,
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'EXT-PDR9',
    label: 'Extincteur poudre ABC 9 kg',
    kind: 'PART',
    purchaseCost: '41.00',
    salePrice: '96.00',
    trackedBySerial: true,
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'EXT-RCH-CO2',
    label: 'Recharge CO2 2 kg',
    kind: 'PART',
    purchaseCost: '17.50',
    salePrice: '42.00',
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'EXT-RCH-EAU',
    label: 'Recharge eau + additif 6 L',
    kind: 'PART',
    purchaseCost: '9.20',
    salePrice: '24.00',
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'EXT-JOINTS',
    label: 'Kit joints et goupille de sécurité',
    kind: 'PART',
    purchaseCost: '1.90',
    salePrice: '6.50',
    categories: ['FIRE_EXTINGUISHER'],
  },
  {
    code: 'SSI-DET-OPT',
    label: 'Détecteur optique de fumée',
    kind: 'PART',
    purchaseCost: '23.00',
    salePrice: '58.00',
    trackedBySerial: true,
    categories: ['FIRE_ALARM_SYSTEM'],
  },
  {
    code: 'SSI-DET-THV',
    label: 'Détecteur thermovélocimétrique',
    kind: 'PART',
    purchaseCost: '26.00',
    salePrice: '64.00',
    trackedBySerial: true,
    categories: ['FIRE_ALARM_SYSTEM'],
  },
  {
    code: 'SSI-DM',
    label: 'Déclencheur manuel rouge',
    kind: 'PART',
    purchaseCost: '18.00',
    salePrice: '45.00',
    categories: ['FIRE_ALARM_SYSTEM'],
  },
  {
    code: 'SSI-DIFF',
    label: 'Diffuseur sonore d’alarme',
    kind: 'PART',
    purchaseCost: '29.00',
    salePrice: '72.00',
    categories: ['FIRE_ALARM_SYSTEM'],
  },
  {
    code: 'BAT-12V7',
    label: 'Batterie plomb 12 V 7 Ah',
    kind: 'PART',
    purchaseCost: '11.40',
    salePrice: '29.90',
    categories: ['FIRE_ALARM_SYSTEM', 'ELECTRICAL_PANEL'],
  },
  {
    code: 'BAT-12V17',
    label: 'Batterie plomb 12 V 17 Ah',
    kind: 'PART',
    purchaseCost: '26.80',
    salePrice: '64.00',
    categories: ['FIRE_ALARM_SYSTEM'],
  },
  {
    code: 'ELE-DISJ16',
    label: 'Disjoncteur 16 A courbe C',
    kind: 'PART',
    purchaseCost: '5.60',
    salePrice: '14.20',
    categories: ['ELECTRICAL_PANEL'],
  },
  {
    code: 'ELE-ID4030',
    label: 'Interrupteur différentiel 40 A 30 mA',
    kind: 'PART',
    purchaseCost: '27.00',
    salePrice: '68.50',
    categories: ['ELECTRICAL_PANEL'],
  },
  {
    code: 'ELE-PARAF2',
    label: 'Parafoudre type 2',
    kind: 'PART',
    purchaseCost: '46.00',
    salePrice: '112.00',
    categories: ['ELECTRICAL_PANEL'],
  },
  {
    code: 'VMC-BOUCHE',
    label: 'Bouche d’extraction hygroréglable',
    kind: 'PART',
    purchaseCost: '10.40',
    salePrice: '26.00',
    categories: ['VENTILATION'],
  },
  {
    code: 'VMC-CAISSON',
    label: 'Caisson moteur VMC',
    kind: 'PART',
    purchaseCost: '161.00',
    salePrice: '348.00',
    trackedBySerial: true,
    categories: ['VENTILATION'],
  },
  {
    code: 'SRV-ETANCH',
    label: 'Contrôle d’étanchéité (fluides frigorigènes)',
    kind: 'SERVICE',
    unit: 'forfait',
    purchaseCost: '0.00',
    salePrice: '95.00',
    categories: ['AIR_CONDITIONING', 'HEAT_PUMP'],
  },
  {
    code: 'SRV-RAMON',
    label: 'Ramonage conduit de fumée',
    kind: 'SERVICE',
    unit: 'forfait',
    purchaseCost: '0.00',
    salePrice: '85.00',
    categories: ['BOILER'],
  },
  {
    code: 'SRV-COMBU',
    label: 'Analyse de combustion',
    kind: 'SERVICE',
    unit: 'forfait',
    purchaseCost: '0.00',
    salePrice: '45.00',
    categories: ['BOILER'],
  },
  {
    code: 'SRV-RECUP',
    label: 'Récupération et traitement de fluide',
    kind: 'SERVICE',
    unit: 'kg',
    purchaseCost: '0.00',
    salePrice: '18.00',
    categories: ['AIR_CONDITIONING', 'HEAT_PUMP'],
  },
  {
    code: 'SRV-MES',
    label: 'Mise en service',
    kind: 'SERVICE',
    unit: 'forfait',
    purchaseCost: '0.00',
    salePrice: '150.00',
    categories: ['HEAT_PUMP', 'AIR_CONDITIONING', 'BOILER'],
  },
  {
    code: 'SRV-RECYC',
    label: 'Reprise et recyclage d’extincteur',
    kind: 'SERVICE',
    unit: 'u',
    purchaseCost: '0.00',
    salePrice: '12.00',
    categories: ['FIRE_EXTINGUISHER'],
  },
];

/** Creates the catalog items (billing has no write service yet: plain entities). Exported for tests. */
export async function seedCatalog(
  em: EntityManager,
  tenantId: string,
  items: readonly CatalogSeedItem[] = DEMO_CATALOG,
): Promise<CatalogItem[]> {
  const created = items.map((item) =>
    em.create(CatalogItem, {
      id: newId(),
      tenantId,
      code: item.code,
      label: item.label,
      kind: item.kind,
      unit: item.unit ?? 'u',
      purchaseCost: item.purchaseCost,
      salePrice: item.salePrice,
      vatRateCode: 'TVA20',
      trackedBySerial: item.trackedBySerial ?? false,
      active: true,
    }),
  );
  await em.flush();
  return created;
}

const TECHNICIANS: {
  fullName: string;
  skills: Skill[];
  color: string;
  workDayStart: string;
  workDayEnd: string;
  workDays: number[];
  demoUser?: string;
}[] = [
  {
    fullName: 'Théo Le Floch',
    skills: ['FLUIDES_CAT1', 'CVC', 'ELEC_BR'],
    color: '#1c7ed6',
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
    demoUser: 'technicien',
  },
  {
    fullName: 'Maëlle Quéré',
    skills: ['SSI', 'ELEC_BR'],
    color: '#e8590c',
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
  },
  {
    fullName: 'Kévin Le Goff',
    skills: ['GAZ', 'CVC'],
    color: '#2f9e44',
    workDayStart: '07:30',
    workDayEnd: '16:30',
    workDays: [1, 2, 3, 4, 5],
  },
  {
    fullName: 'Romain Pichon',
    skills: ['FLUIDES_CAT1', 'CVC'],
    color: '#9c36b5',
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
  },
  {
    fullName: 'Gwenaëlle Cadiou',
    skills: ['SSI'],
    color: '#f59f00',
    workDayStart: '08:30',
    workDayEnd: '17:30',
    workDays: [1, 2, 3, 4, 5],
  },
  {
    fullName: 'Lucas Bréhier',
    skills: ['ELEC_BR', 'CVC'],
    color: '#0c8599',
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5, 6],
  },
  {
    fullName: 'Mathis Guéguen',
    skills: ['GAZ', 'FLUIDES_CAT1', 'CVC'],
    color: '#c2255c',
    workDayStart: '08:00',
    workDayEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
  },
  {
    fullName: 'Yannick Le Bras',
    skills: ['FLUIDES_CAT1', 'GAZ', 'CVC', 'ELEC_BR', 'SSI'],
    color: '#5c7cfa',
    workDayStart: '07:30',
    workDayEnd: '16:30',
    workDays: [1, 2, 3, 4, 5],
  },
];

/** Absences relative to the seed day: technician index, first day offset, number of days, reason. */
const ABSENCES: { tech: number; fromOffset: number; days: number; reason: string }[] = [
  { tech: 1, fromOffset: 9, days: 3, reason: 'Congés payés' },
  { tech: 2, fromOffset: 2, days: 1, reason: 'Formation habilitation électrique BR' },
  { tech: 3, fromOffset: 4, days: 1, reason: 'RTT' },
  { tech: 4, fromOffset: 14, days: 5, reason: 'Congés payés' },
  { tech: 6, fromOffset: 16, days: 2, reason: 'Formation attestation de capacité fluides' },
];

const SKILL_FOR: Record<EquipmentCategory, Skill> = {
  BOILER: 'GAZ',
  HEAT_PUMP: 'FLUIDES_CAT1',
  AIR_CONDITIONING: 'FLUIDES_CAT1',
  VENTILATION: 'CVC',
  FIRE_EXTINGUISHER: 'SSI',
  FIRE_ALARM_SYSTEM: 'SSI',
  ELECTRICAL_PANEL: 'ELEC_BR',
  OTHER: 'CVC',
};

const PLAN_DEFAULTS: Record<EquipmentCategory, { visits: number[]; minutes: number }> = {
  BOILER: { visits: [1, 1, 2], minutes: 90 },
  HEAT_PUMP: { visits: [1, 2, 2], minutes: 120 },
  AIR_CONDITIONING: { visits: [2, 2, 4], minutes: 90 },
  VENTILATION: { visits: [1, 2], minutes: 60 },
  FIRE_EXTINGUISHER: { visits: [1], minutes: 30 },
  FIRE_ALARM_SYSTEM: { visits: [1, 2], minutes: 120 },
  ELECTRICAL_PANEL: { visits: [1], minutes: 90 },
  OTHER: { visits: [1], minutes: 60 },
};

interface EquipmentSpec {
  name: string;
  category: EquipmentCategory;
  brand: string;
  model: string;
  refrigerantType?: string;
  refrigerantChargeKg?: string;
  children?: EquipmentSpec[];
}

const TZ = DEFAULT_TIMEZONE;
const dayAfter = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');
const weekday = (date: string) => getISODay(parseISO(date));
/** The instant of a local wall-clock time (minutes after midnight) on a local date, in Paris. */
function localInstant(date: string, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, TZ).getTime());
}
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function equipmentSpecs(random: () => number): EquipmentSpec[] {
  const r = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const kg = (min: number, max: number) => new Decimal(min + random() * (max - min)).toFixed(2);
  const specs: EquipmentSpec[] = [];
  const groups = random() < 0.5 ? 2 : random() < 0.7 ? 3 : 1;
  const kinds = new Set<string>();
  while (kinds.size < groups) kinds.add(pick(random, ['CLIM', 'CLIM', 'BOILER', 'PAC', 'VENT', 'EXT', 'EXT', 'SSI', 'ELEC']));
  for (const kind of kinds) {
    if (kind === 'CLIM') {
      if (random() < 0.35) {
        const brand = pick(random, ['Daikin', 'Mitsubishi Electric', 'Toshiba']);
        specs.push({
          name: 'Groupe extérieur VRV – toiture',
          category: 'AIR_CONDITIONING',
          brand,
          model: brand === 'Daikin' ? 'VRV IV RXYQ10U' : brand === 'Toshiba' ? 'SMMS-e MMY-MAP1006' : 'City Multi PUHY-P250',
          refrigerantType: 'R410A',
          refrigerantChargeKg: kg(8, 14),
          children: Array.from({ length: r(2, 3) }, (_, i) => ({
            name: `Unité intérieure cassette – bureau ${i + 1}`,
            category: 'AIR_CONDITIONING' as const,
            brand,
            model: brand === 'Daikin' ? 'FXZQ32A' : brand === 'Toshiba' ? 'MMU-UP0281HP' : 'PLFY-P32VEM',
            refrigerantType: 'R410A',
          })),
        });
      } else {
        for (let i = 0; i < r(1, 2); i += 1) {
          const brand = pick(random, ['Daikin', 'Atlantic', 'Mitsubishi Electric', 'Toshiba']);
          const model = {
            Daikin: 'Perfera FTXM35R',
            Atlantic: 'Takao M2 ASYG12',
            'Mitsubishi Electric': 'MSZ-LN35VG',
            Toshiba: 'Seiya RAS-B13',
          }[brand]!;
          specs.push({
            name: `Climatiseur mural – salle ${r(1, 12)}`,
            category: 'AIR_CONDITIONING',
            brand,
            model,
            refrigerantType: 'R32',
            refrigerantChargeKg: kg(0.75, 1.6),
          });
        }
      }
    } else if (kind === 'BOILER') {
      const brand = pick(random, ['Viessmann', 'Saunier Duval', 'De Dietrich', 'Atlantic', 'Frisquet']);
      const model = {
        Viessmann: 'Vitodens 200-W',
        'Saunier Duval': 'ThemaPlus Condens',
        'De Dietrich': 'MCR3 Evolution',
        Atlantic: 'Naia 2 Condensation',
        Frisquet: 'Prestige Condensation',
      }[brand]!;
      for (let i = 0; i < r(1, 2); i += 1)
        specs.push({ name: `Chaudière gaz à condensation – chaufferie${i ? ` ${i + 1}` : ''}`, category: 'BOILER', brand, model });
    } else if (kind === 'PAC') {
      const brand = pick(random, ['Atlantic', 'Daikin', 'Viessmann', 'Mitsubishi Electric']);
      const model = {
        Atlantic: 'Alfea Extensa AI 8',
        Daikin: 'Altherma 3 H HT',
        Viessmann: 'Vitocal 200-S',
        'Mitsubishi Electric': 'Ecodan PUZ-WM85',
      }[brand]!;
      specs.push({
        name: 'Pompe à chaleur air/eau',
        category: 'HEAT_PUMP',
        brand,
        model,
        refrigerantType: 'R32',
        refrigerantChargeKg: kg(1.4, 3.2),
      });
    } else if (kind === 'VENT') {
      const cta = random() < 0.4;
      specs.push(
        cta
          ? {
              name: 'Centrale de traitement d’air',
              category: 'VENTILATION',
              brand: pick(random, ['France Air', 'Atlantic', 'Aldes']),
              model: 'CTA double flux 3000 m³/h',
            }
          : {
              name: 'VMC simple flux hygroréglable',
              category: 'VENTILATION',
              brand: pick(random, ['Aldes', 'Atlantic', 'Unelvent']),
              model: pick(random, ['Bahia Compact', 'Hygrocosy BC', 'Ventilairsec']),
            },
      );
    } else if (kind === 'EXT') {
      const levels = ['RDC', 'RDC', '1er étage', 'local TGBT', 'cuisine', 'atelier'];
      for (let i = 0; i < r(2, 4); i += 1) {
        const type = pick(random, ['EAU', 'EAU', 'CO2', 'PDR']);
        const brand = pick(random, ['Sicli', 'Desautel', 'Eurofeu']);
        specs.push({
          name: `${type === 'EAU' ? 'Extincteur 6 L eau + additif' : type === 'CO2' ? 'Extincteur CO2 2 kg' : 'Extincteur poudre ABC 9 kg'} – ${pick(random, levels)}`,
          category: 'FIRE_EXTINGUISHER',
          brand,
          model: type === 'EAU' ? `${brand === 'Sicli' ? 'EP6' : 'EAP6'} eau+additif` : type === 'CO2' ? 'CO2 2 kg' : 'PA9 ABC',
        });
      }
    } else if (kind === 'SSI') {
      const brand = pick(random, ['Desautel', 'Legrand', 'DEF', 'Siemens']);
      const model = {
        Desautel: 'Centrale SSI Catégorie A',
        Legrand: 'Alarme type 4 radio',
        DEF: 'CMSI DEF-Dialog',
        Siemens: 'Cerberus FC722',
      }[brand]!;
      specs.push({
        name: 'Système de sécurité incendie – centrale',
        category: 'FIRE_ALARM_SYSTEM',
        brand,
        model,
        children:
          random() < 0.5
            ? [{ name: 'Tableau de report d’alarme – accueil', category: 'FIRE_ALARM_SYSTEM', brand, model: 'Tableau de report' }]
            : [],
      });
    } else {
      const brand = pick(random, ['Legrand', 'Schneider Electric', 'Hager']);
      specs.push({
        name: 'Tableau général basse tension (TGBT)',
        category: 'ELECTRICAL_PANEL',
        brand,
        model: brand === 'Legrand' ? 'XL³ 400' : brand === 'Hager' ? 'Quadro.plus' : 'Prisma G',
        children: Array.from({ length: r(0, 2) }, (_, i) => ({
          name: `Tableau divisionnaire – niveau ${i + 1}`,
          category: 'ELECTRICAL_PANEL' as const,
          brand,
          model: brand === 'Legrand' ? 'XL³ 160' : brand === 'Hager' ? 'Volta' : 'Prisma E',
        })),
      });
    }
  }
  return specs;
}

const CORRECTIVE_TITLES: Record<EquipmentCategory, string[]> = {
  BOILER: [
    'Chaudière en sécurité',
    'Plus d’eau chaude sanitaire',
    'Bruit anormal au démarrage du brûleur',
    'Pression du circuit trop basse',
  ],
  HEAT_PUMP: ['PAC en défaut haute pression', 'Chauffage insuffisant', 'Givrage excessif de l’unité extérieure'],
  AIR_CONDITIONING: [
    'Fuite de fluide frigorigène suspectée',
    'Climatisation ne refroidit plus',
    'Écoulement des condensats bouché',
    'Code défaut U4 sur la télécommande',
  ],
  VENTILATION: ['VMC bruyante', 'Débit d’extraction insuffisant', 'Courroie de la CTA cassée'],
  FIRE_EXTINGUISHER: ['Extincteur percuté à remplacer', 'Extincteur manquant au RDC', 'Goupille absente'],
  FIRE_ALARM_SYSTEM: ['SSI en dérangement', 'Détecteur en défaut zone 3', 'Batterie de la centrale à remplacer'],
  ELECTRICAL_PANEL: ['Disjoncteur différentiel qui déclenche', 'Échauffement constaté au TGBT', 'Remplacement parafoudre'],
  OTHER: ['Dépannage'],
};

const OBSERVATIONS: Record<EquipmentCategory, string[]> = {
  BOILER: [
    'Analyse de combustion conforme (CO 28 ppm).',
    'Électrode encrassée nettoyée, brûleur réglé.',
    'Pression remise à 1,5 bar, purge du circuit effectuée.',
  ],
  HEAT_PUMP: ['Contrôle d’étanchéité sans fuite détectée.', 'Échangeur nettoyé, COP conforme.', 'Paramétrage de la loi d’eau ajusté.'],
  AIR_CONDITIONING: [
    'Filtres nettoyés, batterie traitée antibactérien.',
    'Fuite réparée sur raccord flare, complément de charge effectué.',
    'Contrôle d’étanchéité réalisé, aucune fuite.',
  ],
  VENTILATION: [
    'Bouches nettoyées, débits mesurés conformes.',
    'Courroie remplacée, tension réglée.',
    'Filtres remplacés, caisson dépoussiéré.',
  ],
  FIRE_EXTINGUISHER: [
    'Vérification annuelle NF S 61-919 effectuée, étiquettes posées.',
    'Extincteur remplacé, ancien repris pour recyclage.',
    'Pesée CO2 conforme.',
  ],
  FIRE_ALARM_SYSTEM: [
    'Essais de fonctionnement des déclencheurs manuels conformes.',
    'Détecteur remplacé, test de la boucle OK.',
    'Batteries remplacées, autonomie vérifiée.',
  ],
  ELECTRICAL_PANEL: [
    'Serrage des connexions effectué, thermographie sans point chaud.',
    'Différentiel remplacé, test de déclenchement OK.',
    'Parafoudre remplacé.',
  ],
  OTHER: ['Intervention réalisée.'],
};

const CANCEL_REASONS = [
  'Client injoignable, demande annulée',
  'Doublon d’une demande existante',
  'Panne résolue par le client',
  'Site fermé (congés du client)',
];

interface SeedEquipment {
  id: string;
  siteId: string;
  customerId: string;
  category: EquipmentCategory;
  name: string;
  contractId: string | null;
  inService: boolean;
}

interface ContractInfo {
  id: string;
  customerId: string;
  startsOn: string;
  endsOn: string;
  tacitRenewal: boolean;
  rateCard: RateCard;
  plans: PlanInput[];
}

type FinalStatus = 'REQUESTED' | 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';

interface PlannedJob {
  type: Intervention['type'];
  priority: InterventionPriority;
  title: string;
  description: string | null;
  customerId: string;
  siteId: string;
  equipment: SeedEquipment | null;
  requiredSkills: string[];
  minutes: number;
  requestedAt: Date;
  planKey?: string;
  contractId?: string;
  dueDate?: string;
  source?: string;
  slot?: { day: string; start: Date; end: Date; technicianIds: string[] };
  final: FinalStatus;
}

export interface MaintenanceDemoSummary {
  catalogItems: number;
  technicians: number;
  equipment: number;
  contracts: number;
  amendments: number;
  interventions: Record<string, number>;
}

function rateCard(random: () => number): RateCard {
  const normal = new Decimal(62 + Math.floor(random() * 14));
  const zone = random() < 0.35;
  return {
    labourRates: {
      NORMAL: normal.toFixed(2),
      OVERTIME: normal.times(1.25).toFixed(2),
      NIGHT: normal.times(1.5).toFixed(2),
      WEEKEND_HOLIDAY: normal.times(2).toFixed(2),
    },
    travelPricing: zone ? 'ZONE' : 'FLAT',
    travelFlatFee: zone ? null : (35 + 5 * Math.floor(random() * 5)).toFixed(2),
    travelZones: zone
      ? [
          { code: 'Z1', label: 'Agglomération (moins de 15 km)', fee: '35.00' },
          { code: 'Z2', label: 'De 15 à 40 km', fee: '49.00' },
          ...(random() < 0.5 ? [{ code: 'Z3', label: 'De 40 à 80 km', fee: '68.00' }] : []),
        ]
      : [],
    partsDiscountPercent: pick(random, ['0.00', '5.00', '8.00', '10.00', '12.50', '15.00']),
    includedLabourHoursPerYear: pick(random, ['0.00', '0.00', '4.00', '8.00', '12.00', '20.00']),
    travelIncluded: random() < 0.3,
    partsIncluded: false,
  };
}

function sla(random: () => number): SlaTargets {
  return { URGENT: 4, HIGH: pick(random, [8, 12, 24]), NORMAL: pick(random, [48, 72]), LOW: 168 };
}

/**
 * Seeds the GMAO of one tenant. Call inside the tenant scope of the rest of the seed, after
 * customers and sites. `now` is the moment the demo revolves around (tests may pin it).
 */
export async function seedMaintenanceDemo(
  em: EntityManager,
  identity: Identity,
  options: { seed: number; now?: Date },
): Promise<MaintenanceDemoSummary> {
  const tenantId = identity.tenantId;
  const random = seededRandom(options.seed * 104_729);
  const r = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const now = options.now ?? new Date();
  const today = localDate(now);

  // Catalog.
  const catalog = await seedCatalog(em, tenantId);
  const catalogByCode = new Map(catalog.map((c) => [c.code, c]));
  const partsFor = (category: EquipmentCategory) =>
    DEMO_CATALOG.filter((c) => c.categories.includes(category)).map((c) => catalogByCode.get(c.code)!);

  // Technicians and their absences.
  const technicians: { id: string; fullName: string; skills: Skill[]; start: number; end: number; workDays: number[] }[] = [];
  for (const spec of TECHNICIANS) {
    const user = spec.demoUser ? await em.findOne(User, { email: { $like: `${spec.demoUser}@%` } }) : null;
    const slug = spec.fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    const technician = await createTechnician(em, tenantId, {
      fullName: spec.fullName,
      email: `${slug}@climouest.example.fr`,
      phone: `06 ${r(10, 99)} ${r(10, 99)} ${r(10, 99)} ${r(10, 99)}`,
      skills: spec.skills,
      color: spec.color,
      workDayStart: spec.workDayStart,
      workDayEnd: spec.workDayEnd,
      workDays: spec.workDays,
      userId: user?.id ?? null,
    });
    technicians.push({
      id: technician.id,
      fullName: spec.fullName,
      skills: spec.skills,
      start: toMinutes(spec.workDayStart),
      end: toMinutes(spec.workDayEnd),
      workDays: spec.workDays,
    });
  }
  const absentDays = new Set<string>();
  for (const absence of ABSENCES) {
    const first = dayAfter(today, absence.fromOffset);
    const last = dayAfter(first, absence.days - 1);
    await addTechnicianAbsence(em, tenantId, {
      technicianId: technicians[absence.tech]!.id,
      startsAt: localDayBounds(first).from,
      endsAt: localDayBounds(last).to,
      reason: absence.reason,
    });
    for (let d = 0; d < absence.days; d += 1) absentDays.add(`${technicians[absence.tech]!.id}|${dayAfter(first, d)}`);
  }

  // Customers and sites (created just before), in a stable order.
  const customers = await em.find(Customer, {}, { orderBy: { code: 'asc' } });
  const sites = await em.find(Site, {}, { orderBy: { customerId: 'asc', name: 'asc', id: 'asc' } });
  const sitesByCustomer = new Map<string, Site[]>();
  for (const customer of customers) sitesByCustomer.set(customer.id, []);
  for (const site of sites) sitesByCustomer.get(site.customerId)!.push(site);
  for (const list of sitesByCustomer.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  // The park, planned first so that contracts know which categories their sites hold.
  const specsBySite = new Map<string, EquipmentSpec[]>();
  for (const customer of customers) for (const site of sitesByCustomer.get(customer.id)!) specsBySite.set(site.id, equipmentSpecs(random));

  // Contracts: 40 of the customers, covering all their sites, a plan per category present.
  const shuffled = customers
    .map((c) => ({ c, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
  const contractCustomers = new Set(shuffled.slice(0, Math.min(40, customers.length)).map((c) => c.id));
  const contracts = new Map<string, ContractInfo>();
  let amendments = 0;
  for (const customer of customers) {
    if (!contractCustomers.has(customer.id)) continue;
    const customerSites = sitesByCustomer.get(customer.id)!;
    const categories = [...new Set(customerSites.flatMap((s) => specsBySite.get(s.id)!.map((e) => e.category)))].sort();
    const plans: PlanInput[] = categories.map((category) => ({
      equipmentCategory: category,
      visitsPerYear: pick(random, PLAN_DEFAULTS[category].visits),
      estimatedDurationMinutes: PLAN_DEFAULTS[category].minutes,
      requiredSkills: [SKILL_FOR[category]],
    }));
    const startsOn = dayAfter(today, -r(45, 1000));
    const multiYear = random() < 0.3;
    const tacitRenewal = multiYear ? random() < 0.5 : true;
    const years = multiYear ? 3 : 1;
    const endsOn = dayAfter(format(addYears(parseISO(startsOn), years), 'yyyy-MM-dd'), -1);
    const fireOnly = categories.every((c) => c.startsWith('FIRE_'));
    const terms: ContractTermsInput = {
      title: `${fireOnly ? 'Contrat sécurité incendie' : categories.length > 2 ? 'Contrat multitechnique' : 'Contrat de maintenance CVC'} – ${customer.name}`,
      startsOn,
      endsOn,
      tacitRenewal,
      noticeDays: pick(random, [30, 60, 90, 90, 90]),
      siteIds: customerSites.map((s) => s.id),
      sla: sla(random),
      rateCard: rateCard(random),
      plans,
    };
    let contract = await createContract(em, tenantId, { ...terms, customerId: customer.id });
    const anniversary = format(addYears(parseISO(startsOn), 1), 'yyyy-MM-dd');
    if (anniversary <= today && random() < 0.4) {
      const raised = new Decimal(terms.rateCard.labourRates.NORMAL!).times(1.035);
      terms.rateCard = {
        ...terms.rateCard,
        labourRates: {
          NORMAL: raised.toFixed(2),
          OVERTIME: raised.times(1.25).toFixed(2),
          NIGHT: raised.times(1.5).toFixed(2),
          WEEKEND_HOLIDAY: raised.times(2).toFixed(2),
        },
      };
      contract = await amendContract(em, contract.id, {
        ...terms,
        effectiveOn: anniversary,
        reason: 'Avenant n° 1 : révision annuelle des taux horaires (+3,5 %)',
        expectedVersion: contract.version,
      });
      amendments += 1;
    }
    contracts.set(customer.id, {
      id: contract.id,
      customerId: customer.id,
      startsOn,
      endsOn,
      tacitRenewal,
      rateCard: terms.rateCard,
      plans,
    });
  }

  // Equipment, through the service (validation of site, parent and contract included).
  const equipment: SeedEquipment[] = [];
  let serial = 0;
  const serialFor = (brand: string) =>
    `${brand
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase()}${String(1_000_000 + (((serial += 1) * 7919) % 9_000_000)).padStart(8, '0')}`;
  for (const customer of customers) {
    const contract = contracts.get(customer.id);
    for (const site of sitesByCustomer.get(customer.id)!) {
      for (const spec of specsBySite.get(site.id)!) {
        const create = async (s: EquipmentSpec, parentId: string | null) => {
          const installedOn = dayAfter(today, -r(120, 4000));
          const created = await createEquipment(em, tenantId, {
            siteId: site.id,
            parentId,
            contractId: contract && contract.plans.some((p) => p.equipmentCategory === s.category) ? contract.id : null,
            name: s.name,
            category: s.category,
            brand: s.brand,
            model: s.model,
            serialNumber: serialFor(s.brand),
            refrigerantType: s.refrigerantType ?? null,
            refrigerantChargeKg: s.refrigerantChargeKg ?? null,
            installedOn,
            warrantyEndsOn:
              s.category === 'FIRE_EXTINGUISHER'
                ? null
                : dayAfter(installedOn, s.category === 'BOILER' || s.category === 'HEAT_PUMP' ? 5 * 365 : 2 * 365),
            status: random() < 0.02 ? 'OUT_OF_SERVICE' : 'IN_SERVICE',
          });
          equipment.push({
            id: created.id,
            siteId: site.id,
            customerId: customer.id,
            category: s.category,
            name: s.name,
            contractId: created.contractId ?? null,
            inService: created.status === 'IN_SERVICE',
          });
          return created;
        };
        if (equipment.length % 20 === 0) em.clear();
        const parent = await create(spec, null);
        for (const child of spec.children ?? []) await create(child, parent.id);
      }
    }
  }
  em.clear();

  // Interventions. First the plan: slots per technician and day, then what each job is.
  const jobs: PlannedJob[] = [];
  const equipmentBySkill = new Map<string, SeedEquipment[]>();
  for (const e of equipment) {
    const skill = SKILL_FOR[e.category];
    if (!equipmentBySkill.has(skill)) equipmentBySkill.set(skill, []);
    equipmentBySkill.get(skill)!.push(e);
  }
  const contractsById = new Map([...contracts.values()].map((c) => [c.id, c]));
  // Preventive visits due in the window, as the preventive generator would compute them.
  const windowFrom = dayAfter(today, -42);
  const windowTo = dayAfter(today, 28);
  const preventiveCandidates: { equipment: SeedEquipment; due: string; contract: ContractInfo; plan: PlanInput; used: boolean }[] = [];
  for (const e of equipment) {
    if (!e.contractId || !e.inService) continue;
    const contract = contractsById.get(e.contractId)!;
    const plan = contract.plans.find((p) => p.equipmentCategory === e.category)!;
    for (const due of preventiveDueDates(
      contract.startsOn,
      plan.visitsPerYear,
      windowFrom,
      windowTo,
      contract.tacitRenewal ? null : contract.endsOn,
    ))
      preventiveCandidates.push({ equipment: e, due, contract, plan, used: false });
  }
  preventiveCandidates.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));

  const describeCorrective = (e: SeedEquipment, priority: InterventionPriority) => {
    const title = pick(random, CORRECTIVE_TITLES[e.category]);
    return {
      title,
      description: `${title} signalé par le client${priority === 'URGENT' ? ', intervention urgente demandée' : ''}. Équipement : ${e.name}.`,
    };
  };

  const planJob = (
    tech: (typeof technicians)[number],
    day: string,
    slotStart: number,
    final: FinalStatus,
    allowPreventive: boolean,
    force = false,
  ): PlannedJob | null => {
    const offsetDays = differenceInCalendarDays(parseISO(day), parseISO(today));
    let job: PlannedJob | null = null;
    const wantPreventive = allowPreventive && (offsetDays > 5 || random() < 0.4);
    if (wantPreventive) {
      const candidate = preventiveCandidates.find(
        (c) =>
          !c.used &&
          tech.skills.includes(SKILL_FOR[c.equipment.category]) &&
          Math.abs(differenceInCalendarDays(parseISO(c.due), parseISO(day))) <= 12,
      );
      if (candidate) {
        candidate.used = true;
        const e = candidate.equipment;
        job = {
          type: 'PREVENTIVE',
          priority: 'NORMAL',
          title: `Visite préventive – ${e.name}`,
          description: `Visite du ${candidate.due} prévue au contrat`,
          customerId: e.customerId,
          siteId: e.siteId,
          equipment: e,
          requiredSkills: [SKILL_FOR[e.category]],
          minutes: candidate.plan.estimatedDurationMinutes ?? 120,
          requestedAt: localInstant(dayAfter(candidate.due < day ? candidate.due : day, -r(14, 21)), 6 * 60),
          planKey: `${candidate.contract.id}:${e.id}:${candidate.due}`,
          contractId: candidate.contract.id,
          dueDate: candidate.due,
          source: 'PREVENTIVE_PLAN',
          final,
        };
      } else if (offsetDays > 5 && !force) return null;
    }
    if (!job) {
      const pool = tech.skills.flatMap((s) => equipmentBySkill.get(s) ?? []);
      const e = pick(random, pool);
      const roll = random();
      const type: Intervention['type'] = roll < 0.08 ? 'INSTALLATION' : roll < 0.18 ? 'INSPECTION' : 'CORRECTIVE';
      const priority: InterventionPriority =
        type !== 'CORRECTIVE'
          ? 'LOW'
          : offsetDays > 1
            ? pick(random, ['NORMAL', 'LOW', 'LOW'])
            : pick(random, ['URGENT', 'HIGH', 'HIGH', 'NORMAL', 'NORMAL', 'NORMAL', 'LOW']);
      const text =
        type === 'INSTALLATION'
          ? { title: `Remplacement – ${e.name}`, description: 'Dépose de l’ancien équipement, pose et mise en service du nouveau.' }
          : type === 'INSPECTION'
            ? { title: `Contrôle réglementaire – ${e.name}`, description: 'Vérification périodique réglementaire.' }
            : describeCorrective(e, priority);
      const leadHours = { URGENT: r(1, 3), HIGH: r(3, 7), NORMAL: r(10, 40), LOW: r(24, 120) }[priority];
      // far ahead, only planned inspections: their target date is the planner's, not an SLA from today
      const farAhead = offsetDays > 5;
      job = {
        type: farAhead ? 'INSPECTION' : type,
        priority: farAhead ? 'LOW' : priority,
        ...(farAhead ? { title: `Contrôle réglementaire – ${e.name}`, description: 'Vérification périodique réglementaire.' } : text),
        dueDate: farAhead ? dayAfter(day, 7) : undefined,
        customerId: e.customerId,
        siteId: e.siteId,
        equipment: random() < 0.92 ? e : null,
        requiredSkills: [SKILL_FOR[e.category]],
        minutes: type === 'INSTALLATION' ? 240 : pick(random, [60, 90, 90, 120, 120, 150]),
        requestedAt: new Date(localInstant(day, slotStart).getTime() - leadHours * 3600_000),
        source: random() < 0.15 ? 'PARTNER_API' : undefined,
        final,
      };
    }
    if (job.requestedAt > now) job.requestedAt = new Date(now.getTime() - r(30, 600) * 60_000);
    const start = localInstant(day, slotStart);
    job.slot = { day, start, end: new Date(start.getTime() + job.minutes * 60_000), technicianIds: [tech.id] };
    return job;
  };

  const cursor = new Map<string, number>();
  const weekCount = new Map<string, number>();
  for (let offset = -42; offset <= 21; offset += 1) {
    const day = dayAfter(today, offset);
    for (const [index, tech] of technicians.entries()) {
      const isTheoToday = offset === 0 && index === 0;
      if ((!tech.workDays.includes(weekday(day)) || absentDays.has(`${tech.id}|${day}`) || cursor.has(`${tech.id}|${day}`)) && !isTheoToday)
        continue;
      const roll = random();
      let count: number;
      if (offset < 0) count = roll < 0.36 ? 0 : roll < 0.86 ? 1 : 2;
      else if (offset === 0) count = isTheoToday ? 3 : roll < 0.3 ? 1 : 2;
      else if (offset <= 7) count = roll < 0.25 ? 0 : roll < 0.8 ? 1 : 2;
      else count = roll < 0.45 ? 0 : 1;
      // every technician gets at least two jobs this week and two next week
      const week = offset >= 1 && offset <= 6 ? 1 : offset >= 7 && offset <= 13 ? 2 : 0;
      let forced = false;
      if (week) {
        const weekEnd = week === 1 ? 6 : 13;
        let remaining = 0;
        for (let o = offset; o <= weekEnd; o += 1) {
          const d = dayAfter(today, o);
          if (tech.workDays.includes(weekday(d)) && !absentDays.has(`${tech.id}|${d}`) && !cursor.has(`${tech.id}|${d}`)) remaining += 1;
        }
        const need = 2 - (weekCount.get(`${tech.id}|${week}`) ?? 0);
        if (need > 0 && remaining <= need) {
          count = Math.max(count, need - remaining + 1);
          forced = true;
        }
      }
      let minute = tech.start + pick(random, [0, 0, 30]);
      for (let n = 0; n < count; n += 1) {
        let final: FinalStatus;
        if (offset <= -8) final = random() < 0.93 ? 'CLOSED' : random() < 0.6 ? 'CANCELLED' : 'COMPLETED';
        else if (offset < 0) final = random() < 0.62 ? 'COMPLETED' : random() < 0.8 ? 'CLOSED' : 'CANCELLED';
        else if (offset === 0) final = n === 0 ? 'IN_PROGRESS' : 'SCHEDULED';
        else final = random() < 0.04 ? 'CANCELLED' : 'SCHEDULED';
        const job = planJob(tech, day, minute, final, true, forced);
        if (!job) continue;
        if (job.slot!.end.getTime() > localInstant(day, tech.end).getTime() && !isTheoToday) break;
        // An installation takes two: a second technician with the skill, free that day.
        if (job.type === 'INSTALLATION') {
          const mate = technicians.find(
            (t) =>
              t.id !== tech.id &&
              t.skills.some((s) => job.requiredSkills.includes(s)) &&
              t.workDays.includes(weekday(day)) &&
              !absentDays.has(`${t.id}|${day}`) &&
              !cursor.has(`${t.id}|${day}`),
          );
          if (mate) {
            job.slot!.technicianIds.push(mate.id);
            cursor.set(`${mate.id}|${day}`, 24 * 60);
          }
        }
        jobs.push(job);
        if (week) weekCount.set(`${tech.id}|${week}`, (weekCount.get(`${tech.id}|${week}`) ?? 0) + 1);
        minute = Math.ceil((toMinutes(format(new TZDate(job.slot!.end, TZ), 'HH:mm')) + pick(random, [30, 45, 60])) / 15) * 15;
      }
      cursor.set(`${tech.id}|${day}`, minute);
    }
  }
  // The unscheduled queue: recent requests and upcoming preventive visits, plus a few cancelled requests.
  const remainingPreventive = preventiveCandidates.filter((c) => !c.used && c.due >= today && c.due <= dayAfter(today, 28));
  for (let n = 0; n < 37; n += 1) {
    const final: FinalStatus = n < 25 ? 'REQUESTED' : 'CANCELLED';
    const candidate = n % 3 === 0 ? remainingPreventive.shift() : undefined;
    if (candidate) {
      candidate.used = true;
      const e = candidate.equipment;
      jobs.push({
        type: 'PREVENTIVE',
        priority: 'NORMAL',
        title: `Visite préventive – ${e.name}`,
        description: `Visite du ${candidate.due} prévue au contrat`,
        customerId: e.customerId,
        siteId: e.siteId,
        equipment: e,
        requiredSkills: [SKILL_FOR[e.category]],
        minutes: candidate.plan.estimatedDurationMinutes ?? 120,
        requestedAt: new Date(now.getTime() - r(1, 9) * 24 * 3600_000 - r(0, 600) * 60_000),
        planKey: `${candidate.contract.id}:${e.id}:${candidate.due}`,
        contractId: candidate.contract.id,
        dueDate: candidate.due,
        source: 'PREVENTIVE_PLAN',
        final,
      });
      continue;
    }
    const e = pick(random, equipment);
    const priority = pick(random, ['URGENT', 'HIGH', 'HIGH', 'NORMAL', 'NORMAL', 'NORMAL', 'LOW'] as const);
    const hoursAgo = { URGENT: r(0, 2), HIGH: r(1, 20), NORMAL: r(2, 60), LOW: r(12, 200) }[priority];
    jobs.push({
      type: 'CORRECTIVE',
      priority,
      ...describeCorrective(e, priority),
      customerId: e.customerId,
      siteId: e.siteId,
      equipment: random() < 0.9 ? e : null,
      requiredSkills: [SKILL_FOR[e.category]],
      minutes: pick(random, [60, 90, 120]),
      requestedAt: new Date(now.getTime() - hoursAgo * 3600_000 - r(5, 55) * 60_000),
      source: random() < 0.25 ? 'PARTNER_API' : undefined,
      final,
    });
  }
  jobs.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());

  // Then through the services, in the order it happened, so numbers follow the requests.
  const counts: Record<string, number> = {};
  for (const [index, job] of jobs.entries()) {
    if (index % 5 === 0) em.clear();
    let i = await createInterventionRequest(
      em,
      identity,
      {
        customerId: job.customerId,
        siteId: job.siteId,
        equipmentId: job.equipment?.id ?? null,
        type: job.type,
        priority: job.priority,
        title: job.title,
        description: job.description,
        requiredSkills: job.requiredSkills,
        estimatedDurationMinutes: job.minutes,
      },
      { requestedAt: job.requestedAt, source: job.source, planKey: job.planKey, ...(job.contractId ? { contractId: job.contractId } : {}) },
    );
    if (job.dueDate) {
      i.dueBy = localDayBounds(job.dueDate).to;
      await em.flush();
    }
    counts[job.final] = (counts[job.final] ?? 0) + 1;
    if (!job.slot) {
      if (job.final === 'CANCELLED') await cancelIntervention(em, i.id, pick(random, CANCEL_REASONS), i.version);
      continue;
    }
    const { start, end, technicianIds, day } = job.slot;
    i = await scheduleIntervention(em, i.id, { technicianIds, start, end, expectedVersion: i.version });
    if (job.final === 'SCHEDULED') continue;
    if (job.final === 'CANCELLED') {
      i = await cancelIntervention(em, i.id, pick(random, CANCEL_REASONS), i.version);
      i.cancelledAt = new Date(Math.min(start.getTime() - 3600_000, now.getTime()));
      await em.flush();
      continue;
    }
    i = await startIntervention(em, identity, i.id, i.version);
    const category = job.equipment?.category ?? (job.requiredSkills[0] === 'GAZ' ? 'BOILER' : 'AIR_CONDITIONING');
    const durationHours = (end.getTime() - start.getTime()) / 3600_000;
    const weekend = weekday(day) >= 6;
    const labourType: LabourType = weekend
      ? 'WEEKEND_HOLIDAY'
      : job.priority === 'URGENT' && random() < 0.3
        ? 'NIGHT'
        : random() < 0.08
          ? 'OVERTIME'
          : 'NORMAL';
    const labour = technicianIds.map((technicianId) => ({
      technicianId,
      workDate: day,
      hours: new Decimal(Math.max(0.5, durationHours + pick(random, [-0.5, -0.25, 0, 0, 0.25, 0.5]))).toFixed(2),
      labourType,
    }));
    const parts: ReportInput['parts'] = [];
    const available = partsFor(category);
    for (let p = 0, n = job.type === 'PREVENTIVE' ? r(0, 2) : r(0, 3); p < n && available.length; p += 1) {
      const item = pick(random, available);
      if (parts.some((x) => x.catalogItemId === item.id)) continue;
      parts.push({
        catalogItemId: item.id,
        quantity:
          item.unit === 'kg'
            ? new Decimal(0.5 + r(0, 10) * 0.25).toFixed(2)
            : String(item.kind === 'PART' && category === 'FIRE_EXTINGUISHER' ? r(1, 3) : 1),
        serialNumber: item.trackedBySerial
          ? `${item.code.split('-')[0]}-${new TZDate(start, TZ).getFullYear()}-${String(r(10000, 99999))}`
          : null,
      });
    }
    const contract = job.equipment?.contractId ? contractsById.get(job.equipment.contractId) : contracts.get(job.customerId);
    const zones = contract?.rateCard.travelPricing === 'ZONE' ? contract.rateCard.travelZones : [];
    const signed = job.final !== 'IN_PROGRESS';
    const report: ReportInput = {
      labour,
      travelCount: job.type === 'INSTALLATION' ? 2 : 1,
      travelZone: zones.length ? pick(random, zones).code : null,
      parts,
      observations: pick(random, OBSERVATIONS[category]),
      photos: random() < 0.12 ? [{ caption: 'Plaque signalétique', dataUrl: TINY_PNG_DATA_URL }] : null,
      signerName: signed ? personName(random) : null,
      signatureDataUrl: signed ? TINY_PNG_DATA_URL : null,
    };
    if (job.final === 'IN_PROGRESS') {
      if (random() < 0.5) i = await recordInterventionReport(em, identity, i.id, { ...report, parts: [], observations: null }, i.version);
      i.startedAt = start < now ? start : now;
      await em.flush();
      continue;
    }
    i = await recordInterventionReport(em, identity, i.id, report, i.version);
    i = await completeIntervention(em, identity, i.id, i.version);
    const completedAt = new Date(Math.min(end.getTime() + r(0, 20) * 60_000, now.getTime()));
    // Seed-only shaping: the services stamp "now"; the work happened at the scheduled time.
    Object.assign(i, {
      startedAt: new Date(start.getTime() + r(-10, 15) * 60_000),
      completedAt,
      signedAt: new Date(completedAt.getTime() - r(1, 5) * 60_000),
    });
    await em.flush();
    if (job.final === 'COMPLETED') continue;
    i = await closeIntervention(em, i.id, i.version);
    i.closedAt = new Date(Math.min(localInstant(dayAfter(day, r(1, 3)), r(9 * 60, 17 * 60)).getTime(), now.getTime()));
    await em.flush();
  }
  em.clear();
  return {
    catalogItems: catalog.length,
    technicians: technicians.length,
    equipment: equipment.length,
    contracts: contracts.size,
    amendments,
    interventions: counts,
  };
}
