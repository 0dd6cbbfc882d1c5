import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a background run (billing run, dunning run…) stands: the states every job of the queue goes through. */
export type RunState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

const colorOf: Record<RunState, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

export function RunStateBadge({ state }: { state: RunState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colorOf[state]} variant={state === 'FAILED' ? 'filled' : 'light'} data-testid="run-state">
      {t(`runState.${state}`)}
    </Badge>
  );
}
