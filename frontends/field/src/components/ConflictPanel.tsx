import { useTranslation } from 'react-i18next';
import { dateTime, time } from '../i18n/setup';
import type { FieldJob, JobRecord, QueuedCommand } from '../store/db';
import { commandsToResend, localStatus } from '../sync/queue-rules';
import { discardLocalWork, resendOnServerVersion, synchronise } from '../sync/sync-engine';

/** A refused command (the office moved or cancelled the job meanwhile): both versions side by side, the technician decides. */
export function ConflictPanel({ job, commands }: { job: JobRecord; commands: QueuedCommand[] }) {
  const { t } = useTranslation();
  const problem = job.problem!;
  const mine = job.base ?? job.server;
  const office = problem.server;
  const canResend = office !== null && commandsToResend(office.status, commands) !== null;
  return (
    <section className="card conflict" role="alert" aria-label={t('conflict.title')}>
      <h2>{t('conflict.title')}</h2>
      <p>{t('conflict.refused', { code: problem.code })}</p>
      <div className="versions">
        <div data-testid="version-mine">
          <h3>{t('conflict.yours', { version: mine.version })}</h3>
          <VersionFacts job={mine} status={localStatus(mine.status, commands)} />
          <p>{t('conflict.pending', { actions: commands.map((command) => t(`conflict.actions.${command.kind}`)).join(', ') })}</p>
        </div>
        <div data-testid="version-office">
          {office ? (
            <>
              <h3>{t('conflict.office', { version: office.version })}</h3>
              <VersionFacts job={office} status={office.status} />
              {office.cancelReason && <p>{t('conflict.cancelReason', { reason: office.cancelReason })}</p>}
            </>
          ) : (
            <p>{t('conflict.officeUnknown')}</p>
          )}
        </div>
      </div>
      {canResend ? (
        <button type="button" className="primary" onClick={() => void resendOnServerVersion(job.id).then(() => synchronise())}>
          {t('conflict.resend')}
        </button>
      ) : (
        <p className="muted">{t('conflict.cannotResend')}</p>
      )}
      <button type="button" className="danger" onClick={() => void discardLocalWork(job.id)}>
        {t('conflict.discard')}
      </button>
    </section>
  );
}

function VersionFacts({ job, status }: { job: FieldJob; status: string }) {
  const { t } = useTranslation();
  const slot =
    job.scheduledStart && job.scheduledEnd
      ? `${dateTime.format(new Date(job.scheduledStart))} – ${time.format(new Date(job.scheduledEnd))}`
      : '—';
  return (
    <>
      <p>{t('conflict.status', { status: t(`status.${status}`) })}</p>
      <p>{t('conflict.slot', { slot })}</p>
    </>
  );
}
