import { ActionIcon, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { fieldErrorOf } from '@relais/session';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { MAX_LEVELS, dunningChannels, isWholeDays, newLevel, type DunningSettingsValues } from '../hooks/dunning-settings-form';

const options = ['attachInvoicePdf', 'formalNotice', 'chargeLateInterest', 'chargeFixedIndemnity'] as const;

/** The levels in the order the customer receives them: each one's name, day, channel and what it carries; up to six. */
export function LevelsEditor({ form }: { form: UseFormReturn<DunningSettingsValues> }) {
  const { t } = useTranslation(financeNamespace);
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'levels' });
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const label = (field: string, rank: number) => t('dunning.settings.fieldOf', { field: t(`dunning.settings.level.${field}`), rank });
  return (
    <div>
      <Table.ScrollContainer minWidth={1050}>
        <Table verticalSpacing={6} data-testid="dunning-levels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('dunning.settings.level.rank')}</Table.Th>
              <Table.Th>{t('dunning.settings.level.name')}</Table.Th>
              <Table.Th w={150}>{t('dunning.settings.level.daysAfterDue')}</Table.Th>
              <Table.Th w={180}>{t('dunning.settings.level.channel')}</Table.Th>
              {options.map((option) => (
                <Table.Th key={option} w={110} ta="center">
                  {t(`dunning.settings.level.${option}`)}
                </Table.Th>
              ))}
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, index) => {
              const rank = index + 1;
              return (
                <Table.Tr key={field.id} style={{ verticalAlign: 'top' }} data-testid="dunning-level">
                  <Table.Td>
                    <Text fw={700} mt={6}>
                      {rank}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={220}>
                    <TextInput
                      size="sm"
                      aria-label={label('name', rank)}
                      error={errorOf(`levels.${index}.name`)}
                      {...form.register(`levels.${index}.name`, {
                        validate: (value) => value.trim().length > 0 || t('common.required'),
                      })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="sm"
                      aria-label={label('daysAfterDue', rank)}
                      inputMode="numeric"
                      rightSection={<Text size="xs">{t('dunning.settings.daysUnit')}</Text>}
                      rightSectionWidth={56}
                      error={errorOf(`levels.${index}.daysAfterDue`)}
                      {...form.register(`levels.${index}.daysAfterDue`, {
                        validate: (value) => isWholeDays(value) || t('dunning.settings.wholeDays'),
                      })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={form.control}
                      name={`levels.${index}.channel`}
                      render={({ field: control, fieldState }) => (
                        <Select
                          size="sm"
                          aria-label={label('channel', rank)}
                          allowDeselect={false}
                          data={dunningChannels.map((channel) => ({ value: channel, label: t(`dunning.channel.${channel}`) }))}
                          value={control.value}
                          onChange={(value) => value && control.onChange(value)}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  </Table.Td>
                  {options.map((option) => (
                    <Table.Td key={option}>
                      <Group justify="center" mt={8}>
                        <Checkbox aria-label={label(option, rank)} {...form.register(`levels.${index}.${option}`)} />
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end" mt={4}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('dunning.settings.moveUp', { rank })}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('dunning.settings.moveDown', { rank })}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('dunning.settings.remove', { rank })}
                        disabled={fields.length === 1}
                        onClick={() => remove(index)}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="xs" gap="sm">
        <Button
          variant="light"
          size="xs"
          disabled={fields.length >= MAX_LEVELS}
          onClick={() => append(newLevel(form.getValues('levels').at(-1)))}
        >
          {t('dunning.settings.add')}
        </Button>
        {fields.length >= MAX_LEVELS && (
          <Text size="xs" c="dimmed">
            {t('dunning.settings.max', { count: MAX_LEVELS })}
          </Text>
        )}
      </Group>
    </div>
  );
}
