/** The "Exports" tab of "Comptabilité"; mounted under `exports` in the finance namespace. */
export const accountingExportsFr = {
  tab: 'Exports',
  intro:
    'Chaque export montre d’abord un aperçu (premières lignes, nombres, totaux), puis se télécharge. Les exports téléchargés en entier sont gardés dans l’historique avec qui les a pris.',
  preview: 'Aperçu',
  download: 'Télécharger',
  downloadStarted: '{{file}} : téléchargement lancé',
  fec: {
    title: 'FEC — Fichier des écritures comptables',
    description:
      'Le fichier que l’administration fiscale demande (art. A47 A-1 du LPF) : toutes les écritures d’un exercice, 18 colonnes, séparateur |, ISO 8859-15, nommé SIRENFECAAAAMMJJ.txt.',
    fiscalYear: 'Exercice',
    yearOption: 'du {{from}} au {{to}}',
    yearClosed: 'clôturé',
    none: 'Aucun exercice ouvert : ouvrez-en un dans « Exercices et périodes ».',
  },
  journal: {
    title: 'Écritures pour votre logiciel comptable',
    description: 'Les écritures d’une période au format d’import de Sage 100, EBP, Cegid, ou pour un tableur.',
    layout: 'Format',
    journal: 'Journal',
    allJournals: 'Tous les journaux',
    from: 'Du',
    to: 'Au',
  },
  customers: {
    title: 'Comptes clients (tiers)',
    description: 'Les comptes auxiliaires des clients avec leurs coordonnées, à importer avant les écritures.',
  },
  journalName: { VT: 'VT — Ventes', BQ: 'BQ — Banque', OD: 'OD — Opérations diverses' },
  layoutName: {
    SAGE_100: 'Sage 100 (import paramétrable)',
    EBP: 'EBP (format ASCII)',
    CEGID: 'Cegid (import paramétrable)',
    SPREADSHEET: 'Tableur (CSV)',
    FEC: 'FEC',
  },
  kindName: { FEC: 'FEC', JOURNAL: 'Écritures', CUSTOMER_ACCOUNTS: 'Comptes clients' },
  summary: {
    file: 'Fichier',
    lines: 'Lignes',
    entries: 'Écritures',
    debit: 'Total débit',
    credit: 'Total crédit',
    encoding: 'Encodage',
  },
  provisional_one:
    '{{formattedCount}} écriture d’un mois non clôturé : son numéro est provisoire. Le FEC définitif se prend une fois l’exercice clôturé.',
  provisional_other:
    '{{formattedCount}} écritures de mois non clôturés : leurs numéros sont provisoires. Le FEC définitif se prend une fois l’exercice clôturé.',
  unposted_one: '{{formattedCount}} opération de la période est en cours de comptabilisation : reprenez l’aperçu dans quelques secondes.',
  unposted_other:
    '{{formattedCount}} opérations de la période sont en cours de comptabilisation : reprenez l’aperçu dans quelques secondes.',
  firstLines: 'Premières lignes du fichier',
  history: {
    title: 'Historique des exports',
    empty: 'Aucun export téléchargé pour l’instant.',
    at: 'Date',
    by: 'Par',
    what: 'Export',
    file: 'Fichier',
    range: 'Période',
    lines: 'Lignes',
    debit: 'Total débit',
    provisional: 'provisoire',
    rangeValue: 'du {{from}} au {{to}}',
  },
};
