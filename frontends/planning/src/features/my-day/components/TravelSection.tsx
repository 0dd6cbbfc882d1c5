import { Group, Select, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import type { useFieldReport } from '../hooks/use-field-report';
import { ReportSection } from './FieldReportForm';

export function TravelSection({ report }: { report: ReturnType<typeof useFieldReport> }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <ReportSection title={t('myDay.travel')}>
      <Group gap="xs" grow>
        <TextInput label={t('myDay.travelCount')} type="number" inputMode="numeric" min={0} {...report.form.register('travelCount')} />
        {report.travelZones.length > 0 && (
          <Controller
            control={report.form.control}
            name="travelZone"
            render={({ field }) => (
              <Select
                label={t('myDay.travelZone')}
                clearable
                data={report.travelZones.map((zone) => ({ value: zone.code, label: `${zone.code} — ${zone.label}` }))}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        )}
      </Group>
    </ReportSection>
  );
}
