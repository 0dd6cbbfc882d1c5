import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { usePortalQuery } from '../api/client';
import { PortalHomeDocument } from '../gql/graphql';
import { useLinkProps } from '../routing/router';
import type { PortalRoute } from '../routing/routes';
import { PageTitle, QueryView, usePortalTranslation } from '../shared/ui';
import { attentionOf } from './attention';

type Target = Exclude<PortalRoute, { name: 'notFound' }>;

function AttentionItem({ text, to }: { text: string; to: Target }) {
  const { t } = usePortalTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text fw={500}>{text}</Text>
      <Anchor {...useLinkProps(to)} size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('home.see')}
      </Anchor>
    </Group>
  );
}

function SectionTile({ to, label }: { to: Target; label: string }) {
  return (
    <Paper component="a" {...useLinkProps(to)} withBorder p="md" radius="md" style={{ textDecoration: 'none', color: 'inherit' }}>
      <Text fw={600}>{label}</Text>
    </Paper>
  );
}

/** « Mon espace »: who is signed in, what waits for them, and the four sections. */
export default function HomePage({ viewer }: { viewer: { contactName?: string | null; customerName: string } | null }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const home = usePortalQuery(PortalHomeDocument, {});
  const breakdown = useLinkProps({ name: 'newRequest' });
  return (
    <>
      <PageTitle title={viewer?.customerName ?? t('home.title')}>
        {viewer?.contactName && <Text c="dimmed">{t('home.welcome', { name: viewer.contactName })}</Text>}
      </PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('home.attention')}
          </Title>
          <QueryView query={home}>
            {(data) => {
              const attention = attentionOf(data);
              const items = [
                attention.quotesToDecide > 0 && (
                  <AttentionItem
                    key="quotes"
                    to={{ name: 'quotes' }}
                    text={t('home.quotesToDecide', { count: attention.quotesToDecide })}
                  />
                ),
                attention.invoicesToPay > 0 && (
                  <AttentionItem
                    key="invoices"
                    to={{ name: 'invoices' }}
                    text={t('home.invoicesToPay', { count: attention.invoicesToPay, amount: format.money(attention.totalDue) })}
                  />
                ),
                attention.openRequests > 0 && (
                  <AttentionItem
                    key="requests"
                    to={{ name: 'requests' }}
                    text={t('home.openRequests', { count: attention.openRequests })}
                  />
                ),
              ].filter(Boolean);
              return items.length > 0 ? <Stack gap="sm">{items}</Stack> : <Text c="dimmed">{t('home.nothing')}</Text>;
            }}
          </QueryView>
        </Paper>
        <Button component="a" {...breakdown} size="md" w={{ base: '100%', sm: 'auto' }} style={{ alignSelf: 'flex-start' }}>
          {t('home.reportBreakdown')}
        </Button>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <SectionTile to={{ name: 'sites' }} label={t('nav.sites')} />
          <SectionTile to={{ name: 'requests' }} label={t('nav.requests')} />
          <SectionTile to={{ name: 'quotes' }} label={t('nav.quotes')} />
          <SectionTile to={{ name: 'invoices' }} label={t('nav.invoices')} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
