import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { usePortalQuery } from '../api/client';
import { PortalQuotesDocument, type PortalQuotesQuery } from '../gql/graphql';
import { useLinkProps } from '../routing/router';
import { quoteStatusBadge } from '../shared/statuses';
import { PageTitle, QueryView, StatusBadge, usePortalTranslation } from '../shared/ui';

type Quote = PortalQuotesQuery['portalQuotes'][number];

function QuoteRow({ quote }: { quote: Quote }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={quote.number}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor {...useLinkProps({ name: 'quote', id: quote.id })} fw={600}>
            {t('quotes.number', { number: quote.number })}
          </Anchor>
          {quote.subject && <Text size="sm">{quote.subject}</Text>}
          <Text size="sm" c="dimmed">
            {[
              quote.issuedOn && t('quotes.issuedOn', { date: format.date(quote.issuedOn) }),
              quote.canDecide && quote.validUntil && t('quotes.validUntil', { date: format.date(quote.validUntil) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <StatusBadge status={quoteStatusBadge(quote.status)} />
          <Text fw={600}>{format.money(quote.totalInclTax)}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** Devis: every quote sent to the customer, those awaiting a decision first as the API orders them. */
export default function QuotesPage() {
  const { t } = usePortalTranslation();
  const quotes = usePortalQuery(PortalQuotesDocument, {});
  return (
    <>
      <PageTitle title={t('quotes.title')} subtitle={t('quotes.subtitle')} />
      <QueryView query={quotes}>
        {({ portalQuotes }) =>
          portalQuotes.length === 0 ? (
            <Text c="dimmed">{t('quotes.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {portalQuotes.map((quote) => (
                <QuoteRow key={quote.id} quote={quote} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}
