import type { TranslationShape } from '@relais/ui';
import type { planningFr } from './planning.fr';

export const planningEn: TranslationShape<typeof planningFr> = {
  customerSites: {
    title: 'Customer sites',
    summary_one: '{{formattedCount}} customer',
    summary_other: '{{formattedCount}} customers',
    empty: 'No site recorded.',
    column: {
      customer: 'Customer',
      site: 'Site',
      address: 'Address',
      accessNotes: 'Access instructions',
    },
  },
};
