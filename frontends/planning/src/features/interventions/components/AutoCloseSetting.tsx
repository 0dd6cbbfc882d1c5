import { Switch } from '@mantine/core';
import { ActionError, useCan } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useAutoCloseSetting } from '../hooks/use-bulk-close';

/** « Clôture automatique », shown to the office, changed by an admin. */
export function AutoCloseSetting() {
  const { t } = useTranslation(planningNamespace);
  const admin = useCan('platform:admin');
  const setting = useAutoCloseSetting();
  if (setting.enabled === undefined) return null;
  return (
    <>
      <Switch
        label={t('interventions.autoClose.label')}
        description={t('interventions.autoClose.description')}
        checked={setting.enabled}
        disabled={!admin || setting.saving}
        onChange={(event) => void setting.set(event.currentTarget.checked)}
      />
      <ActionError error={setting.error} />
    </>
  );
}
