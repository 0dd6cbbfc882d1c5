import { Anchor, Box, Button, Container, Group, Image, Text } from '@mantine/core';
import { LanguageSwitch } from '@relais/ui';
import type { ReactNode } from 'react';
import type { PortalCompanyQuery } from '../gql/graphql';
import { useLinkProps, useRouter } from '../routing/router';
import type { PortalRoute } from '../routing/routes';
import { usePortalTranslation } from '../shared/ui';
import classes from './PortalLayout.module.css';

type Company = NonNullable<PortalCompanyQuery['portalCompany']>;

/** The company's logo and name, on the sign-in page and above every screen. */
export function CompanyBrand({ company }: { company: Company }) {
  return (
    <Group gap="sm" wrap="nowrap" className={classes.brand}>
      {company.logoUrl && <Image src={company.logoUrl} alt="" h={36} w="auto" fit="contain" />}
      <Text fw={700} size="lg" lineClamp={2} lh={1.2}>
        {company.name}
      </Text>
    </Group>
  );
}

const sections = ['home', 'sites', 'requests', 'quotes', 'invoices'] as const;

/** Which section a screen belongs to, for the navigation's current item. */
const sectionOf = (route: PortalRoute): (typeof sections)[number] | null => {
  switch (route.name) {
    case 'home':
      return 'home';
    case 'sites':
    case 'equipment':
      return 'sites';
    case 'requests':
    case 'newRequest':
      return 'requests';
    case 'quotes':
    case 'quote':
      return 'quotes';
    case 'invoices':
      return 'invoices';
    default:
      return null;
  }
};

function NavItem({ section, current }: { section: (typeof sections)[number]; current: boolean }) {
  const { t } = usePortalTranslation();
  return (
    <Anchor
      {...useLinkProps({ name: section })}
      className={classes.navItem}
      data-current={current || undefined}
      aria-current={current ? 'page' : undefined}
      underline="never"
    >
      {t(`nav.${section}`)}
    </Anchor>
  );
}

/** Header (company, customer, sign-out), the five sections, then the screen. */
export function PortalLayout({
  company,
  customerName,
  onSignOut,
  children,
}: {
  company: Company;
  customerName: string | null;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const { t } = usePortalTranslation();
  const { route } = useRouter();
  const current = sectionOf(route);
  return (
    <>
      <Box component="header" className={classes.header}>
        <Container size="md" className={classes.headerInner}>
          <CompanyBrand company={company} />
          <Group gap="xs" wrap="nowrap" className={classes.account}>
            {customerName && (
              <Text size="sm" c="dimmed" truncate className={classes.customer}>
                {customerName}
              </Text>
            )}
            <Button variant="subtle" size="compact-sm" onClick={onSignOut}>
              {t('signIn.signOut')}
            </Button>
          </Group>
        </Container>
        <Container size="md" component="nav" aria-label={t('nav.label')} className={classes.nav}>
          {sections.map((section) => (
            <NavItem key={section} section={section} current={section === current} />
          ))}
        </Container>
      </Box>
      <Container size="md" component="main" py="lg">
        {children}
      </Container>
      <Container size="md" component="footer" pb="xl">
        <LanguageSwitch />
      </Container>
    </>
  );
}
