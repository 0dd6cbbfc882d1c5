import { isSignedIn } from '@relais/session/sign-in';
import './sign-in.css';
import { showSignInPage } from './sign-in-page';
import { startShell } from './start-shell';

/** Addresses the shell opens without a session: the password page an invitation mail links to. */
const openWithoutSession = ['/definir-mot-de-passe'];

// The page every back-office address answers. Signed in, it starts the shell at once; otherwise it
// shows the sign-in form, then starts the shell at the same address, which the shell's routes open.
if (isSignedIn() || openWithoutSession.includes(location.pathname)) startShell();
else showSignInPage(document.getElementById('root')!, startShell);
