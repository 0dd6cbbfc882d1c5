import { apiErrorsFr } from './api-errors.fr';
import { loginFr } from './login.fr';

export const sessionFr = {
  ...loginFr,
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
    line: 'Ligne {{line}}',
    decimalExpected: 'Saisissez un nombre, par exemple 12,5',
  },
  fieldReason: {
    REQUIRED: 'Ce champ est obligatoire',
    TOO_LONG: 'Ce texte est trop long',
    DECIMAL_EXPECTED: 'Saisissez un nombre, par exemple 12,5',
    TOO_MANY_DECIMALS: 'Trop de chiffres après la virgule',
    MUST_BE_POSITIVE: 'La valeur doit être positive',
    MUST_NOT_BE_ZERO: 'La valeur ne peut pas être zéro',
    DATE_EXPECTED: 'Saisissez une date valide',
    UNKNOWN_VALUE: 'Valeur inconnue : choisissez-la dans la liste',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'Aucune page ne correspond à cette adresse. Le lien est peut-être ancien ou mal saisi.',
  },
  accessDenied: {
    title: 'Accès refusé',
    text: 'Votre rôle ne permet pas d’ouvrir cette page. Demandez à un administrateur si vous en avez besoin.',
  },
  status: {
    home: 'Retour à mon accueil',
  },
  action: {
    failed: 'Action refusée',
    cancel: 'Annuler',
    staleTitle: 'Modifié entre-temps',
    staleVersion: 'Quelqu’un l’a enregistré pendant que vous le consultiez : rechargez-le pour repartir de sa dernière version.',
    reload: 'Recharger',
  },
  apiError: apiErrorsFr,
};
