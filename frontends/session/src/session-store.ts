import type { LoginMutation } from './gql/graphql';

/** What the back-office remembers of a signed-in user (the `login` payload). */
export type Session = LoginMutation['login'];
export type SessionUser = Session['user'];

const storageKey = 'relais.session';

function readStoredSession(): Session | null {
  const raw = globalThis.localStorage?.getItem(storageKey);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    // A session saved before permissions were part of it: sign in again rather than see nothing.
    return Array.isArray(session.user?.permissions) ? session : null;
  } catch {
    return null;
  }
}

let current: Session | null = readStoredSession();
const listeners = new Set<() => void>();

function publish(next: Session | null): void {
  current = next;
  if (next) globalThis.localStorage?.setItem(storageKey, JSON.stringify(next));
  else globalThis.localStorage?.removeItem(storageKey);
  listeners.forEach((listener) => listener());
}

/**
 * The session of the page, persisted in localStorage. This module is shared as a singleton by
 * Module Federation, so the shell and every app read and clear the same session.
 */
export const sessionStore = {
  get: (): Session | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn: (session: Session): void => publish(session),
  signOut: (): void => publish(null),
};
