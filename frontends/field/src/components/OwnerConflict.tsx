import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceOwner } from '../store/db';

/**
 * Another technician signed in while the phone still holds the previous owner's unsent work: nothing of
 * theirs is shown, nothing is dropped unless the new user confirms; the usual way out is for the
 * previous owner to sign in again and send it.
 */
export function OwnerConflict(props: {
  previous: DeviceOwner;
  unsent: number;
  onSignInAsPrevious: () => void;
  onAbandon: () => void;
  onSignOut: () => void;
}) {
  const { previous, unsent } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card owner-conflict" role="alert" aria-label={t('owner.title')}>
      <h1>{t('owner.title')}</h1>
      <p>{t('owner.explain', { name: previous.fullName, count: unsent })}</p>
      <button type="button" className="primary big" onClick={props.onSignInAsPrevious}>
        {t('owner.signInAsPrevious', { name: previous.fullName })}
      </button>
      {confirming ? (
        <div className="confirm">
          <p className="error">{t('owner.confirmText', { name: previous.fullName, count: unsent })}</p>
          <button type="button" className="danger" onClick={props.onAbandon}>
            {t('owner.confirm', { count: unsent })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('owner.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('owner.abandon', { count: unsent })}
        </button>
      )}
      <button type="button" className="link" onClick={props.onSignOut}>
        {t('login.signOut')}
      </button>
    </section>
  );
}
