import { Alert, Anchor, Box, Button, Stack, Text, Title } from '@mantine/core';
import { AddressLines, ErrorNotice, LoadingState } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { PriorityBadge, StatusBadge } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';
import { InterventionReportView } from '../../interventions/components/InterventionReportView';
import { useIntervention } from '../../interventions/hooks/use-intervention';
import { useInterventionActions } from '../../interventions/hooks/use-intervention-actions';
import { mapHref, telHref } from '../hooks/contact-links';
import { myDayHref } from '../hooks/use-my-day';
import { FieldReportForm } from './FieldReportForm';
import { StickyActions } from './StickyActions';

/** One job on the phone: where and what, "Démarrer", then the report and "Terminer". */
export function MyDayJobPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const { interventionId = '' } = useParams();
  const day = useSearchParams()[0].get('jour');
  const { intervention, loading, error, refetch } = useIntervention(interventionId);
  const actions = useInterventionActions(intervention, refetch);
  if (loading) return <LoadingState />;
  if (error && !intervention) return <ErrorNotice onRetry={() => void refetch()} />;
  if (!intervention) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return (
    <Box maw={560} mx="auto">
      <Anchor component={Link} to={day ? myDayHref(planningPaths.myDay, day) : planningPaths.myDay} size="sm">
        ‹ {t('myDay.backToDay')}
      </Anchor>
      <Title order={3} mt={4}>
        {intervention.title}
      </Title>
      <Text size="sm" c="dimmed">
        {intervention.number}
        {intervention.scheduledStart &&
          intervention.scheduledEnd &&
          ` · ${t('myDay.slot', { start: formats.time(intervention.scheduledStart), end: formats.time(intervention.scheduledEnd) })}`}
      </Text>
      <Stack gap={4} my="sm">
        <Box>
          <StatusBadge status={intervention.status} /> <PriorityBadge priority={intervention.priority} />
        </Box>
        <Text fw={600}>{intervention.customer.name}</Text>
        {intervention.customer.phone && (
          <Anchor href={telHref(intervention.customer.phone)} size="sm" aria-label={`${t('myDay.call')} ${intervention.customer.phone}`}>
            {intervention.customer.phone}
          </Anchor>
        )}
        <Anchor
          href={mapHref(intervention.site.address)}
          target="_blank"
          rel="noopener"
          c="inherit"
          title={t('myDay.mapTitle')}
          underline="always"
        >
          <AddressLines address={intervention.site.address} />
        </Anchor>
        {intervention.site.accessNotes && (
          <Text size="sm" c="orange.8">
            {intervention.site.accessNotes}
          </Text>
        )}
        {intervention.equipment && (
          <Text size="sm">
            {intervention.equipment.name}
            {intervention.equipment.serialNumber && ` — ${intervention.equipment.serialNumber}`}
          </Text>
        )}
        {intervention.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {intervention.description}
          </Text>
        )}
      </Stack>
      {intervention.status === 'SCHEDULED' && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" ta="center">
            {t('myDay.notStarted')}
          </Text>
          <StickyActions>
            <Button size="lg" fullWidth loading={actions.busy} onClick={() => void actions.start()}>
              {t('myDay.start')}
            </Button>
          </StickyActions>
        </Stack>
      )}
      {intervention.status === 'IN_PROGRESS' && <FieldReportForm key={intervention.version} intervention={intervention} reload={refetch} />}
      {intervention.status !== 'SCHEDULED' && intervention.status !== 'IN_PROGRESS' && (
        <Stack gap="sm">
          <Alert color="gray">{t('myDay.readOnly', { status: t(`enum.status.${intervention.status}`).toLowerCase() })}</Alert>
          <InterventionReportView report={intervention.report} />
        </Stack>
      )}
    </Box>
  );
}
