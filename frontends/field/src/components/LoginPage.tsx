import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphqlRequest } from '../api/graphql-request';
import { saveSession, type Session } from '../api/session';
import { FieldLoginDocument } from '../gql/graphql';

/** Sign-in on the phone (the first time needs the network); the session is the back-office's. */
export function LoginPage({
  onSignedIn,
  email,
  notice,
}: {
  onSignedIn: (session: Session) => void;
  /** Filled in when the app asks a given user to sign in again (expired session, previous owner's work). */
  email?: string;
  notice?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const outcome = await graphqlRequest(FieldLoginDocument, { email: String(data.get('email')), password: String(data.get('password')) });
    setBusy(false);
    if (outcome.kind === 'ok') {
      saveSession(outcome.data.login);
      onSignedIn(outcome.data.login);
    } else setError(outcome.kind === 'offline' ? t('login.offline') : t('login.failed'));
  }
  return (
    <form className="card login" onSubmit={(event) => void submit(event)}>
      <h1>{t('login.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('login.email')}
        <input name="email" type="email" autoComplete="username" defaultValue={email} required />
      </label>
      <label>
        {t('login.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
