export const commonFr = {
  state: {
    loading: 'Chargement…',
    error: 'Une erreur est survenue lors du chargement.',
    retry: 'Réessayer',
  },
  dialog: {
    close: 'Fermer',
  },
  table: {
    loadMore: 'Charger plus',
  },
  runState: {
    QUEUED: 'En attente',
    RUNNING: 'En cours',
    SUCCEEDED: 'Terminé',
    FAILED: 'Échec',
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
