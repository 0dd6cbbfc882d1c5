import type { FieldLoginMutation } from '../gql/graphql';

/** The back-office's session (same origin, same key): a technician signed in there is signed in here. */
export type Session = FieldLoginMutation['login'];

export const sessionStorageKey = 'relais.session';

export function readSession(): Session | null {
  const raw = globalThis.localStorage?.getItem(sessionStorageKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(sessionStorageKey, JSON.stringify(session));
  else localStorage.removeItem(sessionStorageKey);
}
