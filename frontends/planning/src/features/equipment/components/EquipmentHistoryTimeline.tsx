import { Anchor, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EquipmentDetailQuery } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { StatusBadge } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';

type HistoryEvent = NonNullable<EquipmentDetailQuery['equipment']>['history'][number];

const colorOf: Record<string, string> = { INTERVENTION: 'indigo', PART_REPLACED: 'orange', OBSERVATION: 'teal' };

/** Interventions, parts replaced and observations on the equipment, newest first. */
export function EquipmentHistoryTimeline({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  if (events.length === 0) return <Text c="dimmed">{t('equipment.historyEmpty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {events.map((event, index) => (
        <Timeline.Item
          key={`${event.at}-${event.kind}-${index}`}
          color={colorOf[event.kind] ?? 'gray'}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t(`enum.historyKind.${event.kind}`, { defaultValue: event.kind })}
              </Text>
              <Text size="xs" c="dimmed">
                {formats.dateTime(event.at)}
              </Text>
            </Group>
          }
        >
          <Text size="sm">{event.summary}</Text>
          <Group gap="xs">
            <Anchor component={Link} to={planningPaths.intervention(event.intervention.id)} size="xs">
              {event.intervention.number}
            </Anchor>
            <StatusBadge status={event.intervention.status} />
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
