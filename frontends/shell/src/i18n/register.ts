import { registerTranslations } from '@relais/ui';
import { shellEn } from './shell.en';
import { shellFr } from './shell.fr';

export const shellNamespace = 'shell';

registerTranslations(shellNamespace, { fr: shellFr, en: shellEn });
