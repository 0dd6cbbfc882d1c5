import { useDraggable } from '@dnd-kit/core';
import { Box, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { priorityColor, statusColor } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { DragPayload } from '../hooks/use-board-drag';
import type { BoardJob } from '../hooks/use-dispatch-board';

/** A scheduled job in a 3-day or week view: its time and customer in full, the rest in a tooltip; drag it to another day or technician. */
export function JobCard({ job, technicianId }: { job: BoardJob; technicianId: string }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const navigate = useNavigate();
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: `job:${technicianId}:${job.id}`,
    data: { kind: 'move', job, fromTechnicianId: technicianId } satisfies DragPayload,
  });
  const slot = `${formats.time(job.scheduledStart!)}–${formats.time(job.scheduledEnd!)}`;
  const open = () => void navigate(planningPaths.intervention(job.id));
  const warnings = job.warnings.length > 0 ? ` — ${t('board.jobWarnings', { count: job.warnings.length })}` : '';
  return (
    <Tooltip
      multiline
      maw={320}
      openDelay={300}
      withinPortal
      label={
        <Stack gap={2}>
          <Text size="xs" fw={700}>
            {job.number} · {slot}
          </Text>
          <Text size="xs">{job.title}</Text>
          <Text size="xs">
            {job.customer.name} — {job.site.name}, {job.site.address.city}
          </Text>
          {job.warnings.map((warning) => (
            <Text key={`${warning.kind}-${warning.message}`} size="xs" c="orange.2">
              ⚠ {warning.message}
            </Text>
          ))}
        </Stack>
      }
    >
      <Box pos="relative">
        <Box
          ref={setNodeRef}
          {...listeners}
          {...attributes}
          role="button"
          // What the card shows, in its order, then what it does not.
          aria-label={`${slot} ${job.customer.name} ${job.site.address.city} · ${job.number} — ${job.title}${warnings}`}
          data-job-number={job.number}
          onClick={open}
          onKeyDown={(event) => {
            if (event.key === 'Enter') open();
          }}
          style={{
            padding: '3px 6px',
            borderRadius: 4,
            cursor: 'grab',
            opacity: isDragging ? 0.35 : 1,
            background: `var(--mantine-color-${statusColor[job.status]}-1)`,
            borderLeft: `3px solid var(--mantine-color-${priorityColor[job.priority]}-6)`,
            outline: job.warnings.length > 0 ? '1px solid var(--mantine-color-orange-5)' : '1px solid var(--mantine-color-gray-3)',
            touchAction: 'none',
          }}
        >
          <Text fz={12} fw={700} lh={1.35} style={{ whiteSpace: 'nowrap' }}>
            {slot}
          </Text>
          {/* Spaces between the lines, so that their text reads as words (for the name's check against what shows). */}{' '}
          <Text fz={12} lh={1.3} lineClamp={2} data-testid="job-card-customer">
            {job.customer.name}
          </Text>{' '}
          <Text fz={11} lh={1.3} c="dark.5" truncate="end">
            {job.site.address.city} · {job.number}
          </Text>
        </Box>
        {/* Beside the card rather than in it, so that the card's name reads as it shows; the warnings end its name. */}
        {job.warnings.length > 0 && (
          <Text
            c="white"
            bg="orange.9"
            fz={10}
            fw={700}
            px={4}
            pos="absolute"
            top={4}
            right={6}
            style={{ borderRadius: 3, pointerEvents: 'none' }}
            aria-hidden
          >
            {job.warnings.length}
          </Text>
        )}
      </Box>
    </Tooltip>
  );
}
