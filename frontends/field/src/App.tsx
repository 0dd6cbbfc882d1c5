import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSession, saveSession, type Session } from './api/session';
import { DayList } from './components/DayList';
import { JobPage } from './components/JobPage';
import { LoginPage } from './components/LoginPage';
import { SyncBar } from './components/SyncBar';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useSync } from './sync/use-sync';

const jobRoute = /^#\/intervention\/(.+)$/;

function useHash() {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** The technician's app: sign-in once, then the days on the phone, one job, and the sync status always on top. */
export function App() {
  const [session, setSession] = useState<Session | null>(readSession);
  if (!session) return <LoginPage onSignedIn={setSession} />;
  return (
    <SignedIn
      session={session}
      onSignOut={() => {
        saveSession(null);
        setSession(null);
      }}
    />
  );
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useTranslation();
  const sync = useSync();
  const jobId = jobRoute.exec(useHash())?.[1];
  return (
    <>
      <header className="top">
        <div className="top-line">
          <strong>{t('appTitle')}</strong>
          <span className="muted">{session.user.fullName}</span>
          <button type="button" className="link" onClick={onSignOut}>
            {t('login.signOut')}
          </button>
        </div>
        <SyncBar sync={sync} />
      </header>
      <UpdatePrompt />
      <main>{jobId ? <JobPage jobId={decodeURIComponent(jobId)} onSync={() => void sync.run()} /> : <DayList />}</main>
    </>
  );
}
