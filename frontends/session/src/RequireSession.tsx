import type { ReactNode } from 'react';
import { LoginPage } from './login/LoginPage';
import type { Session } from './session-store';
import { useSession } from './use-session';

/** Shows the login page until someone is signed in, then renders for that session. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  return session ? children(session) : <LoginPage />;
}
