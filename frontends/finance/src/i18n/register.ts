import { registerTranslations } from '@relais/ui';
import { financeEn } from './finance.en';
import { financeFr } from './finance.fr';

export const financeNamespace = 'finance';

registerTranslations(financeNamespace, { fr: financeFr, en: financeEn });
