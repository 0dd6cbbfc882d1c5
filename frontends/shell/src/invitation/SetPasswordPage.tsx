import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { ActionError, graphQLErrorCodes, sessionStore, useAction, useLogin } from '@relais/session';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { shellNamespace } from '../i18n/register';
import { useFieldMessages } from '../admin/use-field-messages';
import { useInvitation } from './use-invitation';

/** The codes after which the link is of no more use: the page shows why instead of the form. */
const UNUSABLE_LINK = ['INVALID_INVITATION', 'INVITATION_EXPIRED'];

function Frame({ children }: { children: ReactNode }) {
  const { t } = useTranslation(shellNamespace);
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper w={420} p="xl" radius="md" withBorder>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('invitation.title')}
            </Title>
            <Text c="dimmed">{t('invitation.subtitle')}</Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/**
 * The page an invitation mail links to (`/definir-mot-de-passe?jeton=…`), open without a session:
 * the invited user chooses a password, then is signed in and sent to their home.
 */
export function SetPasswordPage() {
  const { t } = useTranslation(shellNamespace);
  const token = useSearchParams()[0].get('jeton') ?? '';
  const invitation = useInvitation(token);
  const { submit: signIn } = useLogin();
  const navigate = useNavigate();
  const action = useAction();
  const fields = useFieldMessages(action.error);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  if (!token)
    return (
      <Frame>
        <Alert color="red" role="alert">
          {t('invitation.missingToken')}
        </Alert>
      </Frame>
    );
  const refusal = invitation.error ?? action.error;
  if (refusal && UNUSABLE_LINK.some((code) => graphQLErrorCodes(refusal).includes(code)))
    return (
      <Frame>
        <Text fw={500}>{t('invitation.linkUnusable')}</Text>
        <ActionError error={refusal} />
      </Frame>
    );
  if (done)
    return (
      <Frame>
        <Alert color="green" role="status">
          {t('invitation.done')}
        </Alert>
        <Anchor href="/">{t('invitation.toLogin')}</Anchor>
      </Frame>
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    void action.run(async () => {
      await invitation.accept(password);
      if (invitation.email) await signIn({ email: invitation.email, password });
      if (sessionStore.get()?.user.email === invitation.email) void navigate('/', { replace: true });
      else setDone(true);
    });
  };

  return (
    <Frame>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {invitation.email && <Text>{t('invitation.account', { email: invitation.email })}</Text>}
          <PasswordInput
            label={t('invitation.password')}
            description={t('invitation.passwordRules')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password}
          />
          <PasswordInput
            label={t('invitation.confirmation')}
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={mismatch ? t('invitation.mismatch') : undefined}
          />
          {action.error !== null && !fields.password && <ActionError error={action.error} />}
          <Button type="submit" loading={invitation.accepting}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </Frame>
  );
}
