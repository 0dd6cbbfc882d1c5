import type { TranslationShape } from '@relais/ui';
import type { sessionFr } from './session.fr';
import { apiErrorsEn } from './api-errors.en';
import { loginEn } from './login.en';

export const sessionEn: TranslationShape<typeof sessionFr> = {
  ...loginEn,
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
    line: 'Line {{line}}',
    decimalExpected: 'Type a number, e.g. 12.5',
  },
  fieldReason: {
    REQUIRED: 'This field is required',
    TOO_LONG: 'This text is too long',
    DECIMAL_EXPECTED: 'Type a number, e.g. 12.5',
    TOO_MANY_DECIMALS: 'Too many decimal places',
    MUST_BE_POSITIVE: 'The value must be positive',
    MUST_NOT_BE_ZERO: 'The value cannot be zero',
    DATE_EXPECTED: 'Type a valid date',
    UNKNOWN_VALUE: 'Unknown value: pick one from the list',
  },
  notFound: {
    title: 'Page not found',
    text: 'No page matches this address. The link may be outdated or mistyped.',
  },
  accessDenied: {
    title: 'Access denied',
    text: 'Your role does not allow opening this page. Ask an administrator if you need it.',
  },
  status: {
    home: 'Back to my home page',
  },
  action: {
    failed: 'Action refused',
    cancel: 'Cancel',
    staleTitle: 'Changed meanwhile',
    staleVersion: 'Someone saved it while you were looking at it: reload it to start again from its latest version.',
    reload: 'Reload',
  },
  apiError: apiErrorsEn,
};
