/** "Passer en perte", from the lists of what customers still owe; mounted under `writeOff`. */
export const writeOffFr = {
  action: 'Passer en perte',
  actionOf: 'Passer en perte la facture {{number}}',
  title: 'Passer en perte la facture {{number}}',
  explanation:
    '{{customer}} doit encore {{balance}} sur cette facture. Le montant passé en perte sort des créances à encaisser et des relances.',
  kindLabel: 'Type de perte',
  kind: {
    IRRECOVERABLE: 'Créance irrécouvrable',
    SMALL_BALANCE: 'Solde minime',
  },
  kindHelp: {
    IRRECOVERABLE: 'Le client ne paiera jamais (liquidation, insolvabilité) : perte au 654, la TVA correspondante est récupérée.',
    SMALL_BALANCE: 'Reliquat après un règlement incomplet, dans la limite fixée pour les petits soldes : charge au 658, sans TVA.',
  },
  amount: 'Montant',
  amountHelp: 'Par défaut, tout le reste dû',
  date: 'Date du passage en perte',
  reason: 'Motif',
  reasonPlaceholder: 'Jugement de liquidation du…, reliquat après virement…',
  entry: 'Écriture qui sera passée (OD) au {{date}}',
  confirm: 'Passer en perte',
  confirmAmount: 'Passer {{amount}} en perte',
};
