import { registerTranslations } from '@relais/ui';
import { billingEn } from './billing.en';
import { billingFr } from './billing.fr';

export const billingNamespace = 'billing';

registerTranslations(billingNamespace, { fr: billingFr, en: billingEn });
