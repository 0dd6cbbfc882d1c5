import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { ActionError } from '@relais/session';
import { apiDecimal, editableDecimal, isTypedDecimal } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useSaveCostRate, type TechnicianCost } from '../hooks/use-technicians';

/** Edits one technician's loaded hourly cost; empty means unknown. */
export function CostRateModal({ technician, onClose, onSaved }: { technician: TechnicianCost; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation(planningNamespace);
  const { save, busy } = useSaveCostRate();
  const [value, setValue] = useState(technician.costRate ? editableDecimal(technician.costRate, 2) : '');
  const [error, setError] = useState<unknown>(null);
  const typed = value.trim();
  const invalid = typed !== '' && !isTypedDecimal(typed);
  const submit = async () => {
    setError(null);
    try {
      await save(technician, typed === '' ? null : apiDecimal(typed));
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('technicians.modal.title', { name: technician.fullName })}>
      <Stack
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) void submit();
        }}
      >
        <TextInput
          label={t('technicians.modal.label')}
          description={t('technicians.modal.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          inputMode="decimal"
          rightSection={<Text size="sm">€/h</Text>}
          error={invalid ? t('technicians.modal.invalid') : undefined}
          data-autofocus
        />
        {Boolean(error) && <ActionError error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('technicians.modal.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={invalid}>
            {t('technicians.modal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
