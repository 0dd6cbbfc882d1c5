import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { AddressLines, ErrorNotice, FieldList, LoadingState, PageHeader, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { billingInvoicePath, planningPaths } from '../../../routes';
import { DueBy, PriorityBadge, StatusBadge, WarningBadges } from '../../../shared/badges';
import { hoursLabel } from '../../../shared/hours';
import { useSkillNames } from '../../../shared/skills';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useIntervention, type InterventionDetail } from '../hooks/use-intervention';
import { useInterventionActions } from '../hooks/use-intervention-actions';
import { InterventionActions } from './InterventionActions';
import { InterventionReportView } from './InterventionReportView';

export function InterventionPage() {
  const { t } = useTranslation(planningNamespace);
  const { interventionId = '' } = useParams();
  const { intervention, loading, notFound, error, refetch } = useIntervention(interventionId);
  const actions = useInterventionActions(intervention, refetch);
  if (loading) return <LoadingState />;
  if (error && !intervention) return <ErrorNotice onRetry={() => void refetch()} />;
  if (notFound || !intervention) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return (
    <>
      <PageHeader
        title={`${intervention.number} — ${intervention.title}`}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge status={intervention.status} />
            <PriorityBadge priority={intervention.priority} />
            <Badge variant="default" size="sm">
              {t(`enum.type.${intervention.type}`)}
            </Badge>
          </Group>
        }
      >
        <InterventionActions intervention={intervention} actions={actions} />
      </PageHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <RequestCard intervention={intervention} />
          <ScheduleCard intervention={intervention} />
        </Stack>
        <SectionCard title={t('intervention.report')}>
          <InterventionReportView report={intervention.report} />
        </SectionCard>
      </SimpleGrid>
    </>
  );
}

function RequestCard({ intervention }: { intervention: InterventionDetail }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const skillNames = useSkillNames();
  return (
    <SectionCard title={t('intervention.identity')}>
      <FieldList
        fields={[
          { label: t('intervention.field.customer'), value: `${intervention.customer.name} (${intervention.customer.code})` },
          { label: t('intervention.field.site'), value: intervention.site.name },
          { label: t('intervention.field.address'), value: <AddressLines address={intervention.site.address} /> },
          { label: t('intervention.field.accessNotes'), value: intervention.site.accessNotes },
          {
            label: t('intervention.field.equipment'),
            value: intervention.equipment && (
              <Anchor component={Link} to={planningPaths.equipment(intervention.equipment.id)}>
                {intervention.equipment.name}
              </Anchor>
            ),
          },
          {
            label: t('intervention.field.contract'),
            value: intervention.contract && (
              <Anchor component={Link} to={planningPaths.contract(intervention.contract.id)}>
                {intervention.contract.reference} — {intervention.contract.title}
              </Anchor>
            ),
          },
          { label: t('intervention.field.requestedAt'), value: formats.dateTime(intervention.requestedAt) },
          {
            label: t('intervention.field.source'),
            value: t(`intervention.source.${intervention.source}`, { defaultValue: intervention.source }),
          },
          ...(intervention.source === 'PORTAL'
            ? [
                { label: t('intervention.field.requestedBy'), value: intervention.requestedBy },
                { label: t('intervention.field.requestPhotos'), value: String(intervention.requestPhotoCount) },
              ]
            : []),
          {
            label: t('intervention.field.report'),
            value: intervention.reportPdfUrl && (
              <Anchor href={intervention.reportPdfUrl} target="_blank" rel="noopener">
                {t('intervention.reportPdf')}
              </Anchor>
            ),
          },
          { label: t('intervention.field.dueBy'), value: <DueBy dueBy={intervention.dueBy} /> },
          { label: t('intervention.field.requiredSkills'), value: skillNames(intervention.requiredSkills).join(', ') || null },
          { label: t('intervention.field.description'), value: intervention.description },
        ]}
      />
    </SectionCard>
  );
}

function ScheduleCard({ intervention }: { intervention: InterventionDetail }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const at = (value: string | null | undefined) => (value ? formats.dateTime(value) : null);
  return (
    <SectionCard title={t('intervention.schedule')}>
      <FieldList
        fields={[
          {
            label: t('intervention.field.scheduled'),
            value:
              intervention.scheduledStart && intervention.scheduledEnd
                ? `${formats.weekdayLong(intervention.scheduledStart)}, ${formats.time(intervention.scheduledStart)}–${formats.time(intervention.scheduledEnd)}`
                : null,
          },
          {
            label: t('intervention.field.technicians'),
            value: intervention.technicians.map((technician) => technician.fullName).join(', ') || null,
          },
          { label: t('intervention.field.estimated'), value: hoursLabel(intervention.estimatedDurationMinutes, formats.locale) },
          {
            label: t('intervention.field.warnings'),
            value: intervention.warnings.length ? <WarningBadges warnings={intervention.warnings} /> : null,
          },
          {
            label: t('intervention.field.invoice'),
            value: intervention.invoice && (
              <Anchor href={billingInvoicePath(intervention.invoice.id)} data-testid="intervention-invoice">
                {intervention.invoice.number ?? t('intervention.invoiceDraft')}
              </Anchor>
            ),
          },
          { label: t('intervention.field.startedAt'), value: at(intervention.startedAt) },
          { label: t('intervention.field.completedAt'), value: at(intervention.completedAt) },
          { label: t('intervention.field.closedAt'), value: at(intervention.closedAt) },
          ...(intervention.cancelledAt
            ? [
                { label: t('intervention.field.cancelledAt'), value: at(intervention.cancelledAt) },
                { label: t('intervention.field.cancelReason'), value: intervention.cancelReason },
              ]
            : []),
        ]}
      />
    </SectionCard>
  );
}
