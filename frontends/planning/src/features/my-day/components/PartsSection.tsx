import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { useCatalogParts } from '../hooks/use-catalog-parts';
import type { useFieldReport } from '../hooks/use-field-report';
import { ReportSection } from './FieldReportForm';

/** Parts used: pick from the catalog, quantity, serial number when the part is tracked. */
export function PartsSection({ report }: { report: ReturnType<typeof useFieldReport> }) {
  const { t } = useTranslation(planningNamespace);
  const { form, parts } = report;
  const [search, setSearch] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [serial, setSerial] = useState('');
  const catalog = useCatalogParts(search);
  const chosen = catalog.find((item) => item.id === itemId);

  function add() {
    if (!chosen) return;
    parts.append({
      catalogItemId: chosen.id,
      code: chosen.code,
      label: chosen.label,
      unit: chosen.unit,
      quantity: quantity || '1',
      serialNumber: serial,
    });
    setItemId(null);
    setSearch('');
    setQuantity('1');
    setSerial('');
  }

  return (
    <ReportSection title={t('myDay.parts')}>
      <Stack gap="xs">
        {parts.fields.map((part, index) => (
          <Group key={part.id} gap="xs" wrap="nowrap" align="flex-end" data-testid="report-part">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} truncate="end">
                {part.label}
              </Text>
              <Text size="xs" c="dimmed">
                {part.code}
              </Text>
            </Stack>
            <TextInput
              aria-label={t('myDay.quantity')}
              w={70}
              inputMode="decimal"
              {...form.register(`parts.${index}.quantity`)}
              rightSection={<Text size="xs">{part.unit}</Text>}
            />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('common.remove')} onClick={() => parts.remove(index)}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Select
          label={t('myDay.partSearch')}
          searchable
          clearable
          filter={({ options }) => options}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('myDay.partNothingFound')}
          data={catalog.map((item) => ({ value: item.id, label: `${item.code} — ${item.label}` }))}
          value={itemId}
          onChange={setItemId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xs" grow>
          <TextInput
            label={t('myDay.quantity')}
            inputMode="decimal"
            value={quantity}
            onChange={(event) => setQuantity(event.currentTarget.value)}
          />
          {chosen?.trackedBySerial && (
            <TextInput label={t('myDay.serial')} value={serial} onChange={(event) => setSerial(event.currentTarget.value)} />
          )}
        </Group>
        <Button variant="light" disabled={!chosen} onClick={add}>
          {t('myDay.addPart')}
        </Button>
      </Stack>
    </ReportSection>
  );
}
