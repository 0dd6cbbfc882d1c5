import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { QuoteInvoiceMode } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import type { QuoteDetail } from '../hooks/use-quote';
import { ConvertQuoteModal } from './ConvertQuoteModal';

/** The anchor of billingPaths.quoteBilling. */
const billingPanelId = 'facturation';

const modes: readonly { mode: QuoteInvoiceMode; label: string }[] = [
  { mode: 'FULL', label: 'quotes.billing.full' },
  { mode: 'DEPOSIT', label: 'quotes.billing.deposit' },
  { mode: 'PROGRESS', label: 'quotes.billing.progress' },
  { mode: 'FINAL', label: 'quotes.billing.final' },
];

/**
 * What can still be invoiced: nothing once the quote is fully billed; "in full" only while no
 * invoice (other than fully credited ones) bills it yet — the server refuses it otherwise.
 */
function billableModes(quote: { remainingNet: string; invoices: readonly { status: string }[] }) {
  if (/^0+(\.0+)?$/.test(quote.remainingNet)) return [];
  const billed = quote.invoices.some((invoice) => invoice.status !== 'CREDITED');
  return modes.filter((entry) => entry.mode !== 'FULL' || !billed);
}

/** An accepted quote's billing: what its invoices billed, what is left, and the next invoice to make. */
export function QuoteBillingPanel({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, quote.currency);
  const [mode, setMode] = useState<QuoteInvoiceMode | null>(null);
  const { hash } = useLocation();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === `#${billingPanelId}`) panel.current?.scrollIntoView({ block: 'start' });
  }, [hash]);

  return (
    <div id={billingPanelId} ref={panel}>
      <SectionCard title={t('quotes.billing.title')}>
        <Stack>
          <SimpleGrid cols={3}>
            {[
              { label: t('quotes.billing.totalNet'), amount: quote.totalNet, testId: 'quote-billing-total' },
              { label: t('quotes.billing.billedNet'), amount: quote.billedNet, testId: 'quote-billed-net' },
              { label: t('quotes.billing.remainingNet'), amount: quote.remainingNet, testId: 'quote-remaining-net' },
            ].map((figure) => (
              <Stack key={figure.testId} gap={0}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
                  {figure.label}
                </Text>
                <Text fw={700} size="lg" data-testid={figure.testId}>
                  {money(figure.amount)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          {quote.invoices.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('quotes.billing.none')}
            </Text>
          ) : (
            <Table verticalSpacing={6} data-testid="quote-invoices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('quotes.billing.column.number')}</Table.Th>
                  <Table.Th>{t('quotes.billing.column.type')}</Table.Th>
                  <Table.Th>{t('quotes.billing.column.date')}</Table.Th>
                  <Table.Th ta="right">{t('quotes.billing.column.totalNet')}</Table.Th>
                  <Table.Th ta="right">{t('quotes.billing.column.totalGross')}</Table.Th>
                  <Table.Th ta="right">{t('quotes.billing.column.amountDue')}</Table.Th>
                  <Table.Th>{t('quotes.billing.column.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quote.invoices.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <Anchor component={Link} to={billingPaths.invoice(invoice.id)} size="sm">
                        {invoice.number ?? t('invoice.draft')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`documentType.${invoice.documentType}`)}</Table.Td>
                    <Table.Td>{format.date(invoice.issueDate ?? invoice.createdAt)}</Table.Td>
                    <Table.Td ta="right">{money(invoice.totalNet)}</Table.Td>
                    <Table.Td ta="right">{money(invoice.totalGross)}</Table.Td>
                    <Table.Td ta="right">{money(invoice.amountDue)}</Table.Td>
                    <Table.Td>
                      <InvoiceStatusBadge status={invoice.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group gap="sm">
            {billableModes(quote).map((entry) => (
              <Button key={entry.mode} variant={entry.mode === 'FULL' ? 'filled' : 'light'} onClick={() => setMode(entry.mode)}>
                {t(entry.label)}
              </Button>
            ))}
          </Group>
        </Stack>
      </SectionCard>
      {mode && <ConvertQuoteModal quote={quote} mode={mode} onClose={() => setMode(null)} />}
    </div>
  );
}
