import { graphQLErrorCodes, useErrorMessage } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../i18n/register';
import { useNotify } from './notifications';

/**
 * Runs a change and reports its failure: a STALE_VERSION conflict reloads the data (someone
 * else changed the intervention), any other error shows its message in the user's language.
 */
export function useActionFeedback(reload: () => unknown) {
  const { t } = useTranslation(planningNamespace);
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  return async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      if (graphQLErrorCodes(error).includes('STALE_VERSION')) {
        notify({ tone: 'warning', title: t('common.staleVersion') });
        await reload();
      } else {
        notify({ tone: 'error', title: t('common.failed', { message: errorMessage(error) }) });
      }
      return undefined;
    }
  };
}
