import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';

/** Registers the service worker; when a new version is installed and waiting, offers to switch to it. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<((reload?: boolean) => Promise<void>) | null>(null);
  useEffect(() => {
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => setUpdate(() => updateSW),
      // A phone kept open all day looks for a new version every hour.
      onRegisteredSW: (_url, registration) => {
        if (registration) window.setInterval(() => void registration.update(), 60 * 60 * 1000);
      },
    });
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>{t('update.available')}</span>
      <button type="button" onClick={() => void update(true)}>
        {t('update.reload')}
      </button>
    </div>
  );
}
