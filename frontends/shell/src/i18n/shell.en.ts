import type { TranslationShape } from '@relais/ui';
import type { shellFr } from './shell.fr';

export const shellEn: TranslationShape<typeof shellFr> = {
  brand: 'Relais',
  navigation: {
    label: 'Applications',
    planning: 'Planning',
    billing: 'Billing',
    finance: 'Finance',
  },
  remote: {
    unavailable: 'The {{app}} application could not be loaded.',
    reload: 'Reload the page',
  },
};
