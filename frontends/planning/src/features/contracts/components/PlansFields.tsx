import { fieldErrorOf } from '@relais/session';
import { ActionIcon, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { emptyPlan, equipmentCategories, type ContractFormValues } from '../hooks/contract-form';

/** Preventive visits the contract promises, one row per category of equipment. */
export function PlansFields({ form }: { form: UseFormReturn<ContractFormValues> }) {
  const { t } = useTranslation(planningNamespace);
  const plans = useFieldArray({ control: form.control, name: 'plans' });
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const wholeNumber = (optional: boolean) => ({
    validate: (value: string) => (optional && value.trim() === '') || /^\d{1,4}$/.test(value.trim()) || t('contractForm.wholeNumber'),
  });

  return (
    <>
      {plans.fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contractForm.plan.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="plans">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contractForm.plan.category')}</Table.Th>
              <Table.Th ta="right">{t('contractForm.plan.visitsPerYear')}</Table.Th>
              <Table.Th ta="right">{t('contractForm.plan.duration')}</Table.Th>
              <Table.Th>{t('contractForm.plan.skills')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.fields.map((plan, index) => {
              const row = index + 1;
              const label = (field: 'category' | 'visitsPerYear' | 'duration' | 'skills') =>
                t('contractForm.plan.fieldOf', { field: t(`contractForm.plan.${field}`), row });
              return (
                <Table.Tr key={plan.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td w={260}>
                    <Controller
                      control={form.control}
                      name={`plans.${index}.equipmentCategory`}
                      render={({ field, fieldState }) => (
                        <Select
                          size="xs"
                          aria-label={label('category')}
                          allowDeselect={false}
                          data={equipmentCategories.map((category) => ({
                            value: category,
                            label: t(`enum.equipmentCategory.${category}`),
                          }))}
                          value={field.value}
                          onChange={(value) => value && field.onChange(value)}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td w={110}>
                    <TextInput
                      size="xs"
                      aria-label={label('visitsPerYear')}
                      inputMode="numeric"
                      styles={{ input: { textAlign: 'right' } }}
                      error={errorOf(`plans.${index}.visitsPerYear`)}
                      {...form.register(`plans.${index}.visitsPerYear`, wholeNumber(false))}
                    />
                  </Table.Td>
                  <Table.Td w={120}>
                    <TextInput
                      size="xs"
                      aria-label={label('duration')}
                      inputMode="numeric"
                      styles={{ input: { textAlign: 'right' } }}
                      error={errorOf(`plans.${index}.estimatedDurationMinutes`)}
                      {...form.register(`plans.${index}.estimatedDurationMinutes`, wholeNumber(true))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={label('skills')}
                      placeholder={t('contractForm.plan.skillsPlaceholder')}
                      {...form.register(`plans.${index}.requiredSkills`)}
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      size="sm"
                      mt={4}
                      variant="subtle"
                      color="red"
                      aria-label={t('contractForm.plan.remove', { row })}
                      onClick={() => plans.remove(index)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="xs">
        <Button variant="light" size="xs" onClick={() => plans.append(emptyPlan())}>
          {t('contractForm.plan.add')}
        </Button>
      </Group>
    </>
  );
}
