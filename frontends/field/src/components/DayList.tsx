import { useTranslation } from 'react-i18next';
import { longDay, time } from '../i18n/setup';
import { db, type JobRecord } from '../store/db';
import { useLive } from '../store/use-live';
import { localStatus } from '../sync/queue-rules';

/** The days kept on the phone, job by job, with what is still to be sent. */
export function DayList() {
  const { t } = useTranslation();
  const data = useLive(async () => ({ jobs: await db.jobs.orderBy('day').toArray(), commands: await db.commands.toArray() }), []);
  if (!data) return null;
  if (data.jobs.length === 0) return <p className="card muted">{t('day.noData')}</p>;
  const days = [...new Set(data.jobs.map((job) => job.day))];
  return (
    <div>
      {days.map((day) => (
        <section key={day}>
          <h2 className="day-title">{longDay.format(new Date(`${day}T00:00:00Z`))}</h2>
          {data.jobs
            .filter((job) => job.day === day)
            .sort((a, b) => (a.server.scheduledStart ?? '').localeCompare(b.server.scheduledStart ?? ''))
            .map((job) => (
              <JobCard key={job.id} job={job} pending={data.commands.filter((command) => command.jobId === job.id)} />
            ))}
        </section>
      ))}
    </div>
  );
}

function JobCard({ job, pending }: { job: JobRecord; pending: { kind: 'start' | 'report' | 'complete' }[] }) {
  const { t } = useTranslation();
  const { server } = job;
  const status = localStatus(server.status, pending);
  return (
    <a className="card job-card" href={`#/intervention/${job.id}`}>
      <div className="job-card-top">
        <span>
          {server.scheduledStart && time.format(new Date(server.scheduledStart))} · {server.number}
        </span>
        <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>
      </div>
      <strong>{server.title}</strong>
      <span>
        {server.customer.name} — {server.site.address.city}
      </span>
      {pending.length > 0 && <span className="badge pending">{t('day.pendingBadge')}</span>}
      {job.problem && <span className="badge problem">{t('day.problemBadge')}</span>}
    </a>
  );
}
