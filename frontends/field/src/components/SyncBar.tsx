import { useTranslation } from 'react-i18next';
import { dateTime } from '../i18n/setup';
import type { SyncState } from '../sync/use-sync';

/** Always on screen: network, what waits to be sent, conflicts, and the last successful synchronisation. */
export function SyncBar({ sync, onSignInAgain }: { sync: SyncState; onSignInAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`sync-bar ${sync.online ? 'is-online' : 'is-offline'}`} role="status" aria-label="Synchronisation">
      <div className="sync-line">
        <strong>{sync.online ? t('sync.online') : t('sync.offline')}</strong>
        <span data-testid="pending-count">{sync.pending > 0 ? t('sync.pending', { count: sync.pending }) : t('sync.upToDate')}</span>
        {sync.problems > 0 && <span className="sync-problems">{t('sync.problems', { count: sync.problems })}</span>}
      </div>
      <div className="sync-line">
        <small>{sync.lastSync ? t('sync.lastSync', { when: dateTime.format(new Date(sync.lastSync)) }) : t('sync.never')}</small>
        <button type="button" className="link" disabled={!sync.online || sync.syncing} onClick={() => void sync.run()}>
          {t('sync.now')}
        </button>
      </div>
      {sync.needsSignIn && (
        <div className="sync-warning" role="alert">
          <p>{t('sync.signIn', { count: sync.pending })}</p>
          <button type="button" className="primary" onClick={onSignInAgain}>
            {t('sync.signInAgain')}
          </button>
        </div>
      )}
    </div>
  );
}
