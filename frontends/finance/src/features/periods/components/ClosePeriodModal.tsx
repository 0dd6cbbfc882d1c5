import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useClosePeriod, usePeriodClosingChecks, type AccountingPeriodItem } from '../hooks/use-periods';
import { ClosingCheckList } from './ClosingCheckList';

/** "Clôturer": what is left in the month first, acknowledged when something is, then the closing. */
export function ClosePeriodModal({ period, onClose }: { period: AccountingPeriodItem; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const month = format.month(period.startsOn);
  const { checks, loading, error, retry } = usePeriodClosingChecks(period.id);
  const { close, busy } = useClosePeriod(period);
  const action = useAction();
  const [acknowledged, setAcknowledged] = useState(false);
  const left = checks?.checks.filter((check) => check.count > 0) ?? [];
  const confirm = async () => {
    if (await action.run(() => close(acknowledged))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('periods.closing.title', { month })} size="lg">
      {loading && <LoadingState />}
      {error && <ErrorNotice onRetry={retry} />}
      {checks && (
        <Stack data-testid="closing-checks">
          {checks.blocker && (
            <Alert color="red" role="alert">
              {checks.blocker.message}
            </Alert>
          )}
          {left.length === 0 ? (
            <Text>{t('periods.closing.nothingLeft')}</Text>
          ) : (
            <>
              <Text>{t('periods.closing.intro')}</Text>
              {left.map((check) => (
                <ClosingCheckList key={check.kind} check={check} />
              ))}
              <Checkbox
                label={t('periods.closing.acknowledge')}
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.currentTarget.checked)}
              />
            </>
          )}
          <Text size="sm" c="orange.9">
            {t('periods.closing.consequence', { month })}
          </Text>
          <ActionError error={action.error} onReload={retry} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('periods.cancel')}
            </Button>
            <Button loading={busy} disabled={checks.blocker !== null || (left.length > 0 && !acknowledged)} onClick={() => void confirm()}>
              {t('periods.closing.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
