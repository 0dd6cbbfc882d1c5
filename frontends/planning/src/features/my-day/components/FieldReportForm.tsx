import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import type { InterventionDetail } from '../../interventions/hooks/use-intervention';
import { useFieldReport } from '../hooks/use-field-report';
import { useSignaturePad } from '../hooks/use-signature-pad';
import { LabourSection } from './LabourSection';
import { PartsSection } from './PartsSection';
import { PhotosSection } from './PhotosSection';
import { SignatureSection } from './SignatureSection';
import { StickyActions } from './StickyActions';
import { TravelSection } from './TravelSection';

export function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The report a technician fills in on site, section by section, then "Terminer". */
export function FieldReportForm({ intervention, reload }: { intervention: InterventionDetail; reload: () => unknown }) {
  const { t } = useTranslation(planningNamespace);
  const report = useFieldReport(intervention, reload);
  const signature = useSignaturePad();
  return (
    <Stack gap="sm" component="form" onSubmit={(event) => event.preventDefault()}>
      <LabourSection report={report} technicians={intervention.technicians} />
      <TravelSection report={report} />
      <PartsSection report={report} />
      <ReportSection title={t('myDay.observations')}>
        <Textarea
          aria-label={t('myDay.observations')}
          placeholder={t('myDay.observationsPlaceholder')}
          autosize
          minRows={3}
          {...report.form.register('observations')}
        />
      </ReportSection>
      <PhotosSection report={report} />
      <SignatureSection report={report} signature={signature} existing={intervention.report.signatureDataUrl ?? null} />
      <StickyActions>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="md" loading={report.busy} onClick={() => void report.saveDraft(signature.dataUrl())}>
            {t('myDay.saveDraft')}
          </Button>
          <Button size="md" color="green" style={{ flex: 1 }} loading={report.busy} onClick={() => void report.finish(signature.dataUrl())}>
            {t('myDay.complete')}
          </Button>
        </Group>
      </StickyActions>
    </Stack>
  );
}
