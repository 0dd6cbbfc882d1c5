/** The sign-in page's texts, apart: the shell's light sign-in page (frontends/shell/src/sign-in) shows them without i18next. */
export const loginFr = {
  login: {
    title: 'Connexion',
    subtitle: 'Back-office Relais',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
  },
  errors: {
    INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect',
    RATE_LIMITED: 'Trop de tentatives de connexion échouées. Réessayez dans quelques minutes.',
    unexpected: 'La connexion a échoué. Réessayez dans un instant.',
  },
};
