export const planningFr = {
  customerSites: {
    title: 'Sites clients',
    summary_one: '{{formattedCount}} client',
    summary_other: '{{formattedCount}} clients',
    empty: 'Aucun site enregistré.',
    column: {
      customer: 'Client',
      site: 'Site',
      address: 'Adresse',
      accessNotes: "Consignes d'accès",
    },
  },
};
