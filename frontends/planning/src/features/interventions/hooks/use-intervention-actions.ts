import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  CancelInterventionDocument,
  CloseInterventionDocument,
  StartInterventionDocument,
  type InterventionStatus,
} from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { useNotify } from '../../../shared/notifications';
import { useActionFeedback } from '../../../shared/use-action-feedback';
import type { InterventionDetail } from './use-intervention';

export type LifecycleAction = 'schedule' | 'start' | 'close' | 'cancel';

/**
 * The buttons offered for a status. The server guards every transition (INVALID_TRANSITION):
 * this only hides buttons that would certainly be refused.
 */
const actionsByStatus: Record<InterventionStatus, readonly LifecycleAction[]> = {
  REQUESTED: ['schedule', 'cancel'],
  SCHEDULED: ['schedule', 'start', 'cancel'],
  IN_PROGRESS: ['cancel'],
  COMPLETED: ['close'],
  CLOSED: [],
  INVOICED: [],
  CANCELLED: [],
};

/** Start, close and cancel, each with the version read, reloading on a conflict. */
export function useInterventionActions(intervention: InterventionDetail | null, reload: () => unknown) {
  const { t } = useTranslation(planningNamespace);
  const notify = useNotify();
  const run = useActionFeedback(reload);
  const [start, startState] = useMutation(StartInterventionDocument);
  const [close, closeState] = useMutation(CloseInterventionDocument);
  const [cancel, cancelState] = useMutation(CancelInterventionDocument, { refetchQueries: ['DispatchBoard'] });

  const done = (action: 'start' | 'close' | 'cancel', ok: boolean) => {
    if (ok && intervention) notify({ tone: 'success', title: t(`intervention.done.${action}`, { number: intervention.number }) });
    return ok;
  };
  const variables = () => ({ id: intervention!.id, expectedVersion: intervention!.version });

  return {
    available: intervention ? actionsByStatus[intervention.status] : [],
    busy: startState.loading || closeState.loading || cancelState.loading,
    start: async () => done('start', Boolean(await run(() => start({ variables: variables() })))),
    close: async () => done('close', Boolean(await run(() => close({ variables: variables() })))),
    cancel: async (reason: string) => done('cancel', Boolean(await run(() => cancel({ variables: { ...variables(), reason } })))),
  };
}
