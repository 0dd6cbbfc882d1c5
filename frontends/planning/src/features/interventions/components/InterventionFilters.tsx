import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { interventionSorts, interventionStatuses, interventionTypes, type useInterventionFilters } from '../hooks/use-intervention-filters';
import { useTechnicianOptions } from '../hooks/use-interventions';

export function InterventionFilters({ filters }: { filters: ReturnType<typeof useInterventionFilters> }) {
  const { t } = useTranslation(planningNamespace);
  const technicians = useTechnicianOptions();
  const { values, set } = filters;
  const [search, setSearch] = useState(values.search);
  const applySearch = useDebouncedCallback((value: string) => set('search', value), 300);
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <TextInput
        label={t('interventions.filter.search')}
        type="search"
        w={200}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          applySearch(event.currentTarget.value);
        }}
      />
      <MultiSelect
        label={t('interventions.filter.status')}
        w={260}
        clearable
        data={interventionStatuses.map((status) => ({ value: status, label: t(`enum.status.${status}`) }))}
        value={values.status}
        onChange={(value) => set('status', value as typeof values.status)}
        placeholder={t('common.all')}
      />
      <MultiSelect
        label={t('interventions.filter.type')}
        w={220}
        clearable
        data={interventionTypes.map((type) => ({ value: type, label: t(`enum.type.${type}`) }))}
        value={values.type}
        onChange={(value) => set('type', value as typeof values.type)}
        placeholder={t('common.all')}
      />
      <Select
        label={t('interventions.filter.technician')}
        w={190}
        clearable
        searchable
        data={technicians.map((technician) => ({ value: technician.id, label: technician.fullName }))}
        value={values.technicianId}
        onChange={(value) => set('technicianId', value)}
        placeholder={t('common.all')}
      />
      <TextInput
        label={t('interventions.filter.from')}
        type="date"
        w={150}
        value={values.from}
        onChange={(event) => set('from', event.currentTarget.value)}
      />
      <TextInput
        label={t('interventions.filter.to')}
        type="date"
        w={150}
        value={values.to}
        onChange={(event) => set('to', event.currentTarget.value)}
      />
      <Select
        label={t('interventions.filter.sort')}
        w={170}
        allowDeselect={false}
        data={interventionSorts.map((sort) => ({ value: sort, label: t(`interventions.sort.${sort}`) }))}
        value={values.sort}
        onChange={(value) => value && set('sort', value as typeof values.sort)}
      />
      {filters.active && (
        <Button
          variant="subtle"
          onClick={() => {
            setSearch('');
            filters.reset();
          }}
        >
          {t('interventions.filter.reset')}
        </Button>
      )}
    </Group>
  );
}
