import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { canReturn, type DirectDebitBatchDetail, type DirectDebitItem } from '../hooks/use-batches';
import { ItemStatusBadge } from './ItemStatusBadge';
import { SequenceBadge } from './SequenceBadge';

/** The invoices the batch collects: what was asked, what became of it, and where the invoice stands now. */
export function BatchItemsTable({ batch, onReturn }: { batch: DirectDebitBatchDetail; onReturn: (item: DirectDebitItem) => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('directDebit.batch.items.title')}>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="xs" data-testid="batch-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directDebit.batch.items.invoice')}</Table.Th>
              <Table.Th>{t('directDebit.batch.items.customer')}</Table.Th>
              <Table.Th ta="right">{t('directDebit.batch.items.amount')}</Table.Th>
              <Table.Th>{t('directDebit.batch.items.sequence')}</Table.Th>
              <Table.Th>{t('directDebit.batch.items.status')}</Table.Th>
              <Table.Th>{t('directDebit.batch.items.invoiceStatus')}</Table.Th>
              <Table.Th ta="right">{t('directDebit.batch.items.openBalance')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.items.map((item) => {
              const number = item.invoice.number ?? item.endToEndId;
              return (
                <Table.Tr key={item.id} data-testid="batch-item" data-invoice={number}>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(item.invoice.id)} size="sm" fw={600}>
                      {number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.customer(item.customer.id)} size="sm" c="dark">
                      {item.customer.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} td={item.status === 'RETURNED' || item.status === 'CANCELLED' ? 'line-through' : undefined}>
                    {format.money(item.amount)}
                  </Table.Td>
                  <Table.Td>
                    <SequenceBadge sequence={item.sequenceType} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <ItemStatusBadge status={item.status} />
                      {item.status === 'RETURNED' && item.returnedOn && (
                        <Text size="xs" c="red.8" data-testid="item-return">
                          {t('directDebit.batch.items.returned', {
                            date: format.date(item.returnedOn),
                            reason: item.returnReasonCode ? `${item.returnReasonCode} — ${item.returnReason}` : item.returnReason,
                          })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td data-testid="item-invoice-status">{t(`directDebit.invoiceStatus.${item.invoice.status}`)}</Table.Td>
                  <Table.Td ta="right" data-testid="item-open-balance">
                    {format.money(item.invoice.openBalance)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {canReturn(item) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('directDebit.batch.items.returnOf', { number })}
                        onClick={() => onReturn(item)}
                      >
                        {t('directDebit.batch.items.return')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
