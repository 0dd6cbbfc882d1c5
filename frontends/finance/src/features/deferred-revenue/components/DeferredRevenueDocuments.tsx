import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { DeferredRevenueItem } from '../hooks/use-deferred-revenue';

/** The documents billing days after the closing date, each linking to its page, then the totals per revenue account. */
export function DeferredRevenueDocuments({ proposal }: { proposal: DeferredRevenueItem }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} striped data-testid="deferred-revenue-documents" aria-label={t('deferredRevenue.documents')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deferredRevenue.column.number')}</Table.Th>
              <Table.Th>{t('deferredRevenue.column.customer')}</Table.Th>
              <Table.Th>{t('deferredRevenue.column.period')}</Table.Th>
              <Table.Th ta="right">{t('deferredRevenue.column.net')}</Table.Th>
              <Table.Th ta="right">{t('deferredRevenue.column.deferred')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proposal.documents.map((document) => (
              <Table.Tr key={document.invoiceId} data-testid={`deferred-document-${document.number}`}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={document.creditNote ? billingPaths.creditNote(document.invoiceId) : billingPaths.invoice(document.invoiceId)}
                    size="sm"
                  >
                    {document.number}
                  </Anchor>
                  {document.creditNote && (
                    <Badge ml="xs" size="xs" variant="light" color="orange">
                      {t('deferredRevenue.creditNote')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{document.customerName}</Table.Td>
                <Table.Td>
                  {t('deferredRevenue.periodRange', { from: format.date(document.serviceStart), to: format.date(document.serviceEnd) })}
                </Table.Td>
                <Table.Td ta="right">{format.money(document.lineNet)}</Table.Td>
                <Table.Td ta="right" fw={500}>
                  {format.money(document.deferred)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={600}>{t('deferredRevenue.accounts')}</Text>
      <Table verticalSpacing={4} w="auto" data-testid="deferred-revenue-accounts">
        <Table.Tbody>
          {proposal.accounts.map((row) => (
            <Table.Tr key={row.account}>
              <Table.Td>{row.account}</Table.Td>
              <Table.Td ta="right">{format.money(row.amount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('deferredRevenue.total')}</Table.Td>
            <Table.Td ta="right" data-testid="deferred-revenue-total">
              {format.money(proposal.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
