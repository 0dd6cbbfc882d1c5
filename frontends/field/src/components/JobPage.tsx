import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime, shortDate, time } from '../i18n/setup';
import { db, metaText, type FieldJob } from '../store/db';
import { useLive } from '../store/use-live';
import { localDraft, localStatus } from '../sync/queue-rules';
import { enqueue } from '../sync/sync-engine';
import { ConflictPanel } from './ConflictPanel';
import { ReportForm } from './ReportForm';

/** One job on the phone: where and what, its equipment's past and contract, "Démarrer", the report. */
export function JobPage({ jobId, onSync }: { jobId: string; onSync: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const data = useLive(
    async () => ({
      job: await db.jobs.get(jobId),
      commands: await db.commands.where('jobId').equals(jobId).sortBy('seq'),
      technicianId: await metaText('technicianId'),
      inProgress: (await db.drafts.get(jobId))?.draft ?? null,
    }),
    [jobId],
  );
  if (!data) return null;
  const { job, commands } = data;
  if (!job) return <p className="card muted">{t('job.notFound')}</p>;
  const server = job.server;
  const status = localStatus(server.status, commands);
  const queued = (message: string) => {
    setNotice(navigator.onLine ? t('job.saved') : message);
    onSync();
  };
  return (
    <div>
      <a href="#/" className="back">
        {t('job.back')}
      </a>
      <h1>{server.title}</h1>
      <p className="muted">
        {server.number}
        {server.scheduledStart &&
          server.scheduledEnd &&
          ` · ${t('job.slot', { start: time.format(new Date(server.scheduledStart)), end: time.format(new Date(server.scheduledEnd)) })}`}{' '}
        <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>
      </p>
      {job.problem && <ConflictPanel job={job} commands={commands} />}
      {notice && !job.problem && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <JobFacts job={server} />
      {!job.problem && status === 'SCHEDULED' && (
        <div className="card">
          <p className="muted">{t('job.notStarted')}</p>
          <button
            type="button"
            className="primary big"
            onClick={() => void enqueue(job.id, { kind: 'start' }).then(() => queued(t('job.savedLocally')))}
          >
            {t('job.start')}
          </button>
        </div>
      )}
      {!job.problem && status === 'IN_PROGRESS' && (
        <ReportForm
          key={commands.length}
          job={server}
          initial={data.inProgress ?? localDraft(server, commands)}
          technicianId={data.technicianId ?? server.technicians[0]?.id ?? ''}
          onSaved={(finished) => queued(finished ? t('job.completedLocally') : t('job.savedLocally'))}
        />
      )}
      {status !== 'SCHEDULED' && status !== 'IN_PROGRESS' && (
        <p className="card muted">{t('job.readOnly', { status: t(`status.${status}`).toLowerCase() })}</p>
      )}
    </div>
  );
}

function JobFacts({ job }: { job: FieldJob }) {
  const { t } = useTranslation();
  const { site, equipment, contract } = job;
  return (
    <div className="card facts">
      <strong>{job.customer.name}</strong>
      {job.customer.phone && (
        <a href={`tel:${job.customer.phone.replace(/\s/g, '')}`} aria-label={`${t('job.call')} ${job.customer.phone}`}>
          {job.customer.phone}
        </a>
      )}
      <address>
        {site.name}
        <br />
        {site.address.line1}
        {site.address.line2 && (
          <>
            <br />
            {site.address.line2}
          </>
        )}
        <br />
        {site.address.postalCode} {site.address.city}
      </address>
      {site.accessNotes && <p className="access">{site.accessNotes}</p>}
      {job.description && <p className="pre">{job.description}</p>}
      {equipment && (
        <section>
          <h3>{t('job.equipment')}</h3>
          <p>
            {equipment.name}
            {[equipment.brand, equipment.model].filter(Boolean).length > 0 &&
              ` — ${[equipment.brand, equipment.model].filter(Boolean).join(' ')}`}
            {equipment.serialNumber && ` — ${equipment.serialNumber}`}
          </p>
          <h3>{t('job.history')}</h3>
          {equipment.history.length === 0 ? (
            <p className="muted">{t('job.noHistory')}</p>
          ) : (
            <ul className="history">
              {equipment.history.map((event, index) => (
                <li key={index}>
                  <small>{dateTime.format(new Date(event.at))}</small> {event.summary}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section>
        <h3>{t('job.contract')}</h3>
        {contract ? (
          <>
            <p>
              {t('job.contractLine', {
                reference: contract.reference,
                title: contract.title,
                endsOn: shortDate.format(new Date(`${contract.endsOn}T00:00:00Z`)),
              })}
            </p>
            {contract.sla
              .filter((target) => target.priority === job.priority)
              .map((target) => (
                <p key={target.priority} className="muted">
                  {t('job.sla', { priority: t(`priority.${target.priority}`), hours: target.responseHours })}
                </p>
              ))}
          </>
        ) : (
          <p className="muted">{t('job.noContract')}</p>
        )}
      </section>
    </div>
  );
}
