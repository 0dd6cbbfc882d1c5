import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { weekStartOf } from '../../../shared/paris-time';
import { localDateOf } from '../../../shared/paris-time';
import { format } from 'date-fns';
import type { useInterventionActions } from '../hooks/use-intervention-actions';
import type { InterventionDetail } from '../hooks/use-intervention';
import { CancelInterventionDialog } from './CancelInterventionDialog';

/** The lifecycle buttons the intervention's status allows. */
export function InterventionActions({
  intervention,
  actions,
}: {
  intervention: InterventionDetail;
  actions: ReturnType<typeof useInterventionActions>;
}) {
  const { t } = useTranslation(planningNamespace);
  const [cancelling, setCancelling] = useState(false);
  const boardWeek = intervention.scheduledStart
    ? `?semaine=${format(weekStartOf(localDateOf(intervention.scheduledStart)), 'yyyy-MM-dd')}`
    : '';
  return (
    <Group gap="xs">
      {actions.available.includes('schedule') && (
        <Button variant="default" component={Link} to={`${planningPaths.board}${boardWeek}`}>
          {t('intervention.action.schedule')}
        </Button>
      )}
      {actions.available.includes('start') && (
        <Button variant="light" loading={actions.busy} onClick={() => void actions.start()}>
          {t('intervention.action.start')}
        </Button>
      )}
      {actions.available.includes('close') && (
        <Button color="green" loading={actions.busy} onClick={() => void actions.close()}>
          {t('intervention.action.close')}
        </Button>
      )}
      {actions.available.includes('cancel') && (
        <Button color="red" variant="subtle" onClick={() => setCancelling(true)}>
          {t('intervention.action.cancel')}
        </Button>
      )}
      <CancelInterventionDialog
        number={intervention.number}
        opened={cancelling}
        busy={actions.busy}
        onClose={() => setCancelling(false)}
        onConfirm={(reason) => void actions.cancel(reason).then((ok) => ok && setCancelling(false))}
      />
    </Group>
  );
}
