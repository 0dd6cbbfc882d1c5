import { Button, Group, Text, TextInput } from '@mantine/core';
import { ActionError, useSession } from '@relais/session';
import { apiDecimal, editableDecimal, isTypedDecimal, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useTravelCost } from '../hooks/use-profitability';

/** Who may change the cost of a trip (finance:write). */
const EDITORS = new Set(['ADMIN', 'ACCOUNTANT']);

/** The cost of a trip the report uses, and its editing for the accountant. */
export function TravelCostSetting() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const role = useSession()?.user.role;
  const { settings, busy, save } = useTravelCost();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!settings) return null;
  const cost = settings.travelCostPerTrip;
  const submit = async () => {
    if (editing === null) return;
    setError(null);
    try {
      await save(editing.trim() === '' ? null : apiDecimal(editing));
      setEditing(null);
    } catch (caught) {
      setError(caught);
    }
  };
  if (editing !== null)
    return (
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('profitability.travel.label')}
          description={t('profitability.travel.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={editing}
          onChange={(event) => setEditing(event.currentTarget.value)}
          inputMode="decimal"
          rightSection={<Text size="sm">€</Text>}
          error={editing.trim() !== '' && !isTypedDecimal(editing) ? t('profitability.travel.invalid') : undefined}
          w={260}
        />
        <Button size="sm" loading={busy} disabled={editing.trim() !== '' && !isTypedDecimal(editing)} onClick={() => void submit()}>
          {t('profitability.travel.save')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setEditing(null)}>
          {t('profitability.travel.cancel')}
        </Button>
        {Boolean(error) && <ActionError error={error} />}
      </Group>
    );
  return (
    <Group gap="xs" data-testid="travel-cost">
      <Text size="sm">
        {t('profitability.travel.label')} : {cost === null ? t('profitability.travel.notSet') : format.money(cost)}
      </Text>
      {role && EDITORS.has(role) && (
        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(cost === null ? '' : editableDecimal(cost, 2))}>
          {t('profitability.travel.edit')}
        </Button>
      )}
    </Group>
  );
}
