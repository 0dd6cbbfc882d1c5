import { useApolloClient } from '@apollo/client/react';
import { useCallback, useSyncExternalStore } from 'react';
import { sessionStore, type Session } from './session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Forgets the session and everything cached for it. */
export function useSignOut(): () => void {
  const client = useApolloClient();
  return useCallback(() => {
    sessionStore.signOut();
    void client.clearStore();
  }, [client]);
}
