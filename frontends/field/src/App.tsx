import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSession, saveSession, sessionStorageKey, type Session } from './api/session';
import { DayList } from './components/DayList';
import { JobPage } from './components/JobPage';
import { LoginPage } from './components/LoginPage';
import { OwnerConflict } from './components/OwnerConflict';
import { SyncBar } from './components/SyncBar';
import { UpdatePrompt } from './components/UpdatePrompt';
import { abandonPreviousOwnerWork, settleOwner, type OwnerCheck } from './store/device-owner';
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

/** A new owner starts on their day, not on the page the previous one left open. */
function openDayList() {
  history.replaceState(null, '', location.pathname + location.search);
}

/** Who the sign-in page asks for, and why (an expired session, the previous owner's unsent work). */
interface SignInRequest {
  email: string;
  notice: string;
}

type SignOut = (request?: SignInRequest) => void;

/** The technician's app: sign-in once, then the days on the phone, one job, and the sync status always on top. */
export function App() {
  const [session, setSession] = useState<Session | null>(readSession);
  const [request, setRequest] = useState<SignInRequest | null>(null);
  // Same origin, same session as the back-office: a sign-in or sign-out there applies here at once.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === sessionStorageKey || event.key === null) setSession(readSession());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const signOut: SignOut = (next) => {
    saveSession(null);
    setSession(null);
    setRequest(next ?? null);
  };
  if (!session)
    return (
      <LoginPage
        key={request?.email ?? ''}
        email={request?.email}
        notice={request?.notice}
        onSignedIn={(signedIn) => {
          setRequest(null);
          setSession(signedIn);
        }}
      />
    );
  return <DeviceOwnerGate key={session.user.id} session={session} signOut={signOut} onSessionChanged={() => setSession(readSession())} />;
}

/**
 * Nothing of the device is shown before it is settled whose data it holds: the owner's own, a new
 * phone, another technician's with nothing left to send (cleared), or another technician's unsent
 * work (the signed-in user decides; nothing of it is shown).
 */
function DeviceOwnerGate(props: { session: Session; signOut: SignOut; onSessionChanged: () => void }) {
  const { session, signOut } = props;
  const { t } = useTranslation();
  const [check, setCheck] = useState<OwnerCheck | null>(null);
  useEffect(() => {
    void settleOwner(session.user).then((settled) => {
      if (settled.decision === 'clear') openDayList();
      setCheck(settled);
    });
  }, [session]);
  if (!check) return null;
  const { previous, unsent } = check;
  if (check.decision === 'othersWork' && previous)
    return (
      <main>
        <OwnerConflict
          previous={previous}
          unsent={unsent}
          onSignInAsPrevious={() =>
            signOut({ email: previous.email, notice: t('owner.signInNotice', { name: previous.fullName, count: unsent }) })
          }
          onAbandon={() =>
            void abandonPreviousOwnerWork(session.user).then(() => {
              openDayList();
              setCheck({ decision: 'keep', previous: null, unsent: 0 });
            })
          }
          onSignOut={() => signOut()}
        />
      </main>
    );
  return <SignedIn session={session} signOut={signOut} onSessionChanged={props.onSessionChanged} />;
}

function SignedIn({ session, signOut, onSessionChanged }: { session: Session; signOut: SignOut; onSessionChanged: () => void }) {
  const { t } = useTranslation();
  const sync = useSync();
  const jobId = jobRoute.exec(useHash())?.[1];
  // The session changed under the app (another user signed in elsewhere): settle the device's owner again.
  useEffect(() => {
    if (sync.otherUser) onSessionChanged();
  }, [sync.otherUser]);
  return (
    <>
      <header className="top">
        <div className="top-line">
          <strong>{t('appTitle')}</strong>
          <span className="muted">{session.user.fullName}</span>
          <button type="button" className="link" onClick={() => signOut()}>
            {t('login.signOut')}
          </button>
        </div>
        <SyncBar
          sync={sync}
          onSignInAgain={() => signOut({ email: session.user.email, notice: t('login.expired', { count: sync.pending }) })}
        />
        <UpdatePrompt />
      </header>
      <main>{jobId ? <JobPage jobId={decodeURIComponent(jobId)} onSync={() => void sync.run()} /> : <DayList />}</main>
    </>
  );
}
