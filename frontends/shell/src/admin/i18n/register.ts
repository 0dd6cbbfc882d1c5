import { registerTranslations } from '@relais/ui';
import { adminEn } from './admin.en';
import { adminFr } from './admin.fr';

export const adminNamespace = 'admin';

registerTranslations(adminNamespace, { fr: adminFr, en: adminEn });
