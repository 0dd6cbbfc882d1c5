import { ActionIcon, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LabourType } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import type { useFieldReport } from '../hooks/use-field-report';
import { ReportSection } from './FieldReportForm';

const labourTypes: LabourType[] = ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'];

export function LabourSection({
  report,
  technicians,
}: {
  report: ReturnType<typeof useFieldReport>;
  technicians: readonly { id: string; fullName: string }[];
}) {
  const { t } = useTranslation(planningNamespace);
  const { form, labour } = report;
  return (
    <ReportSection title={t('myDay.labour')}>
      <Stack gap="xs">
        {labour.fields.map((field, index) => (
          <Group key={field.id} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label={t('myDay.hours')} inputMode="decimal" w={80} {...form.register(`labour.${index}.hours`)} />
            <Controller
              control={form.control}
              name={`labour.${index}.labourType`}
              render={({ field: typeField }) => (
                <Select
                  label={t('myDay.labourType')}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  data={labourTypes.map((type) => ({ value: type, label: t(`enum.labourType.${type}`) }))}
                  value={typeField.value}
                  onChange={(value) => value && typeField.onChange(value)}
                />
              )}
            />
            {technicians.length > 1 && (
              <Controller
                control={form.control}
                name={`labour.${index}.technicianId`}
                render={({ field: technicianField }) => (
                  <Select
                    aria-label={t('intervention.column.technician')}
                    w={110}
                    allowDeselect={false}
                    data={technicians.map((technician) => ({ value: technician.id, label: technician.fullName }))}
                    value={technicianField.value}
                    onChange={(value) => value && technicianField.onChange(value)}
                  />
                )}
              />
            )}
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('common.remove')} onClick={() => labour.remove(index)}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button variant="light" onClick={report.addLabour}>
          {t('myDay.addLabour')}
        </Button>
      </Stack>
    </ReportSection>
  );
}
