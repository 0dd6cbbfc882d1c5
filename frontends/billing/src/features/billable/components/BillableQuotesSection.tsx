import { Box, Button, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { QuoteNumber } from '../../quotes/components/QuoteNumber';
import { useBillableQuotes } from '../../quotes/hooks/use-quote';

/** Accepted quotes with something left to bill, each opening its billing panel; nothing when there are none. */
export function BillableQuotesSection() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { quotes } = useBillableQuotes();
  if (quotes.length === 0) return null;
  return (
    <Box mb="md">
      <SectionCard title={t('quotes.billable.title')}>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={6} data-testid="billable-quotes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.column.number')}</Table.Th>
                <Table.Th>{t('quotes.column.customer')}</Table.Th>
                <Table.Th>{t('quotes.column.title')}</Table.Th>
                <Table.Th ta="right">{t('quotes.column.totalNet')}</Table.Th>
                <Table.Th ta="right">{t('quotes.billing.billedNet')}</Table.Th>
                <Table.Th ta="right">{t('quotes.billing.remainingNet')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quotes.map(({ quote, billedNet, remainingNet }) => (
                <Table.Tr key={quote.id}>
                  <Table.Td>
                    <QuoteNumber quote={quote} />
                  </Table.Td>
                  <Table.Td>{quote.customer.name}</Table.Td>
                  <Table.Td>
                    {quote.title}
                    {quote.acceptedAt && (
                      <Text size="xs" c="dimmed">
                        {t('quotes.billable.acceptedOn', { date: format.date(quote.acceptedAt) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.money(quote.totalNet, quote.currency)}</Table.Td>
                  <Table.Td ta="right">{format.money(billedNet, quote.currency)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {format.money(remainingNet, quote.currency)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      component={Link}
                      to={billingPaths.quoteBilling(quote.id)}
                      size="xs"
                      variant="light"
                      aria-label={`${t('quotes.billable.open')} ${quote.number ?? ''}`}
                    >
                      {t('quotes.billable.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionCard>
    </Box>
  );
}
