import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InterventionPriority, InterventionType } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { useCreateRequest, type NewRequestValues } from '../hooks/use-create-request';
import { useRequestOptions } from '../hooks/use-request-options';

const types: InterventionType[] = ['CORRECTIVE', 'PREVENTIVE', 'INSTALLATION', 'INSPECTION'];
const priorities: InterventionPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const durations = [30, 60, 90, 120, 180, 240, 360, 480];

/** "Nouvelle demande": customer → site → optional equipment, then what and how urgent. */
export function NewRequestPage() {
  const { t } = useTranslation(planningNamespace);
  const [customerSearch, setCustomerSearch] = useState('');
  const form = useForm<NewRequestValues>({
    defaultValues: {
      customerId: null,
      siteId: null,
      equipmentId: null,
      type: 'CORRECTIVE',
      priority: 'NORMAL',
      title: '',
      description: '',
      estimatedDurationMinutes: '120',
    },
  });
  const { control, register, handleSubmit, watch, setValue, formState } = form;
  const { submit, saving, action } = useCreateRequest(form);
  const customerId = watch('customerId');
  const siteId = watch('siteId');
  const options = useRequestOptions({ customerSearch, customerId, siteId });
  const required = { required: t('newRequest.required') };

  return (
    <>
      <PageHeader title={t('newRequest.title')} />
      <Paper withBorder p="lg" maw={820} component="form" onSubmit={handleSubmit(submit)} noValidate>
        <Stack gap="md">
          <FormActionError error={action.error} unplaced={action.unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="customerId"
              rules={required}
              render={({ field, fieldState }) => (
                <Select
                  label={t('newRequest.customer')}
                  placeholder={t('newRequest.customerPlaceholder')}
                  withAsterisk
                  searchable
                  filter={({ options: all }) => all}
                  searchValue={customerSearch}
                  onSearchChange={setCustomerSearch}
                  data={options.customers}
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    setValue('siteId', null);
                    setValue('equipmentId', null);
                  }}
                  error={fieldState.error?.message}
                  nothingFoundMessage="—"
                />
              )}
            />
            <Controller
              control={control}
              name="siteId"
              rules={required}
              render={({ field, fieldState }) => (
                <Select
                  label={t('newRequest.site')}
                  placeholder={customerId ? undefined : t('newRequest.sitePlaceholder')}
                  withAsterisk
                  searchable
                  disabled={!customerId}
                  data={options.sites}
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    setValue('equipmentId', null);
                  }}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="equipmentId"
            render={({ field, fieldState }) => (
              <Select
                label={t('newRequest.equipment')}
                searchable
                clearable
                disabled={!siteId}
                data={options.equipment.map((item) => ({
                  value: item.id,
                  label: `${item.name} — ${t(`enum.equipmentCategory.${item.category}`)}${item.serialNumber ? ` (${item.serialNumber})` : ''}`,
                }))}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="type"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('newRequest.type')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    data={types.map((type) => ({ value: type, label: t(`enum.type.${type}`) }))}
                    value={field.value}
                    onChange={field.onChange}
                  />
                </Stack>
              )}
            />
            <Controller
              control={control}
              name="priority"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('newRequest.priority')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    color={field.value === 'URGENT' ? 'red' : undefined}
                    data={priorities.map((priority) => ({ value: priority, label: t(`enum.priority.${priority}`) }))}
                    value={field.value}
                    onChange={field.onChange}
                  />
                </Stack>
              )}
            />
          </SimpleGrid>
          <Group align="flex-start" grow>
            <TextInput
              label={t('newRequest.requestTitle')}
              placeholder={t('newRequest.requestTitlePlaceholder')}
              withAsterisk
              {...register('title', { validate: (value) => value.trim().length > 0 || t('newRequest.required') })}
              error={formState.errors.title?.message}
              style={{ flexGrow: 3 }}
            />
            <Controller
              control={control}
              name="estimatedDurationMinutes"
              render={({ field, fieldState }) => (
                <Select
                  label={t('newRequest.duration')}
                  allowDeselect={false}
                  data={durations.map((minutes) => ({
                    value: String(minutes),
                    label: minutes % 60 === 0 ? t('common.hours', { hours: minutes / 60 }) : t('common.minutes', { minutes }),
                  }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  error={fieldState.error?.message}
                />
              )}
            />
          </Group>
          <Textarea
            label={t('newRequest.description')}
            autosize
            minRows={3}
            {...register('description')}
            error={formState.errors.description?.message}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('newRequest.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
