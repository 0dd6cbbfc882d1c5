import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { planningNamespace } from '../i18n/register';
import { planningPaths } from '../routes';

const tabs = [
  { key: 'board', path: planningPaths.board },
  { key: 'interventions', path: planningPaths.interventions },
  { key: 'equipment', path: planningPaths.equipmentList },
  { key: 'contracts', path: planningPaths.contracts },
  { key: 'sites', path: planningPaths.sites },
  { key: 'technicians', path: planningPaths.technicians },
  { key: 'myDay', path: planningPaths.myDay },
] as const;

/** The planning app's sections, as tabs above the page. */
export function PlanningNavigation() {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active =
    tabs.toReversed().find((tab) => tab.path !== planningPaths.board && pathname.startsWith(tab.path))?.key ??
    (pathname.startsWith(planningPaths.newRequest) ? 'interventions' : 'board');
  return (
    <Tabs value={active} onChange={(key) => navigate(tabs.find((tab) => tab.key === key)?.path ?? planningPaths.board)} mb="md">
      <Tabs.List aria-label={t('nav.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key}>
            {t(`nav.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
