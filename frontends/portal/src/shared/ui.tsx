import { Alert, Anchor, Badge, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../api/client';
import type { Refusal } from '../api/refusal';
import { useLinkProps } from '../routing/router';
import type { PortalRoute } from '../routing/routes';
import type { StatusBadge as Status } from './statuses';

/** The portal's translations. */
export const usePortalTranslation = () => useTranslation('portal');

/**
 * What a user reads for a refusal: the portal's text for the codes it knows, else the server's message,
 * which is French (in English, the generic text rather than a French sentence).
 */
export function useRefusalText(): (refusal: Refusal) => string {
  const { t, i18n } = usePortalTranslation();
  return (refusal) => {
    const key = `errors.${refusal.code}`;
    if (i18n.exists(key, { ns: 'portal' })) return t(key);
    return (i18n.resolvedLanguage === 'fr' && refusal.message) || t('errors.generic');
  };
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = usePortalTranslation();
  return (
    <Badge color={status.color} variant="light">
      {t(status.label)}
    </Badge>
  );
}

export function PageTitle({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      {subtitle && <Text c="dimmed">{subtitle}</Text>}
      {children}
    </Stack>
  );
}

export function BackLink({ to, children }: { to: Exclude<PortalRoute, { name: 'notFound' }>; children: ReactNode }) {
  return (
    <Anchor {...useLinkProps(to)} size="sm" display="inline-block" mb="xs">
      ← {children}
    </Anchor>
  );
}

export function Loading() {
  const { t } = usePortalTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('state.loading')}>
      <Loader />
    </Center>
  );
}

/** A query's loading, failure (with a retry) or data. */
export function QueryView<T>({ query, children }: { query: QueryState<T> & { reload: () => void }; children: (data: T) => ReactNode }) {
  const { t } = usePortalTranslation();
  const refusalText = useRefusalText();
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed')
    return (
      <Alert color="red" title={t('state.error')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{refusalText(query.refusal)}</Text>
          <Button size="xs" variant="light" color="red" onClick={query.reload}>
            {t('state.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  return <>{children(query.data)}</>;
}
