import { registerTranslations } from '@relais/ui';
import { sessionEn } from './session.en';
import { sessionFr } from './session.fr';

export const sessionNamespace = 'session';

registerTranslations(sessionNamespace, { fr: sessionFr, en: sessionEn });
