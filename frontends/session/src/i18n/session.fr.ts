export const sessionFr = {
  login: {
    title: 'Connexion',
    subtitle: 'Back-office Relais',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
  },
  errors: {
    INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect',
    unexpected: 'La connexion a échoué. Réessayez dans un instant.',
  },
  role: {
    ADMIN: 'Administrateur',
    PLANNER: 'Planificateur',
    TECHNICIAN: 'Technicien',
    BILLING: 'Facturation',
    ACCOUNTANT: 'Comptable',
  },
  signOut: 'Se déconnecter',
  form: {
    fieldsToFix: 'Certains champs sont à corriger',
    fieldsToFixHint: 'Le message de chaque champ refusé est affiché sous celui-ci.',
  },
  action: {
    failed: 'Action refusée',
    cancel: 'Annuler',
    staleTitle: 'Modifié entre-temps',
    staleVersion: 'Quelqu’un l’a enregistré pendant que vous le consultiez : rechargez-le pour repartir de sa dernière version.',
    reload: 'Recharger',
  },
};
