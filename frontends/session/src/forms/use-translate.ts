import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionNamespace } from '../i18n/register';
import type { Translate } from './field-problem-message';

/** The session catalogue's texts for form problems, in the user's language; undefined for a key it lacks. */
export function useFormTranslate(): Translate {
  const { i18n } = useTranslation(sessionNamespace);
  return useCallback(
    (key: string, options?: Record<string, unknown>) =>
      i18n.exists(key, { ns: sessionNamespace }) ? i18n.t(key, { ...options, ns: sessionNamespace }) : undefined,
    [i18n],
  );
}
