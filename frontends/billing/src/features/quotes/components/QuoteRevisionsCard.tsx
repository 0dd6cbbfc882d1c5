import { Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { QuoteDetail } from '../hooks/use-quote';

/** The versions sent before the current one, oldest first, with their totals as the customer saw them. */
export function QuoteRevisionsCard({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const money = (amount: string) => format.money(amount, quote.currency);
  return (
    <SectionCard title={t('quotes.revisions.title')}>
      {quote.revisions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('quotes.revisions.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="quote-revisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.revisions.revision')}</Table.Th>
              <Table.Th>{t('quotes.column.title')}</Table.Th>
              <Table.Th>{t('quotes.revisions.sentAt')}</Table.Th>
              <Table.Th>{t('quotes.revisions.revisedAt')}</Table.Th>
              <Table.Th ta="right">{t('quotes.column.totalNet')}</Table.Th>
              <Table.Th ta="right">{t('quotes.column.totalGross')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.revisions.map((revision) => (
              <Table.Tr key={revision.revision}>
                <Table.Td>{revision.revision}</Table.Td>
                <Table.Td>
                  {revision.title}
                  <Text size="xs" c="dimmed">
                    {t('quotes.revisions.lines', { count: revision.lines.length })}
                  </Text>
                </Table.Td>
                <Table.Td>{revision.sentAt ? format.dateTime(revision.sentAt) : '—'}</Table.Td>
                <Table.Td>{format.dateTime(revision.revisedAt)}</Table.Td>
                <Table.Td ta="right">{money(revision.totalNet)}</Table.Td>
                <Table.Td ta="right">{money(revision.totalGross)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
