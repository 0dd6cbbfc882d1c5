import { commonFr } from './common.fr';
import type { TranslationShape } from './translation-shape';

export const commonEn: TranslationShape<typeof commonFr> = {
  state: {
    loading: 'Loading…',
    error: 'Something went wrong while loading.',
    retry: 'Retry',
  },
  dialog: {
    close: 'Close',
  },
  table: {
    loadMore: 'Load more',
  },
  runState: {
    QUEUED: 'Queued',
    RUNNING: 'Running',
    SUCCEEDED: 'Done',
    FAILED: 'Failed',
  },
  language: {
    label: 'Language',
    fr: 'FR',
    en: 'EN',
  },
  country: {
    FR: 'France',
  },
  rateCard: {
    labour: 'Hourly rates',
    labourType: {
      NORMAL: 'Normal hours',
      OVERTIME: 'Overtime',
      NIGHT: 'Night',
      WEEKEND_HOLIDAY: 'Weekend / holiday',
    },
    standardRate: 'Standard rate',
    travel: 'Travel',
    flatFee: 'Flat fee {{amount}}',
    byZone: 'By zone',
    partsDiscount: 'Discount on parts',
    includedHours: 'Labour hours included per year',
    travelIncluded: 'Travel included',
    partsIncluded: 'Parts included',
    perIntervention: 'Included per intervention',
    perInterventionValue: '{{hours}} h of labour',
    perInterventionTravel: '{{hours}} h of labour and travel',
    perInterventionTravelOnly: 'Travel',
    interventionType: {
      PREVENTIVE: 'Preventive',
      CORRECTIVE: 'Corrective',
      INSTALLATION: 'Installation',
      INSPECTION: 'Inspection',
    },
    yes: 'Yes',
    no: 'No',
    none: '—',
  },
};
