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
  rateCard: {
    labour: 'Taux horaires',
    labourType: {
      NORMAL: 'Heures normales',
      OVERTIME: 'Heures supplémentaires',
      NIGHT: 'Nuit',
      WEEKEND_HOLIDAY: 'Week-end / jour férié',
    },
    standardRate: 'Tarif standard',
    travel: 'Déplacement',
    flatFee: 'Forfait {{amount}}',
    byZone: 'Par zone',
    partsDiscount: 'Remise sur pièces',
    includedHours: 'Heures de main-d’œuvre incluses / an',
    travelIncluded: 'Déplacements inclus',
    partsIncluded: 'Pièces incluses',
    perIntervention: 'Inclus par intervention',
    perInterventionValue: '{{hours}} h de main-d’œuvre',
    perInterventionTravel: '{{hours}} h de main-d’œuvre et le déplacement',
    perInterventionTravelOnly: 'Le déplacement',
    interventionType: {
      PREVENTIVE: 'Préventive',
      CORRECTIVE: 'Corrective',
      INSTALLATION: 'Installation',
      INSPECTION: 'Contrôle',
    },
    yes: 'Oui',
    no: 'Non',
    none: '—',
  },
};
