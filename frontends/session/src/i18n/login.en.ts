import type { TranslationShape } from '@relais/ui';
import type { loginFr } from './login.fr';

export const loginEn: TranslationShape<typeof loginFr> = {
  login: {
    title: 'Sign in',
    subtitle: 'Relais back-office',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
  },
  errors: {
    INVALID_CREDENTIALS: 'Incorrect email address or password',
    RATE_LIMITED: 'Too many failed sign-in attempts. Please try again in a few minutes.',
    unexpected: 'Sign-in failed. Please try again in a moment.',
  },
};
