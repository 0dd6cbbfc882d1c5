import type { EntityManager } from '@mikro-orm/postgresql';
import { Intervention } from './intervention.entity';
import type { ScheduleWarning } from './intervention.rules';
import { computeWarnings, warnedOf, warningSpan } from './intervention.service';
import type { AbsenceRow, InterventionRow, TechnicianRow } from './intervention-list.read';
import { Technician, TechnicianAbsence } from './technician.entity';
import { Validator } from '../shared/errors';
import { uuidArrayLiteral } from '../shared/ids';
import { plainPrefixed, prefixedColumns, scopeTenantId } from '../shared/joined-rows';
import { localDayBounds, localDate } from '../shared/time';

export interface DispatchBoard {
  /** Active technicians, by name. */
  technicians: TechnicianRow[];
  scheduled: InterventionRow[];
  unscheduled: InterventionRow[];
  /** Technician ids of each job on the board. */
  technicianIds: Map<string, string[]>;
  /** Warnings of each job on the board (none for the unscheduled). */
  warnings: Map<string, ScheduleWarning[]>;
  /** Absences of the technicians loaded, every one overlapping [from, to). */
  absences: { technicianIds: string[]; from: Date; to: Date; rows: AbsenceRow[] };
}

/**
 * The planner's board: active technicians, jobs scheduled in the window, and the unscheduled queue,
 * with each job's technicians and warnings and the technicians' absences over the days shown, in
 * two statements (the jobs with their technicians' other jobs, then the technicians with their
 * absences) whatever the number of jobs, read as plain rows (see intervention-list.read.ts).
 */
export async function dispatchBoard(em: EntityManager, from: Date, to: Date): Promise<DispatchBoard> {
  new Validator()
    .check(to > from, 'to', 'doit suivre le début')
    .check(to.getTime() - from.getTime() <= 62 * 24 * 3600_000, 'to', 'une fenêtre de deux mois au plus')
    .throwIfInvalid();
  const jobs = await boardJobs(em, from, to);
  // As ordered before: scheduled by start; requests by deadline (none last), then id.
  const scheduled = jobs
    .filter((j) => j.onBoard)
    .map((j) => j.intervention)
    .sort((a, b) => a.scheduledStart!.getTime() - b.scheduledStart!.getTime() || byId(a, b));
  const unscheduled = jobs
    .filter((j) => j.queued)
    .map((j) => j.intervention)
    .sort((a, b) => (a.dueBy?.getTime() ?? Infinity) - (b.dueBy?.getTime() ?? Infinity) || byId(a, b));
  const technicianIds = new Map(jobs.map((j) => [j.intervention.id, j.technicianIds]));
  const warned = warnedOf(scheduled);
  const span = warned.length ? warningSpan(warned) : null;
  // The days shown, as the technicians' absences(from, to) asks for them, and the warnings' span.
  const absenceFrom = new Date(Math.min(localDayBounds(localDate(from)).from.getTime(), span?.from.getTime() ?? Infinity));
  const absenceTo = new Date(Math.max(localDayBounds(localDate(to)).to.getTime(), span?.to.getTime() ?? -Infinity));
  const assigned = [...new Set(warned.flatMap((i) => technicianIds.get(i.id) ?? []))];
  const { technicians, absences } = await techniciansWithAbsences(em, assigned, absenceFrom, absenceTo);
  const warnings = computeWarnings([...scheduled, ...unscheduled], {
    technicianIdsOf: (id) => technicianIds.get(id) ?? [],
    technicians,
    jobs: span
      ? jobs
          .filter(
            (j) =>
              ['SCHEDULED', 'IN_PROGRESS'].includes(j.intervention.status) &&
              j.intervention.scheduledStart! < span.to &&
              j.intervention.scheduledEnd! > span.from,
          )
          .flatMap((j) =>
            j.technicianIds.map((technicianId) => ({
              technicianId,
              id: j.intervention.id,
              number: j.intervention.number,
              start: j.intervention.scheduledStart!,
              end: j.intervention.scheduledEnd!,
            })),
          )
      : [],
    absences,
  });
  return {
    technicians: technicians.filter((t) => t.active),
    scheduled,
    unscheduled,
    technicianIds,
    warnings,
    absences: { technicianIds: technicians.map((t) => t.id), from: absenceFrom, to: absenceTo, rows: absences },
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One statement: the jobs scheduled in [from, to) (cancelled ones left out), the 200 most urgent
 * requests, and the active jobs overlapping the span of the scheduled ones (which the warnings
 * compare with), each with its technicians' ids.
 */
async function boardJobs(
  em: EntityManager,
  from: Date,
  to: Date,
): Promise<{ intervention: InterventionRow; onBoard: boolean; queued: boolean; technicianIds: string[] }[]> {
  const tenantId = scopeTenantId(em);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `with in_window as (
       select id, scheduled_start, scheduled_end from interventions
        where tenant_id = ? and scheduled_start < ? and scheduled_end > ? and status <> 'CANCELLED'),
     span as (select min(scheduled_start) as lo, max(scheduled_end) as hi from in_window),
     queue as (
       select id from interventions where tenant_id = ? and status = 'REQUESTED' order by due_by asc, id asc limit 200)
     select ${prefixedColumns(em, Intervention, 'i')},
            i.id in (select id from in_window) as on_board,
            i.id in (select id from queue) as queued,
            array(select it.technician_id::text from intervention_technicians it
                   where it.tenant_id = i.tenant_id and it.intervention_id = i.id) as technician_ids
       from interventions i
      where i.tenant_id = ?
        and (i.id in (select id from in_window) or i.id in (select id from queue)
             or (i.status in ('SCHEDULED', 'IN_PROGRESS')
                 and i.scheduled_start < (select hi from span) and i.scheduled_end > (select lo from span)))`,
    [tenantId, to, from, tenantId, tenantId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => ({
    intervention: plainPrefixed(em, Intervention, row, 'i')!,
    onBoard: row.on_board === true,
    queued: row.queued === true,
    technicianIds: row.technician_ids as string[],
  }));
}

/** One statement: the active technicians and those named, by name, with their absences overlapping [from, to). */
async function techniciansWithAbsences(
  em: EntityManager,
  technicianIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ technicians: TechnicianRow[]; absences: AbsenceRow[] }> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select ${prefixedColumns(em, Technician, 't')}, ${prefixedColumns(em, TechnicianAbsence, 'a')}
       from technicians t
       left join technician_absences a on a.tenant_id = t.tenant_id and a.technician_id = t.id and a.starts_at < ? and a.ends_at > ?
      where t.tenant_id = ? and (t.active or t.id = any(?::uuid[]))
      order by t.full_name asc, t.id asc, a.starts_at asc`,
    [to, from, scopeTenantId(em), uuidArrayLiteral(technicianIds)],
    'all',
    em.getTransactionContext(),
  );
  const technicians = new Map<string, TechnicianRow>();
  const absences: AbsenceRow[] = [];
  for (const row of rows) {
    plainPrefixed(em, Technician, row, 't', technicians);
    const absence = plainPrefixed(em, TechnicianAbsence, row, 'a');
    if (absence) absences.push(absence);
  }
  return { technicians: [...technicians.values()], absences };
}
