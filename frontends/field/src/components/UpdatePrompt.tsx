import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';
import { db } from '../store/db';
import { useLive } from '../store/use-live';

/**
 * Registers the service worker; when a new version is installed and waiting, offers to switch to it.
 * Nothing reloads unless the technician asks here: not when the new version takes over from another
 * tab, never under a report being typed. The queue and the reports being typed are in IndexedDB, so
 * the reload onto the new version keeps them (the prompt says so when there are some).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);
  const requested = useRef(false);
  /** The new version took over from another tab: this page still runs the old one until it reloads. */
  const takenOver = useRef(false);
  const pending = useLive(() => db.commands.count(), []) ?? 0;
  const editing = (useLive(() => db.drafts.count(), []) ?? 0) > 0;
  useEffect(() => {
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => setUpdate(() => () => updateSW(false)),
      // The new version controls the page: reload onto it only when this page asked for it.
      onNeedReload: () => {
        if (requested.current) window.location.reload();
        else takenOver.current = true;
      },
      // A phone kept open all day looks for a new version every hour.
      onRegisteredSW: (_url, registration) => {
        if (registration) window.setInterval(() => void registration.update(), 60 * 60 * 1000);
      },
    });
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt" role="alert" aria-label={t('update.available')}>
      <div>
        <strong>{t('update.available')}</strong>
        {(pending > 0 || editing) && (
          <p className="update-kept">{editing ? t('update.keptWithDraft', { count: pending }) : t('update.kept', { count: pending })}</p>
        )}
      </div>
      <button
        type="button"
        className="primary"
        onClick={() => {
          requested.current = true;
          if (takenOver.current) window.location.reload();
          else void update();
        }}
      >
        {t('update.reload')}
      </button>
    </div>
  );
}
