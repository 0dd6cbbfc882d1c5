import type { FieldLoginMutation } from '../gql/graphql';

/** The back-office's session (same origin, same key): a technician signed in there is signed in here. */
export type Session = FieldLoginMutation['login'];

const storageKey = 'relais.session';

export function readSession(): Session | null {
  const raw = globalThis.localStorage?.getItem(storageKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(storageKey, JSON.stringify(session));
  else localStorage.removeItem(storageKey);
}
