export const shellFr = {
  brand: 'Relais',
  navigation: {
    label: 'Applications',
    planning: 'Planning',
    billing: 'Facturation',
    finance: 'Finance',
    admin: 'Administration',
  },
  remote: {
    unavailable: "L'application {{app}} n'a pas pu être chargée.",
    reload: 'Recharger la page',
  },
  invitation: {
    title: 'Choisissez votre mot de passe',
    subtitle: 'Back-office Relais',
    account: 'Compte : {{email}}',
    password: 'Nouveau mot de passe',
    passwordRules: '12 caractères au moins, 200 au plus.',
    confirmation: 'Confirmez le mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques',
    submit: 'Enregistrer et me connecter',
    linkUnusable: 'Ce lien ne peut plus servir',
    missingToken: 'Ce lien est incomplet : ouvrez le lien reçu par e-mail tel quel.',
    done: 'Votre mot de passe est enregistré. Connectez-vous avec votre adresse e-mail et ce mot de passe.',
    toLogin: 'Aller à la connexion',
  },
};
