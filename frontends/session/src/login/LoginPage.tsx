import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionNamespace } from '../i18n/register';
import { useLogin } from './use-login';

export function LoginPage() {
  const { t } = useTranslation(sessionNamespace);
  const { submit, loading, failure } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit({ email, password });
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="form" onSubmit={onSubmit} w={380} p="xl" radius="md" withBorder>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text c="dimmed">{t('login.subtitle')}</Text>
          </div>
          {failure && (
            <Alert color="red" role="alert">
              {t(`errors.${failure}`)}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={loading}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
