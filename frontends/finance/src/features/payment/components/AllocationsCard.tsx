import { Anchor, Button, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { PaymentAllocation, PaymentDetail } from '../hooks/use-payment';

/** The invoices the payment settles; undone allocations stay, struck through, with their reason. */
export function AllocationsCard({ payment, onRelease }: { payment: PaymentDetail; onRelease: (allocation: PaymentAllocation) => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <SectionCard title={t('payment.allocations.title')}>
      {payment.allocations.length === 0 ? (
        <Text c="dimmed">{t('payment.allocations.empty')}</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="allocations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payment.allocations.invoice')}</Table.Th>
              <Table.Th>{t('payment.allocations.dueDate')}</Table.Th>
              <Table.Th>{t('payment.allocations.allocatedOn')}</Table.Th>
              <Table.Th ta="right">{t('payment.allocations.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payment.allocations.map((allocation) => {
              const number = allocation.invoice.number ?? allocation.invoice.id;
              return (
                <Table.Tr key={allocation.id} c={allocation.releasedAt ? 'dimmed' : undefined} data-testid="allocation">
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(allocation.invoice.id)}>
                      {number}
                    </Anchor>
                    {allocation.releasedAt && (
                      <Text size="xs" c="red">
                        {t('payment.allocations.released', { reason: allocation.releaseReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{allocation.invoice.dueDate ? format.date(allocation.invoice.dueDate) : '—'}</Table.Td>
                  <Table.Td>{format.date(allocation.allocatedOn)}</Table.Td>
                  <Table.Td ta="right" td={allocation.releasedAt ? 'line-through' : undefined} data-testid="allocation-amount">
                    {format.money(allocation.amount)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!allocation.releasedAt && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('payment.allocations.releaseOf', { number })}
                        onClick={() => onRelease(allocation)}
                      >
                        {t('payment.allocations.release')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
