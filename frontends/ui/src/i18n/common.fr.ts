export const commonFr = {
  state: {
    loading: 'Chargement…',
    error: 'Une erreur est survenue lors du chargement.',
    retry: 'Réessayer',
  },
  table: {
    loadMore: 'Charger plus',
  },
  language: {
    label: 'Langue',
    fr: 'FR',
    en: 'EN',
  },
  country: {
    FR: 'France',
  },
};
