import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sessionNamespace } from '../i18n/register';
import { useSession } from '../use-session';
import { homePathOf } from './permissions';

function StatusPage({ kind }: { kind: 'notFound' | 'accessDenied' }) {
  const { t } = useTranslation(sessionNamespace);
  const permissions = useSession()?.user.permissions ?? [];
  return (
    <Stack align="flex-start" gap="sm" py="xl" data-testid={kind === 'notFound' ? 'not-found' : 'access-denied'}>
      <Title order={1}>{t(`${kind}.title`)}</Title>
      <Text>{t(`${kind}.text`)}</Text>
      {/* A plain link: the home may belong to another app of the back-office. */}
      <Button component={Link} to={homePathOf(permissions)} reloadDocument variant="light">
        {t('status.home')}
      </Button>
    </Stack>
  );
}

/** An address no page answers (a mistyped or outdated link). */
export const NotFoundPage = () => <StatusPage kind="notFound" />;

/** A page the user's role may not open. */
export const AccessDeniedPage = () => <StatusPage kind="accessDenied" />;
