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
};
