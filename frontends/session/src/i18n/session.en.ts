import type { TranslationShape } from '@relais/ui';
import type { sessionFr } from './session.fr';

export const sessionEn: TranslationShape<typeof sessionFr> = {
  login: {
    title: 'Sign in',
    subtitle: 'Relais back-office',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
  },
  errors: {
    INVALID_CREDENTIALS: 'Incorrect email address or password',
    unexpected: 'Sign-in failed. Please try again in a moment.',
  },
  role: {
    ADMIN: 'Administrator',
    PLANNER: 'Planner',
    TECHNICIAN: 'Technician',
    BILLING: 'Billing',
    ACCOUNTANT: 'Accountant',
  },
  signOut: 'Sign out',
  form: {
    fieldsToFix: 'Some fields need fixing',
    fieldsToFixHint: 'Each refused field shows its message under it.',
  },
  action: {
    failed: 'Action refused',
    cancel: 'Cancel',
    staleTitle: 'Changed meanwhile',
    staleVersion: 'Someone saved it while you were looking at it: reload it to start again from its latest version.',
    reload: 'Reload',
  },
};
