import { Alert, Button, Container, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { send } from '../api/client';
import { RefusalError, type Refusal } from '../api/refusal';
import { PortalSignInDocument, type PortalCompanyQuery } from '../gql/graphql';
import { CompanyBrand } from '../layout/PortalLayout';
import { useRouter } from '../routing/router';
import type { PortalSession } from '../session/portal-session';
import { Loading, usePortalTranslation, useRefusalText } from '../shared/ui';

type Company = NonNullable<PortalCompanyQuery['portalCompany']>;

/** One exchange per token, even if the page mounts twice (a link is valid once). */
const exchanges = new Map<string, Promise<PortalSession>>();

function exchange(token: string): Promise<PortalSession> {
  let pending = exchanges.get(token);
  if (!pending) {
    pending = send(PortalSignInDocument, { token }, null).then((data) => data.signInWithPortalLink);
    exchanges.set(token, pending);
  }
  return pending;
}

/**
 * `/portail/<slug>/connexion#<token>`: the token (after the #, so it never reaches a server log) is
 * exchanged for a portal session, then the address loses it and the customer lands home.
 */
export function LinkSignIn({ company, onSignedIn }: { company: Company; onSignedIn: (session: PortalSession) => void }) {
  const { t } = usePortalTranslation();
  const refusalText = useRefusalText();
  const { navigate } = useRouter();
  const [token] = useState(() => decodeURIComponent(location.hash.slice(1)));
  const [refusal, setRefusal] = useState<Refusal | null>(token ? null : { code: 'PORTAL_LINK_INVALID', message: '', fields: {} });

  useEffect(() => {
    if (!token) return;
    // The token leaves the address bar (and the history) at once.
    history.replaceState(null, '', location.pathname);
    let current = true;
    exchange(token).then(
      (session) => current && onSignedIn(session),
      (error: unknown) => {
        if (current) setRefusal(error instanceof RefusalError ? error.refusal : { code: 'generic', message: '', fields: {} });
      },
    );
    return () => {
      current = false;
    };
  }, [token, onSignedIn]);

  return (
    <Container size={440} py="xl">
      <Stack gap="lg">
        <CompanyBrand company={company} />
        <Paper withBorder p="lg" radius="md">
          {refusal ? (
            <Stack gap="md" align="flex-start">
              <Alert color="red" role="alert" w="100%">
                {refusal.code === 'PORTAL_LINK_INVALID' ? t('signIn.linkInvalid') : refusalText(refusal)}
              </Alert>
              <Button onClick={() => navigate({ name: 'home' }, { replace: true })}>{t('signIn.askNewLink')}</Button>
            </Stack>
          ) : (
            <Stack gap="xs" align="center">
              <Loading />
              <Text size="sm">{t('signIn.checking')}</Text>
            </Stack>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
