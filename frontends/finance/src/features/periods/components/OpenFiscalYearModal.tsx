import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { proposedFiscalYear } from '../hooks/fiscal-year-proposal';
import { useOpenFiscalYear } from '../hooks/use-periods';

/** "Ouvrir un exercice": the twelve months after the latest year proposed; the server checks the dates (VALIDATION_FAILED names them). */
export function OpenFiscalYearModal({ lastEndsOn, onClose }: { lastEndsOn: string | null; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const [dates, setDates] = useState(() => proposedFiscalYear(lastEndsOn, todayInParis()));
  const { open, busy } = useOpenFiscalYear();
  const action = useAction();
  const confirm = async () => {
    if (await action.run(() => open(dates.startsOn, dates.endsOn))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('periods.open.title')}>
      <Stack>
        <Text size="sm">{t('periods.open.explanation')}</Text>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('periods.open.startsOn')}
            value={dates.startsOn}
            onChange={(event) => setDates({ ...dates, startsOn: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('periods.open.endsOn')}
            value={dates.endsOn}
            onChange={(event) => setDates({ ...dates, endsOn: event.currentTarget.value })}
          />
        </SimpleGrid>
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('periods.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()}>
            {t('periods.open.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
