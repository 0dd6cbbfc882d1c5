import { useDraggable } from '@dnd-kit/core';
import { Box, Text, Tooltip } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { priorityColor, statusColor } from '../../../shared/badges';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { PlacedJob } from '../hooks/board-geometry';
import type { DragPayload } from '../hooks/use-board-drag';
import type { BoardJob } from '../hooks/use-dispatch-board';

export const laneHeight = 42;

const clip = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'clip' } as const;

/** A scheduled job on a technician's day: drag to move or reassign, drag its right edge to resize. */
export function JobBlock({ placed, technicianId }: { placed: PlacedJob<BoardJob>; technicianId: string }) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement | null>(null);
  const { job } = placed;
  const move = useDraggable({
    id: `job:${technicianId}:${job.id}`,
    data: { kind: 'move', job, fromTechnicianId: technicianId } satisfies DragPayload,
  });
  const resize = useDraggable({
    id: `resize:${technicianId}:${job.id}`,
    data: {
      kind: 'resize',
      job,
      fromTechnicianId: technicianId,
      cellWidth: () => ref.current?.parentElement?.getBoundingClientRect().width ?? 1,
    } satisfies DragPayload,
  });
  const slot = `${formats.time(job.scheduledStart!)}–${formats.time(job.scheduledEnd!)}`;
  const extra = resize.transform?.x ?? 0;
  const hasWarnings = job.warnings.length > 0;
  const warnings = hasWarnings ? ` — ${t('board.jobWarnings', { count: job.warnings.length })}` : '';
  const top = 4 + placed.lane * laneHeight;
  const width = `max(calc(${placed.width}% + ${extra}px), 14px)`;

  return (
    <>
      <Box
        ref={(node: HTMLDivElement | null) => {
          ref.current = node;
          move.setNodeRef(node);
        }}
        {...move.listeners}
        {...move.attributes}
        role="button"
        // What the block shows, in its order, then what it does not.
        aria-label={`${job.customer.name} ${formats.time(job.scheduledStart!)} · ${job.site.address.city} · ${job.number} — ${job.title} — ${slot}${warnings}`}
        data-job-number={job.number}
        title={[
          `${job.number} · ${slot}`,
          job.title,
          `${job.customer.name} — ${job.site.name}, ${job.site.address.city}`,
          ...job.warnings.map((w) => `⚠ ${w.message}`),
        ].join('\n')}
        onClick={() => navigate(planningPaths.intervention(job.id))}
        style={{
          position: 'absolute',
          top,
          left: `${placed.left}%`,
          width,
          height: laneHeight - 4,
          padding: '2px 4px 2px 4px',
          borderRadius: 4,
          overflow: 'hidden',
          cursor: 'grab',
          opacity: move.isDragging ? 0.35 : 1,
          zIndex: resize.isDragging ? 3 : 2,
          background: `var(--mantine-color-${statusColor[job.status]}-1)`,
          borderLeft: `3px solid var(--mantine-color-${priorityColor[job.priority]}-6)`,
          outline: hasWarnings ? '1px solid var(--mantine-color-orange-5)' : '1px solid var(--mantine-color-gray-3)',
          touchAction: 'none',
        }}
      >
        <Text fz={11} fw={600} lh={1.3} style={clip}>
          {job.customer.name}
        </Text>
        {/* A space between the lines, so that their text reads as words (for the name's check against what shows). */}{' '}
        <Text fz={11} lh={1.3} c="dark.4" style={clip}>
          {formats.time(job.scheduledStart!)} · {job.site.address.city} · {job.number}
        </Text>
      </Box>
      {/* The warnings' count and the resize handle lie beside the block rather than in it (its name reads as it shows;
          a control inside a control is lost to assistive technologies), over its right edge. */}
      {hasWarnings && (
        <Tooltip label={job.warnings.map((warning) => warning.message).join(' · ')} multiline maw={320}>
          <Text
            c="white"
            bg="orange.9"
            fz={9}
            fw={700}
            aria-hidden
            style={{
              position: 'absolute',
              top,
              right: `calc(100% - ${placed.left}% - ${width})`,
              zIndex: 4,
              padding: '0 3px',
              borderBottomLeftRadius: 4,
              lineHeight: '13px',
            }}
          >
            {job.warnings.length}
          </Text>
        </Tooltip>
      )}
      <Box
        ref={resize.setNodeRef}
        {...resize.listeners}
        {...resize.attributes}
        role="button"
        aria-label={t('board.resizeHandle', { number: job.number })}
        style={{
          position: 'absolute',
          top,
          left: `calc(${placed.left}% + ${width} - 7px)`,
          height: laneHeight - 4,
          width: 7,
          zIndex: resize.isDragging ? 4 : 3,
          cursor: 'ew-resize',
          touchAction: 'none',
        }}
      />
    </>
  );
}

/** What follows the pointer while a job is dragged. */
export function JobDragPreview({ job }: { job: BoardJob }) {
  return (
    <Box
      style={{
        width: 180,
        padding: '4px 8px',
        borderRadius: 4,
        background: `var(--mantine-color-${statusColor[job.status]}-1)`,
        borderLeft: `3px solid var(--mantine-color-${priorityColor[job.priority]}-6)`,
        boxShadow: 'var(--mantine-shadow-md)',
        cursor: 'grabbing',
      }}
    >
      <Text fz={11} fw={600} truncate="end">
        {job.number} · {job.title}
      </Text>
      <Text fz={11} c="dimmed" truncate="end">
        {job.customer.name} · {job.site.address.city}
      </Text>
    </Box>
  );
}
