import { useCallback, useEffect, useState } from 'react';
import { db, metaText } from '../store/db';
import { useLive } from '../store/use-live';
import { synchronise, type SyncResult } from './sync-engine';

const RETRY_MS = 30_000;

/** The queue's state for the status bar, and synchronisation on start, when the network returns and every 30 s. */
export function useSync() {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<SyncResult | null>(null);
  const pending = useLive(() => db.commands.count(), []) ?? 0;
  const problems = useLive(() => db.jobs.filter((job) => job.problem !== null).count(), []) ?? 0;
  const lastSync = useLive(() => metaText('lastSync'), []) ?? null;

  const run = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      setResult(await synchronise());
    } finally {
      setSyncing(false);
    }
  }, []);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void run();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(() => void run(), RETRY_MS);
    void run();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [run]);

  return { online, syncing, pending, problems, lastSync, needsSignIn: result === 'signIn', otherUser: result === 'otherUser', run };
}

export type SyncState = ReturnType<typeof useSync>;
