import { registerTranslations } from '@relais/ui';
import { planningEn } from './planning.en';
import { planningFr } from './planning.fr';

export const planningNamespace = 'planning';

registerTranslations(planningNamespace, { fr: planningFr, en: planningEn });
