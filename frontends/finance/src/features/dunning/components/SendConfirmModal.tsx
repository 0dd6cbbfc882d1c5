import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import type { DunningPreviewTotalsFragment, DunningRunSummaryFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { useRunDunning } from '../hooks/use-dunning';

/** "Envoyer les relances": says how many reminders leave today and for how much, then starts the run. */
export function SendConfirmModal({
  date,
  totals,
  excludedInvoiceIds,
  problemCount,
  onClose,
  onStarted,
}: {
  date: string;
  totals: DunningPreviewTotalsFragment;
  excludedInvoiceIds: readonly string[];
  problemCount: number;
  onClose: () => void;
  onStarted: (run: DunningRunSummaryFragment) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { start, busy } = useRunDunning();
  const action = useAction();
  const confirm = async () => {
    const run = await action.run(() => start(excludedInvoiceIds));
    if (run) onStarted(run);
  };
  return (
    <Modal opened onClose={onClose} title={t('dunning.confirm.title', { date: format.date(date) })} size="lg">
      <Stack>
        <Text fw={500} data-testid="dunning-confirm-summary">
          {t('dunning.confirm.summary', { count: totals.count, formattedCount: format.count(totals.count) })}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('dunning.confirm.openBalance', { amount: format.money(totals.openBalance) })}</List.Item>
          {totals.lateInterest !== '0.00' && (
            <List.Item>{t('dunning.confirm.lateInterest', { amount: format.money(totals.lateInterest) })}</List.Item>
          )}
          {totals.indemnity !== '0.00' && (
            <List.Item>{t('dunning.confirm.indemnity', { amount: format.money(totals.indemnity) })}</List.Item>
          )}
        </List>
        {excludedInvoiceIds.length > 0 && (
          <Text size="sm" c="orange.9">
            {t('dunning.confirm.excluded', { count: excludedInvoiceIds.length })}
          </Text>
        )}
        {problemCount > 0 && (
          <Text size="sm" c="red.9">
            {t('dunning.confirm.problems', { count: problemCount })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('dunning.confirm.background')}
        </Text>
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dunning.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-autofocus>
            {t('dunning.confirm.confirm', { count: totals.count, formattedCount: format.count(totals.count) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
