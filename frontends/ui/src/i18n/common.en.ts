import { commonFr } from './common.fr';
import type { TranslationShape } from './translation-shape';

export const commonEn: TranslationShape<typeof commonFr> = {
  state: {
    loading: 'Loading…',
    error: 'Something went wrong while loading.',
    retry: 'Retry',
  },
  table: {
    loadMore: 'Load more',
  },
  language: {
    label: 'Language',
    fr: 'FR',
    en: 'EN',
  },
  country: {
    FR: 'France',
  },
};
