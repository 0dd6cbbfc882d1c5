import { graphQLErrorCodes } from '@relais/session';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../i18n/register';
import { useNotify } from './notifications';

/** The message a user can act on: the server's own (French) message, or the network failure. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' — ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a change and reports its failure: a STALE_VERSION conflict reloads the data (someone
 * else changed the intervention), any other error shows the server's message.
 */
export function useActionFeedback(reload: () => unknown) {
  const { t } = useTranslation(planningNamespace);
  const notify = useNotify();
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
