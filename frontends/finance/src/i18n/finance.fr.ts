export const financeFr = {
  chartOfAccounts: {
    title: 'Plan comptable',
    generalAccounts: 'Comptes généraux',
    empty: 'Aucun compte dans le plan comptable.',
    column: {
      number: 'Numéro',
      label: 'Intitulé',
      kind: 'Nature',
    },
    kind: {
      receivable: 'Créances clients',
      vat_collected: 'TVA collectée',
      bank: 'Banque',
      revenue: 'Produits',
    },
  },
  customerAccounts: {
    title: 'Comptes auxiliaires clients',
    empty: 'Aucun client.',
    column: {
      code: 'Code client',
      name: 'Raison sociale',
      auxiliaryCode: 'Compte auxiliaire',
    },
  },
};
