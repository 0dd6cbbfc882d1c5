/** "Techniciens"; mounted under `technicians` in the planning namespace. */
export const techniciansFr = {
  title: 'Techniciens',
  subtitle: 'Le coût horaire chargé de chaque technicien sert au calcul de la rentabilité des contrats, clients et sites.',
  empty: 'Aucun technicien.',
  column: {
    name: 'Technicien',
    skills: 'Habilitations',
    hours: 'Horaires',
    costRate: 'Coût horaire chargé',
    state: 'État',
  },
  inactive: 'Inactif',
  notSet: 'Non renseigné',
  perHour: '{{amount}} / h',
  change: 'Modifier',
  edit: 'Modifier le coût horaire de {{name}}',
  modal: {
    title: 'Coût horaire de {{name}}',
    label: 'Coût horaire chargé (HT)',
    hint: 'Salaire et charges, véhicule, outillage, rapportés à une heure travaillée. Laissez vide si inconnu.',
    invalid: 'Montant attendu, par exemple 38,50',
    save: 'Enregistrer',
    cancel: 'Annuler',
  },
  saved: 'Coût horaire de {{name}} enregistré.',
};
