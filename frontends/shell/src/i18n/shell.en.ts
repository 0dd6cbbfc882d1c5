import type { TranslationShape } from '@relais/ui';
import type { shellFr } from './shell.fr';

export const shellEn: TranslationShape<typeof shellFr> = {
  brand: 'Relais',
  navigation: {
    label: 'Applications',
    planning: 'Planning',
    billing: 'Billing',
    finance: 'Finance',
    admin: 'Administration',
  },
  remote: {
    unavailable: 'The {{app}} application could not be loaded.',
    reload: 'Reload the page',
  },
  invitation: {
    title: 'Choose your password',
    subtitle: 'Relais back-office',
    account: 'Account: {{email}}',
    password: 'New password',
    passwordRules: 'At least 12 characters, at most 200.',
    confirmation: 'Confirm the password',
    mismatch: 'The two passwords are not the same',
    submit: 'Save and sign in',
    linkUnusable: 'This link can no longer be used',
    missingToken: 'This link is incomplete: open the link from the e-mail as it is.',
    done: 'Your password is saved. Sign in with your e-mail address and this password.',
    toLogin: 'Go to sign-in',
  },
};
