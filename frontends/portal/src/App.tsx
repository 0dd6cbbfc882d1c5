import { Alert, Anchor, Container, MantineProvider, mergeThemeOverrides, type MantineColorsTuple } from '@mantine/core';
import { i18n, relaisTheme } from '@relais/ui';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { PortalClientProvider, send, usePortalQuery } from './api/client';
import { brandPalette } from './branding/brand-palette';
import { PortalCompanyDocument, PortalViewerDocument, type PortalCompanyQuery } from './gql/graphql';
import { PortalLayout } from './layout/PortalLayout';
import { PortalRouter, useLinkProps, useRouter } from './routing/router';
import type { PortalRoute } from './routing/routes';
import { readPortalSession, savePortalSession, type PortalSession } from './session/portal-session';
import { Loading, usePortalTranslation } from './shared/ui';
import { LinkSignIn } from './sign-in/LinkSignIn';
import { SignInPage, type SignInNotice } from './sign-in/SignInPage';

// Each section's screens load when first opened: the sign-in page carries only what it needs.
const HomePage = lazy(() => import('./home/HomePage'));
const SitesPage = lazy(() => import('./equipment/SitesPage'));
const EquipmentPage = lazy(() => import('./equipment/EquipmentPage'));
const RequestsPage = lazy(() => import('./requests/RequestsPage'));
const BreakdownPage = lazy(() => import('./requests/BreakdownPage'));
const QuotesPage = lazy(() => import('./quotes/QuotesPage'));
const QuotePage = lazy(() => import('./quotes/QuotePage'));
const InvoicesPage = lazy(() => import('./invoices/InvoicesPage'));

type Company = NonNullable<PortalCompanyQuery['portalCompany']>;

/** Relais's theme in the company's colour (docs/portal.md: the portal wears the maintenance company's colours). */
function useBrandTheme(primaryColor: string | null | undefined) {
  return useMemo(() => {
    const palette = brandPalette(primaryColor);
    if (!palette) return relaisTheme;
    return mergeThemeOverrides(relaisTheme, {
      colors: { brand: palette as unknown as MantineColorsTuple },
      primaryColor: 'brand',
      primaryShade: 8,
    });
  }, [primaryColor]);
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <PortalRouter>{(slug, route) => (slug ? <TenantPortal key={slug} slug={slug} route={route} /> : <NoPortal />)}</PortalRouter>
    </I18nextProvider>
  );
}

function NoPortal() {
  const { t } = usePortalTranslation();
  return (
    <MantineProvider theme={relaisTheme}>
      <Container size={440} py="xl">
        <Alert color="orange">{t('signIn.unknownCompany')}</Alert>
      </Container>
    </MantineProvider>
  );
}

/** The company (anonymous, for its name and colours), then the sign-in pages or the signed-in portal. */
function TenantPortal({ slug, route }: { slug: string; route: PortalRoute }) {
  const [company, setCompany] = useState<Company | null | 'loading'>('loading');
  useEffect(() => {
    send(PortalCompanyDocument, { tenant: slug }, null).then(
      (data) => setCompany(data.portalCompany ?? null),
      () => setCompany(null),
    );
  }, [slug]);
  const theme = useBrandTheme(company !== 'loading' ? company?.primaryColor : null);
  useEffect(() => {
    if (company && company !== 'loading') document.title = company.name;
  }, [company]);
  return (
    <MantineProvider theme={theme}>
      {company === 'loading' ? <Loading /> : company === null ? <NoPortal /> : <Portal slug={slug} route={route} company={company} />}
    </MantineProvider>
  );
}

function Portal({ slug, route, company }: { slug: string; route: PortalRoute; company: Company }) {
  const { navigate } = useRouter();
  const [session, setSession] = useState<PortalSession | null>(() => readPortalSession(slug));
  const [notice, setNotice] = useState<SignInNotice>(null);

  const signedIn = useCallback(
    (next: PortalSession) => {
      savePortalSession(slug, next);
      setSession(next);
      setNotice(null);
      navigate({ name: 'home' }, { replace: true });
    },
    [slug, navigate],
  );
  const end = useCallback(
    (reason: SignInNotice) => {
      savePortalSession(slug, null);
      setSession(null);
      setNotice(reason);
      navigate({ name: 'home' }, { replace: true });
    },
    [slug, navigate],
  );
  const sessionEnded = useCallback((code: string) => end(code === 'PORTAL_ACCESS_REVOKED' ? 'accessRevoked' : 'sessionEnded'), [end]);

  if (route.name === 'signInLink') return <LinkSignIn company={company} onSignedIn={signedIn} />;
  if (!session) return <SignInPage company={company} notice={notice} />;
  return (
    <PortalClientProvider token={session.token} onSessionEnded={sessionEnded}>
      <SignedIn company={company} route={route} onSignOut={() => end(null)} />
    </PortalClientProvider>
  );
}

function SignedIn({ company, route, onSignOut }: { company: Company; route: PortalRoute; onSignOut: () => void }) {
  const viewer = usePortalQuery(PortalViewerDocument, {});
  const customerName = viewer.status === 'done' ? viewer.data.portalViewer.customerName : null;
  return (
    <PortalLayout company={company} customerName={customerName} onSignOut={onSignOut}>
      <Suspense fallback={<Loading />}>
        <Screen route={route} viewer={viewer.status === 'done' ? viewer.data.portalViewer : null} />
      </Suspense>
    </PortalLayout>
  );
}

type Viewer = { contactName?: string | null; customerName: string } | null;

function Screen({ route, viewer }: { route: PortalRoute; viewer: Viewer }) {
  switch (route.name) {
    case 'home':
    case 'signInLink':
      return <HomePage viewer={viewer} />;
    case 'sites':
      return <SitesPage />;
    case 'equipment':
      return <EquipmentPage id={route.id} />;
    case 'requests':
      return <RequestsPage />;
    case 'newRequest':
      return <BreakdownPage />;
    case 'quotes':
      return <QuotesPage />;
    case 'quote':
      return <QuotePage id={route.id} />;
    case 'invoices':
      return <InvoicesPage />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = usePortalTranslation();
  return (
    <Alert color="orange" title={t('state.notFound')}>
      <Anchor {...useLinkProps({ name: 'home' })}>{t('state.backHome')}</Anchor>
    </Alert>
  );
}
