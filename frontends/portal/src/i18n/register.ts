import { registerTranslations } from '@relais/ui';
import { en } from './en';
import { fr } from './fr';

/** The portal's labels join the shared i18next instance (language kept under `relais.language`, French first). */
registerTranslations('portal', { fr, en });
